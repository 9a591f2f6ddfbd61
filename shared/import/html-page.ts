import { Readability } from "@mozilla/readability";
import type { Asset } from "../article";
import { buildArticle, collapse, type ImportedParts, type ImportResult, type NodeJSON } from "./build";
import { importParser, parseInto } from "./html-body";
import { all, type HtmlDocument, type HtmlElement } from "./html-dom";
import { cleanByline } from "./byline";
import { metaContent, pageMeta, type PageMeta } from "./page-meta";
import { pictureKey, prepareFigures } from "./page-figures";

// A news page from anywhere into an article. Mozilla's Readability (the reader view of Firefox)
// finds the article in the page, so menus, share bars, adverts, teasers and footers stay out;
// the fields come from the page's metadata in order of trust (page-meta.ts, docs/import.md), the
// pictures are settled by page-figures.ts, and each choice gets a line in the import report.

/// What a page gave: the article's body as ProseMirror JSON, its fields, and the report.
export interface PageArticle {
  body: NodeJSON[];
  meta: PageMeta;
  assets: Record<string, Asset>;
  found: string[];
  warnings: string[];
}

/// Short blocks that are page furniture wherever they are: share prompts, advert labels, comment counts, teasers.
const furniture =
  /^(?:\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*[a-z]{0,4}|(?:from\s+)?[$€£]\s?[\d.,]+(?:\/[\w/]+)?|gallery:.*|.*\|\s*\d+ photos|(?:read more|more|related|see also|lire aussi|à lire aussi|mehr zum thema|leia mais|lee también|czytaj też|čtěte také)\s*:|advertisement|advert|anzeige|publicidad|publicité|sponsored|share(?: this(?: article| story)?)?(?: on \w+)?|tweet|email|print|comments?|\d+ comments?|read more|more on this story|related(?: articles| stories| content)?|most (?:read|popular|viewed)|sign up.*|subscribe.*|follow us.*|newsletter.*|skip to .*|back to top|image copyright.*|media playback is unsupported on your device|this article is more than \d+ (?:years|months) old)$/i;

/// Class and id words of page furniture that Readability can leave in: newsletter and paywall boxes,
/// share bars, related-story and most-read lists, comment counts, error-report boxes, author boxes.
const furnitureClass =
  /(?:^|[\s_-])(?:newsletter|subscribe|subscription|paywall|promo|related|share|sharing|social|cookie|consent|advert|advertisement|ad-slot|sponsored|outbrain|taboola|most-read|mostread|recirc|recirculation|comments?|error-report|authors-article|author-bio|about-author|trailer)(?:$|[\s_-])/i;

/// Takes out the furniture elements around and inside the article, but never one that holds most of the page's words.
function removeFurniture(document: HtmlDocument, pageWords: number): number {
  let removed = 0;
  for (const element of all(document, "[class], [id]")) {
    const names = `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`;
    if (!furnitureClass.test(names) || ["BODY", "HTML", "MAIN", "ARTICLE"].includes(element.tagName)) continue;
    if (words(collapse(element.textContent)) > pageWords / 4) continue;
    element.remove();
    removed++;
  }
  return removed;
}

