import type { Node as PMNode } from "prosemirror-model";
import type { ArticleMeta } from "../article";
import type { BlockMatch } from "./rule";
import { wordsOf, type Span } from "./text";

// Spelling, the same in the editor (in a worker), the main process and the command line: the
// Hunspell dictionaries of the `dictionary-*` packages read by nspell, for the article's
// language. Words the checks never flag: those of the personal dictionary and the newsroom's
// word list (Settings), names the article already uses in its headline, byline or tags, words
// with digits, abbreviations in capitals, web and mail addresses.

/// What the checks need of a Hunspell dictionary (nspell gives it).
export interface Speller {
  correct(word: string): boolean;
  suggest(word: string): string[];
}

/// The dictionaries Copydesk ships, by the package that holds each.
export const dictionaries = {
  en: "dictionary-en",
  "en-gb": "dictionary-en-gb",
  fr: "dictionary-fr",
  de: "dictionary-de",
  es: "dictionary-es",
} as const;
export type DictionaryName = keyof typeof dictionaries;

/// British and Commonwealth English take the en-GB dictionary; the rest of English the American one.
const britishRegions = new Set(["gb", "uk", "ie", "au", "nz", "za", "in", "ng", "ke"]);

/// The dictionary for an article's language, or null when Copydesk has none (Arabic, for instance).
export function dictionaryFor(language: string): DictionaryName | null {
  const [base, region] = language.toLowerCase().split("-");
  if (base === "en") return region && britishRegions.has(region) ? "en-gb" : "en";
  return base in dictionaries ? (base as DictionaryName) : null;
}

/// The rule id spelling matches carry.
export const spellingRule = "spelling";

const elision = /^(?:[lLdDjJmMnNsStTcC]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu|[Qq]uoiqu)['’](?=\p{L})/u;
const possessive = /['’]s$/u;
const addresses = /(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/gu;

/// The words of a text that a spell check looks at, with where each is: elisions ("l’", "qu’")
/// and possessive "’s" are left out; words with digits and abbreviations in capitals are skipped.
export function wordsToSpell(text: string): (Span & { text: string })[] {
  const skipped: Span[] = [];
  addresses.lastIndex = 0;
  for (let m = addresses.exec(text); m; m = addresses.exec(text)) skipped.push({ from: m.index, to: m.index + m[0].length });
  const words: (Span & { text: string })[] = [];
  for (const word of wordsOf(text)) {
    if (skipped.some((s) => s.from <= word.from && s.to >= word.to)) continue;
    for (const part of word.text.split(/(?<=\p{L})[-.](?=\p{L})/u)) {
      let from = word.from + word.text.indexOf(part);
      let spelled = part;
      const elided = elision.exec(spelled);
      if (elided) {
        from += elided[0].length;
        spelled = spelled.slice(elided[0].length);
      }
      spelled = spelled.replace(possessive, "");
      if (spelled.length < 2 || /[\p{N}_]/u.test(spelled)) continue;
      if (spelled === spelled.toUpperCase()) continue;
      words.push({ from, to: from + spelled.length, text: spelled });
    }
  }
  return words;
}

/// Words a spell check of this article accepts beyond the dictionary: the personal dictionary,
/// the newsroom's list, and the capitalised words of the headline, byline and tags.
export function acceptedWords(doc: PMNode, meta: Pick<ArticleMeta, "tags">, lists: readonly (readonly string[])[] = []): Set<string> {
  const accepted = new Set<string>();
  for (const list of lists) for (const entry of list) for (const word of wordsOf(entry)) accepted.add(word.text.replace(/’/g, "'"));
  const names = [...meta.tags];
  doc.forEach((field) => {
    if (field.type.name === "headline" || field.type.name === "byline") names.push(field.textContent);
  });
  for (const text of names) for (const word of wordsToSpell(text)) if (/^\p{Lu}/u.test(word.text)) accepted.add(word.text.replace(/’/g, "'"));
  return accepted;
}

/// The words of a text the dictionary does not know and the article does not accept.
export function misspellings(text: string, speller: Speller, accepted: ReadonlySet<string>): (Span & { text: string })[] {
  return wordsToSpell(text).filter((word) => {
    const plain = word.text.replace(/’/g, "'");
    return !accepted.has(plain) && !speller.correct(plain);
  });
}

/// A misspelled word as a check's match, with the dictionary's suggestions as its fixes.
export function spellingMatch(word: Span & { text: string }, suggestions: readonly string[], dictionary: DictionaryName): BlockMatch {
  const typographic = word.text.includes("’");
  return {
    rule: spellingRule,
    level: "warning",
    message: `“${word.text}” is not in the ${dictionaryNames[dictionary]} dictionary.`,
    from: word.from,
    to: word.to,
    text: word.text,
    replacements: suggestions.slice(0, 5).map((s) => (typographic ? s.replace(/'/g, "’") : s)),
  };
}

/// The dictionaries' names for people.
export const dictionaryNames: Record<DictionaryName, string> = {
  en: "English (US)",
  "en-gb": "English (UK)",
  fr: "French",
  de: "German",
  es: "Spanish",
};
