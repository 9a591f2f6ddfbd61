import { createHash, randomUUID } from "node:crypto";
import { stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { articleToJSON, createArticle, type Article, type ArticleJSON, type ArticleMeta, type Asset } from "../../shared/article";
import { imageAsset, imageDataProblem } from "../../shared/asset-policy";
import type { ArticlePayload, DocumentHandle, ExportFormat, OpenedDocument, SharedPart } from "../../shared/ipc";
import { diskSnapshotOf, readArticleBytes, titleFor, writeArticleText } from "./article-io";
import { readSnapshot, realFileSystem, type DiskSnapshot, type FileSystemLayer } from "./durable-write";
import { UserFacingError } from "./errors";
import type { CheckResult, RenderChoices, RenderResult, SalvageResult } from "./heavy-tasks";
import { inProcessWork, type HeavyWork } from "./heavy-work";

export { articleFromPayload, readArticleFile, titleFor, writeArticleFile } from "./article-io";
export { referencedAssets } from "./heavy-tasks";

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
export type UncheckedArticle = ArticlePayload | { meta: unknown; doc: unknown; assets?: unknown; review?: unknown; shared?: unknown };

/// How the file compares with what was last read or written.
export type DiskState = "unchanged" | "changed" | "missing";

/// What a restored or programmatic document starts from.
export interface AdoptOptions {
  article: ArticleJSON;
  path: string | null;
  disk: DiskSnapshot | null;
  edited: boolean;
  recoveryId?: string;
  /// A shared story's `shared` part, as its file or recovery copy held it.
  shared?: SharedPart;
}

/// The documents open in this process, by handle.
export class DocumentStore {
  private readonly documents = new Map<DocumentHandle, OpenDocument>();

  constructor(
    private readonly fs: FileSystemLayer = realFileSystem,
    /// Where reading and checking articles runs (worker threads in the app).
    readonly work: HeavyWork = inProcessWork(),
  ) {}

  /// A new untitled document for a window.
  create(owner: string, article: Article = createArticle()): OpenedDocument {
    return this.adopt(owner, { article: articleToJSON(article), path: null, disk: null, edited: false });
  }

  /// Opens a file for a window.
  async open(owner: string, path: string): Promise<OpenedDocument> {
    const { article, migratedFrom, disk, versionsDropped, shared, sharedDropped } = await this.read(path);
    const opened = this.adopt(owner, { article, path, disk, edited: migratedFrom !== null, shared });
    const dropped = [...(versionsDropped ?? []), ...(sharedDropped ? [sharedDropped] : [])];
    return dropped.length ? { ...opened, migratedFrom, versionsDropped: dropped } : { ...opened, migratedFrom };
  }

  /// Reads and checks an article file (off main's event loop when it is large).
  async read(path: string): Promise<{ article: ArticleJSON; migratedFrom: number | null; disk: DiskSnapshot; versionsDropped?: string[]; shared?: SharedPart; sharedDropped?: string }> {
    const { bytes, info } = await readArticleBytes(path);
    const result = await this.work.readArticle(bytes);
    if (!result.ok) throw new UserFacingError("invalid-article", `${basename(path)} is not a valid Copydesk article.`, result.errors);
    const { ok: _ok, ...read } = result;
    return { ...read, disk: diskSnapshotOf(bytes, info.mtimeMs) };
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
    return openedFrom(doc, options.article, options.shared);
  }

  /// Writes checked file text (`check`) to `target` (default: the document's own file).
  async save(owner: string, handle: DocumentHandle, text: string, target?: string): Promise<{ path: string }> {
    const doc = this.get(owner, handle);
    const path = target ?? doc.path;
    if (!path) throw new UserFacingError("invalid-request", "This document has no file yet: use Save As.");
    doc.disk = await writeArticleText(path, text, this.fs);
    doc.path = path;
    return { path };
  }

  /// Checks the article a window sent, with the document's images filled in (those main holds, and any
  /// new ones the window sent along, which are checked in full), and makes it file text; `meta` overrides fields.
  async check(doc: OpenDocument, payload: UncheckedArticle, meta: Partial<ArticleMeta> = {}): Promise<CheckResult> {
    const { merged, sent } = this.withImages(doc, payload);
    const result = await this.work.checkArticle(merged, [...doc.assets.keys()], meta);
    if (result.ok) for (const key of result.assetKeys) if (!doc.assets.has(key) && sent[key]) doc.assets.set(key, sent[key]);
    return result;
  }

  /// An article the file format accepts, made from one it refused, every word kept (the recovery copy's content).
  salvage(doc: OpenDocument, payload: UncheckedArticle): Promise<SalvageResult> {
    return this.work.salvage(this.withImages(doc, payload).merged);
  }

  /// Checks the article a window sent and renders its exports (off main's event loop).
  render(doc: OpenDocument, payload: UncheckedArticle, formats: readonly ExportFormat[], choices: RenderChoices): Promise<RenderResult> {
    return this.work.renderExports(this.withImages(doc, payload).merged, [...doc.assets.keys()], formats, choices);
  }

  /// The window's article with every image main holds; an image the window sent cannot replace one main holds.
  private withImages(doc: OpenDocument, payload: UncheckedArticle): { merged: unknown; sent: Record<string, Asset> } {
    const sent = payload.assets;
    if (sent !== undefined && (typeof sent !== "object" || sent === null || Array.isArray(sent))) {
      throw new UserFacingError("invalid-article", "The article could not be saved: it is not valid.", ["assets: not an object"]);
    }
    const images = sent as Record<string, Asset> | undefined;
    const merged = { meta: payload.meta, doc: payload.doc, assets: { ...images, ...Object.fromEntries(doc.assets) }, review: payload.review, ...("shared" in payload && payload.shared !== undefined ? { shared: payload.shared } : {}) };
    return { merged, sent: images ?? {} };
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
    const { article, migratedFrom, disk, shared } = await this.read(doc.path);
    doc.disk = disk;
    doc.edited = migratedFrom !== null;
    for (const [key, asset] of Object.entries(article.assets)) doc.assets.set(key, asset);
    return { ...openedFrom(doc, article, shared), migratedFrom };
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

/// An image as base64, refused with a clear message unless it is one an article embeds (the asset policy).
function checkedImage(base64: string): Asset {
  const data = base64.replace(/\s+/g, "");
  const problem = imageDataProblem(data);
  if (problem) throw new UserFacingError("invalid-request", `That image could not be added: ${problem}.`);
  return imageAsset(data)!;
}

function openedFrom(doc: OpenDocument, article: ArticleJSON, shared?: SharedPart): OpenedDocument {
  const opened: OpenedDocument = {
    handle: doc.handle,
    path: doc.path,
    title: titleFor(doc.path),
    article,
    edited: doc.edited,
    migratedFrom: null,
  };
  if (shared) opened.shared = shared;
  return opened;
}
