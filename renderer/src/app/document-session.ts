import type { Node as PMNode } from "prosemirror-model";
import type { ArticleJSON, ArticleMeta, Asset } from "../../../shared/article";
import type { OpenedDocument } from "../../../shared/ipc";
import { schema } from "../../../shared/schema";
import { call } from "./api";

/// The article this window edits: the main process's handle, the file it came from, and what is outside the editor.
export class DocumentSession {
  handle: string;
  path: string | null;
  title: string;
  meta: ArticleMeta;
  assets: Record<string, Asset>;
  edited: boolean;
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

  /// The article as it stands, with the editor's document.
  toJSON(doc: PMNode): ArticleJSON {
    return { meta: this.meta, doc: doc.toJSON() as Record<string, unknown>, assets: this.assets };
  }

  /// Saves (asking for a file when untitled, or always with `as`); false when the user cancelled.
  async save(doc: PMNode, as = false): Promise<boolean> {
    const saved = await call(as ? "document:save-as" : "document:save", { handle: this.handle, article: this.toJSON(doc) });
    if (!saved) return false;
    this.path = saved.path;
    this.title = saved.title;
    this.meta = saved.meta;
    this.edited = false;
    return true;
  }
}
