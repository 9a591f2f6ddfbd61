import type { Node as PMNode } from "prosemirror-model";
import { emptyReview, type Review } from "./review/review";
import { schema } from "./schema";
import { textWithoutDeleted } from "./review/deleted-text";

/// Workflow states of an article, Superdesk's anchored: a reporter's draft is filed to the desk,
/// edited there, made ready and published; held and killed stop it (docs/article-model.md, "Workflow").
export const articleStatuses = ["draft", "filed", "in-edit", "ready", "published", "held", "killed"] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

/// Each status as a person reads it.
export const statusLabels: Record<ArticleStatus, string> = {
  draft: "Draft",
  filed: "Filed",
  "in-edit": "In edit",
  ready: "Ready",
  published: "Published",
  held: "Held",
  killed: "Killed",
};

/// A concept of an IPTC vocabulary as the article keeps it: its qcode ("medtop:20000763",
/// "genre:Analysis") and its label in the article's language when it was picked, so exports need
/// no vocabulary.
export interface Concept {
  code: string;
  name: string;
}

/// Where the story happened (NITF's dateline location, ninjs `located`); "" where unknown.
export interface Located {
  city: string;
  region: string;
  country: string;
}

/// What an author did for the story.
export const authorRoles = ["writer", "editor", "photographer", "contributor"] as const;
export type AuthorRole = (typeof authorRoles)[number];

/// A person credited on the story; the byline is written from, or checked against, their names.
export interface Author {
  name: string;
  role: AuthorRole;
  jobTitle: string;
  email: string;
}

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
  /// How urgent the story is for the wire, 1 (most) to 9, or null (NITF `urgency`, ninjs `urgency`).
  urgency: number | null;
  /// Its editorial priority, 1 (highest) to 9, or null (ninjs `priority`).
  priority: number | null;
  /// Its genre (IPTC genre NewsCodes), or null.
  genre: Concept | null;
  /// Its subjects (IPTC Media Topics).
  subjects: Concept[];
  located: Located | null;
  /// Who signed the story off on the desk (Superdesk's sign-off), "" when none.
  signOff: string;
  /// The editor's note to the desks downstream: never published (exported only where allowed).
  ednote: string;
  copyrightHolder: string;
  copyrightNotice: string;
  usageTerms: string;
  authors: Author[];
  /// The article's own version: 1 until it is published again after its first publication, then
  /// one more with each republish (shared/workflow.ts); every format writes it.
  version: number;
  /// When it was first published, and last published (ISO 8601), or null before.
  firstPublished: string | null;
  published: string | null;
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

/// The newsroom metadata of an article that has none yet (a new one, or one from before version 3).
export function emptyNewsroomMeta(): Pick<
  ArticleMeta,
  "urgency" | "priority" | "genre" | "subjects" | "located" | "signOff" | "ednote" | "copyrightHolder" | "copyrightNotice" | "usageTerms" | "authors" | "version" | "firstPublished" | "published"
> {
  return {
    urgency: null,
    priority: null,
    genre: null,
    subjects: [],
    located: null,
    signOff: "",
    ednote: "",
    copyrightHolder: "",
    copyrightNotice: "",
    usageTerms: "",
    authors: [],
    version: 1,
    firstPublished: null,
    published: null,
  };
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
      ...emptyNewsroomMeta(),
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
