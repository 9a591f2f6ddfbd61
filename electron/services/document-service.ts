import { basename, dirname, extname, join } from "node:path";
import { articleToJSON, type Article, type ArticleJSON } from "../../shared/article";
import { howToFix } from "../../shared/article-salvage";
import type {
  DocumentHandle,
  DocumentSnapshot,
  EventName,
  EventTypes,
  OpenedDocument,
  RecoveryEntry,
  SavedDocument,
} from "../../shared/ipc";
import { titleFor } from "./article-io";
import { articleFilter, type Dialogs } from "./dialogs";
import { DocumentStore, type OpenDocument, type UncheckedArticle } from "./documents";
import type { FileSystemLayer } from "./durable-write";
import { UserFacingError } from "./errors";
import type { CheckResult } from "./heavy-tasks";
import type { HeavyWork } from "./heavy-work";
import { askAboutConflict, askBeforeClosing, askCloseUnanswered } from "./prompts";
import { RecentFiles } from "./recent-files";
import { RecoveryStore, type RecoveryInfo, type RecoveryTiming } from "./recovery";
import { SnapshotRequests } from "./snapshots";

// The document lifecycle behind the IPC channels and the window glue: open, save (with the
// conflict check), recovery copies, the disk watcher, and the questions asked on close and quit.
// The window owns the article: it sends it with Save and Export, reports only its edit count as
// it types, and is asked for the article whenever main must act on it (close, quit, recovery).

/// Sends an event to one window (the Electron glue uses webContents.send, the e2e host its event stream).
export type Notify = <E extends EventName>(windowId: string, event: E, payload: EventTypes[E]) => void;

/// What a window shows about its document: the glue sets the title and the edited marker from it.
export interface DocumentState {
  handle: DocumentHandle;
  path: string | null;
  title: string;
  edited: boolean;
}

/// The services a DocumentService needs.
export interface DocumentServiceOptions {
  userDataDir: string;
  dialogs: Dialogs;
  notify?: Notify;
  /// Called whenever a window's document changes path, title or edited state; null once closed.
  onDocumentState?: (windowId: string, state: DocumentState | null) => void;
  /// Brings a window to the front (opening a file that is already open there).
  focusWindow?: (windowId: string) => void;
  /// The file system saves go through (tests stub it to simulate failures).
  fileSystem?: FileSystemLayer;
  /// How often the open files are checked for changes by other programs, in ms (0: never).
  watchIntervalMs?: number;
  recoveryTiming?: RecoveryTiming;
  /// How long a window has to hand over its article before main gives up (default 10 s).
  snapshotTimeoutMs?: number;
  /// Where reading, checking and writing articles runs (heavy-work.ts; in-process by default).
  heavyWork?: HeavyWork;
}

/// Open, save, recover and watch documents for every window.
export class DocumentService {
  readonly store: DocumentStore;
  readonly recovery: RecoveryStore;
  readonly recent: RecentFiles;
  readonly snapshots: SnapshotRequests;
  private readonly busy = new Set<DocumentHandle>();
  private readonly noticed = new Map<DocumentHandle, string>();
  private readonly watchTimer: ReturnType<typeof setInterval> | null;
  private polling = false;

  constructor(private readonly options: DocumentServiceOptions) {
    this.store = new DocumentStore(options.fileSystem, options.heavyWork);
    this.recovery = new RecoveryStore(options.userDataDir, options.recoveryTiming, (e) => console.error("Recovery copy failed:", e));
    this.recent = new RecentFiles(options.userDataDir);
    this.snapshots = new SnapshotRequests(options.notify, options.snapshotTimeoutMs);
    const interval = options.watchIntervalMs ?? 1000;
    this.watchTimer = interval > 0 ? setInterval(() => void this.checkDisk(), interval) : null;
    this.watchTimer?.unref?.();
  }

  /// A new untitled document in a window: empty, or the given article (a story from a template).
  create(windowId: string, article?: Article): OpenedDocument {
    const opened = this.store.create(windowId, article);
    this.emit(this.store.get(windowId, opened.handle));
    return opened;
  }

  /// An imported article as a new untitled document, marked changed: it is not an article file yet.
  adoptImported(windowId: string, article: ArticleJSON): OpenedDocument {
    const opened = this.store.adopt(windowId, { article, path: null, disk: null, edited: true });
    this.emit(this.store.get(windowId, opened.handle));
    return opened;
  }

