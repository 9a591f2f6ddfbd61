import type { Node as PMNode } from "prosemirror-model";
import { Plugin, type EditorState, type Transaction } from "prosemirror-state";
import { AddMarkStep, AddNodeMarkStep, AttrStep, RemoveMarkStep, RemoveNodeMarkStep, type Step, type StepMap } from "prosemirror-transform";
import { attrsProblem, markAttrsProblem, maxDocDepth, rowWidthsProblem } from "../../../shared/doc-check";
import { metaSchema } from "../../../shared/meta-schema";
import { SetMetaStep } from "./meta";
import { fromSharedDocument } from "../collab/shared-history";

// Nothing the editor accepts may make the article unsavable. Paste, drop and the dialogs convert
// what the file format would refuse as it comes in (paste.ts, the asset policy); this guard is the
// last line behind them, for every way a change arrives (typing, commands, undo, a plugin): a
// transaction that would leave what the file format refuses (shared/doc-check.ts decides, node by
// node) is not applied, and the journalist is told why. It looks only at what the transaction changed.

/// Why the document after `tr` would be refused by the file format, looking only at what changed; null when it would not.
/// `hasNote` says which note threads the article holds after it (a note mark must name one).
export function unsavableChange(tr: Transaction, hasAsset: (key: string) => boolean, hasNote: (id: string) => boolean = () => false): string | null {
  for (const step of tr.steps) {
    if (!(step instanceof SetMetaStep)) continue;
    const key = step.key as keyof typeof metaSchema.shape;
    const parsed = metaSchema.shape[key].safeParse(step.value);
    if (!parsed.success) return `the ${key} is ${parsed.error.issues[0]?.message ?? "not valid"}`;
  }
  const doc = tr.doc;
  for (const [from, to] of changedRanges(tr)) {
    let problem: string | null = null;
    doc.nodesBetween(Math.max(0, from - 1), Math.min(doc.content.size, to + 1), (node: PMNode, pos: number) => {
      if (problem) return false;
      problem = nodeProblem(node, pos, doc, hasAsset, hasNote);
      return problem === null;
    });
    if (problem) return problem;
  }
  return null;
}

function nodeProblem(node: PMNode, pos: number, doc: PMNode, hasAsset: (key: string) => boolean, hasNote: (id: string) => boolean): string | null {
  if (node.isText) {
    for (const mark of node.marks) {
      const problem = markAttrsProblem(mark.type.name, mark.attrs, hasNote);
      if (problem) return problem;
    }
    return null;
  }
  const problem = attrsProblem(node.type.name, node.attrs, hasAsset);
  if (problem) return problem;
  if (node.type.name === "table_rows") {
    const widths: number[] = [];
    node.forEach((row) => void widths.push(row.childCount));
    const ragged = rowWidthsProblem(widths);
    if (ragged) return ragged;
  }
  // The node's depth as the file check counts it (the document is 1): one with content may not be at the limit.
  if (node.childCount > 0 && doc.resolve(pos + 1).depth + 1 >= maxDocDepth) {
    return `it would nest the article more than ${maxDocDepth} levels deep`;
  }
  return null;
}

/// Where a step wrote, in the document it made: what its map says it replaced, and for a step that
/// moves nothing (a mark added or removed, a node's attribute set) the range it touched.
function stepRanges(step: Step, map: StepMap): [number, number][] {
  const ranges: [number, number][] = [];
  map.forEach((_oldStart, _oldEnd, newStart, newEnd) => void ranges.push([newStart, newEnd]));
  if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) ranges.push([step.from, step.to]);
  if (step instanceof AttrStep || step instanceof AddNodeMarkStep || step instanceof RemoveNodeMarkStep) ranges.push([step.pos, step.pos + 1]);
  return ranges;
}

/// The ranges of the final document that the transaction's steps wrote, each mapped through the steps after it.
function changedRanges(tr: Transaction): [number, number][] {
  const ranges: [number, number][] = [];
  const maps = tr.mapping.maps;
  tr.steps.forEach((step, i) => {
    for (const [start, end] of stepRanges(step, maps[i])) {
      let from = start;
      let to = end;
      for (let j = i + 1; j < maps.length; j++) {
        from = maps[j].map(from, -1);
        to = maps[j].map(to, 1);
      }
      ranges.push([from, Math.max(from, to)]);
    }
  });
  return ranges;
}

/// Refuses any transaction that would make the article unsavable, and says why through `notify`;
/// `notesAfter` gives the note threads the article holds once a transaction is applied.
export function savableGuardPlugin(
  hasAsset: (key: string) => boolean,
  notify: (message: string) => void,
  notesAfter?: (state: EditorState, tr: Transaction) => (id: string) => boolean,
): Plugin {
  return new Plugin({
    filterTransaction(tr, state) {
      // A shared story's changes from the shared document are taken as they come (the editor must
      // show what everyone sees; a note's mark may arrive just before its thread); what is saved is
      // read from the shared document, repaired (shared/collab/y-article.ts `yDocToArticle`).
      if (!tr.docChanged || fromSharedDocument(tr)) return true;
      const problem = unsavableChange(tr, hasAsset, notesAfter?.(state, tr));
      if (problem) notify(`That change was not made: ${problem}.`);
      return problem === null;
    },
  });
}
