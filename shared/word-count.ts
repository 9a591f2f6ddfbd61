import type { Node as PMNode } from "prosemirror-model";
import type { FieldName } from "./fields";
import { textWithoutDeleted } from "./review/deleted-text";

// The length of an article, defined once. The status bar (incrementally, block by block), the
// recovery list and every exporter that states a count (HTML, NITF, ninjs, plain text) use it.
//
// A word is a run of letters, combining marks and digits, which an apostrophe, hyphen, full stop
// or comma joins when a letter or digit follows at once: "don't", "al-Qaeda", "150,000", "3.5"
// and "U.S." are one word each, "—", "&" or "$" alone are none. Chinese and Japanese are written
// without spaces, so each Han, Hiragana or Katakana character counts as a word.
//
// Counted: the text of every field a reader reads as the story, from kicker to tagline (kicker,
// headline, standfirst, byline, dateline place, body, tagline). Not counted: figures (caption,
// credit, alt text, as ninjs counts them), the dateline's date and agency, and related links.
// Characters are the Unicode code points of the same text, spaces included, block breaks not.

/// Words and characters of some text.
export interface Counts {
  words: number;
  characters: number;
}

/// The fields whose text is counted, in document order.
export const countedFields: readonly FieldName[] = ["kicker", "headline", "standfirst", "byline", "dateline", "body", "tagline"];

/// Blocks inside the body whose text is not counted.
const uncountedBlocks = new Set(["figure"]);

const ideograph = "\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}";
const wordChar = `(?:(?![${ideograph}])[\\p{L}\\p{M}\\p{N}])`;
const wordPattern = new RegExp(`[${ideograph}]|${wordChar}+(?:['’\\-.,]${wordChar}+)*`, "gu");

/// The number of words in a text.
export function countWords(text: string): number {
  return text.match(wordPattern)?.length ?? 0;
}

/// The number of characters (code points) in a text.
export function countCharacters(text: string): number {
  let characters = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) characters -= 1;
  }
  return characters;
}

/// The words and characters of a text.
export function countText(text: string): Counts {
  return { words: countWords(text), characters: countCharacters(text) };
}

/// Adds `counts` (sign 1) to `total`, or takes them away (-1).
export function addCounts(total: Counts, counts: Counts, sign: 1 | -1 = 1): void {
  total.words += sign * counts.words;
  total.characters += sign * counts.characters;
}

/// The counts of one field, or of one block of the body: each textblock in it counted on its own, figures left out.
export function countNode(node: PMNode): Counts {
  if (uncountedBlocks.has(node.type.name)) return { words: 0, characters: 0 };
  if (node.isTextblock) return countText(textWithoutDeleted(node));
  const total = { words: 0, characters: 0 };
  node.descendants((child) => {
    if (uncountedBlocks.has(child.type.name)) return false;
    if (!child.isTextblock) return true;
    addCounts(total, countText(textWithoutDeleted(child)));
    return false;
  });
  return total;
}

/// True for a top-level field whose text is counted.
export function isCountedField(field: PMNode): boolean {
  return countedFields.includes(field.type.name as FieldName);
}

/// The words and characters of an article's document.
export function articleCounts(doc: PMNode): Counts {
  const total = { words: 0, characters: 0 };
  doc.forEach((field) => {
    if (isCountedField(field)) addCounts(total, countNode(field));
  });
  return total;
}

/// The number of words in an article's document.
export function wordCount(doc: PMNode): number {
  return articleCounts(doc).words;
}
