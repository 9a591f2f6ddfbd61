import { diffWords } from "diff";

// Two texts compared word by word, as a redline's runs: jsdiff's `diffWords` with the language's
// word segmenter (so Chinese, Japanese and Thai are compared by word too), after a linear check
// that the texts are alike enough for a word-by-word redline to read well.

/// A run of text that both versions have, or that only the older (deleted) or the newer (inserted) has.
export interface TextPiece {
  change: "same" | "deleted" | "inserted";
  text: string;
}

/// Most words of difference a block or field is compared word by word; past it, the whole older
/// text is shown deleted and the newer inserted (a rewrite reads better that way, and it bounds the work).
const maxWordEdits = 2_000;

/// Compares an older and a newer text.
export type WordDiffer = (before: string, after: string) => TextPiece[];

/// Word-by-word comparison of two texts in a language (its word segmenter finds the words, also in
/// scripts without spaces); texts too unalike are shown whole, deleted then inserted.
export function wordDiffer(language: string): WordDiffer {
  let segmenter: Intl.Segmenter;
  try {
    segmenter = new Intl.Segmenter(language, { granularity: "word" });
  } catch {
    segmenter = new Intl.Segmenter("en", { granularity: "word" });
  }
  return (before, after) => {
    if (before === after) return before === "" ? [] : [{ change: "same", text: before }];
    const changes = similar(before, after) ? diffWords(before, after, { intlSegmenter: segmenter, maxEditLength: maxWordEdits }) : undefined;
    const pieces: TextPiece[] = changes
      ? changes.map((c) => ({ change: c.added ? "inserted" : c.removed ? "deleted" : "same", text: c.value }))
      : [
          { change: "deleted", text: before },
          { change: "inserted", text: after },
        ];
    return pieces.filter((p) => p.text !== "");
  };
}

/// Words as `similar` counts them, without a segmenter (a tenth of its cost): runs of letters and
/// digits, and each character of the scripts written without spaces (Chinese, Japanese, Thai).
const roughWords = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]|[^\s\p{P}\p{S}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]+/gu;

/// True when two texts share at least half their words (counted with repeats, in any order): only
/// then is a word-by-word redline worth reading, and the linear count spares the costlier comparison
/// of texts that were rewritten.
function similar(before: string, after: string): boolean {
  const words = (text: string) => text.toLowerCase().match(roughWords) ?? [];
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
