import type { NewsroomSettings } from "../settings";

// What the exporters take from the newsroom's settings, beside the article itself: every format
// stays a pure function of (article, options), and every caller (the app's export, the command
// line, the tests) passes the same object through shared/export/registry.ts.

/// The newsroom's choices an export follows.
export interface FormatOptions {
  /// The IANA time zone the embargo line is written in (null: this computer's).
  timeZone: string | null;
  /// Whether the editor's note travels in NITF (`ed-msg`) and ninjs (`ednote`); never in the formats people read.
  exportEdnote: boolean;
}

/// What an export does without settings: the computer's time zone, no editor's note.
export const defaultFormatOptions: FormatOptions = { timeZone: null, exportEdnote: false };

/// The options of the newsroom's settings.
export function formatOptionsOf(newsroom: Pick<NewsroomSettings, "timeZone" | "exportEdnote">): FormatOptions {
  return { timeZone: newsroom.timeZone, exportEdnote: newsroom.exportEdnote };
}