/// A paragraph that is one short link and nothing else: a teaser for another story.
const isTeaser = (block: NodeJSON): boolean =>
  block.type === "paragraph" &&
  (block.content ?? []).length > 0 &&
  (block.content ?? []).every((n) => n.marks?.some((m) => m.type === "link") || collapse(n.text).replace(/[[\]():.,»«"]/g, "") === "") &&
  words(plain(block)) <= 15;

/// A list whose every item is a teaser.
const isTeaserList = (block: NodeJSON): boolean =>
  (block.type === "bullet_list" || block.type === "ordered_list") && (block.content ?? []).every((item) => (item.content ?? []).length === 1 && isTeaser(item.content![0]));

/// The page's own address when it gives one (canonical link or og:url), to make relative picture addresses absolute.
function pageUrl(document: HtmlDocument): string | null {
  const url = document.querySelector('link[rel="canonical"]')?.getAttribute("href") || metaContent(document, "og:url");
  return url && /^https?:\/\//.test(url) ? url : null;
}

/// Drops " | Site" or " - Site" from a title when Site is the page's site name.
function withoutSiteName(title: string, site: string): string {
  if (!site) return title;
  const escaped = site.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return title.replace(new RegExp(`\\s*[|\\-–—:·]\\s*${escaped}\\s*$`, "i"), "").replace(new RegExp(`^${escaped}\\s*[|\\-–—:·]\\s*`, "i"), "");
}

const plain = (node: NodeJSON): string => collapse(node.text ?? (node.content ?? []).map(plain).join(" "));
const words = (text: string): number => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/// Finds the article in a parsed page (which it changes) and reads its fields; null when there is no article text at all.
export async function extractPage(document: HtmlDocument): Promise<PageArticle | null> {
  const found: string[] = [];
  const warnings: string[] = [];
  const meta = pageMeta(document);
  const site = metaContent(document, "og:site_name", "application-name");
  const base = pageUrl(document);
  const pageWords = words(collapse(document.body?.textContent));
  // The visible page, last in the order of trust: a marked standfirst ("dek", "standfirst", microdata description).
  const shownStandfirst = collapse(document.querySelector('.standfirst, .dek, .article-dek, .subheadline, .article-summary, [itemprop="description"]:not(meta)')?.textContent);
  // Readability removes scripts and changes the page; everything read from the head is read above.
  removeFurniture(document, pageWords);
  const shownHeadline = collapse((document.querySelector("article h1, main h1") ?? document.querySelector("h1"))?.textContent);
  let extracted: ReturnType<Readability<HtmlElement>["parse"]> = null;
  try {
    if (document.documentElement && document.body) {
      extracted = new Readability<HtmlElement>(document as never, { disableJSONLD: true, keepClasses: true, serializer: (node: unknown) => node as HtmlElement }).parse();
    }
  } catch (e) {
    warnings.push(`The article could not be told apart from the rest of the page (${(e as Error).message}); the whole page was read.`);
    extracted = null;
  }
  let root: HtmlElement | null = extracted?.content ?? null;
  if (!root) {
    root = document.body;
    if (root) for (const element of all(root, "script, style, noscript, nav, header, footer, aside, form, button, iframe")) element.remove();
  }
  if (!root) return null;
  const visibleHeadline = shownHeadline || collapse(extracted?.title);
  if (!meta.headline && visibleHeadline) meta.headline = { value: visibleHeadline, source: "the page" };
  // The page's own headline heads the article Readability found (as an h1, or an h2 once Readability has
  // demoted it): it is the headline field, not body.
  const headings = new Set([shownHeadline, collapse(extracted?.title), collapse(meta.headline?.value)].filter(Boolean));
  for (const heading of all(root, "h1, h2").slice(0, 2)) if (headings.has(collapse(heading.textContent))) heading.remove();
  if (!meta.standfirst && shownStandfirst) meta.standfirst = { value: shownStandfirst, source: "the page" };
  const shownByline = cleanByline(extracted?.byline ?? "");
  if (!meta.byline && shownByline) meta.byline = { value: shownByline, source: "the page" };
  if (!meta.published && extracted?.publishedTime && !Number.isNaN(Date.parse(extracted.publishedTime))) meta.published = { value: extracted.publishedTime, source: "the page" };
  if (meta.headline) meta.headline.value = withoutSiteName(withoutSiteName(meta.headline.value, site), meta.byline?.value ?? "");

  const assets: Record<string, Asset> = {};
  const figures = await prepareFigures(document, root, assets, base);
  warnings.push(...figures.warnings);
  const body = parseInto(importParser(assets), root, "body");

  // The article's own fields, repeated at the top of the body by the page, are fields, not body.
  const fields = [meta.headline?.value, meta.standfirst?.value, meta.byline?.value, meta.section?.value].filter(Boolean).map((t) => collapse(t).toLowerCase());
  const kept: NodeJSON[] = [];
  let furnitureBlocks = 0;
  for (const [index, block] of body.entries()) {
    const text = plain(block).toLowerCase();
    if (block.type !== "figure" && text === "") continue;
    const repeatsField = index < 4 && kept.every((b) => b.type === "figure") && fields.includes(text);
    if (repeatsField || isTeaser(block) || isTeaserList(block) || (block.type !== "figure" && words(text) <= 12 && furniture.test(text))) {
      furnitureBlocks++;
      continue;
    }
    kept.push(block);
  }
  const keptWords = words(kept.filter((b) => b.type !== "figure").map(plain).join(" "));
  if (pageWords > keptWords) {
    warnings.push(`Left out ${pageWords - keptWords} words of the page around the article (menus, share bars, adverts, teasers, footers${furnitureBlocks > 0 ? `, ${furnitureBlocks} repeated or furniture block${furnitureBlocks === 1 ? "" : "s"}` : ""}).`);
  }
  found.push(extracted ? `body found by Readability (${kept.length} blocks, ${figures.kept} picture${figures.kept === 1 ? "" : "s"})` : "body from the whole page (no article found in it)");
  return { body: kept, meta, assets, found, warnings };
}

/// A published time as ISO 8601 ("2017-11-03T14:00:00Z", or the date alone when that is all there is).
export function isoTime(text: string): string | null {
  const trimmed = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return trimmed;
  const time = Date.parse(trimmed);
  if (Number.isNaN(time)) return null;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.test(trimmed) ? trimmed : new Date(time).toISOString();
}

/// The import report's lines for the fields a page gave ("headline from JSON-LD").
function fieldLines(meta: PageMeta): string[] {
  const names: [keyof PageMeta, string][] = [
    ["headline", "headline"],
    ["standfirst", "standfirst"],
    ["byline", "byline"],
    ["published", "date"],
    ["section", "kicker (section)"],
    ["tags", "tags"],
    ["language", "language"],
  ];
  return names.flatMap(([key, name]) => (meta[key] ? [`${name} from ${meta[key].source}`] : []));
}

/// Imports a news page: the article Readability finds in it, with its fields read in order of trust.
export async function importNewsPage(document: HtmlDocument): Promise<ImportResult> {
  const page = await extractPage(document);
  if (!page) return buildArticle({}, ["The page has no text."], []);
  const { meta } = page;
  const published = meta.published ? isoTime(meta.published.value) : null;
  const missing = (["headline", "byline", "published"] as const).filter((key) => !meta[key]).map((key) => (key === "published" ? "date" : key));
  if (missing.length > 0) page.warnings.push(`The page gives no ${missing.join(", no ")}: fill ${missing.length === 1 ? "it" : "them"} in.`);
  const parts: ImportedParts = {
    meta: {
      language: meta.language?.value,
      tags: meta.tags?.value,
      created: published ?? undefined,
      updated: meta.modified ? (isoTime(meta.modified.value) ?? undefined) : (published ?? undefined),
    },
    kicker: meta.section?.value,
    headline: meta.headline?.value,
    standfirst: meta.standfirst ? [{ type: "text", text: collapse(meta.standfirst.value) }] : [],
    byline: meta.byline?.value,
    dateline: published ? { date: published } : undefined,
    body: leadFigure(page.body, meta),
    assets: page.assets,
  };
  const lead = parts.body!.length > page.body.length && meta.image ? [`lead picture from ${meta.image.source}`] : [];
  return buildArticle(parts, page.warnings, [...fieldLines(meta), ...lead, ...page.found]);
}

/// The body with the page's lead picture first, when the page names one (https) that the body does not already show.
function leadFigure(body: NodeJSON[], meta: PageMeta): NodeJSON[] {
  const image = meta.image?.value;
  if (!image || !/^https:\/\//.test(image.url)) return body;
  const shown = body.filter((b) => b.type === "figure").map((f) => pictureKey(String(f.content?.[0]?.attrs?.src ?? "")));
  if (body[0]?.type === "figure" || shown.includes(pictureKey(image.url))) return body;
  const content: NodeJSON[] = [{ type: "image", attrs: { src: image.url, alt: image.caption ?? "" } }];
  if (image.caption) content.push({ type: "caption", content: [{ type: "text", text: collapse(image.caption) }] });
  if (image.credit) content.push({ type: "credit", content: [{ type: "text", text: collapse(image.credit) }] });
  return [{ type: "figure", content }, ...body];
}
