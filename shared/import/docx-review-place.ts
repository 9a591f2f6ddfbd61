import type { Node as PMNode } from "prosemirror-model";
import type { WordParagraph } from "./docx-review-read";

// Finding a Word document's paragraphs among the text blocks of the article mammoth made of it, by
// their words, so that offsets in a Word paragraph become positions in the article
// (shared/import/docx-review.ts places the review there). Nothing hangs on counting paragraphs,
// which the styled parts (kicker, dateline, related links) and figures would throw off.

/// A Word paragraph as placed on a text block: `at(offset)` gives the document position of an offset
/// of its text, or null; `blockStart` and `blockEnd` are where the block's text starts and ends.
export interface Placed {
  at: (offset: number) => number | null;
  blockStart: number;
  blockEnd: number;
}

/// Text with runs of white space made one space and the ends trimmed, with the map from each raw
/// offset to its offset in the trimmed text and back.
interface Normalized {
  text: string;
  fromRaw: number[];
  toRaw: number[];
}

function normalize(raw: string): Normalized {
  const fromRaw: number[] = [];
  const toRaw: number[] = [];
  let text = "";
  let inSpace = false;
  let end = 0;
  for (let i = 0; i < raw.length; i++) {
    if (/\s/.test(raw[i])) {
      // The first space of a run stands where the one space will be; the others just after it.
      fromRaw.push(text === "" ? 0 : text.length + (inSpace ? 1 : 0));
      if (text !== "" && !inSpace) toRaw[text.length] = i;
      inSpace = text !== "";
      continue;
    }
    if (inSpace) text += " ";
    inSpace = false;
    fromRaw.push(text.length);
    toRaw[text.length] = i;
    text += raw[i];
    end = i + 1;
  }
  fromRaw.push(text.length);
  toRaw.length = text.length;
  toRaw.push(end);
  return { text, fromRaw: fromRaw.map((n) => Math.min(n, text.length)), toRaw };
}

interface TextBlock {
  pos: number;
  node: PMNode;
  norm: Normalized;
}

/// How many text blocks past the last one placed a Word paragraph is looked for.
const lookAhead = 12;

/// Finds each Word paragraph among the article's text blocks, in order: the same words, or the
/// paragraph's words inside a block (a table cell of several paragraphs), or a block's words inside
/// the paragraph (an attribution after "— ", the dateline's place).
export function placeParagraphs(doc: PMNode, paragraphs: WordParagraph[]): (Placed | null)[] {
  const blocks: TextBlock[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const norm = normalize(node.textContent);
    if (norm.text !== "") blocks.push({ pos, node, norm });
    return false;
  });
  let cursor = 0;
  let used = 0;
  return paragraphs.map((paragraph) => {
    const word = normalize(paragraph.text);
    if (word.text === "") return null;
    for (let b = cursor; b < Math.min(blocks.length, cursor + lookAhead); b++) {
      const block = blocks[b].norm.text;
      const from = b === cursor ? used : 0;
      let shift: number;
      let index: number;
      if (from === 0 && block === word.text) {
        [shift, cursor, used] = [0, b + 1, 0];
      } else if (word.text.length >= 3 && (index = block.indexOf(word.text, from)) >= 0) {
        [shift, cursor, used] = [index, b, index + word.text.length];
      } else if (from === 0 && block.length >= 3 && (index = word.text.indexOf(block)) >= 0) {
        [shift, cursor, used] = [-index, b + 1, 0];
      } else continue;
      const { pos, norm } = blocks[b];
      return {
        blockStart: pos + 1,
        blockEnd: pos + 1 + blocks[b].node.content.size,
        at: (offset: number) => {
          const n = word.fromRaw[Math.min(offset, word.fromRaw.length - 1)] + shift;
          return n < 0 || n > norm.text.length ? null : pos + 1 + norm.toRaw[n];
        },
      };
    }
    return null;
  });
}
