import type * as Y from "yjs";
import { serializeArticle } from "../shared/article-file";
import { yDocToArticle } from "../shared/collab/y-article";

// The .article copy of a shared story: what yDocToArticle reads from its Y.Doc (always an article
// the file format accepts, whatever a merge did), in the file format.

/// The text of the story's .article file.
export function articleText(ydoc: Y.Doc): string {
  return serializeArticle(yDocToArticle(ydoc).article);
}
