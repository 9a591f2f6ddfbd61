import { z } from "zod";
import { maxFileBytes } from "./article-file";
import { maxAssetBytes, megabytes } from "./asset-policy";
import { maxDocDepth } from "./doc-check";
import { measure } from "./payload-size";
import type { ArticleJSON, ArticleMeta, Asset } from "./article";
import type { CommandId } from "./commands";
import type { DeskStory } from "./desk/story";
import { maxInitialsLength, maxNameLength } from "./review/people";
import type { Review } from "./review/review";
import type { SharedPart } from "./collab/shared-part";
import { exportFormats, isTimeZone, maxKeepAllDays, maxNewsroomServers, type Settings } from "./settings";
import { newsroomServerProblem } from "./newsroom-address";

// The one contract between the renderer and the main process. Every channel is listed here
// with its request schema (checked at runtime by the main side) and its result type. The
// preload, the main handlers, the renderer client and the e2e host are all typed from it.

/// Opaque name the main process gives an open document; the renderer never sees paths it did not get from main.
export type DocumentHandle = string;

/// Opaque name main gives a path it chose or keeps (a folder from its dialog or settings, a recent file):
/// the renderer names paths only by these, never by the path itself (electron/services/grants.ts).
export type PathToken = string;

/// A folder main chose in its dialog or remembered: named by its token in requests, its path shown to the journalist.
export interface GrantedFolder {
  token: PathToken;
  path: string;
}

/// Kinds of failure that cross the boundary, each with a message for the user.
export type IpcErrorCode =
  | "invalid-request"
  | "invalid-article"
  | "unknown-channel"
  | "unknown-document"
  | "not-found"
  | "io"
  | "conflict"
  | "internal";

/// A failure as a value: what happened, in words a journalist can act on.
export interface IpcError {
  code: IpcErrorCode;
  message: string;
  /// Specific problems, e.g. one line per validation error.
  details?: string[];
}

/// Every channel answers with this: a value, or an error as a value (never a raw exception).
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/// What an import found and where from ("headline from JSON-LD"), and what it left out or changed and why.
export interface ImportReport {
  found: string[];
  warnings: string[];
}

/// A document the main process has open for a window.
export interface OpenedDocument {
  handle: DocumentHandle;
  /// The file, or null while the document is untitled.
  path: string | null;
  /// What the title bar shows: the file name, or "Untitled".
  title: string;
  article: ArticleJSON;
  /// True when the document does not match its file (restored from recovery, migrated, …).
  edited: boolean;
  /// Set when the file was of an older version and was migrated in memory.
  migratedFrom: number | null;
  /// Why versions the file held were left out (they could not be read); absent when none were.
  versionsDropped?: string[];
  /// The file's `shared` part: the story is shared on a newsroom server (absent for a story of one's own).
  shared?: SharedPart;
}

/// What Save and Save As report back.
export interface SavedDocument {
  handle: DocumentHandle;
  path: string;
  title: string;
  /// The metadata as written (Save sets `updated`).
  meta: ArticleMeta;
  /// The window's revision that was written: later edits are still unsaved.
  revision: number;
}

/// What an export did: the files written (and for an export marked published, its moment, which
/// the window gives the article with `publishedMeta`); or nothing, because files of these names
/// (not paths) are already in the folder: ask, then export again into `folder` with the answer as `existing`.
export type ExportResult = { files: string[]; published?: string } | { existing: string[]; folder: PathToken };

/// The window's article as it stands, sent when it saves or exports, and when main asks for it
/// (close, quit, recovery). Images are not repeated: main holds every image the window added
/// (`asset:add`) or opened, and `assets` carries only images main has not got.
export interface ArticlePayload {
  meta: ArticleMeta;
  doc: Record<string, unknown>;
  assets?: Record<string, Asset>;
  /// The desk's review (people, notes, suggestions, versions); absent when there is none.
  review?: Review;
  /// A shared story's `shared` part (its server, id and whole Y.Doc state); absent for a story of one's own.
  shared?: SharedPart;
}

/// The `shared` part of a shared story's local file (shared/collab/shared-part.ts).
export type { SharedPart } from "./collab/shared-part";

