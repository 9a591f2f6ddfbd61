import { publicationStatus } from "../workflow";
import { assetScheme, type Article, type ArticleMeta } from "../article";
import { base64ToBytes } from "../asset-policy";
import { articleCounts } from "../word-count";
import { escapeXml } from "./escape";
import { bodyHtml, inlineHtml } from "./html-body";
import { imageSize } from "./image-size";
import { defaultFormatOptions, type FormatOptions } from "./options";
import { articleParts, conceptURI, figureParts, imageURI, locatedName, type ArticleParts } from "./parts";

// ninjs 2.2 export (IPTC News in JSON), valid against ninjs-schema_2.2.json. The body and the
// tagline travel as one HTML body; related links are text associations.
//
// The newsroom's metadata goes where ninjs 2.2 has a property for it (docs/article-model.md): the
// article's own version, urgency, genre and subjects (with their IPTC URI, the qcode as `literal`
// and `rel: "about"`), keywords as subjects with `rel: "keyword"` (2.2 has no keywords), where it
// happened as `located` and a `places` entry, the authors as `people` whose `rel` is their role,
// rights, the editor's note only when the newsroom lets it travel, and each figure's image as a
// rendition with its type and pixel size. The 2.2 schema allows no other property, so the
// priority and the first publication time, which it has no place for, are left out, as are
// e-mails (they are for the desk, not for the wire).

/// A date or date-time as an RFC 3339 date-time, or null when it is neither.
export function asDateTime(value: string | null): string | null {
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00Z`;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(value) ? value : null;
}

/// The figures' images as ninjs renditions: href (a data: URI for an image the article holds),
/// content type, and width and height when the image's header gives them.
function renditions(article: Article, body: ArticleParts["body"]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  body.descendants((node) => {
    if (node.type.name !== "figure") return true;
    const figure = figureParts(node);
    const href = safeURI(imageURI(article, figure.src));
    if (!href) return false;
    const rendition: Record<string, unknown> = { name: `figure-${out.length + 1}`, href };
    if (figure.alt) rendition.title = figure.alt;
    const asset = figure.src.startsWith(assetScheme) ? article.assets[figure.src.slice(assetScheme.length)] : undefined;
    if (asset) {
      rendition.contenttype = asset.type;
      const size = imageSize(base64ToBytes(asset.data));
      if (size) Object.assign(rendition, size);
    }
    out.push(rendition);
    return false;
  });
  return out;
}

/// A URI as ninjs's `format: uri` takes it (an https address normalised, spaces escaped), or null.
function safeURI(uri: string | null): string | null {
  if (!uri) return null;
  if (uri.startsWith("data:")) return uri;
  try {
    return new URL(uri).href;
  } catch {
    return null;
  }
}

/// The metadata of issue 14 as ninjs properties.
function newsroomNinjs(meta: ArticleMeta, byline: string, options: FormatOptions): Record<string, unknown> {
  const ninjs: Record<string, unknown> = {};
  if (meta.urgency !== null) ninjs.urgency = meta.urgency;
  if (meta.genre) {
    const uri = conceptURI(meta.genre.code);
    ninjs.genres = [{ name: meta.genre.name, literal: meta.genre.code, ...(uri ? { uri } : {}) }];
  }
  const subjects = [
    ...meta.subjects.map((subject) => {
      const uri = conceptURI(subject.code);
      return { name: subject.name, rel: "about", literal: subject.code, ...(uri ? { uri } : {}) };
    }),
    ...meta.tags.map((name) => ({ name, rel: "keyword" })),
  ];
  if (subjects.length > 0) ninjs.subjects = subjects;
  const place = locatedName(meta.located);
  if (place) {
    ninjs.located = place;
    ninjs.places = [{ name: place, rel: "located" }];
  }
  const people = meta.authors.filter((author) => author.name.trim()).map((author) => ({ name: author.name.trim(), rel: author.role }));
  if (people.length > 0) ninjs.people = people;
  const by = byline || people.map((person) => person.name).join(", ");
  if (by) ninjs.by = by;
  if (meta.copyrightHolder.trim()) ninjs.copyrightholder = meta.copyrightHolder.trim();
  if (meta.copyrightNotice.trim()) ninjs.copyrightnotice = meta.copyrightNotice.trim();
  if (meta.usageTerms.trim()) ninjs.usageterms = meta.usageTerms.trim();
  if (options.exportEdnote && meta.ednote.trim()) ninjs.ednote = meta.ednote;
  return ninjs;
}

/// The article as a ninjs 2.2 object.
export function ninjsObject(article: Article, options: FormatOptions = defaultFormatOptions): Record<string, unknown> {
  const parts = articleParts(article);
  const { meta } = article;
  const counts = articleCounts(article.doc);
  const html = [bodyHtml(parts.body, article), parts.tagline ? `<p class="tagline">${escapeXml(parts.tagline)}</p>` : ""]
    .filter(Boolean)
    .join("\n");
  const ninjs: Record<string, unknown> = {
    uri: `urn:uuid:${meta.id}`,
    type: "text",
    version: String(meta.version),
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
  if (meta.embargo) ninjs.embargoed = asDateTime(meta.embargo) ?? meta.embargo;
  Object.assign(ninjs, newsroomNinjs(meta, parts.byline, options));
  if (!ninjs.located && parts.dateline.place) ninjs.located = parts.dateline.place;
  const images = renditions(article, parts.body);
  if (images.length > 0) ninjs.renditions = images;
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
export function exportNinjs(article: Article, options: FormatOptions = defaultFormatOptions): string {
  return `${JSON.stringify(ninjsObject(article, options), null, 2)}\n`;
}
