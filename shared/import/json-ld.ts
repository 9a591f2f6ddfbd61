import type { ImportedParts } from "./build";
import { all, type HtmlDocument } from "./html-dom";

// schema.org JSON-LD in imported pages: the NewsArticle (or Article, BlogPosting…) block.

const articleTypes = ["NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "Report"];

type LdObject = Record<string, unknown>;

function findArticle(value: unknown): LdObject | null {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findArticle(item);
      if (found) return found;
    }
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const object = value as LdObject;
  const types = Array.isArray(object["@type"]) ? object["@type"] : [object["@type"]];
  if (types.some((t) => articleTypes.includes(String(t)))) return object;
  return findArticle(object["@graph"]);
}

/// The first article object in the page's JSON-LD blocks, or null.
export function jsonLdArticle(document: HtmlDocument): LdObject | null {
  for (const script of all(document, 'script[type="application/ld+json"]')) {
    try {
      const found = findArticle(JSON.parse(script.textContent ?? ""));
      if (found) return found;
    } catch {
      continue;
    }
  }
  return null;
}

/// The metadata a JSON-LD article gives.
export function metaFromJsonLd(ld: LdObject | null): NonNullable<ImportedParts["meta"]> {
  if (!ld) return {};
  const meta: NonNullable<ImportedParts["meta"]> = {};
  if (typeof ld.identifier === "string") meta.id = ld.identifier;
  if (typeof ld.inLanguage === "string") meta.language = ld.inLanguage;
  const created = ld.dateCreated ?? ld.datePublished;
  if (typeof created === "string") meta.created = created;
  if (typeof ld.dateModified === "string") meta.updated = ld.dateModified;
  if (Array.isArray(ld.keywords)) meta.tags = ld.keywords.filter((k) => typeof k === "string");
  else if (typeof ld.keywords === "string") meta.tags = ld.keywords.split(",").map((k) => k.trim()).filter(Boolean);
  return meta;
}
