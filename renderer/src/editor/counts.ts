import type { Node as PMNode } from "prosemirror-model";
import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";
import { schema } from "../../../shared/schema";

// Words and characters of the story, kept up to date incrementally: each body block's counts
// are cached by node (unchanged blocks keep their identity from one state to the next), and a
// transaction only recounts the blocks inside the range it changed.

/// Words and characters of some text.
export interface Counts {
  words: number;
  characters: number;
}

const wordPattern = /[\p{L}\p{N}]+(?:['’\-.,][\p{L}\p{N}]+)*/gu;

/// Counts the words and characters of a string.
export function countText(text: string): Counts {
  return { words: text.match(wordPattern)?.length ?? 0, characters: text.length };
}

const blockCache = new WeakMap<PMNode, Counts>();

/// The counts of one body block, cached for as long as the block is unchanged.
export function blockCounts(block: PMNode): Counts {
  let counts = blockCache.get(block);
  if (!counts) {
    counts = countText(block.textBetween(0, block.content.size, " ", " "));
    blockCache.set(block, counts);
  }
  return counts;
}

/// The counts of the whole body, block by block (what the incremental count must equal).
export function countBody(doc: PMNode): Counts {
  const total = { words: 0, characters: 0 };
  bodyOf(doc).node.forEach((block) => add(total, blockCounts(block), 1));
  return total;
}

function add(total: Counts, counts: Counts, sign: 1 | -1): void {
  total.words += sign * counts.words;
  total.characters += sign * counts.characters;
}

function bodyOf(doc: PMNode): { node: PMNode; pos: number } {
  let found = { node: doc.child(5), pos: 0 };
  doc.forEach((child, pos) => {
    if (child.type === schema.nodes.body) found = { node: child, pos };
  });
  return found;
}

/// The smallest range of the new document that the transaction changed, and the same range in the old one.
export function changedRange(tr: Transaction): { oldFrom: number; oldTo: number; newFrom: number; newTo: number } | null {
  let newFrom = Infinity;
  let newTo = -Infinity;
  const maps = tr.mapping.maps;
  maps.forEach((map, i) => {
    map.forEach((_oldStart, _oldEnd, start, end) => {
      const rest = tr.mapping.slice(i + 1);
      newFrom = Math.min(newFrom, rest.map(start, -1));
      newTo = Math.max(newTo, rest.map(end, 1));
    });
  });
  if (newFrom === Infinity) return null;
  const back = tr.mapping.invert();
  return { oldFrom: back.map(newFrom, -1), oldTo: back.map(newTo, 1), newFrom, newTo };
}

/// Adds (sign 1) or takes away (-1) the counts of the body blocks touching [from, to].
function addBlocksIn(total: Counts, doc: PMNode, from: number, to: number, sign: 1 | -1): void {
  const body = bodyOf(doc);
  let pos = body.pos + 1;
  for (let i = 0; i < body.node.childCount && pos <= to; i++) {
    const block = body.node.child(i);
    const end = pos + block.nodeSize;
    if (end >= from) add(total, blockCounts(block), sign);
    pos = end;
  }
}

/// The counts after a transaction, from the counts before it.
export function updateCounts(counts: Counts, tr: Transaction): Counts {
  if (!tr.docChanged || bodyOf(tr.before).node === bodyOf(tr.doc).node) return counts;
  const range = changedRange(tr);
  if (!range) return counts;
  const next = { ...counts };
  addBlocksIn(next, tr.before, range.oldFrom, range.oldTo, -1);
  addBlocksIn(next, tr.doc, range.newFrom, range.newTo, 1);
  return next;
}

const countsKey = new PluginKey<Counts>("counts");

/// Keeps the story's word and character counts in editor state.
export function countsPlugin(): Plugin<Counts> {
  return new Plugin<Counts>({
    key: countsKey,
    state: {
      init: (_config, state) => countBody(state.doc),
      apply: (tr, counts) => updateCounts(counts, tr),
    },
  });
}

/// The story's counts in this state.
export function countsOf(state: EditorState): Counts {
  return countsKey.getState(state) ?? countBody(state.doc);
}

/// Minutes a reader needs for that many words (about 230 a minute), at least 1 when there are any.
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / 230));
}

/// The length limits of the short fields (ARTICLE-MODEL.md): a soft one that warns and, for the headline, a hard one.
export const lengthLimits: Record<string, { warn: number; error?: number }> = {
  kicker: { warn: 40 },
  headline: { warn: 70, error: 120 },
  standfirst: { warn: 160 },
};

/// How a field's length stands against its limits.
export function lengthLevel(field: string, length: number): "ok" | "warn" | "error" {
  const limit = lengthLimits[field];
  if (!limit) return "ok";
  if (limit.error !== undefined && length > limit.error) return "error";
  return length > limit.warn ? "warn" : "ok";
}
