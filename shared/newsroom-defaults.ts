import { createArticle, type Article, type ArticleMeta } from "./article";
import type { NewsroomSettings } from "./settings";

// What the newsroom sets once (Settings > Newsroom Defaults…) and every new story starts with:
// who holds the copyright, its notice and the usage terms.

/// The rights fields of an article.
export type RightsFields = Pick<ArticleMeta, "copyrightHolder" | "copyrightNotice" | "usageTerms">;

/// The newsroom's rights defaults, as an article's fields.
export function newsroomRights(newsroom: Pick<NewsroomSettings, "copyrightHolder" | "copyrightNotice" | "usageTerms">): RightsFields {
  return { copyrightHolder: newsroom.copyrightHolder, copyrightNotice: newsroom.copyrightNotice, usageTerms: newsroom.usageTerms };
}

/// A new, empty article with the newsroom's rights defaults (main creates every new document so).
export function newArticleFor(newsroom: NewsroomSettings, options: Parameters<typeof createArticle>[0] = {}): Article {
  const article = createArticle(options);
  return { ...article, meta: { ...article.meta, ...newsroomRights(newsroom) } };
}