  /// Opens a file (asking for one when no path is given); null when cancelled or when the file is
  /// already open, in which case its window is brought to the front.
  async open(windowId: string, path?: string): Promise<OpenedDocument | null> {
    const target = path ?? (await this.options.dialogs.chooseOpenPath({ title: "Open article", filters: [articleFilter] }));
    if (!target) return null;
    const existing = this.store.findByPath(target);
    if (existing) {
      this.options.focusWindow?.(existing.owner);
      return null;
    }
    const opened = await this.store.open(windowId, target);
    await this.recent.add(target);
    this.emit(this.store.get(windowId, opened.handle));
    return opened;
  }

  /// Saves the window's article (at its edit count `revision`) to the document's file, or to one the user
  /// picks (untitled, Save As, Save as Copy); null when cancelled.
  async save(windowId: string, handle: DocumentHandle, payload: UncheckedArticle, revision: number, as = false): Promise<SavedDocument | null> {
    const doc = this.store.get(windowId, handle);
    if (this.busy.has(handle)) throw new UserFacingError("conflict", "This document is already being saved.");
    this.busy.add(handle);
    try {
      const article = await this.store.check(doc, payload, { id: doc.id, created: doc.created, updated: new Date().toISOString() });
      if (!article.ok) return await this.refuse(doc, payload, article.errors);
      let target = as || !doc.path ? await this.askSavePath(article, doc.path) : doc.path;
      if (!target) return null;
      if (target === doc.path && !as) {
        const { state } = await this.store.diskState(doc);
        if (state === "changed") {
          const choice = await askAboutConflict(this.options.dialogs, titleFor(doc.path));
          if (choice === "cancel") return null;
          if (choice === "reload") {
            this.tell(doc, "reload", `Reloaded ${titleFor(doc.path)} from disk; your changes were dropped.`);
            return null;
          }
          if (choice === "copy") target = await this.askSavePath(article, copyName(target));
          if (!target) return null;
        }
      }
      const other = this.store.findByPath(target);
      if (other && other !== doc) {
        throw new UserFacingError("conflict", `${titleFor(target)} is open in another window. Close it there first, or choose another name.`);
      }
      return await this.write(doc, article, revision, target);
    } finally {
      this.busy.delete(handle);
    }
  }

  /// The window's edit count and edited state: schedules the recovery copy (the article is asked for when it
  /// is due), or removes the copy when the document matches its file again.
  async report(windowId: string, handle: DocumentHandle, revision: number, edited: boolean): Promise<void> {
    const wasEdited = this.store.get(windowId, handle).edited;
    const doc = this.store.report(windowId, handle, revision, edited);
    if (doc.edited) this.recovery.schedule(doc.recoveryId, () => this.recoveryContent(doc));
    else await this.recovery.remove(doc.recoveryId);
    if (wasEdited !== doc.edited) this.emit(doc);
  }

  /// Asks the window for its article; null when it no longer has that document.
  snapshot(windowId: string, handle: DocumentHandle): Promise<DocumentSnapshot | null> {
    const doc = this.store.get(windowId, handle);
    return this.snapshots.request(windowId, handle, titleFor(doc.path));
  }

  /// A window's answer to `snapshot`.
  answerSnapshot(windowId: string, requestId: string, snapshot: DocumentSnapshot | null): void {
    this.snapshots.answer(windowId, requestId, snapshot);
  }

  /// Keeps an image the window added, so it never has to cross again.
  addAsset(windowId: string, handle: DocumentHandle, data: string): { key: string; type: string; data: string } {
    const { key, asset } = this.store.addAsset(windowId, handle, data);
    return { key, ...asset };
  }

  /// Reads the document's file again, dropping local changes.
  async reload(windowId: string, handle: DocumentHandle): Promise<OpenedDocument> {
    const doc = this.store.get(windowId, handle);
    const reloaded = await this.store.reload(windowId, handle);
    await this.recovery.remove(doc.recoveryId);
    this.noticed.delete(handle);
    this.emit(doc);
    return reloaded;
  }

  /// Closes a document without saving: its recovery copy goes too.
  async close(windowId: string, handle: DocumentHandle): Promise<void> {
    const doc = this.store.close(windowId, handle);
    this.noticed.delete(handle);
    await this.recovery.remove(doc.recoveryId);
    const remaining = this.store.ownedBy(windowId).at(-1);
    if (remaining) this.emit(remaining);
    else this.options.onDocumentState?.(windowId, null);
  }

