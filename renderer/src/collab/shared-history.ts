import { PluginKey, type Command } from "prosemirror-state";

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
