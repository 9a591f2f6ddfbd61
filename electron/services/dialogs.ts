// What the services need to ask the user. The Electron glue answers with native dialogs;
// the e2e host answers with what the test queued. Both pass the same options.

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface Dialogs {
  /// A path to save to, or null when the user cancels.
  chooseSavePath(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | null>;
  /// A file to open, or null when the user cancels.
  chooseOpenPath(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  /// A folder, or null when the user cancels.
  chooseFolder(options: { title: string; defaultPath?: string }): Promise<string | null>;
  /// A question with buttons; the index of the button chosen.
  ask(options: { message: string; detail?: string; buttons: string[]; defaultId: number; cancelId: number }): Promise<number>;
  /// A message the user acknowledges.
  tell(options: { message: string; detail?: string; kind: "info" | "warning" | "error" }): Promise<void>;
}

/// The filter for article files in open and save dialogs.
export const articleFilter: FileFilter = { name: "Copydesk article", extensions: ["article"] };