/// What a window answers when main asks for its article.
export interface DocumentSnapshot {
  handle: DocumentHandle;
  /// Counts the window's edits; the one that was saved last is `savedRevision`.
  revision: number;
  /// True when the window has edits that are not in the file.
  edited: boolean;
  article: ArticlePayload;
}

/// A recovery copy found at start-up.
export interface RecoveryEntry {
  id: string;
  title: string;
  path: string | null;
  /// When the copy was written (ISO 8601).
  savedAt: string;
  words: number;
}

/// An image main accepted for a document: the key figures refer to (`asset:<key>`) and what the window shows.
export interface AddedAsset {
  key: string;
  type: string;
  data: string;
  /// The file name, when it came from a file.
  name: string;
}

/// A file in the recent-files list.
export interface RecentFile {
  path: string;
  /// The file name, as the menu shows it.
  title: string;
}

/// A recent file as a window gets it: with the id `document:open` takes to open it.
export interface RecentFileEntry extends RecentFile {
  id: PathToken;
}

/// An article main read only to be compared with the window's (File > Compare with File…, the version
/// on disk): its words and metadata; nothing of it is kept, and the window's article is not touched.
export interface ComparedArticle {
  /// The file's name, as the compare view shows it.
  title: string;
  meta: ArticleMeta;
  doc: Record<string, unknown>;
}

/// A story template as the New from Template dialog lists it (File > New from Template…).
export interface TemplateEntry {
  /// What `template:new` takes to start a story from it (main keeps the file behind it).
  id: PathToken;
  /// Its name: the file's name without `.article` ("Obituary").
  name: string;
  /// The kind of story it starts: its genre's name, or "News" when it has none.
  storyType: string;
  /// What it is for: its editor's note, or else its standfirst or kicker ("" when it has none).
  description: string;
  /// True for the templates that ship with Copydesk.
  builtIn: boolean;
  /// Why it cannot be used (it could not be read, or is not a valid article); empty when it can.
  problems: string[];
}

/// The templates a window can start a story from: the built-in ones, then those of the newsroom's folder.
export interface TemplateList {
  /// The templates folder of Settings, to show, or null when none is chosen.
  folder: string | null;
  /// Why the folder could not be read, or null.
  problem: string | null;
  templates: TemplateEntry[];
}

/// The newsroom's style guide as main read it from the folder in Settings.
export interface StyleGuideFiles {
  /// The folder, or null when Settings names none.
  folder: string | null;
  /// Its YAML rule files, named relative to the folder.
  files: { name: string; text: string }[];
  /// What could not be read (the folder is missing, a file is too large…).
  errors: string[];
}

/// How far main has got reading a desk folder's stories.
export interface DeskProgress {
  done: number;
  total: number;
  /// True while it is reading them.
  indexing: boolean;
}

/// A desk folder (File > Open Desk Folder…) as a window sees it: every story in it, by its path in the folder.
export interface DeskSnapshot {
  desk: PathToken;
  /// The folder, to show.
  path: string;
  /// Counts the desk's changes: a `desk:changed` event numbered this or lower is already in `stories`.
  seq: number;
  stories: DeskStory[];
  progress: DeskProgress;
  /// Why the folder cannot be read now, or null.
  problem: string | null;
}

export type { DeskStory } from "./desk/story";

/// A story of a newsroom server, as "Open from Newsroom…" lists it (the server's `GET /stories`).
export interface NewsroomStory {
  /// Its id on the server (the document name its clients connect to).
  id: string;
  headline: string;
  status: string;
  /// When it last changed (ISO 8601), or "".
  updated: string;
  /// How many people are in it now.
  people: number;
}

// The settings and export formats, defined apart (no zod) and part of the contract.
export { defaultSettings, exportFormats, type ExportFormat, type Identity, type NewsroomServer, type NewsroomSettings, type PruneRule, type Settings } from "./settings";

const handle = z.string().min(1).max(200);
/// Base64 of the largest image an article may embed, with room for line breaks.
const maxAssetBase64 = Math.ceil((maxAssetBytes * 4) / 3) + 1024;
const article = z.object({ meta: z.unknown(), doc: z.unknown(), assets: z.unknown().optional(), review: z.unknown().optional(), shared: z.unknown().optional() }).strict();
const revision = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const requestId = z.string().min(1).max(100);
const pathToken = z.string().min(1).max(100);
const wordList = z.array(z.string().min(1).max(100)).max(20_000);

