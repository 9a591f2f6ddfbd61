import type { Concept } from "../article";

// The IPTC vocabularies the metadata panel offers (Media Topics for subjects, genre NewsCodes for
// the genre), read from IPTC's IKOS JSON files beside this one. The files are large (Media Topics
// is 2 MB, with definitions, mappings and history), so the build keeps only what a picker needs:
// `conceptIndex` runs when the renderer is built (scripts/vite-vocabularies.ts), the window loads
// the result on first use, and the search below runs over it.

/// One concept as the picker keeps it: its qcode, its labels by language tag, and the qcode of its
/// broader concept (null at the top), to tell apart concepts of the same name.
export interface IndexedConcept {
  code: string;
  labels: Record<string, string>;
  broader: string | null;
}

/// A concept found by a search, named in the article's language.
export interface FoundConcept extends Concept {
  /// The broader concept's name ("politics and government" for "election"), or "" at the top.
  broader: string;
}

/// The language every concept has a label in; the fallback for any other.
export const fallbackLanguage = "en-GB";

// The Media Topics file tags Swedish "se" and Danish "dk" (country codes, not language tags).
const languageTags: Record<string, string> = { se: "sv", dk: "da" };

interface IkosConcept {
  qcode: string;
  prefLabel?: Record<string, string>;
  broader?: string[];
  retired?: string;
}

/// The concepts of an IKOS concept set (IPTC's JSON), without the retired ones, in file order.
export function conceptIndex(ikos: { conceptSet: IkosConcept[] }): IndexedConcept[] {
  const kept = ikos.conceptSet.filter((concept) => !concept.retired && concept.prefLabel?.[fallbackLanguage]);
  const codes = new Set(kept.map((concept) => concept.qcode));
  return kept.map((concept) => {
    const labels: Record<string, string> = {};
    for (const [tag, label] of Object.entries(concept.prefLabel ?? {})) labels[languageTags[tag] ?? tag] = label.trim();
    // A broader concept is named by its URI, whose last segment is the code after the scheme's alias.
    const parent = concept.broader?.[0];
    const broader = parent ? `${concept.qcode.split(":")[0]}:${parent.slice(parent.lastIndexOf("/") + 1)}` : null;
    return { code: concept.qcode, labels, broader: broader && codes.has(broader) ? broader : null };
  });
}

/// The concept's label in a language: the exact tag, else one of the same language ("pt" finds
/// "pt-PT", "zh-TW" finds "zh-Hans"), else British English.
export function labelIn(concept: IndexedConcept, language: string): string {
  const exact = concept.labels[language];
  if (exact) return exact;
  const primary = language.toLowerCase().split("-")[0];
  for (const [tag, label] of Object.entries(concept.labels)) if (tag.toLowerCase().split("-")[0] === primary) return label;
  return concept.labels[fallbackLanguage] ?? concept.code;
}

/// Letters in lower case without accents, so "Élections" and "elections" read alike.
function folded(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
}

const words = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/// True when a typed word names a word of a label: the start of it ("elect" for "election"), or
/// the word with a short ending ("elections" for "election", "taxes" for "tax").
function wordMatches(typed: string, label: string): boolean {
  if (label.startsWith(typed)) return true;
  return label.length >= 3 && typed.startsWith(label) && typed.length - label.length <= 2;
}

/// How well a label answers a query: 0 the same, 1 it starts so, 2 each word found, 3 found inside; null not at all.
function rank(label: string, query: string): number | null {
  if (label === query) return 0;
  if (label.startsWith(query)) return 1;
  const labelWords = words(label);
  const typed = words(query);
  if (typed.length && typed.every((word) => labelWords.some((w) => wordMatches(word, w)))) return 2;
  if (label.includes(query)) return 3;
  return null;
}

/// The concepts whose label in the article's language (British English where they have none)
/// answers what was typed, best first: the same label, then labels that start so, then labels with
/// every typed word, then labels containing it; a qcode or its number finds its concept.
export function searchConcepts(index: readonly IndexedConcept[], query: string, language: string, limit = 20): FoundConcept[] {
  const wanted = folded(query);
  if (!wanted) return [];
  const byCode = new Map(index.map((concept) => [concept.code, concept]));
  const found: { concept: IndexedConcept; name: string; rank: number }[] = [];
  for (const concept of index) {
    const name = labelIn(concept, language);
    const score = concept.code === wanted || concept.code.endsWith(`:${wanted}`) ? 0 : rank(folded(name), wanted);
    if (score !== null) found.push({ concept, name, rank: score });
  }
  found.sort((a, b) => a.rank - b.rank || a.name.length - b.name.length || a.name.localeCompare(b.name));
  return found.slice(0, limit).map(({ concept, name }) => {
    const broader = concept.broader ? byCode.get(concept.broader) : undefined;
    return { code: concept.code, name, broader: broader ? labelIn(broader, language) : "" };
  });
}

/// Every concept as the article stores it, named in its language, in the vocabulary's order.
export function conceptsIn(index: readonly IndexedConcept[], language: string): Concept[] {
  return index.map((concept) => ({ code: concept.code, name: labelIn(concept, language) }));
}
