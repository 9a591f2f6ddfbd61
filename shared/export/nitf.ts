import { publicationStatus } from "../workflow";
import type { Node as PMNode } from "prosemirror-model";
import type { Article } from "../article";
import { wordCount } from "../word-count";
import { escapeXml } from "./escape";
import { articleParts, figureParts, hasDateline, imageURI, type ArticleParts } from "./parts";
import { tableMarkup } from "./tables";

// NITF 3.6 export, valid against the IPTC XML Schema (namespace http://iptc.org/std/NITF/2006-10-18/).
// NITF has no bold: strong text is `<em class="strong">`. Pull quotes are `bq class="pullquote"`.
// The word count (shared/word-count.ts) is `pubdata@item-length` with `unit-of-measure="word"`.

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

function headNitf(article: Article, parts: ArticleParts): string {
  const { meta } = article;
  const docdata = [
    `<doc-id id-string="${escapeXml(meta.id)}"/>`,
    `<date.issue norm="${escapeXml(nitfNorm(meta.updated))}"/>`,
    meta.embargo ? `<date.release norm="${escapeXml(nitfNorm(meta.embargo))}"/>` : "",
    meta.tags.length > 0 ? `<key-list>${meta.tags.map((t) => `<keyword key="${escapeXml(t)}"/>`).join("")}</key-list>` : "",
    `<du-key${attr("key", meta.slug)} version="1"/>`,
  ].join("");
  const pubdata = `<pubdata type="web"${attr("position.section", parts.kicker)} item-length="${wordCount(article.doc)}" unit-of-measure="word"/>`;
  return `<head><title>${escapeXml(parts.headline)}</title><docdata management-status="${publicationStatus(meta.status)}">${docdata}</docdata>${pubdata}</head>`;
}

function bodyHeadNitf(parts: ArticleParts, article: Article): string {
  const out = [`<hedline><hl1>${escapeXml(parts.headline)}</hl1></hedline>`];
  if (parts.byline) out.push(`<byline>${escapeXml(parts.byline)}</byline>`);
  const { dateline } = parts;
  if (hasDateline(dateline)) {
    const pieces = [
      dateline.place ? `<location>${escapeXml(dateline.place)}</location>` : "",
      dateline.date ? `<story.date norm="${escapeXml(nitfNorm(dateline.date))}">${escapeXml(dateline.date)}</story.date>` : "",
    ];
    out.push(`<dateline>${pieces[0]}${pieces[0] && pieces[1] ? ", " : ""}${pieces[1]}${dateline.source ? ` (${escapeXml(dateline.source)})` : ""}</dateline>`);
  }
  if (parts.standfirst.content.size > 0) out.push(`<abstract>${blockNitf(toParagraph(parts.standfirst), article)}</abstract>`);
  return `<body.head>${out.join("")}</body.head>`;
}

function toParagraph(field: PMNode): PMNode {
  return field.type.schema.nodes.paragraph.create(null, field.content);
}

/// The article as an NITF 3.6 document.
export function exportNitf(article: Article): string {
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
    headNitf(article, parts),
    `<body>${bodyHeadNitf(parts, article)}<body.content>${content.join("\n")}</body.content>${end}</body>`,
    `</nitf>`,
    "",
  ].join("\n");
}
