import { collapse } from "./build";

// A byline as pages and wires write it ("By ERIN CUNNINGHAM, Staff Writer · 3 hours ago",
// "Par Sébastien Farcis", "Ann Lee and Bo Chan") made into the names alone: no "By", no job
// titles, no times, no "Updated", no links to profiles.

const lead = /^(?:by|from|par|de|von|por|door|av|di|af|kirjoittanut|tekijä)\s+/i;
// Lower case only (and AND): "E." in "Louise E. Smith" is an initial, not the Portuguese "e".
const joiners = /\s*(?:,|;|\||·|•|&|\s\/\s|\b(?:and|AND|und|et|og|och|y|e|en|with|avec|mit|con)\b)\s*/;
const times = /\b(?:\d+\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago|updated|published|posted|\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)\b/i;
const titles = /\b(?:correspondent|editor|reporter|writer|columnist|contributor|staff|journalist|producer|analyst|critic|chief|head of|senior|bureau|desk|news service|press association|associated press|the associated press|photographer|presenter|follow|twitter|email|more by|rédaction|redaktion|redacción|reportagem|correspondant|envoyé|envoyée)\b/i;

/// True when a piece of a byline reads as a person's or an agency's name.
function isName(piece: string): boolean {
  if (piece === "" || piece.length > 60 || /\d/.test(piece) || /[@/:]/.test(piece)) return false;
  if (times.test(piece) || titles.test(piece)) return false;
  const words = piece.split(" ");
  if (words.length > 6) return false;
  // A name's words start with a capital, apart from particles such as "de", "van", "al-".
  return words.some((w) => /^\p{Lu}/u.test(w)) && words.every((w) => /^\p{Lu}/u.test(w) || /^\p{Ll}['’]\p{Lu}/u.test(w) || /^(?:de|da|das|do|dos|del|della|di|du|la|le|van|von|der|den|ter|bin|ibn|al-?\S*|el-?\S*|y|e|'t|af)$/i.test(w) || /^[("]/.test(w));
}

/// The names in a byline, in order and without repeats.
export function bylineNames(text: string): string[] {
  const names: string[] = [];
  // "(avec Damien Leloup et Morgane Tual)" names more people; other brackets ("Bruno (Henrique) Rodrigues") are part of a name.
  const cleaned = collapse(text).replace(/\(([^)]*)\)/g, (_, inner: string) => (joiners.test(` ${inner} `) ? `, ${inner},` : inner));
  for (const raw of cleaned.split(joiners)) {
    const piece = collapse(raw.replace(lead, "").replace(/^[-–—:]+|[-–—:.]+$/g, ""));
    if (isName(piece) && !names.includes(piece)) names.push(piece);
  }
  return names;
}

/// A byline of names only ("Ann Lee, Bo Chan"), or "" when none is left.
export function cleanByline(text: string): string {
  return bylineNames(text).join(", ");
}
