import { publicationStatus } from "../workflow";
import type { Node as PMNode } from "prosemirror-model";
import type { Article, ArticleMeta } from "../article";
import { wordCount } from "../word-count";
import { escapeXml } from "./escape";
import { defaultFormatOptions, type FormatOptions } from "./options";
import { articleParts, figureParts, hasDateline, imageURI, qcodeParts, type ArticleParts } from "./parts";
import { tableMarkup } from "./tables";

// NITF 3.6 export, valid against the IPTC XML Schema (namespace http://iptc.org/std/NITF/2006-10-18/).
// NITF has no bold: strong text is `<em class="strong">`. Pull quotes are `bq class="pullquote"`.
// The word count (shared/word-count.ts) is `pubdata@item-length` with `unit-of-measure="word"`.
//
// The newsroom's metadata goes where NITF 3.6 has a place for it (docs/article-model.md, "Where each
// part goes on export"): genre and subjects in `tobject` (the genre's code as
// `tobject.property.type`, NITF having no genre element; each Media Topic's number as
// `tobject.subject.refnum` and its name as `tobject.subject.matter`), urgency, the editor's note (only
// when the newsroom lets it travel), copyright, rights, release time and version in `docdata`, each
// author as a `byline` of `person` and `byttl` after the byline as written, and where the story happened as the dateline's
// structured `location` after the place as the dateline writes it (which importers read first: a
// dateline without a place gets none, or it would be read back as the place).
// There is no expiry in the article, so no `date.expire`; e-mails stay out of every export.

/// The NITF 3.6 namespace; the root element must declare it as the default namespace.
export const nitfNamespace = "http://iptc.org/std/NITF/2006-10-18/";

const attr = (name: string, value: string | null | undefined): string =>
  value === null || value === undefined || value === "" ? "" : ` ${name}="${escapeXml(value)}"`;

/// An ISO 8601 date or date-time in NITF's `norm` form, e.g. 20140107T000000Z or 20140107.
export function nitfNorm(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  if (!match) return value;
  const [, y, mo, d, h, mi, s, zone] = match;
  if (h === undefined) return `${y}${mo}${d}`;
  return `${y}${mo}${d}T${h}${mi}${s ?? "00"}${(zone ?? "").replace(":", "")}`;
}

function inlineNitf(node: PMNode): string {
  let xml = "";
  node.forEach((child) => {
    let piece = escapeXml(child.text ?? "");
    for (const mark of [...child.marks].reverse()) {
      if (mark.type.name === "link") {
        piece = `<a${attr("href", mark.attrs.href as string)}${attr("title", mark.attrs.title as string | null)}>${piece}</a>`;
      } else if (mark.type.name === "em") piece = `<em>${piece}</em>`;
      else piece = `<em class="strong">${piece}</em>`;
    }
    xml += piece;
  });
  return xml;
}

const blocksOf = (node: PMNode, article: Article): string => {
  const out: string[] = [];
  node.forEach((child) => out.push(blockNitf(child, article)));
  return out.join("");
};

function quoteNitf(node: PMNode, article: Article, className: string | null): string {
  const blocks: string[] = [];
  let credit = "";
  node.forEach((child) => {
    if (child.type.name === "attribution") credit = `<credit>${escapeXml(child.textContent)}</credit>`;
    else blocks.push(blockNitf(child, article));
  });
  return `<bq${attr("class", className)}><block>${blocks.join("")}</block>${credit}</bq>`;
}

const blockWriters: Record<string, (node: PMNode, article: Article) => string> = {
  paragraph: (node) => `<p>${inlineNitf(node)}</p>`,
  pullquote_text: (node) => `<p>${escapeXml(node.textContent)}</p>`,
  subheading: (node) => `<hl2>${escapeXml(node.textContent)}</hl2>`,
  blockquote: (node, article) => quoteNitf(node, article, null),
  pullquote: (node, article) => quoteNitf(node, article, `pullquote ${node.attrs.role as string}`),
  figure: (node, article) => {
    const figure = figureParts(node);
    const src = imageURI(article, figure.src) ?? "";
    const type = /^data:([^;,]+)/.exec(src)?.[1];
    const reference = `<media-reference${attr("source", src)}${attr("mime-type", type)} alternate-text="${escapeXml(figure.alt)}"/>`;
    const caption = figure.caption ? `<media-caption>${inlineNitf(figure.caption)}</media-caption>` : "";
    const producer = figure.credit ? `<media-producer>${escapeXml(figure.credit)}</media-producer>` : "";
    return `<media media-type="image">${reference}${caption}${producer}</media>`;
  },
  bullet_list: (node, article) => `<ul>${blocksOf(node, article)}</ul>`,
  ordered_list: (node, article) => `<ol${attr("seqnum", String(node.attrs.order))}>${blocksOf(node, article)}</ol>`,
  list_item: (node, article) => `<li>${blocksOf(node, article)}</li>`,
  table: (node) => tableMarkup(node, inlineNitf),
};

function blockNitf(node: PMNode, article: Article): string {
  return blockWriters[node.type.name](node, article);
}

/// The genre and subjects as NITF's subject codes, or "" when the article has neither.
function tobjectNitf(meta: ArticleMeta): string {
  if (!meta.genre && meta.subjects.length === 0) return "";
  const property = meta.genre ? `<tobject.property tobject.property.type="${escapeXml(qcodeParts(meta.genre.code)[1])}"/>` : "";
  const subjects = meta.subjects.map((subject) => {
    const [scheme, number] = qcodeParts(subject.code);
    return `<tobject.subject tobject.subject.ipr="${scheme === "medtop" ? "IPTC" : escapeXml(scheme)}" tobject.subject.refnum="${escapeXml(number)}"${attr("tobject.subject.matter", subject.name)}/>`;
  });
  return `<tobject tobject.type="news">${property}${subjects.join("")}</tobject>`;
}

