import type { Node as PMNode } from "prosemirror-model";
import type { ArticleJSON, ArticleMeta, Asset } from "../../../shared/article";
import type { OpenedDocument, SavedDocument } from "../../../shared/ipc";
import { schema } from "../../../shared/schema";
import { call } from "./api";

/// The document this window edits: the main process's handle, the file it came from, whether it has unsaved changes,
/// and the article as opened (the editor holds it from then on).
export class DocumentSession {
  handle: string;
  path: string | null;
  title: string;
  edited: boolean;
  readonly meta: ArticleMeta;
  readonly assets: Record<string, Asset>;
  readonly doc: PMNode;

  constructor(opened: OpenedDocument) {
    this.handle = opened.handle;
    this.path = opened.path;
    this.title = opened.title;
    this.meta = opened.article.meta;
    this.assets = opened.article.assets;
    this.edited = opened.edited;
    this.doc = schema.nodeFromJSON(opened.article.doc);
  }

  /// Saves the article (asking for a file when untitled, or always with `as`); null when the user cancelled.
  async save(article: ArticleJSON, as = false): Promise<SavedDocument | null> {
    const saved = await call(as ? "document:save-as" : "document:save", { handle: this.handle, article });
    if (!saved) return null;
    this.path = saved.path;
    this.title = saved.title;
    this.edited = false;
    return saved;
  }
}
