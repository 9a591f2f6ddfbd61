import type { Author } from "./article";

// The byline written from the story's structured authors, and the check that a byline typed by
// hand names each of them (the pre-export check warns otherwise: shared/export/checks.ts).

/// "By" in the languages the metadata panel offers; any other language gets the English word.
const byWord: Record<string, string> = { en: "By", fr: "Par", de: "Von", es: "Por", it: "Di", pt: "Por", nl: "Door" };

/// The byline for these authors in the article's language: "By Ann Reporter and Tom Desk",
/// "By Ann Reporter, Tom Desk and Li Wei"; "" when no author has a name.
export function bylineFor(authors: readonly Author[], language: string): string {
  const names = authors.map((author) => author.name.trim()).filter(Boolean);
  if (names.length === 0) return "";
  const primary = language.toLowerCase().split("-")[0] ?? "en";
  const by = byWord[primary];
  // Names joined as the language joins a list ("A, B and C", "A, B et C"); the English word where "By" is English.
  const list = new Intl.ListFormat(by ? language : "en", { style: "long", type: "conjunction" }).format(names);
  return `${by ?? byWord.en} ${list}`;
}

/// Letters in lower case without accents or extra spaces, so "José  Díaz" and "JOSE DIAZ" match.
function folded(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/// The authors' names the byline does not hold (each compared without case or accents).
export function authorsMissingFromByline(byline: string, authors: readonly Author[]): string[] {
  const text = folded(byline);
  return authors.map((author) => author.name.trim()).filter((name) => name && !text.includes(folded(name)));
}