  /// Closes every document of a window that has gone.
  async closeWindow(windowId: string): Promise<void> {
    this.snapshots.forget(windowId);
    for (const doc of this.store.ownedBy(windowId)) await this.close(windowId, doc.handle);
  }

  /// Tells a window that main opened a document in it (a file from the menu, a drop, the command line).
  notifyOpened(windowId: string, opened: OpenedDocument): void {
    this.options.notify?.(windowId, "document:opened", opened);
  }

  /// Recovery copies left by a crash (not those of documents open now).
  async listRecovery(): Promise<RecoveryEntry[]> {
    return this.recovery.list(new Set(this.store.all().map((doc) => doc.recoveryId)));
  }

  /// Opens a recovery copy as a changed document next to its file; the copy stays until saved or discarded.
  async restore(windowId: string, id: string): Promise<OpenedDocument> {
    if (this.store.all().some((doc) => doc.recoveryId === id)) throw new UserFacingError("conflict", "That recovery copy is already open.");
    const copy = await this.recovery.read(id);
    const open = copy.path ? this.store.findByPath(copy.path) : null;
    if (open) {
      throw new UserFacingError("conflict", `${titleFor(copy.path)} is open in another window. Close it there first, then restore.`);
    }
    const opened = this.store.adopt(windowId, { article: articleToJSON(copy.article), path: copy.path, disk: copy.disk, edited: true, recoveryId: id, shared: copy.shared });
    this.emit(this.store.get(windowId, opened.handle));
    return opened;
  }

  /// Throws a recovery copy away.
  async discardRecovery(id: string): Promise<void> {
    if (this.store.all().some((doc) => doc.recoveryId === id)) throw new UserFacingError("conflict", "That recovery copy is open in a window.");
    await this.recovery.remove(id);
  }

  /// Asks the window for its article, then Save / Don't Save / Cancel when it has unsaved changes;
  /// true when the window may close.
  async confirmClose(windowId: string): Promise<boolean> {
    for (const doc of this.store.ownedBy(windowId)) {
      let snapshot: DocumentSnapshot | null;
      try {
        snapshot = await this.snapshot(windowId, doc.handle);
      } catch (e) {
        if (await askCloseUnanswered(this.options.dialogs, titleFor(doc.path), (e as Error).message)) continue;
        return false;
      }
      if (!snapshot?.edited) continue;
      this.options.focusWindow?.(windowId);
      const choice = await askBeforeClosing(this.options.dialogs, titleFor(doc.path));
      if (choice === "cancel") return false;
      if (choice === "discard") continue;
      try {
        const saved = await this.save(windowId, doc.handle, snapshot.article, snapshot.revision);
        if (!saved) return false;
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        await this.options.dialogs.tell({ message: "The article was not saved.", detail: message, kind: "error" });
        return false;
      }
    }
    return true;
  }

  /// Asks about each changed window in turn; false as soon as the user cancels, which stops the quit.
  async confirmQuit(windowIds: string[]): Promise<boolean> {
    for (const windowId of windowIds) if (!(await this.confirmClose(windowId))) return false;
    return true;
  }

