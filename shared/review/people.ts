import type { Person } from "./review";

// The people of a review: the colour a name is shown in and the initials suggested for it.

/// Colours for authors, each with a contrast of at least 3:1 (WCAG's for graphics) on the
/// paper of both the light and the dark theme, so a note's colour reads in either.
export const personColours = [
  "#c0392b",
  "#d35400",
  "#b7791f",
  "#2f855a",
  "#2b7a78",
  "#2b6cb0",
  "#5a67d8",
  "#805ad5",
  "#b83280",
  "#4a7c2a",
] as const;

/// The colour of a name: the same name always gets the same colour (FNV-1a of the name, folded by case).
export function personColour(name: string): string {
  let hash = 0x811c9dc5;
  for (const ch of name.trim().toLowerCase()) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return personColours[hash % personColours.length];
}

/// Initials suggested for a name: the first letter of its first and last words ("Amira Haddad" → "AH").
export function suggestedInitials(name: string): string {
  const words = name.trim().split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  const first = (word: string | undefined) => (word ? ([...word].find((ch) => /\p{L}/u.test(ch)) ?? "") : "");
  return (first(words[0]) + (words.length > 1 ? first(words.at(-1)) : "")).toUpperCase();
}

/// Most characters of a name and of initials.
export const maxNameLength = 100;
export const maxInitialsLength = 4;

/// Why a name and initials cannot identify someone, or null: the words the identity dialog and Settings show.
export function identityProblem(name: string, initials: string): string | null {
  if (name.trim() === "") return "Type your name.";
  if (name.trim().length > maxNameLength) return `A name is at most ${maxNameLength} characters.`;
  if (initials.trim() === "") return "Type your initials.";
  if ([...initials.trim()].length > maxInitialsLength) return `Initials are at most ${maxInitialsLength} letters.`;
  return null;
}

/// The person a name and initials make, with the name's colour.
export function personFrom(name: string, initials: string): Person {
  return { name: name.trim(), initials: initials.trim(), colour: personColour(name) };
}
