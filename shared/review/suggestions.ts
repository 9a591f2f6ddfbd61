import type { Mark, MarkType, Node as PMNode } from "prosemirror-model";
import { Transform } from "prosemirror-transform";
import { schema } from "../schema";
import type { Review, SuggestionKind } from "./review";

// Suggested edits in a document: finding them, and accepting or rejecting them. Suggest mode
// (@handlewithcare/prosemirror-suggest-changes) writes them as marks: `insertion` on words or
// blocks proposed, `deletion` on words or blocks proposed for removal (they stay in the document
// until accepted), `modification` on a block whose kind or attributes would change. To mark a
// paragraph break added or removed, it puts a zero-width space (U+200B) carrying the mark at each
// side of the break; those spaces go whichever way the suggestion is settled.
//
// Accepting or rejecting is written here rather than taken from the library, so that both are
// exact: rejecting gives back the words as they were, and accepting gives what typing the edit
// directly would have (the library's accept also eats a space beside a deleted word).

const { insertion, deletion, modification } = schema.marks;
const zeroWidthSpace = "\u200B";

/// True for the marks of a suggested edit.
export const isSuggestionMark = (mark: Mark): boolean => mark.type === insertion || mark.type === deletion || mark.type === modification;

/// The suggestion a mark shows, or null.
const suggestionOf = (marks: readonly Mark[]): Mark | null => marks.find(isSuggestionMark) ?? null;

/// What a suggestion mark proposes, as the file's `suggestions` names it.
export function kindOfMark(mark: Mark): SuggestionKind {
  if (mark.type === insertion) return "insert";
  if (mark.type === deletion) return "delete";
  return mark.attrs.type === "nodeType" ? "format" : "field";
}

/// One suggested edit as it stands in the document.
export interface SuggestionInDoc {
  id: string;
  /// "insert" and "delete" together make a replacement: the kind of its first mark is kept.
  kind: SuggestionKind;
  /// Where it starts and ends (its first and last marked positions).
  from: number;
  to: number;
  /// The words it inserts and deletes (zero-width spaces left out; a paragraph break as " ¶ ").
  inserted: string;
  deleted: string;
}

/// Every suggested edit of a document, in document order.
export function suggestionsIn(doc: PMNode): SuggestionInDoc[] {
  const found = new Map<string, SuggestionInDoc>();
  const note = (mark: Mark, from: number, to: number, text: string | null) => {
    const id = mark.attrs.id as string;
    let entry = found.get(id);
    if (!entry) {
      entry = { id, kind: kindOfMark(mark), from, to, inserted: "", deleted: "" };
      found.set(id, entry);
    }
    entry.to = Math.max(entry.to, to);
    if (text === null) return;
    const words = text.replaceAll(zeroWidthSpace, "");
    const part = mark.type === insertion ? "inserted" : mark.type === deletion ? "deleted" : null;
    if (part && words) entry[part] += words;
    else if (part && text.includes(zeroWidthSpace) && !entry[part].endsWith(" ¶ ")) entry[part] += " ¶ ";
  };
  doc.descendants((node, pos) => {
    for (const mark of node.marks) {
      if (!isSuggestionMark(mark)) continue;
      note(mark, pos, pos + node.nodeSize, node.isText ? node.text! : node.textContent);
      if (!node.isText) return mark.type === modification;
    }
    return true;
  });
  return [...found.values()];
}

/// The ids of the suggestions a document holds (between `from` and `to` when given).
export function suggestionIds(doc: PMNode, from = 0, to = doc.content.size): Set<string> {
  const ids = new Set<string>();
  doc.nodesBetween(from, to, (node) => {
    for (const mark of node.marks) if (isSuggestionMark(mark)) ids.add(mark.attrs.id as string);
    return true;
  });
  return ids;
}

/// True when the document holds a suggestion.
export function hasSuggestions(doc: PMNode): boolean {
  let found = false;
  doc.descendants((node) => {
    if (found) return false;
    if (suggestionOf(node.marks)) found = true;
    return !found;
  });
  return found;
}

