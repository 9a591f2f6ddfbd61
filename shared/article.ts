import type { Node as PMNode } from "prosemirror-model";
import { emptyReview, type Review } from "./review/review";
import { schema } from "./schema";
import { textWithoutDeleted } from "./review/deleted-text";

/// Workflow states of an article.
export const articleStatuses = ["draft", "ready", "approved"] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

/// Everything about an article that is not its text (docs/article-model.md, "Metadata").
export interface ArticleMeta {
  id: string;
  slug: string;
  language: string;
  tags: string[];
  status: ArticleStatus;
  created: string;
  updated: string;
  embargo: string | null;
  wordTarget: number | null;
  /// Matches of the house-style checks that an editor chose to ignore (absent when none).
  checkIgnores?: CheckIgnore[];
}

/// A style-check match an editor ignored: a whole rule for this article, or one place (the
/// matched text and up to 30 characters of its block before it).
export interface CheckIgnore {
  rule: string;
  text?: string;
  context?: string;
}

/// An embedded file, such as a figure's image, keyed by its SHA-256 in `Article.assets`.
export interface Asset {
  type: string;
  data: string;
}

/// An article in memory: metadata, the ProseMirror document, its embedded assets and the desk's
/// review (people, notes, suggestions, versions; absent means none, `reviewOf` reads it).
export interface Article {
  meta: ArticleMeta;
  doc: PMNode;
  assets: Record<string, Asset>;
  review?: Review;
}

/// An article as plain JSON: what crosses IPC and what the file holds under its envelope.
export interface ArticleJSON {
  meta: ArticleMeta;
  doc: Record<string, unknown>;
  assets: Record<string, Asset>;
  review?: Review;
}

/// The review of an article: the one place an absent review is read as an empty one.
export function reviewOf(article: { review?: Review }): Review {
  return article.review ?? emptyReview();
}

/// Prefix of an image `src` that points into the article's assets.
export const assetScheme = "asset:";

/// An empty document: every field present, the body one empty paragraph.
export function emptyDoc(): PMNode {
  const n = schema.nodes;
  return n.doc.create(null, [
    n.kicker.create(),
    n.headline.create(),
    n.standfirst.create(),
    n.byline.create(),
    n.dateline.create(),
    n.body.create(null, n.paragraph.create()),
    n.tagline.create(),
    n.related.create(),
  ]);
}

/// A new, empty article with fresh identity and timestamps.
export function createArticle(options: { id?: string; now?: Date; language?: string } = {}): Article {
  const now = (options.now ?? new Date()).toISOString();
  return {
    meta: {
      id: options.id ?? globalThis.crypto.randomUUID(),
      slug: "",
      language: options.language ?? "en",
      tags: [],
      status: "draft",
      created: now,
      updated: now,
      embargo: null,
      wordTarget: null,
    },
    doc: emptyDoc(),
    assets: {},
  };
}

/// The article as plain JSON.
export function articleToJSON(article: Article): ArticleJSON {
  const json: ArticleJSON = { meta: article.meta, doc: article.doc.toJSON() as Record<string, unknown>, assets: article.assets };
  if (article.review) json.review = article.review;
  return json;
}

/// The text of a field node, e.g. `fieldText(doc, "headline")`, as it would be published: words a
/// suggested edit deletes left out.
export function fieldText(doc: PMNode, field: string): string {
  let text = "";
  doc.forEach((child) => {
    if (child.type.name === field) text = child.isTextblock ? textWithoutDeleted(child) : child.textContent;
  });
  return text;
}

/// The field node of that name.
export function fieldNode(doc: PMNode, field: string): PMNode | null {
  let found: PMNode | null = null;
  doc.forEach((child) => {
    if (child.type.name === field) found = child;
  });
  return found;
}