/// The copyright's year: the first publication's, else the creation's.
function copyrightYear(meta: ArticleMeta): string {
  const year = new Date(meta.firstPublished ?? meta.created).getUTCFullYear();
  return Number.isNaN(year) ? "" : String(year);
}

function headNitf(article: Article, parts: ArticleParts, options: FormatOptions): string {
  const { meta } = article;
  const holder = meta.copyrightHolder.trim();
  const docdata = [
    `<doc-id id-string="${escapeXml(meta.id)}"/>`,
    meta.urgency !== null ? `<urgency ed-urg="${meta.urgency}"/>` : "",
    `<date.issue norm="${escapeXml(nitfNorm(meta.updated))}"/>`,
    meta.embargo ? `<date.release norm="${escapeXml(nitfNorm(meta.embargo))}"/>` : "",
    options.exportEdnote && meta.ednote.trim() ? `<ed-msg msg-type="editorial"${attr("info", meta.ednote)}/>` : "",
    `<du-key${attr("key", meta.slug)} version="${meta.version}"/>`,
    holder ? `<doc.copyright${attr("year", copyrightYear(meta))}${attr("holder", holder)}/>` : "",
    holder || meta.usageTerms.trim() ? `<doc.rights${attr("owner", holder)}${attr("limitations", meta.usageTerms.trim())}/>` : "",
    meta.tags.length > 0 ? `<key-list>${meta.tags.map((t) => `<keyword key="${escapeXml(t)}"/>`).join("")}</key-list>` : "",
  ].join("");
  const pubdata = `<pubdata type="web"${attr("position.section", parts.kicker)} item-length="${wordCount(article.doc)}" unit-of-measure="word"/>`;
  return `<head><title>${escapeXml(parts.headline)}</title>${tobjectNitf(meta)}<docdata management-status="${publicationStatus(meta.status)}">${docdata}</docdata>${pubdata}</head>`;
}

/// One `byline` for the byline as written, then one per author: their name and job title. A story
/// without a byline prints none, so its authors get none either (an importer would read the first
/// as the byline to print).
function bylinesNitf(byline: string, meta: ArticleMeta): string {
  if (!byline) return "";
  const out = [`<byline>${escapeXml(byline)}</byline>`];
  for (const author of meta.authors) {
    if (!author.name.trim()) continue;
    const title = author.jobTitle.trim() ? `<byttl>${escapeXml(author.jobTitle.trim())}</byttl>` : "";
    out.push(`<byline><person>${escapeXml(author.name.trim())}</person>${title}</byline>`);
  }
  return out.join("");
}

/// Where the story happened as a structured `location` (city, state for the region, country), or "".
function locatedNitf(meta: ArticleMeta): string {
  if (!meta.located) return "";
  const { city, region, country } = meta.located;
  const pieces = [
    city.trim() ? `<city>${escapeXml(city.trim())}</city>` : "",
    region.trim() ? `<state>${escapeXml(region.trim())}</state>` : "",
    country.trim() ? `<country>${escapeXml(country.trim())}</country>` : "",
  ].filter(Boolean);
  return pieces.length > 0 ? `<location>${pieces.join(", ")}</location>` : "";
}

function bodyHeadNitf(parts: ArticleParts, article: Article): string {
  const out = [`<hedline><hl1>${escapeXml(parts.headline)}</hl1></hedline>`];
  out.push(bylinesNitf(parts.byline, article.meta));
  const { dateline } = parts;
  // After the place as written, which importers read first; without one they would read this instead.
  const located = dateline.place ? locatedNitf(article.meta) : "";
  if (hasDateline(dateline)) {
    const pieces = [
      dateline.place ? `<location>${escapeXml(dateline.place)}</location>` : "",
      dateline.date ? `<story.date norm="${escapeXml(nitfNorm(dateline.date))}">${escapeXml(dateline.date)}</story.date>` : "",
    ];
    out.push(`<dateline>${pieces[0]}${pieces[0] && pieces[1] ? ", " : ""}${pieces[1]}${dateline.source ? ` (${escapeXml(dateline.source)})` : ""}${located}</dateline>`);
  }
  if (parts.standfirst.content.size > 0) out.push(`<abstract>${blockNitf(toParagraph(parts.standfirst), article)}</abstract>`);
  return `<body.head>${out.join("")}</body.head>`;
}

function toParagraph(field: PMNode): PMNode {
  return field.type.schema.nodes.paragraph.create(null, field.content);
}

/// The article as an NITF 3.6 document.
export function exportNitf(article: Article, options: FormatOptions = defaultFormatOptions): string {
  const parts = articleParts(article);
  const content: string[] = [];
  parts.body.forEach((block) => {
    if (!(block.type.name === "paragraph" && block.content.size === 0)) content.push(blockNitf(block, article));
  });
  if (parts.related.length > 0) {
    const links = parts.related.map(
      (link) =>
        `<p>${link.label ? `<em class="label">${escapeXml(link.label)}</em> ` : ""}<a href="${escapeXml(link.href)}">${escapeXml(link.title)}</a></p>`,
    );
    content.push(`<block class="related">${links.join("")}</block>`);
  }
  const end = parts.tagline ? `<body.end><tagline>${escapeXml(parts.tagline)}</tagline></body.end>` : "";
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<nitf xmlns="${nitfNamespace}" version="-//IPTC//DTD NITF 3.6//EN"${attr("xml:lang", article.meta.language)}>`,
    headNitf(article, parts, options),
    `<body>${bodyHeadNitf(parts, article)}<body.content>${content.join("\n")}</body.content>${end}</body>`,
    `</nitf>`,
    "",
  ].join("\n");
}
