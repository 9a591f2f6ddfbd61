import type { Asset } from "../article";
import { imageOrigin, isStoredImageSrc } from "../asset-policy";
import { assetFromDataUri, buildArticle, collapse, type ImportedParts, type ImportResult } from "./build";
import { importParser, parseInto } from "./html-body";
import { all, type HtmlDocument, type HtmlElement } from "./html-dom";

// HTML whose parts are marked by Copydesk's classes (.kicker, .standfirst, .byline, .body…) into an
// article: Copydesk's own HTML export, and the HTML mammoth makes of a Word file (import-files.ts).
// News pages from elsewhere go through html-page.ts instead.

const bodySelectors = [".body", "[itemprop=articleBody]", ".article-body", ".story-body", "article", "main", "body"];
const chrome = "script, style, noscript, header, nav, form, .kicker, .standfirst, .byline, .dateline, .tagline, .related";

const text = (root: HtmlDocument | HtmlElement, selector: string): string => collapse(root.querySelector(selector)?.textContent);

function metaContent(document: HtmlDocument, name: string): string | null {
  return document.querySelector(`meta[name="${name}"], meta[property="${name}"]`)?.getAttribute("content") ?? null;
}

function copydeskMeta(document: HtmlDocument): ImportedParts["meta"] {
  const get = (name: string) => metaContent(document, `copydesk:${name}`);
  if (get("id") === null) return {};
  const wordTarget = get("word-target");
  return {
    id: get("id"),
    slug: get("slug"),
    status: get("status"),
    created: get("created"),
    updated: get("updated"),
    embargo: get("embargo") || null,
    wordTarget: wordTarget ? Number(wordTarget) : null,
    tags: all(document, 'meta[name="copydesk:tag"]').map((m) => m.getAttribute("content") ?? ""),
  };
}

/// Inlines `data:` images as assets and drops the rest of the page's hostile or decorative parts.
async function prepare(document: HtmlDocument, assets: Record<string, Asset>): Promise<void> {
  for (const img of all(document, "img[src]")) {
    const src = img.getAttribute("src") ?? "";
    if (imageOrigin(src) !== "data") continue;
    const asset = await assetFromDataUri(src, assets);
    if (asset) img.setAttribute("src", asset);
    else img.remove();
  }
  for (const br of all(document, "br")) br.replaceWith(" ");
  // A paragraph that holds only images is those images (one pass over the images, not one query per paragraph).
  const pictureParagraphs = new Set<HtmlElement>();
  for (const img of all(document, "p img")) {
    let parent = img.parentNode;
    while (parent && parent.tagName !== "P") parent = parent.parentNode;
    if (parent) pictureParagraphs.add(parent);
  }
  for (const p of pictureParagraphs) if (collapse(p.textContent) === "") p.replaceWith(...all(p, "img"));
}

function relatedLinks(document: HtmlDocument): ImportedParts["related"] {
  const nav = document.querySelector('nav.related, nav[aria-label="Related"], .related');
  if (!nav) return [];
  return all(nav, "li").flatMap((li) => {
    const a = li.querySelector("a[href]");
    if (!a) return [];
    const label = li.querySelector(".label")?.textContent ?? collapse(li.textContent).replace(collapse(a.textContent), "").replace(/[:\s]+$/, "");
    return [{ href: a.getAttribute("href") ?? "", title: collapse(a.textContent), label: collapse(label) || null }];
  });
}

function datelineOf(document: HtmlDocument): ImportedParts["dateline"] {
  const dateline = document.querySelector(".dateline");
  if (!dateline) return undefined;
  if (dateline.querySelector(".place, .source, time")) {
    return {
      place: text(dateline, ".place"),
      date: dateline.querySelector("time")?.getAttribute("datetime") ?? null,
      source: text(dateline, ".source") || null,
    };
  }
  const match = /^(.*?)(?:,\s*(.*?))?\s*(?:\(([^)]*)\))?\s*[—–-]*\s*$/.exec(collapse(dateline.textContent));
  return { place: match?.[1] ?? "", date: dateline.querySelector("time")?.getAttribute("datetime") ?? null, source: match?.[3] ?? null };
}