/// The runtime shape of each channel's request.
export const requestSchemas = {
  /// A new untitled article.
  "document:new": z.object({}).strict(),
  /// Open a file of the recent-files list (by its id), or the one the user picks (null result when they cancel).
  "document:open": z.object({ recent: pathToken.optional() }).strict(),
  /// Save to the document's file (asks for one when untitled; null when the user cancels).
  "document:save": z.object({ handle, article, revision }).strict(),
  /// Save under a new name the user picks (null when they cancel).
  "document:save-as": z.object({ handle, article, revision }).strict(),
  /// The window's edit count and edited state changed (no article: main asks for it when it needs it).
  "document:state": z.object({ handle, revision, edited: z.boolean() }).strict(),
  /// The window's answer to `document:snapshot-request`: its article, or null when it no longer has that document.
  "document:snapshot": z
    .object({
      requestId,
      snapshot: z.object({ handle, revision, edited: z.boolean(), article }).strict().nullable(),
    })
    .strict(),
  /// The window is done with the document (a recovery copy of unsaved changes is removed).
  "document:close": z.object({ handle }).strict(),
  /// Read the document's file again, dropping local changes; same handle.
  "document:reload": z.object({ handle }).strict(),
  /// The document's file as it is on disk now, to compare with (the window's "changed on disk" question); nothing changes.
  "document:disk-version": z.object({ handle }).strict(),
  /// Read another article file the user picks, to compare the document with (null when they cancel); nothing changes.
  "review:compare-file": z.object({ handle }).strict(),
  /// Import an HTML, Markdown, NITF or DOCX file the user picks as a new untitled article (null when they cancel).
  "document:import": z.object({}).strict(),
  /// The story templates (built-in and the newsroom's folder), each with its problems.
  "template:list": z.object({}).strict(),
  /// A new untitled story from a template of the last list: fresh identity, status draft, no review.
  "template:new": z.object({ template: pathToken }).strict(),
  /// Let the user choose the newsroom's templates folder in main's dialog (or forget it with `clear`); answers the new list.
  "template:choose-folder": z.object({ clear: z.literal(true).optional() }).strict(),
  /// Export the article to one or more formats into a folder main granted (`Settings.exportFolder`), or one the user picks.
  "export:run": z
    .object({
      handle,
      article,
      formats: z.array(z.enum(exportFormats)).min(1).max(exportFormats.length),
      folder: pathToken.optional(),
      /// What to do with files of the same names already in the folder, once the journalist was asked; without it main asks (answers `existing`).
      existing: z.enum(["replace", "keep-both"]).optional(),
      /// Marked published: main refuses it before the embargo, and the files carry status published and the counted version (absent is false).
      published: z.boolean().optional(),
    })
    .strict(),
  /// Show the first file this window last exported in the system's file manager.
  "export:show-in-folder": z.object({}).strict(),
  /// Recovery copies left by a crash.
  "recovery:list": z.object({}).strict(),
  "recovery:restore": z.object({ id: z.string().min(1).max(200) }).strict(),
  "recovery:discard": z.object({ id: z.string().min(1).max(200) }).strict(),
  /// Recently opened or saved files that still exist, newest first.
  "recent:list": z.object({}).strict(),
  "recent:clear": z.object({}).strict(),
  "settings:get": z.object({}).strict(),
  "settings:set": z
    .object({
      theme: z.enum(["system", "light", "dark"]).optional(),
      smartQuotes: z.boolean().optional(),
      checkAsYouType: z.boolean().optional(),
      spellcheckLanguage: z.string().max(35).nullable().optional(),
      exportFormats: z.array(z.enum(exportFormats)).max(exportFormats.length).optional(),
      personalDictionary: wordList.optional(),
      newsroomWords: wordList.optional(),
      /// Who is writing (main keeps the id it gave, or gives one the first time); null forgets it.
      identity: z
        .object({ name: z.string().trim().min(1).max(maxNameLength), initials: z.string().trim().min(1).max(maxInitialsLength * 2) })
        .strict()
        .nullable()
        .optional(),
      /// How old versions are thinned: every one for so many days, then one a day; null keeps them all.
      versionPruning: z
        .object({ keepAllDays: z.number().int().min(1).max(maxKeepAllDays).nullable() })
        .strict()
        .optional(),
      /// The newsroom's defaults (the templates folder is set by main from its folder dialog, never here).
      newsroom: z
        .object({
          copyrightHolder: z.string().max(500),
          copyrightNotice: z.string().max(2_000),
          usageTerms: z.string().max(5_000),
          timeZone: z
            .string()
            .max(64)
            .refine((zone) => isTimeZone(zone), { message: "not a time zone such as Europe/Paris" })
            .nullable(),
          exportEdnote: z.boolean(),
        })
        .strict()
        .optional(),
      /// The newsroom servers and their tokens (a plain ws:// address is refused unless it is this computer).
      newsroomServers: z
        .array(
          z
            .object({
              url: z
                .string()
                .max(2048)
                .superRefine((url, context) => {
                  const problem = newsroomServerProblem(url);
                  if (problem) context.addIssue({ code: "custom", message: problem });
                }),
              token: z.string().trim().min(1).max(512),
            })
            .strict(),
        )
        .max(maxNewsroomServers)
        .optional(),
    })
    .strict(),
  /// Name and version for the About box.
  "app:info": z.object({}).strict(),
  /// Let the user pick an image file to embed in a figure (null result when they cancel); main keeps it for the document.
  "asset:choose-image": z.object({ handle }).strict(),
  /// An image entering the document (paste, drop): main checks it and keeps it, so it never crosses again.
  "asset:add": z.object({ handle, data: z.string().min(1).max(maxAssetBase64) }).strict(),
  /// Open a link from the article in the system's browser or mail program (http, https, mailto only).
  "link:open": z.object({ href: z.string().min(1).max(4096) }).strict(),
  /// The article's language changed: spell-check this window in it.
  /// Let the user choose the newsroom's style guide folder in main's dialog (or forget it with `clear`); answers the settings.
  "style:choose-guide-folder": z.object({ clear: z.literal(true).optional() }).strict(),
  /// The rule files of the newsroom's style guide (the folder in Settings), read by main.
  "style:guide": z.object({}).strict(),
  /// Let the user choose a folder of stories in main's dialog and show it as the desk (null when they cancel).
  "desk:open": z.object({}).strict(),
  /// The desk's stories as they are now.
  "desk:stories": z.object({ desk: pathToken }).strict(),
  /// The ids of the desk's stories whose headline or text holds every word of the query.
  "desk:search": z.object({ desk: pathToken, query: z.string().max(1000) }).strict(),
  /// Open a story of the desk in this window (null when it is open in another window, which comes to the front).
  "desk:open-story": z.object({ desk: pathToken, story: z.string().min(1).max(4096) }).strict(),
  /// The window is done with the desk (main stops watching the folder when no window shows it).
  "desk:close": z.object({ desk: pathToken }).strict(),
  /// The stories of a newsroom server of Settings (by its address; main sends the token kept there).
  "newsroom:stories": z.object({ server: z.string().min(1).max(2048) }).strict(),
} as const;

