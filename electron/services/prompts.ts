import type { Dialogs } from "./dialogs";

// The questions the document services ask, in the newsroom's words. Each returns a choice
// by name so callers never depend on button order.

/// What to do when the file changed on disk since it was opened or saved.
export type ConflictChoice = "overwrite" | "copy" | "reload" | "cancel";

/// Asks what to do about a file another program changed; "reload" only after a second confirmation.
export async function askAboutConflict(dialogs: Dialogs, title: string): Promise<ConflictChoice> {
  const choices: ConflictChoice[] = ["overwrite", "copy", "reload", "cancel"];
  const answer = await dialogs.ask({
    message: `“${title}” was changed by another program since you opened or saved it.`,
    detail:
      "Overwrite replaces the version on disk with yours. Save as Copy keeps both: yours goes to a new file. " +
      "Reload from Disk shows the version on disk and drops your changes.",
    buttons: ["Overwrite", "Save as Copy…", "Reload from Disk", "Cancel"],
    defaultId: 1,
    cancelId: 3,
  });
  const choice = choices[answer] ?? "cancel";
  if (choice !== "reload") return choice;
  const sure = await dialogs.ask({
    message: `Drop your changes to “${title}” and reload it from disk?`,
    detail: "Your changes since the last save will be lost. This cannot be undone.",
    buttons: ["Drop Changes and Reload", "Cancel"],
    defaultId: 1,
    cancelId: 1,
  });
  return sure === 0 ? "reload" : "cancel";
}

/// What to do with unsaved changes when a window closes or the app quits.
export type CloseChoice = "save" | "discard" | "cancel";

/// Asks Save / Don't Save / Cancel for a document with unsaved changes.
export async function askBeforeClosing(dialogs: Dialogs, title: string): Promise<CloseChoice> {
  const answer = await dialogs.ask({
    message: `Do you want to save the changes you made to “${title}”?`,
    detail: "Your changes will be lost if you don't save them.",
    buttons: ["Save", "Don't Save", "Cancel"],
    defaultId: 0,
    cancelId: 2,
  });
  return (["save", "discard", "cancel"] as const)[answer] ?? "cancel";
}

/// Asks whether to close a window that did not hand over its article; true to close it anyway.
export async function askCloseUnanswered(dialogs: Dialogs, title: string, reason: string): Promise<boolean> {
  const answer = await dialogs.ask({
    message: `“${title}” is not responding.`,
    detail: `${reason} Close it anyway, or cancel and try again?`,
    buttons: ["Close Anyway", "Cancel"],
    defaultId: 1,
    cancelId: 1,
  });
  return answer === 0;
}