  /// Checks every open file against what was last read or written, telling windows about changes.
  async checkDisk(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      for (const doc of this.store.all()) if (!this.busy.has(doc.handle)) await this.checkDocument(doc);
    } finally {
      this.polling = false;
    }
  }

  /// Stops the watcher and the pending recovery copies; the copies already written stay for the next start.
  /// (Windows are gone or going: there is no one left to ask for their article.)
  async dispose(): Promise<void> {
    if (this.watchTimer) clearInterval(this.watchTimer);
    this.recovery.cancelAll();
    await this.recovery.settled();
  }

  private async checkDocument(doc: OpenDocument): Promise<void> {
    if (!doc.path || !doc.disk) return;
    const { state, current } = await this.store.diskState(doc, true);
    if (state === "unchanged") {
      this.noticed.delete(doc.handle);
      return;
    }
    const key = current ? current.hash : "missing";
    if (this.noticed.get(doc.handle) === key || this.busy.has(doc.handle)) return;
    this.noticed.set(doc.handle, key);
    const title = titleFor(doc.path);
    if (state === "missing") {
      return this.tell(doc, "missing", `${title} was moved or deleted by another program. Save will write it again where it was.`);
    }
    // The window decides: it reloads when it has no edits, and asks the journalist otherwise.
    this.tell(doc, "changed", `${title} was changed by another program.`);
  }

  private tell(doc: OpenDocument, change: EventTypes["document:changed-on-disk"]["change"], message: string): void {
    this.options.notify?.(doc.owner, "document:changed-on-disk", { handle: doc.handle, change, message });
  }

  /// What the recovery copy is written from: the window's article, asked for now. An article the file
  /// format refuses is kept all the same, every word of it, each refused part as a paragraph of its text.
  private async recoveryContent(doc: OpenDocument): Promise<{ article: string; info: RecoveryInfo } | null> {
    if (!this.store.has(doc.handle)) return null;
    const snapshot = await this.snapshots.request(doc.owner, doc.handle, titleFor(doc.path));
    if (!snapshot?.edited) return null;
    const checked = await this.store.check(doc, snapshot.article);
    const text = checked.ok ? checked.text : (await this.store.salvage(doc, snapshot.article)).text;
    return { article: text, info: this.recoveryInfo(doc) };
  }

  /// A save the file format refused: every word goes to the recovery copy (refused parts as their text),
  /// and the window is told what is wrong and how to fix it.
  private async refuse(doc: OpenDocument, payload: UncheckedArticle, problems: string[]): Promise<never> {
    const { text } = await this.store.salvage(doc, payload);
    await this.recovery.keep(doc.recoveryId, text, this.recoveryInfo(doc)).catch((error: unknown) => console.error("Recovery copy failed:", error));
    doc.edited = true;
    this.emit(doc);
    throw new UserFacingError(
      "invalid-article",
      "The article could not be saved: part of it is not valid. No word is lost: the window still has the article, and Copydesk's recovery copy holds every word. Fix what is listed, then save again:",
      problems.map((problem) => (problem.startsWith("…") ? problem : `${problem}: ${howToFix(problem)}.`)),
    );
  }

  private recoveryInfo(doc: OpenDocument): RecoveryInfo {
    return { path: doc.path, title: titleFor(doc.path), disk: doc.disk };
  }

  private async write(doc: OpenDocument, article: Extract<CheckResult, { ok: true }>, revision: number, target: string): Promise<SavedDocument> {
    try {
      const saved = await this.store.save(doc.owner, doc.handle, article.text, target);
      // The window goes on typing while main writes: only what it had at `revision` is saved.
      if (revision >= doc.revision) {
        doc.edited = false;
        await this.recovery.remove(doc.recoveryId);
      }
      this.noticed.delete(doc.handle);
      await this.recent.add(saved.path);
      this.emit(doc);
      return { handle: doc.handle, path: saved.path, title: titleFor(saved.path), meta: article.meta, revision };
    } catch (e) {
      await this.recovery.keep(doc.recoveryId, article.text, this.recoveryInfo(doc)).catch((error: unknown) => console.error("Recovery copy failed:", error));
      doc.edited = true;
      this.emit(doc);
      throw e;
    }
  }

  private askSavePath(article: { headline: string }, current: string | null): Promise<string | null> {
    return this.options.dialogs
      .chooseSavePath({
        title: "Save article",
        defaultPath: current ?? `${suggestedFileName(article.headline)}.article`,
        filters: [articleFilter],
      })
      .then(withArticleExtension);
  }

  private emit(doc: OpenDocument): void {
    this.options.onDocumentState?.(doc.owner, { handle: doc.handle, path: doc.path, title: titleFor(doc.path), edited: doc.edited });
  }
}

/// A file name from a headline: "US speeds up arms sales" → "US speeds up arms sales".
export function suggestedFileName(headline: string): string {
  const cleaned = headline.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "").replace(/\s+/g, " ").trim().slice(0, 80);
  return cleaned || "Untitled";
}

/// "Story.article" → "Story copy.article", in the same folder.
export function copyName(path: string): string {
  const ext = extname(path);
  return join(dirname(path), `${basename(path, ext)} copy${ext}`);
}

function withArticleExtension(path: string | null): string | null {
  if (!path) return null;
  return extname(basename(path)) ? path : `${path}.article`;
}