/// True when the page is Copydesk's own HTML export.
export function isCopydeskPage(document: HtmlDocument): boolean {
  return document.querySelector('meta[name="copydesk:id"]') !== null || document.querySelector('meta[name="generator"][content="Copydesk"]') !== null;
}

/// What else a styled page comes with: lines for the report, and parts (a Word file's properties) used where the page has none.
export interface StyledExtras {
  warnings?: string[];
  found?: string[];
  fallback?: ImportedParts;
}

/// A date paragraph (Word's Date style) read and taken out of the page.
function takeShownDate(document: HtmlDocument): string | null {
  const element = document.querySelector("p.word-date");
  if (!element) return null;
  element.remove();
  const time = Date.parse(collapse(element.textContent));
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/// Reads a page whose parts carry Copydesk's classes (or Word's styles, named so by docx-import).
export async function importStyledPage(document: HtmlDocument, extras: StyledExtras = {}): Promise<ImportResult> {
  const assets: Record<string, Asset> = {};
  const warnings: string[] = [...(extras.warnings ?? [])];
  const fallback = extras.fallback ?? {};
  const found: string[] = [];
  const shownDate = takeShownDate(document);
  const before = all(document, "img[src]").length;
  await prepare(document, assets);
  const unusable = all(document, "img").filter((img) => !isStoredImageSrc(img.getAttribute("src") ?? "", assets)).length;
  if (unusable > 0) warnings.push(`${unusable} picture${unusable === 1 ? " was" : "s were"} left out: only https and embedded images are kept.`);
  const dropped = before - all(document, "img[src]").length;
  if (dropped > 0) warnings.push(`${dropped} embedded picture${dropped === 1 ? " was" : "s were"} left out: not an image type Copydesk keeps.`);
  const parser = importParser(assets);

  const standfirstElement = document.querySelector(".standfirst");
  const titleStyle = document.querySelector("h1.title") !== null;
  const titled = text(document, "h1.title") || text(document, "h1");
  const parts: ImportedParts = {
    meta: {
      ...fallback.meta,
      ...(shownDate ? { created: shownDate } : {}),
      language: document.documentElement?.getAttribute("lang") ?? document.querySelector("article[lang]")?.getAttribute("lang") ?? fallback.meta?.language,
      ...copydeskMeta(document),
    },
    kicker: text(document, ".kicker"),
    headline: titled || fallback.headline || text(document, "title"),
    standfirst: standfirstElement ? parseInto(parser, standfirstElement, "standfirst") : (fallback.standfirst ?? []),
    byline: text(document, ".byline") || fallback.byline,
    dateline: datelineOf(document) ?? (shownDate ? { date: shownDate } : undefined),
    tagline: text(document, ".tagline"),
    related: relatedLinks(document),
    assets,
  };
  const bodyElement = bodySelectors.map((s) => document.querySelector(s)).find((e) => e !== null) ?? null;
  if (bodyElement) {
    for (const element of all(bodyElement, chrome)) element.remove();
    for (const h1 of all(bodyElement, "h1")) if (collapse(h1.textContent) === parts.headline) h1.remove();
    parts.body = parseInto(parser, bodyElement, "body");
  }
  if (parts.kicker) found.push("kicker from its styled paragraph");
  if (titled) found.push(`headline from ${titleStyle ? "the Title style" : "the first level-one heading"}`);
  if (standfirstElement) found.push("standfirst from its styled paragraph");
  if (text(document, ".byline")) found.push("byline from its styled paragraph");
  if (shownDate) found.push("date from the Date style");
  for (const line of extras.found ?? []) {
    const field = line.split(" from ")[0];
    const shadowed = (field === "headline" && titled) || (field === "standfirst" && standfirstElement) || (field === "byline" && text(document, ".byline")) || (field === "date" && shownDate);
    if (!shadowed) found.push(line);
  }
  if (parts.tagline) found.push("tagline from its styled paragraph");
  if (parts.related?.length) found.push(`${parts.related.length} related link${parts.related.length === 1 ? "" : "s"} from the related list`);
  return buildArticle(parts, warnings, found);
}
