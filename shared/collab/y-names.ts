// The names of the shared types of one shared story's Y.Doc (docs/article-model.md, "Shared stories").
// Every replica (the editor, the main process, the newsroom server, the command line) reads and
// writes the same names, so they are said once, here.

/// The shared types of a story, by what they hold.
export const yNames = {
  /// Y.XmlFragment bound by y-prosemirror to the ProseMirror document (shared/schema.ts).
  doc: "doc",
  /// Y.Map: one entry per ArticleMeta field, its value plain JSON (last writer wins per field).
  meta: "meta",
  /// Y.Map sha256 → Asset (embedded images; entries are added, never taken out while shared).
  assets: "assets",
  /// Y.Map person id → Person.
  people: "people",
  /// Y.Map note id → NoteThread without its replies (they are in `replies`).
  notes: "notes",
  /// Y.Map "noteId/replyId" → NoteReply: a reply per entry, so two replies written at once both stay.
  replies: "replies",
  /// Y.Map suggestion id → Suggestion.
  suggestions: "suggestions",
  /// Y.Array of SharedVersion: each version whole (its document as JSON), appended.
  versions: "versions",
  /// Y.Array of WorkflowEntry, appended.
  workflow: "workflow",
} as const;

/// The key of a reply in `replies`.
export const replyKey = (noteId: string, replyId: string): string => `${noteId}/${replyId}`;
