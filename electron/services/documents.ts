import { createHash, randomUUID } from "node:crypto";
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { Node as PMNode } from "prosemirror-model";
import { articleToJSON, assetScheme, createArticle, type Article, type Asset } from "../../shared/article";
import { imageAsset, imageDataProblem } from "../../shared/asset-policy";
import type { ArticlePayload, DocumentHandle, OpenedDocument } from "../../shared/ipc";
import { schema } from "../../shared/schema";
import { articleFromPayload, readArticleFile, titleFor, writeArticleFile } from "./article-io";
import { readSnapshot, realFileSystem, type DiskSnapshot, type FileSystemLayer } from "./durable-write";
import { UserFacingError } from "./errors";

export { articleFromPayload, readArticleFile, titleFor, writeArticleFile } from "./article-io";

// The open documents of the main process: which file each handle stands for, what was last
// read from or written to that file, and the images the window has added. The article itself
// belongs to the window: main asks for it when it must act on it (see snapshots.ts).

/// One open document, as the main process tracks it.
export interface OpenDocument {
  readonly handle: DocumentHandle;
  /// The window that owns it.
  readonly owner: string;
  path: string | null;
  /// What the file held when last read or written; null while untitled.
  disk: DiskSnapshot | null;
  /// Whether the window last said it has changes not in the file (for the title and menus only:
  /// decisions ask the window).
  edited: boolean;
  /// The window's edit count as it last reported it.
  revision: number;
  /// Every image the document has had: from its file, and each one the window added.
  readonly assets: Map<string, Asset>;
  /// Identity that no save may change.
  readonly id: string;
  readonly created: string;
  /// The name of this document's recovery copy.
  readonly recoveryId: string;
}

/// An article as a window sent it, before it is checked.
export type UncheckedArticle = ArticlePayload | { meta: unknown; doc: unknown; assets?: unknown };

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
      revision: 0,
      assets: new Map(Object.entries(options.article.assets)),
      id: options.article.meta.id,
      created: options.article.meta.created,
      recoveryId: options.recoveryId ?? randomUUID(),
    };
    this.documents.set(doc.handle, doc);
    return openedFrom(doc, options.article);
  }

  /// Writes the article to `target` (default: the document's own file), sets `meta.updated`, keeps id and created.
  async save(owner: string, handle: DocumentHandle, article: Article, target?: string): Promise<{ path: string; meta: Article["meta"] }> {
    const doc = this.get(owner, handle);
    const path = target ?? doc.path;
    if (!path) throw new UserFacingError("invalid-request", "This document has no file yet: use Save As.");
    const meta = { ...article.meta, id: doc.id, created: doc.created, updated: new Date().toISOString() };
    doc.disk = await writeArticleFile(path, { ...article, meta }, this.fs);
    doc.path = path;
    return { path, meta };
  }

  /// The article a window sent, checked, with the document's images filled in: the images its
  /// figures refer to, from what main holds and from any the window sent along.
  articleFrom(doc: OpenDocument, payload: UncheckedArticle): Article {
    const sent = payload.assets;
    if (sent !== undefined && (typeof sent !== "object" || sent === null || Array.isArray(sent))) {
      throw new UserFacingError("invalid-article", "The article could not be saved: it is not valid.", ["assets: not an object"]);
    }
    const known = { ...Object.fromEntries(doc.assets), ...(sent as Record<string, Asset> | undefined) };
    const article = articleFromPayload({ meta: payload.meta, doc: payload.doc, assets: known });
    for (const [key, asset] of Object.entries(article.assets)) if (!doc.assets.has(key)) doc.assets.set(key, asset);
    return { ...article, assets: referencedAssets(article.doc, article.assets) };
  }

  /// Keeps an image for a document (paste, drop, a chosen file): checked by its bytes, keyed by their SHA-256.
  addAsset(owner: string, handle: DocumentHandle, data: string): { key: string; asset: Asset } {
    const doc = this.get(owner, handle);
    const asset = checkedImage(data);
    const key = createHash("sha256").update(Buffer.from(asset.data, "base64")).digest("hex");
    doc.assets.set(key, asset);
    return { key, asset };
  }

  /// Reads the document's file again, replacing what the window has; the handle stays the same.
  async reload(owner: string, handle: DocumentHandle): Promise<OpenedDocument> {
    const doc = this.get(owner, handle);
    if (!doc.path) throw new UserFacingError("invalid-request", "This document has no file to reload from.");
    const { article, migratedFrom, disk } = await readArticleFile(doc.path);
    doc.disk = disk;
    doc.edited = migratedFrom !== null;
    for (const [key, asset] of Object.entries(article.assets)) doc.assets.set(key, asset);
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

  /// Records what the window reported: its edit count and whether it differs from the file.
  report(owner: string, handle: DocumentHandle, revision: number, edited: boolean): OpenDocument {
    const doc = this.get(owner, handle);
    doc.revision = Math.max(doc.revision, revision);
    if (revision >= doc.revision) doc.edited = edited;
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

  /// True while that document is open.
  has(handle: DocumentHandle): boolean {
    return this.documents.has(handle);
  }

  /// The document behind a handle, checked against the window asking.
  get(owner: string, handle: DocumentHandle): OpenDocument {
    const doc = this.documents.get(handle);
    if (!doc || doc.owner !== owner) throw new UserFacingError("unknown-document", "That document is not open in this window.");
    return doc;
  }
}

/// The images a document's figures refer to, by key, in key order.
export function referencedAssets(doc: PMNode, assets: Record<string, Asset>): Record<string, Asset> {
  const used: Record<string, Asset> = {};
  doc.descendants((node) => {
    if (node.type !== schema.nodes.image) return !node.isTextblock;
    const src = String(node.attrs.src);
    const key = src.startsWith(assetScheme) ? src.slice(assetScheme.length) : "";
    if (assets[key]) used[key] = assets[key];
    return false;
  });
  return Object.fromEntries(Object.entries(used).sort(([a], [b]) => a.localeCompare(b)));
}

/// An image as base64, refused with a clear message unless it is one an article embeds (the asset policy).
function checkedImage(base64: string): Asset {
  const data = base64.replace(/\s+/g, "");
  const problem = imageDataProblem(data);
  if (problem) throw new UserFacingError("invalid-request", `That image could not be added: ${problem}.`);
  return imageAsset(data)!;
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
