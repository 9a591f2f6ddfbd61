import type { GrantedFolder } from "./ipc";

// The user's settings as main keeps them and the window reads them (\`settings:get\`), with their
// defaults. Kept apart from the IPC contract's runtime checks (zod) so that a page that only
// needs the defaults does not load them.

/// Formats Copydesk exports to.
export const exportFormats = ["html", "md", "txt", "nitf", "ninjs", "docx", "pdf"] as const;
export type ExportFormat = (typeof exportFormats)[number];

/// User settings kept by the main process.
export interface Settings {
  theme: "system" | "light" | "dark";
  smartQuotes: boolean;
  /// House style and spelling underlined as the journalist types (the pre-export check runs either way).
  checkAsYouType: boolean;
  spellcheckLanguage: string | null;
  /// The folder of the last export (set by main when an export succeeds, never by the window).
  exportFolder: GrantedFolder | null;
  exportFormats: ExportFormat[];
  /// The newsroom's own style guide: a folder of YAML rule files over the default guides (docs/style-rules.md),
  /// chosen in main's folder dialog (`style:choose-guide-folder`), never named by the window.
  styleGuideFolder: string | null;
  /// Words the spelling check accepts, added by the journalist ("Add to dictionary").
  personalDictionary: string[];
  /// The newsroom's word list (names, places) the spelling check accepts.
  newsroomWords: string[];
  /// Who is writing: asked on first start, recorded on every note and reply (null until given).
  identity: Identity | null;
  /// How the article's old versions are thinned when a new one is taken (shared/review/versions.ts).
  versionPruning: PruneRule;
  /// The newsroom's defaults and rules for metadata and exports (issue 14).
  newsroom: NewsroomSettings;
  /// The newsroom servers this journalist writes together on, each with the token it gave them (issue 16).
  newsroomServers: NewsroomServer[];
}

/// A newsroom server (`copydesk server`) and the token `copydesk server add-user` printed for this
/// journalist. The token is a password: it goes to the server alone and is never logged.
export interface NewsroomServer {
  /// ws:// (on this computer only) or wss:// address of the server.
  url: string;
  token: string;
}

/// The most newsroom servers Settings keeps.
export const maxNewsroomServers = 20;

/// What a newsroom sets once for every story: the rights new stories get, the time zone an
/// embargo is written in, whether the editor's note travels in NITF and ninjs, and where the
/// story templates are.
export interface NewsroomSettings {
  copyrightHolder: string;
  copyrightNotice: string;
  usageTerms: string;
  /// IANA time zone ("Europe/Paris") embargo lines are written in; null for the computer's own.
  timeZone: string | null;
  /// Whether NITF (`ed-msg`) and ninjs (`ednote`) carry the editor's note (never HTML, text, DOCX or PDF).
  exportEdnote: boolean;
  /// The folder of story templates (`.article` files), chosen in main's folder dialog, or null for the built-in ones.
  templatesFolder: string | null;
}

/// How old versions are thinned: all are kept for `keepAllDays`, then one a day (the day's last),
/// named ones always; `keepAllDays: null` keeps every version.
export interface PruneRule {
  keepAllDays: number | null;
}

/// The longest a rule may keep every version before thinning, in days (ten years).
export const maxKeepAllDays = 3650;

/// The user as their notes name them: an id main gives once, their name and initials (the colour is derived, shared/review/people.ts).
export interface Identity {
  id: string;
  name: string;
  initials: string;
}

export const defaultSettings: Settings = {
  theme: "system",
  smartQuotes: true,
  checkAsYouType: true,
  spellcheckLanguage: null,
  exportFolder: null,
  exportFormats: ["html", "nitf"],
  styleGuideFolder: null,
  personalDictionary: [],
  newsroomWords: [],
  identity: null,
  versionPruning: { keepAllDays: 30 },
  newsroom: { copyrightHolder: "", copyrightNotice: "", usageTerms: "", timeZone: null, exportEdnote: false, templatesFolder: null },
  newsroomServers: [],
};

/// True for an IANA time zone this runtime knows ("Europe/Paris", "UTC").
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
