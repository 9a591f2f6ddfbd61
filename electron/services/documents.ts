import { randomUUID } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import writeFileAtomic from "write-file-atomic";
import { articleToJSON, createArticle, type Article } from "../../shared/article";
import { articleFromJSON, maxFileBytes, parseArticleFile, serializeArticle } from "../../shared/article-file";
import type { DocumentHandle, OpenedDocument, SavedDocument } from "../../shared/ipc";
import { describeFsError, UserFacingError } from "./errors";

// The open documents of the main process: which file each handle stands for, and the
// reading and writing of article files. Plain Node: no Electron here.

interface OpenDocument {
  handle: DocumentHandle;
  path: string | null;
  owner: string;
}

/// Reads an article file, refusing anything that is not a valid article with a clear message.
export async function readArticleFile(path: string): Promise<{ article: Article; migratedFrom: number | null }> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new UserFacingError("io", `Could not open ${path}: it is a folder, not an article file.`);
    size = info.size;
  } catch (e) {
    if (e instanceof UserFacingError) throw e;
    throw describeFsError(e, "open", path);
  }
  if (size > maxFileBytes) {
    throw new UserFacingError("invalid-article", `Could not open ${basename(path)}: the file is over the 50 MB limit for an article.`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw describeFsError(e, "open", path);
  }
  const result = parseArticleFile(bytes);
  if (!result.ok) {
    throw new UserFacingError("invalid-article", `${basename(path)} is not a valid Copydesk article.`, result.errors);
  }
  return { article: result.article, migratedFrom: result.migratedFrom };
}

/// Writes an article file atomically: a temporary file in the same folder, fsynced, renamed over the original.
export async function writeArticleFile(path: string, article: Article): Promise<void> {
  try {
    await writeFileAtomic(path, serializeArticle(article), { encoding: "utf8", fsync: true });
  } catch (e) {
    throw describeFsError(e, "save", path);
  }
}

/// Validates an article received over IPC.
export function articleFromPayload(payload: unknown): Article {
  const result = articleFromJSON(payload);
  if (!result.ok) throw new UserFacingError("invalid-article", "The article could not be saved: it is not valid.", result.errors);
  return result.article;
}

/// Title bar text for a document.
export function titleFor(path: string | null): string {
  return path ? basename(path) : "Untitled";
}

/// The documents open in this process, by handle.
export class DocumentStore {
  private readonly documents = new Map<DocumentHandle, OpenDocument>();

  /// A new untitled document for a window.
  create(owner: string, article: Article = createArticle()): OpenedDocument {
    const doc = this.register(owner, null);
    return { handle: doc.handle, path: null, title: titleFor(null), article: articleToJSON(article), edited: false, migratedFrom: null };
  }

  /// Opens a file for a window.
  async open(owner: string, path: string): Promise<OpenedDocument> {
    const { article, migratedFrom } = await readArticleFile(path);
    const doc = this.register(owner, path);
    return {
      handle: doc.handle,
      path,
      title: titleFor(path),
      article: articleToJSON(article),
      edited: migratedFrom !== null,
      migratedFrom,
    };
  }

  /// Saves to `path` (or the document's own file) and remembers the path.
  async save(owner: string, handle: DocumentHandle, article: Article, path?: string): Promise<SavedDocument> {
    const doc = this.get(owner, handle);
    const target = path ?? doc.path;
    if (!target) throw new UserFacingError("invalid-request", "This document has no file yet: use Save As.");
    const saved: Article = { ...article, meta: { ...article.meta, updated: new Date().toISOString() } };
    await writeArticleFile(target, saved);
    doc.path = target;
    return { handle, path: target, title: titleFor(target), meta: saved.meta };
  }

  /// The file of a document, or null while untitled.
  pathOf(owner: string, handle: DocumentHandle): string | null {
    return this.get(owner, handle).path;
  }

  close(owner: string, handle: DocumentHandle): void {
    this.get(owner, handle);
    this.documents.delete(handle);
  }

  private register(owner: string, path: string | null): OpenDocument {
    const doc = { handle: randomUUID(), path, owner };
    this.documents.set(doc.handle, doc);
    return doc;
  }

  private get(owner: string, handle: DocumentHandle): OpenDocument {
    const doc = this.documents.get(handle);
    if (!doc || doc.owner !== owner) throw new UserFacingError("unknown-document", "That document is not open in this window.");
    return doc;
  }
}
