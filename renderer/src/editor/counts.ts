import type { Node as PMNode } from "prosemirror-model";
import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";
import { schema } from "../../../shared/schema";
import { addCounts, countNode, isCountedField, type Counts } from "../../../shared/word-count";

// The article's words and characters (as shared/word-count.ts defines them), kept up to date
// incrementally: each field and each body block's counts are cached by node (unchanged nodes
// keep their identity from one state to the next), and a transaction only recounts the fields
// it replaced and, in the body, the blocks inside the range it changed.

const nodeCache = new WeakMap<PMNode, Counts>();

/// The counts of one field or body block, cached for as long as the node is unchanged.
export function blockCounts(block: PMNode): Counts {
  let counts = nodeCache.get(block);
  if (!counts) {
    counts = countNode(block);
    nodeCache.set(block, counts);
  }
  return counts;
}

/// The counts of the article, field by field and the body block by block (what the incremental count must equal).
export function countArticle(doc: PMNode): Counts {
  const total = { words: 0, characters: 0 };
  doc.forEach((field) => {
    if (!isCountedField(field)) return;
    if (field.type === schema.nodes.body) field.forEach((block) => addCounts(total, blockCounts(block)));
    else addCounts(total, blockCounts(field));
  });
  return total;
}

/// The body field and where it starts.
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

/// Adds (sign 1) or takes away (-1) the counts of the body blocks touching [from, to] (a block
/// ending at `from` or starting at `to` included). Only those blocks are visited: their indices
/// come from resolving the two positions, which ProseMirror has cached for the transaction.
function addBlocksIn(total: Counts, doc: PMNode, from: number, to: number, sign: 1 | -1): void {
  const body = bodyOf(doc);
  const start = body.pos + 1;
  const clamp = (pos: number) => Math.min(Math.max(pos, start), start + body.node.content.size);
  const $from = doc.resolve(clamp(from));
  // Between two blocks, the block before is touched too.
  const first = $from.depth === 1 && $from.index(1) > 0 ? $from.index(1) - 1 : $from.index(1);
  const last = Math.min(doc.resolve(clamp(to)).index(1), body.node.childCount - 1);
  for (let i = first; i <= last; i++) addCounts(total, blockCounts(body.node.child(i)), sign);
}

/// The counts after a transaction, from the counts before it.
export function updateCounts(counts: Counts, tr: Transaction): Counts {
  if (!tr.docChanged) return counts;
  const next = { ...counts };
  tr.doc.forEach((field, _offset, i) => {
    const old = tr.before.child(i);
    if (old === field || !isCountedField(field)) return;
    if (field.type !== schema.nodes.body) {
      addCounts(next, blockCounts(old), -1);
      addCounts(next, blockCounts(field), 1);
      return;
    }
    const range = changedRange(tr);
    if (!range) return;
    addBlocksIn(next, tr.before, range.oldFrom, range.oldTo, -1);
    addBlocksIn(next, tr.doc, range.newFrom, range.newTo, 1);
  });
  return next;
}

const countsKey = new PluginKey<Counts>("counts");

/// Keeps the article's word and character counts in editor state.
export function countsPlugin(): Plugin<Counts> {
  return new Plugin<Counts>({
    key: countsKey,
    state: {
      init: (_config, state) => countArticle(state.doc),
      apply: (tr, counts) => updateCounts(counts, tr),
    },
  });
}

/// The article's counts in this state.
export function countsOf(state: EditorState): Counts {
  return countsKey.getState(state) ?? countArticle(state.doc);
}

/// Minutes a reader needs for that many words (about 230 a minute), at least 1 when there are any.
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / 230));
}