/// What each channel answers with when it succeeds.
export interface ResultTypes {
  "document:new": OpenedDocument;
  "document:open": OpenedDocument | null;
  "document:save": SavedDocument | null;
  "document:save-as": SavedDocument | null;
  "document:state": null;
  "document:snapshot": null;
  "document:close": null;
  "document:reload": OpenedDocument;
  "document:disk-version": ComparedArticle;
  "review:compare-file": ComparedArticle | null;
  "document:import": (OpenedDocument & { report: ImportReport }) | null;
  "template:list": TemplateList;
  "template:new": OpenedDocument;
  "template:choose-folder": TemplateList;
  "export:run": ExportResult | null;
  "export:show-in-folder": null;
  "recovery:list": RecoveryEntry[];
  "recovery:restore": OpenedDocument;
  "recovery:discard": null;
  "recent:list": RecentFileEntry[];
  "recent:clear": null;
  "settings:get": Settings;
  "settings:set": Settings;
  "app:info": { name: string; version: string; platform: string };
  "asset:choose-image": AddedAsset | null;
  "asset:add": AddedAsset;
  "link:open": null;
  /// The spell-checking languages now in use (empty where the language has no dictionary).
  "style:choose-guide-folder": Settings;
  "style:guide": StyleGuideFiles;
  "desk:open": DeskSnapshot | null;
  "desk:stories": DeskSnapshot;
  "desk:search": { ids: string[] };
  "desk:open-story": OpenedDocument | null;
  "desk:close": null;
  "newsroom:stories": NewsroomStory[];
}

