import type { Node as PMNode, Slice } from "prosemirror-model";
import { PluginKey, type Command, type EditorState, type Transaction } from "prosemirror-state";
import { AddNodeMarkStep, ReplaceAroundStep, ReplaceStep } from "prosemirror-transform";

// Undo in a shared story is y-prosemirror's (it undoes only this journalist's own changes), and
// its code loads only when a shared story opens. The editor's Undo and Redo keys are bound in the
// first frame, so they reach it through this key: a shared story's plugins put its commands in
// the state (renderer/src/collab/binding.ts), a story of one's own has none and keeps
// prosemirror-history's.

/// Undo and Redo of a shared story.
export interface SharedHistory {
  undo: Command;
  redo: Command;
}

export const sharedHistoryKey = new PluginKey<SharedHistory>("shared-history");

/// Undo in a shared story; false in any other.
export const sharedUndo: Command = (state, dispatch, view) => sharedHistoryKey.getState(state)?.undo(state, dispatch, view) ?? false;

/// Redo in a shared story; false in any other.
export const sharedRedo: Command = (state, dispatch, view) => sharedHistoryKey.getState(state)?.redo(state, dispatch, view) ?? false;

/// True for a transaction that brings the shared document's changes into the editor (another
/// person's edit, one's own undone): it is applied as it is, never turned into suggestions.
/// y-prosemirror marks these with its sync key's meta (`y-sync$`, read by name so that this
/// first-frame module does not load the library).
export function fromSharedDocument(tr: { getMeta(key: string): unknown }): boolean {
  const sync = tr.getMeta("y-sync$") as { isChangeOrigin?: boolean } | undefined;
  return sync?.isChangeOrigin === true;
}

/// Whether the window holds a shared story (its plugins put their undo in the state).
export const isSharedStory = (state: EditorState): boolean => sharedHistoryKey.getState(state) !== undefined;

/// True when a transaction puts a mark on a whole block: in suggest mode, a block suggested in or
/// out or its kind changed. y-prosemirror keeps no marks on blocks, so in a shared story such an
/// edit would reach the others, and the file, as if made directly; the editor refuses it instead.
export function marksWholeBlocks(tr: Transaction): boolean {
  return tr.steps.some((step) => {
    if (step instanceof AddNodeMarkStep) return true;
    if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep) return sliceMarksBlocks((step as unknown as { slice: Slice }).slice);
    return false;
  });
}

function sliceMarksBlocks(slice: Slice): boolean {
  let marked = false;
  slice.content.descendants((node: PMNode) => {
    if (!node.isText && node.marks.length > 0) marked = true;
    return !marked;
  });
  return marked;
}
