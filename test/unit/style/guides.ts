import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { ArticleMeta } from "../../../shared/article";
import { emptyDoc } from "../../../shared/article";
import type { FieldName } from "../../../shared/fields";
import { schema } from "../../../shared/schema";
import { checkArticle, type ArticleMatch } from "../../../shared/style/article-check";
import { StyleGuide } from "../../../shared/style/guide";
import { guideFromSources, type RuleSource } from "../../../shared/style/rule-file";

// Helpers of the style tests: the default guides read from disk, and one-sentence articles.

export const guidesFolder = join(__dirname, "../../../shared/style/guides");

/// The YAML files of a guide folder (and its language folders), named relative to it.
export function readGuideFolder(folder: string): RuleSource[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ name: relative(folder, join(folder, name)), text: readFileSync(join(folder, name), "utf8") }));
}

export const defaultSources = readGuideFolder(guidesFolder);
export const defaultGuide = guideFromSources(defaultSources);

/// A document with `text` in one field (a paragraph when it is the body).
export function docWith(field: FieldName, text: string) {
  const base = emptyDoc();
  const index = base.content.content.findIndex((n) => n.type.name === field);
  const node = field === "body" ? schema.nodes.body.create(null, schema.nodes.paragraph.create(null, text ? schema.text(text) : undefined)) : schema.nodes[field].create(null, text ? schema.text(text) : undefined);
  return base.copy(base.content.replaceChild(index, node));
}

/// The matches of a guide in `text` put in one field of an article in that language.
export function check(text: string, options: { field?: FieldName; language?: string; guide?: StyleGuide; ignores?: ArticleMeta["checkIgnores"] } = {}): ArticleMatch[] {
  const guide = options.guide ?? defaultGuide;
  return checkArticle(docWith(options.field ?? "body", text), { checkIgnores: options.ignores }, guide.forLanguage(options.language ?? "en"));
}
