import type { Asset } from "../article";
import { imageOrigin } from "../asset-policy";
import { assetFromDataUri, buildArticle, collapse, type ImportedParts, type ImportResult } from "./build";
import { importParser, parseInto } from "./html-body";
import { all, type HtmlDocument, type HtmlElement, type ParseHtml } from "./html-dom";
import { jsonLdArticle, metaFromJsonLd } from "./json-ld";

// HTML import: an article page (Copydesk's own export, or a news page from elsewhere) into an
// article. Copydesk's classes are read first, then schema.org JSON-LD, then common page markup.

/// Largest page imported, in characters.
export const maxHtmlChars = 50 * 1024 * 1024;

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

/// Imports an HTML page; `parse` turns the text into a DOM (no scripts run).
export async function importHtml(html: string, parse: ParseHtml): Promise<ImportResult> {
  if (html.length > maxHtmlChars) return { ok: false, errors: ["the page is over the 50 MB limit for an import"] };
  const document = parse(html);
  const assets: Record<string, Asset> = {};
  const warnings: string[] = [];
  const ld = jsonLdArticle(document);
  await prepare(document, assets);
  const parser = importParser(assets);

  const standfirstElement = document.querySelector(".standfirst");
  const parts: ImportedParts = {
    meta: {
      language: document.documentElement?.getAttribute("lang") ?? undefined,
      ...metaFromJsonLd(ld),
      ...copydeskMeta(document),
    },
    kicker: text(document, ".kicker") || (typeof ld?.articleSection === "string" ? ld.articleSection : ""),
    headline: text(document, "h1") || (typeof ld?.headline === "string" ? ld.headline : "") || text(document, "title"),
    standfirst: standfirstElement
      ? parseInto(parser, standfirstElement, "standfirst")
      : textContent(typeof ld?.description === "string" ? ld.description : metaContent(document, "description")),
    byline: text(document, ".byline") || authorOf(ld?.author) || metaContent(document, "author") || "",
    dateline: datelineOf(document),
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
  return buildArticle(parts, warnings);
}

function textContent(value: string | null): ImportedParts["standfirst"] {
  const cleaned = collapse(value);
  return cleaned ? [{ type: "text", text: cleaned }] : [];
}

function authorOf(author: unknown): string {
  const names = (Array.isArray(author) ? author : [author]).map((a) =>
    typeof a === "string" ? a : typeof a === "object" && a !== null && typeof (a as { name?: unknown }).name === "string" ? (a as { name: string }).name : "",
  );
  return collapse(names.filter(Boolean).join(", "));
}
