import { randomUUID } from "node:crypto";
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { articleToJSON, createArticle, type Article } from "../../shared/article";
import type { DocumentHandle, OpenedDocument, SavedDocument } from "../../shared/ipc";
import { readArticleFile, titleFor, writeArticleFile } from "./article-io";
import { readSnapshot, realFileSystem, type DiskSnapshot, type FileSystemLayer } from "./durable-write";
import { UserFacingError } from "./errors";

export { articleFromPayload, readArticleFile, titleFor, writeArticleFile } from "./article-io";

// The open documents of the main process: which file each handle stands for, what was last
// read from or written to that file, and whether the window has changes not yet saved.

/// One open document, as the main process tracks it.
export interface OpenDocument {
  readonly handle: DocumentHandle;
  /// The window that owns it.
  readonly owner: string;
  path: string | null;
  /// What the file held when last read or written; null while untitled.
  disk: DiskSnapshot | null;
  /// True when the window has changes not in the file.
  edited: boolean;
  /// The article as the window last reported it (null until it reports a change).
  latest: Article | null;
  /// Identity that no save may change.
  readonly id: string;
  readonly created: string;
  /// The name of this document's recovery copy.
  readonly recoveryId: string;
  /// Counts the window's change reports, so a save knows whether edits arrived while it wrote.
  changes: number;
}

/// How the file compares with what was last read or written.
export type DiskState = "unchanged" | "changed" | "missing";

/// What a restored or programmatic document starts from.
export interface AdoptOptions {
  article: Article;
  path: string | null;
  disk: DiskSnapshot | null;
  edited: boolean;
  recoveryId?: string;
}

/// The documents open in this process, by handle.
export class DocumentStore {
  private readonly documents = new Map<DocumentHandle, OpenDocument>();

  constructor(private readonly fs: FileSystemLayer = realFileSystem) {}

  /// A new untitled document for a window.
  create(owner: string, article: Article = createArticle()): OpenedDocument {
    return this.adopt(owner, { article, path: null, disk: null, edited: false });
  }

  /// Opens a file for a window.
  async open(owner: string, path: string): Promise<OpenedDocument> {
    const { article, migratedFrom, disk } = await readArticleFile(path);
    const opened = this.adopt(owner, { article, path, disk, edited: migratedFrom !== null });
    return { ...opened, migratedFrom };
  }

  /// Registers a document that starts from the given article (a restored recovery copy, a new article).
  adopt(owner: string, options: AdoptOptions): OpenedDocument {
    const doc: OpenDocument = {
      handle: randomUUID(),
      owner,
      path: options.path,
      disk: options.disk,
      edited: options.edited,
      latest: options.edited ? options.article : null,
      id: options.article.meta.id,
      created: options.article.meta.created,
      recoveryId: options.recoveryId ?? randomUUID(),
      changes: 0,
    };
    this.documents.set(doc.handle, doc);
    return openedFrom(doc, options.article);
  }

  /// Writes the article to `target` (default: the document's own file), sets `meta.updated`, keeps id and created.
  async save(owner: string, handle: DocumentHandle, article: Article, target?: string): Promise<SavedDocument> {
    const doc = this.get(owner, handle);
    const path = target ?? doc.path;
    if (!path) throw new UserFacingError("invalid-request", "This document has no file yet: use Save As.");
    const meta = { ...article.meta, id: doc.id, created: doc.created, updated: new Date().toISOString() };
    const saved: Article = { ...article, meta };
    const changesBefore = doc.changes;
    doc.disk = await writeArticleFile(path, saved, this.fs);
    doc.path = path;
    if (doc.changes === changesBefore || (doc.latest !== null && doc.latest.doc.eq(article.doc))) {
      doc.edited = false;
      doc.latest = null;
    }
    return { handle, path, title: titleFor(path), meta };
  }

  /// Reads the document's file again, replacing what the window has; the handle stays the same.
  async reload(owner: string, handle: DocumentHandle): Promise<OpenedDocument> {
    const doc = this.get(owner, handle);
    if (!doc.path) throw new UserFacingError("invalid-request", "This document has no file to reload from.");
    const { article, migratedFrom, disk } = await readArticleFile(doc.path);
    doc.disk = disk;
    doc.edited = migratedFrom !== null;
    doc.latest = null;
    return { ...openedFrom(doc, article), migratedFrom };
  }

  /// Compares the file with what was last read or written; `quick` trusts an unchanged size and time without hashing.
  async diskState(doc: OpenDocument, quick = false): Promise<{ state: DiskState; current: DiskSnapshot | null }> {
    if (!doc.path || !doc.disk) return { state: "unchanged", current: doc.disk };
    if (quick) {
      const info = await stat(doc.path).catch(() => null);
      if (!info?.isFile()) return { state: "missing", current: null };
      if (info.size === doc.disk.size && info.mtimeMs === doc.disk.mtimeMs) return { state: "unchanged", current: doc.disk };
    }
    const current = await readSnapshot(doc.path);
    if (!current) return { state: "missing", current: null };
    if (current.hash !== doc.disk.hash) return { state: "changed", current };
    doc.disk = current;
    return { state: "unchanged", current };
  }

  /// Records what the window reported: its article and whether it differs from the file.
  markChanged(owner: string, handle: DocumentHandle, article: Article, edited: boolean): OpenDocument {
    const doc = this.get(owner, handle);
    doc.edited = edited;
    doc.latest = edited ? article : null;
    doc.changes += 1;
    return doc;
  }

  /// The document open on this file, in any window.
  findByPath(path: string): OpenDocument | null {
    const wanted = resolve(path);
    for (const doc of this.documents.values()) if (doc.path && resolve(doc.path) === wanted) return doc;
    return null;
  }

  /// The documents a window has open.
  ownedBy(owner: string): OpenDocument[] {
    return [...this.documents.values()].filter((doc) => doc.owner === owner);
  }

  /// Every open document.
  all(): OpenDocument[] {
    return [...this.documents.values()];
  }

  /// The file of a document, or null while untitled.
  pathOf(owner: string, handle: DocumentHandle): string | null {
    return this.get(owner, handle).path;
  }

  /// Forgets a document; returns it so callers can release what belongs to it.
  close(owner: string, handle: DocumentHandle): OpenDocument {
    const doc = this.get(owner, handle);
    this.documents.delete(handle);
    return doc;
  }

  /// The document behind a handle, checked against the window asking.
  get(owner: string, handle: DocumentHandle): OpenDocument {
    const doc = this.documents.get(handle);
    if (!doc || doc.owner !== owner) throw new UserFacingError("unknown-document", "That document is not open in this window.");
    return doc;
  }
}

function openedFrom(doc: OpenDocument, article: Article): OpenedDocument {
  return {
    handle: doc.handle,
    path: doc.path,
    title: titleFor(doc.path),
    article: articleToJSON(article),
    edited: doc.edited,
    migratedFrom: null,
  };
}