/// The review with only the suggestions the document still holds: one accepted, rejected, or
/// deleted with the words it inserted leaves the file with it.
export function withLiveSuggestions(review: Review, doc: PMNode): Review {
  const entries = Object.keys(review.suggestions);
  if (entries.length === 0) return review;
  const live = suggestionIds(doc);
  if (entries.every((id) => live.has(id))) return review;
  return { ...review, suggestions: Object.fromEntries(Object.entries(review.suggestions).filter(([id]) => live.has(id))) };
}

/// Which suggestions to settle, and where.
export interface SettleOptions {
  /// Only the suggestions this says yes to (all when left out).
  only?: (id: string) => boolean;
  /// Only the marks within this range of the document (all when left out).
  from?: number;
  to?: number;
}

/// Accepts (true) or rejects (false) suggestions, as steps on `tr` (one undo step when dispatched
/// as one transaction). Accepting deletes what is marked deleted and keeps what is marked
/// inserted; rejecting does the reverse and gives back each changed block's kind and attributes.
export function settleSuggestions(tr: Transform, accept: boolean, options: SettleOptions = {}): Transform {
  const doc = tr.doc;
  const from = options.from ?? 0;
  const to = options.to ?? doc.content.size;
  const chosen = (mark: Mark | undefined | null): mark is Mark => !!mark && (!options.only || options.only(mark.attrs.id as string));
  const removed: MarkType = accept ? deletion : insertion;
  const kept: MarkType = accept ? insertion : deletion;

  // What goes, by the suggestion it belongs to: two runs of one suggestion with only block
  // boundaries between them are one removal, which takes the paragraph break between them too.
  // (The zero-width spaces of a kept suggestion go one by one: their break stays.)
  const removals: { from: number; to: number; id: string | null }[] = [];
  const remove = (start: number, end: number, id: string | null) => {
    const last = removals.at(-1);
    if (last && last.to >= start) last.to = Math.max(last.to, end);
    else if (last && id !== null && last.id === id && onlyBoundariesBetween(doc, last.to, start)) last.to = end;
    else removals.push({ from: start, to: end, id });
  };
  const unmarkText: { from: number; to: number; mark: Mark }[] = [];
  const unmarkNode: { pos: number; mark: Mark }[] = [];
  const reverts: { pos: number; mark: Mark }[] = [];

  doc.nodesBetween(from, to, (node, pos) => {
    const removedMark = node.marks.find((m) => m.type === removed);
    if (chosen(removedMark)) {
      const [start, end] = node.isText ? withMarkedBreaks(doc, pos, node.text!, removed) : [pos, pos + node.nodeSize];
      remove(start, end, removedMark.attrs.id as string);
      return false;
    }
    const keptMark = node.marks.find((m) => m.type === kept);
    if (chosen(keptMark)) {
      if (node.isInline) {
        unmarkText.push({ from: pos, to: pos + node.nodeSize, mark: keptMark });
        // The zero-width spaces that marked a paragraph break go with the mark.
        const text = node.text ?? "";
        for (let i = text.indexOf(zeroWidthSpace); i >= 0; i = text.indexOf(zeroWidthSpace, i + 1)) remove(pos + i, pos + i + 1, null);
      } else unmarkNode.push({ pos, mark: keptMark });
    }
    for (const mark of node.marks) {
      if (mark.type !== modification || !chosen(mark)) continue;
      if (node.isInline) unmarkText.push({ from: pos, to: pos + node.nodeSize, mark });
      else if (accept) unmarkNode.push({ pos, mark });
      else reverts.push({ pos, mark });
    }
    return true;
  });

  // Marks first (no position moves), then the blocks given back, then the removals from the end
  // backwards so that each one's positions still hold.
  for (const { from: a, to: b, mark } of unmarkText) tr.removeMark(a, b, mark);
  for (const { pos, mark } of unmarkNode) tr.removeNodeMark(pos, mark);
  for (const { pos, mark } of reverts) revertModification(tr, pos, mark);
  for (const range of removals.reverse()) tr.delete(range.from, range.to);
  return tr;
}

