import { Transform } from "prosemirror-transform";
import type { Article } from "../article";
import { schema } from "../schema";

// The review never leaves in published copy: what an exporter gets is the article without its
// notes (their marks and threads). Every export goes through here (shared/export/registry.ts).

/// The article without the desk's review: no note marks in its text and no review parts.
export function withoutReview(article: Article): Article {
  const { doc } = article;
  const noted = doc.rangeHasMark(0, doc.content.size, schema.marks.note);
  const published: Article = { meta: article.meta, doc: noted ? new Transform(doc).removeMark(0, doc.content.size, schema.marks.note).doc : doc, assets: article.assets };
  return published;
}
