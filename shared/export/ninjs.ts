import { publicationStatus } from "../workflow";
import type { Article } from "../article";
import { articleCounts } from "../word-count";
import { escapeXml } from "./escape";
import { bodyHtml, inlineHtml } from "./html-body";
import { articleParts } from "./parts";

// ninjs 2.2 export (IPTC News in JSON), valid against ninjs-schema_2.2.json. The body and the
// tagline travel as one HTML body; related links are text associations.

/// A date or date-time as an RFC 3339 date-time, or null when it is neither.
export function asDateTime(value: string | null): string | null {
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00Z`;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(value) ? value : null;
}

/// The article as a ninjs 2.2 object.
export function ninjsObject(article: Article): Record<string, unknown> {
  const parts = articleParts(article);
  const { meta } = article;
  const counts = articleCounts(article.doc);
  const html = [bodyHtml(parts.body, article), parts.tagline ? `<p class="tagline">${escapeXml(parts.tagline)}</p>` : ""]
    .filter(Boolean)
    .join("\n");
  const ninjs: Record<string, unknown> = {
    uri: `urn:uuid:${meta.id}`,
    type: "text",
    version: "1",
    language: meta.language,
    firstcreated: asDateTime(parts.dateline.date) ?? meta.created,
    versioncreated: meta.updated,
    pubstatus: publicationStatus(meta.status),
    headlines: [{ role: "main", value: parts.headline }],
    bodies: [
      {
        role: "main",
        contenttype: "text/html",
        wordcount: counts.words,
        charcount: counts.characters,
        value: html,
      },
    ],
  };
  const descriptions: { role: string; contenttype?: string; value: string }[] = [];
  if (parts.kicker) descriptions.push({ role: "kicker", value: parts.kicker });
  if (parts.standfirst.content.size > 0) {
    descriptions.push({ role: "summary", contenttype: "text/html", value: inlineHtml(parts.standfirst) });
  }
  if (descriptions.length > 0) ninjs.descriptions = descriptions;
  if (meta.slug) ninjs.slugline = meta.slug;
  if (meta.embargo) ninjs.embargoed = meta.embargo;
  if (parts.byline) ninjs.by = parts.byline;
  if (parts.dateline.place) ninjs.located = parts.dateline.place;
  if (meta.tags.length > 0) ninjs.subjects = meta.tags.map((name) => ({ name }));
  if (parts.related.length > 0) {
    ninjs.associations = parts.related.map((link, i) => ({
      name: `related-${i + 1}`,
      uri: link.href,
      type: "text",
      title: link.title,
      ...(link.label ? { subjects: [{ name: link.label }] } : {}),
    }));
  }
  return ninjs;
}

/// The article as ninjs 2.2 JSON text.
export function exportNinjs(article: Article): string {
  return `${JSON.stringify(ninjsObject(article), null, 2)}\n`;
}
