import { diffArrays } from "diff";

// Two texts compared word by word, as a redline's runs: each text cut into words, spaces and
// marks (each character of the scripts written without spaces, Chinese, Japanese, Thai, on its
// own: a run of changed characters still shows as one change), then Myers' diff over them
// (jsdiff's `diffArrays`), after a linear check that the texts are alike enough for a
// word-by-word redline to read well. Not `Intl.Segmenter`: in Node 20 each segment it gives holds
// a fresh copy of the whole text, so a long paragraph cost memory by the square of its length.

/// A run of text that both versions have, or that only the older (deleted) or the newer (inserted) has.
export interface TextPiece {
  change: "same" | "deleted" | "inserted";
  text: string;
}

/// Most words of difference a text is compared word by word, and the most work (words times
/// differences) spent on one; past either, the whole older text is shown deleted and the newer
/// inserted (a rewrite reads better that way, and it bounds the time a huge paragraph takes).
const maxWordEdits = 2_000;
const maxWordWork = 40_000_000;

/// Compares an older and a newer text.
export type WordDiffer = (before: string, after: string) => TextPiece[];

/// Characters of scripts written without spaces: each is a word of its own here.
const unspaced = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Thai}";
/// Words (runs of letters and digits, or one unspaced character), runs of spaces, and any other character.
const tokenPattern = new RegExp(`[${unspaced}]|[^\\s\\p{P}\\p{S}${unspaced}]+|\\s+|.`, "gsu");
/// Only the words, as `similar` counts them.
const wordPattern = new RegExp(`[${unspaced}]|[^\\s\\p{P}\\p{S}${unspaced}]+`, "gu");

/// Word-by-word comparison of two texts; texts too unalike are shown whole, deleted then inserted.
export function wordDiffer(): WordDiffer {
  return (before, after) => {
    if (before === after) return before === "" ? [] : [{ change: "same", text: before }];
    const a = before.match(tokenPattern) ?? [];
    const b = after.match(tokenPattern) ?? [];
    const maxEditLength = Math.min(maxWordEdits, Math.floor(maxWordWork / (a.length + b.length)));
    const changes = similar(before, after) ? diffArrays(a, b, { maxEditLength }) : undefined;
    const pieces: TextPiece[] = changes
      ? changes.map((c) => ({ change: c.added ? "inserted" : c.removed ? "deleted" : "same", text: c.value.join("") }))
      : [
          { change: "deleted", text: before },
          { change: "inserted", text: after },
        ];
    return pieces.filter((p) => p.text !== "");
  };
}

/// True when two texts share at least half their words (counted with repeats, in any order): only
/// then is a word-by-word redline worth reading, and the linear count spares the costlier comparison
/// of texts that were rewritten.
function similar(before: string, after: string): boolean {
  const words = (text: string) => text.toLowerCase().match(wordPattern) ?? [];
  const a = words(before);
  const b = words(after);
  if (a.length === 0 || b.length === 0) return true;
  const counts = new Map<string, number>();
  for (const word of a) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of b) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      shared += 1;
      counts.set(word, left - 1);
    }
  }
  return (2 * shared) / (a.length + b.length) >= 0.5;
}
