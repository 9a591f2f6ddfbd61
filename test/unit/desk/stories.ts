import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Article, ArticleMeta } from "../../../shared/article";
import { serializeArticle } from "../../../shared/article-file";
import { article, meta, p } from "../editor/builders";

// Stories for the desk's tests: an article from a headline, body paragraphs and metadata, written
// into a folder (subfolders made as needed).

/// A story with this headline, body and metadata.
export function story(headline: string, body: string[] = ["Text."], changes: Partial<ArticleMeta> = {}, byline = ""): Article {
  return { meta: meta(changes), doc: article({ headline, byline, body: body.map((text) => p(text)) }), assets: {} };
}

/// Writes a story file at `name` (a path in `dir`, "/" between folders); answers its path.
export function writeStory(dir: string, name: string, a: Article): string {
  const path = join(dir, ...name.split("/"));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, serializeArticle(a));
  return path;
}
