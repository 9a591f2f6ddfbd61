import type { Article, ArticleMeta } from "../article";
import { embargoLine } from "../embargo";
import { wordCount } from "../word-count";
import { textDirection } from "../text-direction";
import { escapeXml, jsonForScript } from "./escape";
import { isAgencyName } from "./agencies";
import { fixedWords } from "./fixed-words";
import { bodyHtml, inlineHtml } from "./html-body";
import { defaultFormatOptions, type FormatOptions } from "./options";
import { articleParts, conceptURI, datelineLabel, hasDateline, locatedName, wireDate, type ArticleParts } from "./parts";

// HTML export: one standalone page with its CSS and images inside, semantic markup, and a
// schema.org NewsArticle block in JSON-LD. Metadata schema.org has no word for goes in
// `<meta name="copydesk:…">`, so that the HTML importer gives back the same article.
//
// Right to left: `<html dir lang>` follows the article's language (shared/text-direction.ts), and
// the CSS uses logical sides (border-inline-start…), so quote rules and indents mirror by
// themselves. Blocks take the article's direction, never their own first letter: an Arabic
// headline that starts with "BBC" still sits on the right. Field values set inline inside a line
// the exporter composes (the dateline's place, date and agency, a related link's label and title,
// a credit) carry `dir="auto"`: like `<bdi>`, that isolates them, so "(AFP)" or a Latin place name
// keeps its own order without reordering the commas and dash around it, and the elements the
// HTML importer reads stay as they were.
//
// An embargoed story opens with its embargo line (shared/embargo.ts) in the header, where the
// importer does not look for text, and keeps the moment in `<meta name="copydesk:embargo">`.
// The JSON-LD credits each author by name only (never an e-mail): an agency's own name ("AFP",
// shared/export/agencies.ts) as an Organization, anyone else as a Person; its dates are the
// article's own (first published, else the embargo, else created; last updated), never the export's.

const css = `
body{margin:0;background:#fff;color:#1a1a1a;font:18px/1.6 Georgia,"Times New Roman",serif}
article{max-width:40rem;margin:2rem auto;padding:0 1rem}
.kicker{margin:0;color:#a4161a;font:600 .85rem/1.2 system-ui,sans-serif;letter-spacing:.06em;text-transform:uppercase}
h1{margin:.3rem 0 1rem;font-size:2.2rem;line-height:1.15}
.standfirst{font-size:1.2rem;color:#333}
.byline,.dateline,.tagline,small.credit{font-family:system-ui,sans-serif;font-size:.9rem;color:#555}
.dateline .place{text-transform:uppercase}
.embargo{margin:0 0 1rem;padding:.4rem .6rem;border:2px solid #a4161a;color:#a4161a;font:700 .9rem/1.3 system-ui,sans-serif;letter-spacing:.04em}
h2{font-size:1.3rem;margin:2rem 0 .5rem}
blockquote{margin:1.5rem 0;padding-inline-start:1rem;border-inline-start:3px solid #ccc}
blockquote footer,aside.pullquote footer{font-size:.9rem;color:#555}
aside.pullquote{margin:2rem 0;font-size:1.5rem;font-style:italic;text-align:center}
figure{margin:1.5rem 0}
figure img{max-width:100%;height:auto;display:block}
figcaption{font-size:.9rem}
table{width:100%;margin:1.5rem 0;border-collapse:collapse;font:.9rem/1.4 system-ui,sans-serif;font-variant-numeric:tabular-nums}
caption{caption-side:top;text-align:start;font-weight:600;padding-bottom:.4rem}
th,td{padding:.35rem .75rem;border-bottom:1px solid #ddd;text-align:start;vertical-align:top}
thead th{border-bottom:2px solid #1a1a1a}
nav.related ul{padding-inline-start:1.2rem}
nav.related .label{font:600 .75rem system-ui,sans-serif;text-transform:uppercase;color:#a4161a}
[dir=rtl] body{font-family:"Noto Naskh Arabic","Noto Serif Hebrew","Times New Roman",serif}
[dir=rtl] .kicker{letter-spacing:0}
[dir=rtl] aside.pullquote,[dir=rtl] cite{font-style:normal}
`.trim();

/// A credited name as schema.org reads it: an agency as an Organization, anyone else as a Person.
const credited = (name: string): Record<string, unknown> => ({ "@type": isAgencyName(name) ? "Organization" : "Person", name });

/// The authors by name (the byline when the article lists none), one object or a list.
function authorJsonLd(meta: ArticleMeta, byline: string): unknown {
  const names = meta.authors.map((author) => author.name.trim()).filter(Boolean);
  if (names.length === 0) return byline ? credited(byline) : undefined;
  return names.length === 1 ? credited(names[0]) : names.map(credited);
}

/// Where the story happened, as a schema.org Place with the parts known.
function placeJsonLd(meta: ArticleMeta): Record<string, unknown> | undefined {
  const name = locatedName(meta.located);
  if (!meta.located || !name) return undefined;
  const { city, region, country } = meta.located;
  const address: Record<string, string> = { "@type": "PostalAddress" };
  if (city.trim()) address.addressLocality = city.trim();
  if (region.trim()) address.addressRegion = region.trim();
  if (country.trim()) address.addressCountry = country.trim();
  return { "@type": "Place", name, address };
}

/// The year of the copyright: the first publication's, else the creation's.
const copyrightYear = (meta: ArticleMeta): number | undefined => {
  const year = new Date(meta.firstPublished ?? meta.created).getUTCFullYear();
  return Number.isNaN(year) ? undefined : year;
};

