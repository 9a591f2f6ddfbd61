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

/// The ink for initials on a person's colour (their chip): black or white, whichever contrasts
/// more; for any colour that is 4.5:1 at least (WCAG's for small text), which white alone is not
/// on the lighter colours ("#b7791f": 3.6:1).
export function inkOn(colour: string): "#000000" | "#ffffff" {
  const rgb = /^#([0-9a-f]{6})$/i.exec(colour) ? parseInt(colour.slice(1), 16) : 0;
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(rgb >> 16) + 0.7152 * channel((rgb >> 8) & 255) + 0.0722 * channel(rgb & 255);
  // Contrast with white, (1 + 0.05) / (L + 0.05), against contrast with black, (L + 0.05) / 0.05.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? "#ffffff" : "#000000";
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
