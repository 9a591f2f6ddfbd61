// The title of a document's window, in one place: the renderer sets it on its page, the main
// process on the native window (with the macOS edited marker beside it).

/// "• Story.article — Copydesk" while edited, "Story.article — Copydesk" once saved.
export function windowTitle(title: string, edited: boolean): string {
  return `${edited ? "• " : ""}${title} — Copydesk`;
}