/// The schema.org NewsArticle description of the article.
export function newsArticleJsonLd(article: Article, parts: ArticleParts = articleParts(article)): Record<string, unknown> {
  const { meta } = article;
  const images: string[] = [];
  parts.body.descendants((node) => {
    if (node.type.name === "image" && /^https:/i.test(node.attrs.src as string)) images.push(node.attrs.src as string);
  });
  const ld: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    identifier: meta.id,
    headline: parts.headline,
    inLanguage: meta.language,
    dateCreated: meta.created,
    datePublished: meta.firstPublished ?? meta.published ?? meta.embargo ?? meta.created,
    dateModified: meta.updated,
    wordCount: wordCount(article.doc),
    version: meta.version,
    isAccessibleForFree: true,
  };
  if (parts.standfirst.textContent) ld.description = parts.standfirst.textContent;
  const author = authorJsonLd(meta, parts.byline);
  if (author) ld.author = author;
  if (parts.kicker) ld.articleSection = parts.kicker;
  if (meta.genre) ld.genre = meta.genre.name;
  if (meta.tags.length > 0) ld.keywords = meta.tags;
  if (meta.subjects.length > 0) {
    ld.about = meta.subjects.map((subject) => {
      const uri = conceptURI(subject.code);
      return { "@type": "Thing", name: subject.name, identifier: subject.code, ...(uri ? { sameAs: uri } : {}) };
    });
  }
  const place = placeJsonLd(meta);
  if (place) ld.contentLocation = place;
  if (meta.copyrightHolder.trim()) {
    ld.copyrightHolder = credited(meta.copyrightHolder.trim());
    const year = copyrightYear(meta);
    if (year !== undefined) ld.copyrightYear = year;
  }
  if (meta.copyrightNotice.trim()) ld.copyrightNotice = meta.copyrightNotice.trim();
  if (images.length > 0) ld.image = images;
  return ld;
}

const metaTag = (name: string, content: string): string => `<meta name="${name}" content="${escapeXml(content)}">`;

function headerHtml(parts: ArticleParts, meta: ArticleMeta, options: FormatOptions): string {
  const { language } = meta;
  const lines: string[] = [];
  if (meta.embargo) lines.push(`<p class="embargo" role="note">${escapeXml(embargoLine(meta.embargo, language, options.timeZone))}</p>`);
  if (parts.kicker) lines.push(`<p class="kicker">${escapeXml(parts.kicker)}</p>`);
  lines.push(`<h1>${escapeXml(parts.headline)}</h1>`);
  if (parts.standfirst.content.size > 0) lines.push(`<p class="standfirst">${inlineHtml(parts.standfirst)}</p>`);
  if (parts.byline) lines.push(`<p class="byline">${escapeXml(parts.byline)}</p>`);
  const { dateline } = parts;
  if (hasDateline(dateline)) {
    const pieces: string[] = [];
    if (dateline.place) pieces.push(`<span class="place" dir="auto">${escapeXml(dateline.place)}</span>`);
    if (dateline.date) pieces.push(`<time datetime="${escapeXml(dateline.date)}" dir="auto">${escapeXml(wireDate(dateline.date, language))}</time>`);
    const source = dateline.source ? ` (<span class="source" dir="auto">${escapeXml(dateline.source)}</span>)` : "";
    lines.push(`<p class="dateline" aria-label="${escapeXml(datelineLabel(dateline, language))}">${pieces.join(", ")}${source} —</p>`);
  }
  return lines.join("\n");
}

function relatedHtml(parts: ArticleParts, language: string): string {
  if (parts.related.length === 0) return "";
  const items = parts.related.map((link) => {
    const label = link.label ? `<span class="label" dir="auto">${escapeXml(link.label)}</span> ` : "";
    return `<li>${label}<a href="${escapeXml(link.href)}" dir="auto">${escapeXml(link.title)}</a></li>`;
  });
  const heading = escapeXml(fixedWords(language).related);
  return `<nav class="related" aria-label="${heading}">\n<h2>${heading}</h2>\n<ul>\n${items.join("\n")}\n</ul>\n</nav>`;
}

/// The article as a standalone HTML page.
export function exportHtml(article: Article, options: FormatOptions = defaultFormatOptions): string {
  const parts = articleParts(article);
  const { meta } = article;
  const lang = escapeXml(meta.language);
  const head = [
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: https:; style-src 'unsafe-inline'">`,
    metaTag("generator", "Copydesk"),
    `<title>${escapeXml(parts.headline || fixedWords(meta.language).untitled)}</title>`,
    parts.standfirst.textContent ? metaTag("description", parts.standfirst.textContent) : "",
    metaTag("copydesk:id", meta.id),
    metaTag("copydesk:slug", meta.slug),
    metaTag("copydesk:status", meta.status),
    metaTag("copydesk:created", meta.created),
    metaTag("copydesk:updated", meta.updated),
    metaTag("copydesk:embargo", meta.embargo ?? ""),
    metaTag("copydesk:word-target", meta.wordTarget === null ? "" : String(meta.wordTarget)),
    ...meta.tags.map((tag) => metaTag("copydesk:tag", tag)),
    `<style>\n${css}\n</style>`,
    `<script type="application/ld+json">\n${jsonForScript(newsArticleJsonLd(article, parts))}\n</script>`,
  ].filter(Boolean);
  const body = [
    `<article lang="${lang}">`,
    `<header>\n${headerHtml(parts, meta, options)}\n</header>`,
    `<div class="body">\n${bodyHtml(parts.body, article)}\n</div>`,
    parts.tagline ? `<p class="tagline">${escapeXml(parts.tagline)}</p>` : "",
    relatedHtml(parts, meta.language),
    `</article>`,
  ].filter(Boolean);
  return `<!DOCTYPE html>\n<html lang="${lang}" dir="${textDirection(meta.language)}">\n<head>\n${head.join("\n")}\n</head>\n<body>\n${body.join("\n")}\n</body>\n</html>\n`;
}
