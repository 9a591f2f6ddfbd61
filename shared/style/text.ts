// Text helpers of the style checks: words, sentences and the shorthand rule patterns may use.

/// Letters, combining marks and digits: what a word is made of.
export const wordChar = "[\\p{L}\\p{M}\\p{N}]";
/// Spaces, including the no-break and narrow no-break spaces French typography uses.
export const space = "[ \\t\\u00a0\\u202f\\u2009]";

/// Words a full stop follows without ending the sentence: months, titles, initials ("U.S.", "J. K.").
const abbreviation = `(?<![\\p{L}\\p{M}\\p{N}])(?:Jan|Feb|Aug|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|No|Gen|Col|Lt|Sgt|Rep|Sen|Gov|Jr|Sr|vs|Mme|MM|av|bd|\\p{Lu})`;

/// The shorthands a rule's pattern may use: `{<}` and `{>}` a word's start and end (where `\b`
/// knows only ASCII), `{start}` the start of a sentence, `{space}` any space.
const shorthands: Record<string, string> = {
  "{<}": `(?<!${wordChar})`,
  "{>}": `(?!${wordChar})`,
  "{start}": `(?<=^|(?<!${abbreviation})[.!?…]["”’»)]*${space}+|^["“‘«]${space}?)`,
  "{space}": space,
};

/// A rule's pattern with its shorthands expanded.
export function expandPattern(pattern: string): string {
  return pattern.replace(/\{<\}|\{>\}|\{start\}|\{space\}/g, (s) => shorthands[s]);
}

/// A literal word or phrase as a pattern: whole words, any space between words, ' for ' or ’.
export function literalPattern(phrase: string): string {
  const escaped = phrase
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replace(/['’]/g, "['’]")
    .replace(/\s+/g, `${space}+`);
  const start = /^[\p{L}\p{M}\p{N}]/u.test(phrase.trim()) ? shorthands["{<}"] : "";
  const end = /[\p{L}\p{M}\p{N}]$/u.test(phrase.trim()) ? shorthands["{>}"] : "";
  return `${start}${escaped}${end}`;
}

/// The same phrase written the same way, for looking up what a literal match stands for.
export function phraseKey(text: string, ignoreCase: boolean): string {
  const key = text.replace(/’/g, "'").replace(/[\s\u00a0\u202f\u2009]+/g, " ").trim();
  return ignoreCase ? key.toLowerCase() : key;
}

/// A range of a text.
export interface Span {
  from: number;
  to: number;
}

const sentenceEnd = new RegExp(`(?<!${abbreviation})[.!?…]+["”’»)]*(?=${space}|$)`, "gu");

/// The sentences of a text, as ranges without their surrounding spaces.
export function sentences(text: string): Span[] {
  const spans: Span[] = [];
  const add = (from: number, to: number) => {
    const part = text.slice(from, to);
    const start = from + part.length - part.trimStart().length;
    const end = from + part.trimEnd().length;
    if (end > start) spans.push({ from: start, to: end });
  };
  let from = 0;
  sentenceEnd.lastIndex = 0;
  for (let m = sentenceEnd.exec(text); m; m = sentenceEnd.exec(text)) {
    add(from, m.index + m[0].length);
    from = m.index + m[0].length;
  }
  add(from, text.length);
  return spans;
}

const wordPattern = /[\p{L}\p{M}\p{N}]+(?:['’\-.][\p{L}\p{M}\p{N}]+)*/gu;

/// The words of a text with where each is.
export function wordsOf(text: string): (Span & { text: string })[] {
  const words: (Span & { text: string })[] = [];
  wordPattern.lastIndex = 0;
  for (let m = wordPattern.exec(text); m; m = wordPattern.exec(text)) words.push({ from: m.index, to: m.index + m[0].length, text: m[0] });
  return words;
}

/// The replacement written with the capital of what it replaces ("Its" → "It's").
export function matchCase(replacement: string, original: string): string {
  const first = original.charAt(0);
  if (first && first === first.toUpperCase() && first !== first.toLowerCase()) {
    const head = replacement.charAt(0);
    if (head === head.toLowerCase()) return head.toUpperCase() + replacement.slice(1);
  }
  return replacement;
}
