import { Transform } from "prosemirror-transform";
import type { Article } from "../article";
import { schema } from "../schema";
import { hasSuggestions, settleSuggestions } from "./suggestions";

// The review never leaves in published copy: what an exporter gets is the article without its
// notes (their marks and threads) and with its open suggestions accepted, so no word a suggestion
// deletes and no mark of one reaches it. Every export but Word's goes through here
// (shared/export/registry.ts; Word carries the open review, shared/export/docx-review.ts); the
// pre-export check refuses an article with open suggestions, so this is the copy of last resort.

/// The article without the desk's review: no note marks, suggestions accepted, no review parts.
export function withoutReview(article: Article): Article {
  const { doc } = article;
  const noted = doc.rangeHasMark(0, doc.content.size, schema.marks.note);
  const suggested = hasSuggestions(doc);
  if (!noted && !suggested) return { meta: article.meta, doc, assets: article.assets };
  const tr = new Transform(doc);
  if (suggested) settleSuggestions(tr, true);
  if (noted) tr.removeMark(0, tr.doc.content.size, schema.marks.note);
  return { meta: article.meta, doc: tr.doc, assets: article.assets };
}
