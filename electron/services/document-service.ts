import { basename, dirname, extname, join } from "node:path";
import { fieldText, type Article } from "../../shared/article";
import type { DocumentHandle, EventName, EventTypes, OpenedDocument, RecoveryEntry, SavedDocument } from "../../shared/ipc";
import { titleFor } from "./article-io";
import { articleFilter, type Dialogs } from "./dialogs";
import { DocumentStore, type OpenDocument } from "./documents";
import type { FileSystemLayer } from "./durable-write";
import { UserFacingError } from "./errors";
import { askAboutConflict, askBeforeClosing } from "./prompts";
import { RecentFiles } from "./recent-files";
import { RecoveryStore, type RecoveryTiming } from "./recovery";

// The document lifecycle behind the IPC channels and the window glue: open, save (with the
// conflict check), recovery copies, the disk watcher, and the questions asked on close and quit.

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
}

/// Open, save, recover and watch documents for every window.
export class DocumentService {
  readonly store: DocumentStore;
  readonly recovery: RecoveryStore;
  readonly recent: RecentFiles;
  private readonly busy = new Set<DocumentHandle>();
  private readonly noticed = new Map<DocumentHandle, string>();
  private readonly watchTimer: ReturnType<typeof setInterval> | null;
  private polling = false;

  constructor(private readonly options: DocumentServiceOptions) {
    this.store = new DocumentStore(options.fileSystem);
    this.recovery = new RecoveryStore(options.userDataDir, options.recoveryTiming, (e) => console.error("Recovery copy failed:", e));
    this.recent = new RecentFiles(options.userDataDir);
    const interval = options.watchIntervalMs ?? 1000;
    this.watchTimer = interval > 0 ? setInterval(() => void this.checkDisk(), interval) : null;
    this.watchTimer?.unref?.();
  }

  /// A new untitled document in a window.
  create(windowId: string): OpenedDocument {
    const opened = this.store.create(windowId);
    this.emit(this.store.get(windowId, opened.handle));
    return opened;
  }

  /// An imported article as a new untitled document, marked changed: it is not an article file yet.
  adoptImported(windowId: string, article: Article): OpenedDocument {
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

  /// Saves to the document's file, or to one the user picks (untitled, Save As, Save as Copy); null when cancelled.
  async save(windowId: string, handle: DocumentHandle, article: Article, as = false): Promise<SavedDocument | null> {
    const doc = this.store.get(windowId, handle);
    if (this.busy.has(handle)) throw new UserFacingError("conflict", "This document is already being saved.");
    this.busy.add(handle);
    try {
      let target = as || !doc.path ? await this.askSavePath(article, doc.path) : doc.path;
      if (!target) return null;
      if (target === doc.path && !as) {
        const { state } = await this.store.diskState(doc);
        if (state === "changed") {
          const choice = await askAboutConflict(this.options.dialogs, titleFor(doc.path));
          if (choice === "cancel") return null;
          if (choice === "reload") {
            await this.reloadFromDisk(doc, `Reloaded ${titleFor(doc.path)} from disk; your changes were dropped.`);
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
      return await this.write(doc, article, target);
    } finally {
      this.busy.delete(handle);
    }
  }

  /// Records the window's latest text: schedules the recovery copy, or removes it when the document matches its file again.
  async changed(windowId: string, handle: DocumentHandle, article: Article, edited: boolean): Promise<void> {
    const doc = this.store.markChanged(windowId, handle, article, edited);
    if (edited) this.recovery.schedule(doc.recoveryId, article, { path: doc.path, title: titleFor(doc.path), disk: doc.disk });
    else await this.recovery.remove(doc.recoveryId);
    this.emit(doc);
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
    for (const doc of this.store.ownedBy(windowId)) await this.close(windowId, doc.handle);
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
    const opened = this.store.adopt(windowId, { article: copy.article, path: copy.path, disk: copy.disk, edited: true, recoveryId: id });
    this.emit(this.store.get(windowId, opened.handle));
    return opened;
  }

  /// Throws a recovery copy away.
  async discardRecovery(id: string): Promise<void> {
    if (this.store.all().some((doc) => doc.recoveryId === id)) throw new UserFacingError("conflict", "That recovery copy is open in a window.");
    await this.recovery.remove(id);
  }

  /// Asks Save / Don't Save / Cancel for each changed document of a window; true when the window may close.
  async confirmClose(windowId: string): Promise<boolean> {
    for (const doc of this.store.ownedBy(windowId)) {
      if (!doc.edited) continue;
      this.options.focusWindow?.(windowId);
      const choice = await askBeforeClosing(this.options.dialogs, titleFor(doc.path));
      if (choice === "cancel") return false;
      if (choice === "discard") continue;
      try {
        const saved = doc.latest ? await this.save(windowId, doc.handle, doc.latest) : null;
        if (!saved && doc.edited) return false;
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

  /// Stops the watcher and writes pending recovery copies.
  async dispose(): Promise<void> {
    if (this.watchTimer) clearInterval(this.watchTimer);
    await this.recovery.flushAll();
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
      return this.tell(doc, null, `${title} was moved or deleted by another program. Save will write it again where it was.`);
    }
    if (doc.edited) {
      return this.tell(doc, null, `${title} was changed by another program. Your changes are kept; Save will ask which version to keep.`);
    }
    try {
      await this.reloadFromDisk(doc, `${title} was changed by another program and has been reloaded.`);
    } catch (e) {
      this.tell(doc, null, `${title} was changed by another program, but the new version cannot be opened: ${(e as Error).message}`);
    }
  }

  private async reloadFromDisk(doc: OpenDocument, message: string): Promise<void> {
    const reloaded = await this.reload(doc.owner, doc.handle);
    this.tell(doc, reloaded, message);
  }

  private tell(doc: OpenDocument, reloaded: OpenedDocument | null, message: string): void {
    this.options.notify?.(doc.owner, "document:changed-on-disk", { handle: doc.handle, reloaded, message });
  }

  private async write(doc: OpenDocument, article: Article, target: string): Promise<SavedDocument> {
    const changesBefore = doc.changes;
    try {
      const saved = await this.store.save(doc.owner, doc.handle, article, target);
      if (!doc.edited) await this.recovery.remove(doc.recoveryId);
      this.noticed.delete(doc.handle);
      await this.recent.add(saved.path);
      this.emit(doc);
      return saved;
    } catch (e) {
      if (doc.changes === changesBefore) this.store.markChanged(doc.owner, doc.handle, article, true);
      this.recovery.schedule(doc.recoveryId, doc.latest ?? article, { path: doc.path, title: titleFor(doc.path), disk: doc.disk });
      await this.recovery.flush(doc.recoveryId);
      this.emit(doc);
      throw e;
    }
  }

  private askSavePath(article: Article, current: string | null): Promise<string | null> {
    return this.options.dialogs
      .chooseSavePath({
        title: "Save article",
        defaultPath: current ?? `${suggestedFileName(fieldText(article.doc, "headline"))}.article`,
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