/// Gives a block back its kind or attribute as it was before a suggested modification, and takes the mark off.
function revertModification(tr: Transform, pos: number, mark: Mark): void {
  tr.removeNodeMark(pos, mark);
  const node = tr.doc.nodeAt(pos);
  if (!node) return;
  const { type, attrName, previousValue } = mark.attrs as { type: string; attrName: string | null; previousValue: unknown };
  if (type === "attr" && attrName && attrName in node.attrs) {
    tr.setNodeAttribute(pos, attrName, previousValue);
  } else if (type === "nodeType" && typeof previousValue === "string" && previousValue in schema.nodes) {
    const previous = schema.nodes[previousValue as keyof typeof schema.nodes];
    // A kind the block's content no longer fits is left as it is rather than lose its words.
    if (previous.validContent(node.content)) tr.setNodeMarkup(pos, previous, null, node.marks);
  }
}

/// The range a removed run of text takes, with the paragraph break its zero-width space stands
/// for: one at the start of a text block stands for the break before it, one at the end for the
/// break after it (a break the suggestion inserted, or deleted; only within one field).
function withMarkedBreaks(doc: PMNode, pos: number, text: string, type: MarkType): [number, number] {
  const $start = doc.resolve(pos);
  const end = pos + text.length;
  if ($start.parentOffset === 0 && end === $start.end() && text.replaceAll(zeroWidthSpace, "") === "") {
    // A block holding nothing but the mark: it stands for the break on the side whose
    // neighbour carries the same mark (the break before when neither does).
    const before = textblockEndBefore(doc, pos);
    const after = textblockStartAfter(doc, end);
    const marked = (node: PMNode | null | undefined) => !!node && type.isInSet(node.marks) !== undefined;
    if (before !== null && (marked(doc.resolve(before).nodeBefore) || after === null || !marked(doc.resolve(after).nodeAfter))) return [before, end];
    return [pos, after ?? end];
  }
  const from = text.startsWith(zeroWidthSpace) && $start.parentOffset === 0 ? (textblockEndBefore(doc, pos) ?? pos) : pos;
  const atEnd = end === $start.end();
  const to = text.endsWith(zeroWidthSpace) && atEnd ? (textblockStartAfter(doc, end) ?? end) : end;
  return [from, to];
}

/// The end of the text block before the one starting at `start`, within the same field, or null.
const textblockEndBefore = (doc: PMNode, start: number): number | null => neighbourTextblock(doc, start, -1);

/// The start of the text block after the one ending at `end`, within the same field, or null.
const textblockStartAfter = (doc: PMNode, end: number): number | null => neighbourTextblock(doc, end, 1);

/// Walks from the edge of a text block's content (its start going back, its end going on) to the
/// facing edge of the next text block that way, crossing only block boundaries within one field.
function neighbourTextblock(doc: PMNode, edge: number, dir: -1 | 1): number | null {
  let pos = dir < 0 ? doc.resolve(edge).before() : doc.resolve(edge).after();
  for (;;) {
    const $pos = doc.resolve(pos);
    if ($pos.depth < 1) return null;
    let node = dir < 0 ? $pos.nodeBefore : $pos.nodeAfter;
    if (!node) {
      if ($pos.depth <= 1) return null;
      pos = dir < 0 ? $pos.before() : $pos.after();
      continue;
    }
    while (!node.isTextblock) {
      const inner: PMNode | null = dir < 0 ? node.lastChild : node.firstChild;
      if (node.isLeaf || !inner) return null;
      pos += dir;
      node = inner;
    }
    return pos + dir;
  }
}

/// True when nothing but the ends and starts of blocks lies between two positions: no text, no image.
function onlyBoundariesBetween(doc: PMNode, a: number, b: number): boolean {
  if (b < a) return false;
  let content = false;
  doc.nodesBetween(a, b, (node, pos) => {
    if (content) return false;
    if ((node.isInline || node.isLeaf) && pos >= a && pos + node.nodeSize <= b) content = true;
    return !content;
  });
  return !content;
}

/// The document with every suggestion accepted (or rejected): what would be published.
export function settledDoc(doc: PMNode, accept: boolean): PMNode {
  if (!hasSuggestions(doc)) return doc;
  return settleSuggestions(new Transform(doc), accept).doc;
}