export type Channel = keyof typeof requestSchemas;
export type RequestOf<C extends Channel> = z.infer<(typeof requestSchemas)[C]>;
export type ResultOf<C extends Channel> = ResultTypes[C];

/// Every channel name, for registering handlers.
export const channels = Object.keys(requestSchemas) as Channel[];

/// Messages the main process sends to a window.
export interface EventTypes {
  /// A menu item the renderer runs, by its id in the command table (shared/commands.ts); checked where it is received.
  "menu:command": { command: CommandId };
  /// The open file changed on disk. "changed": another program wrote it (the window reloads when it has no
  /// edits, and asks otherwise); "reload": the user chose Reload from Disk; "missing": moved or deleted.
  "document:changed-on-disk": { handle: DocumentHandle; change: "changed" | "reload" | "missing"; message: string };
  /// Main needs the window's article (close, quit, recovery copy): answer with `document:snapshot`.
  "document:snapshot-request": { requestId: string; handle: DocumentHandle };
  /// Main opened a document in this window (from a menu, a drop or the command line).
  "document:opened": OpenedDocument;
  /// Stories of a desk the window shows were added, changed or removed on disk, or reading them got further.
  "desk:changed": { desk: PathToken; seq: number; changed: DeskStory[]; removed: string[]; progress: DeskProgress; problem: string | null };
}
export type EventName = keyof EventTypes;

/// What the preload exposes as `window.copydesk`, and what the e2e host's bridge imitates.
export interface CopydeskApi {
  invoke<C extends Channel>(channel: C, request: RequestOf<C>): Promise<IpcResult<ResultOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventTypes[E]) => void): () => void;
}

/// Checks a channel name from outside.
export function isChannel(name: unknown): name is Channel {
  return typeof name === "string" && Object.prototype.hasOwnProperty.call(requestSchemas, name);
}

/// How large a request may be, in characters of JSON: an article's channels take a whole article
/// (the file limit, with room for the request around it), `asset:add` one image, the rest little.
const articleRequestLimit = maxFileBytes + 1024 * 1024;
const requestLimits: Partial<Record<Channel, number>> = {
  "document:save": articleRequestLimit,
  "document:save-as": articleRequestLimit,
  "document:snapshot": articleRequestLimit,
  "export:run": articleRequestLimit,
  "asset:add": maxAssetBase64 + 1024,
  "settings:set": 4 * 1024 * 1024,
};
const defaultRequestLimit = 64 * 1024;
/// How deeply a request may nest: an article's document at its deepest, and its envelope.
const maxRequestDepth = 2 * maxDocDepth + 16;

/// Validates a request: its size and depth first, without reading more of it than the limit (an
/// article over the file limit is refused before anything parses it), then its shape; the error
/// lists each problem with its field.
export function parseRequest<C extends Channel>(channel: C, payload: unknown): IpcResult<RequestOf<C>> {
  const limit = requestLimits[channel] ?? defaultRequestLimit;
  const { size, tooDeep } = measure(payload, limit, maxRequestDepth);
  if (size > limit || tooDeep) {
    const why = tooDeep ? `it nests more than ${maxRequestDepth} levels deep` : `it is larger than ${megabytes(limit)}, the limit for ${channel}`;
    return { ok: false, error: { code: "invalid-request", message: `The request to ${channel} was refused unread: ${why}.` } };
  }
  const result = requestSchemas[channel].safeParse(payload ?? {});
  if (result.success) return { ok: true, value: result.data as RequestOf<C> };
  const issues = result.error.issues.map((i) => `${i.path.join(".") || "request"}: ${i.message}`);
  return {
    ok: false,
    error: {
      code: "invalid-request",
      message: `The request to ${channel} was not understood.`,
      details: issues.length > 20 ? [...issues.slice(0, 20), `… and ${issues.length - 20} more problems`] : issues,
    },
  };
}
