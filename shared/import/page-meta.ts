import { collapse } from "./build";
import { cleanByline } from "./byline";
import { all, type HtmlDocument } from "./html-dom";
import { jsonLdArticle } from "./json-ld";

// What a news page says about its article, read in a fixed order of trust (docs/import.md):
// schema.org JSON-LD first, then Open Graph and `article:*` meta tags, then `<meta name=…>`, then
// what the page shows. Each value keeps the name of where it came from, for the import report.

/// A value and where it was found ("JSON-LD", "Open Graph", "meta author", "the page").
export interface Sourced<T> {
  value: T;
  source: string;
}

/// The article's metadata as the page gives it; a part the page does not give is absent.
export interface PageMeta {
  headline?: Sourced<string>;
  standfirst?: Sourced<string>;
  byline?: Sourced<string>;
  published?: Sourced<string>;
  modified?: Sourced<string>;
  section?: Sourced<string>;
  tags?: Sourced<string[]>;
  language?: Sourced<string>;
  identifier?: Sourced<string>;
  image?: Sourced<{ url: string; caption?: string; credit?: string }>;
}

type MetaIndex = Map<string, { element: { getAttribute(name: string): string | null }; by: "name" | "property" | "itemprop" }[]>;
const metaIndexes = new WeakMap<HtmlDocument, MetaIndex>();

/// The page's `<meta>` elements by their name, property and itemprop, in document order: read in
/// one walk of the page, where a query per name walked all of it each time (a 1 MB page asks ~30).
function metaIndex(document: HtmlDocument): MetaIndex {
  let index = metaIndexes.get(document);
  if (index) return index;
  index = new Map();
  for (const element of all(document, "meta")) {
    for (const by of ["name", "property", "itemprop"] as const) {
      const key = element.getAttribute(by);
      if (key === null) continue;
      const list = index.get(key) ?? [];
      if (!list.some((entry) => entry.element === element)) list.push({ element, by });
      index.set(key, list);
    }
  }
  metaIndexes.set(document, index);
  return index;
}

/// The content of the first `<meta>` with one of these names, properties or itemprops.
export function metaContent(document: HtmlDocument, ...names: string[]): string {
  const index = metaIndex(document);
  for (const name of names) {
    for (const { element } of index.get(name) ?? []) {
      const content = collapse(element.getAttribute("content"));
      if (content) return content;
    }
  }
  return "";
}

function metaContents(document: HtmlDocument, name: string): string[] {
  return (metaIndex(document).get(name) ?? [])
    .filter((entry) => entry.by !== "itemprop" || entry.element.getAttribute("name") === name || entry.element.getAttribute("property") === name)
    .map((entry) => collapse(entry.element.getAttribute("content")))
    .filter(Boolean);
}

/// The first candidate with a value, with its source.
function first<T>(...candidates: [T | undefined | null | "", string][]): Sourced<T> | undefined {
  for (const [value, source] of candidates) {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    return { value, source };
  }
  return undefined;
}

/// A time only when it reads as a date: "2017-11-03T14:00:00Z", "2015-04-23", a date `Date.parse` knows.
function dateOrNone(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return Number.isNaN(Date.parse(text)) ? undefined : text;
}

/// A language tag from a locale written the Open Graph way (`en_GB` → `en-GB`).
const tagOfLocale = (locale: string): string => locale.replace(/_/g, "-");

/// A section name, not a path ("/world/middle_east") or an id.
const sectionName = (text: string | undefined): string => (text && !/[/_]|^\d+$/.test(text) ? text : "");

/// The time the page shows as its publication: `itemprop="datePublished"`, else the first `<time datetime>`.
function shownTime(document: HtmlDocument): string {
  const marked = document.querySelector('[itemprop="datePublished"]');
  const time = marked ?? document.querySelector("time[datetime]");
  return collapse(time?.getAttribute("datetime") ?? time?.getAttribute("content"));
}

const names = (text: string): string => (/^https?:\/\//.test(text) ? "" : cleanByline(text));

/// The page's metadata in order of trust; `visible` is what the page itself shows (the extractor's title, byline, time).
export function pageMeta(document: HtmlDocument, visible: { headline?: string; byline?: string; published?: string } = {}): PageMeta {
  const ld = jsonLdArticle(document);
  const meta = (...keys: string[]) => metaContent(document, ...keys);
  const htmlLang = collapse(document.documentElement?.getAttribute("lang") ?? document.documentElement?.getAttribute("xml:lang"));
  const keywords = meta("keywords", "news_keywords");
  const ogImage = meta("og:image:secure_url") || meta("og:image", "og:image:url");
  const result: PageMeta = {
    headline: first([ld?.headline, "JSON-LD"], [meta("og:title"), "Open Graph"], [meta("twitter:title"), "meta twitter:title"], [meta("title", "headline"), "meta title"], [collapse(visible.headline), "the page"]),
    standfirst: first([ld?.description, "JSON-LD"], [meta("og:description"), "Open Graph"], [meta("twitter:description"), "meta twitter:description"], [meta("description"), "meta description"]),
    byline: first(
      [cleanByline(ld?.authors.join(", ") ?? ""), "JSON-LD"],
      [names(metaContents(document, "article:author").join(", ")), "article:author"],
      [names(meta("author", "byl", "dc.creator", "sailthru.author", "parsely-author")), "meta author"],
      [cleanByline(visible.byline ?? ""), "the page"],
    ),
    published: first(
      [dateOrNone(ld?.published), "JSON-LD"],
      [dateOrNone(meta("article:published_time", "og:published_time")), "article:published_time"],
      [dateOrNone(meta("date", "pubdate", "publish-date", "publication_date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date", "datePublished")), "meta date"],
      [dateOrNone(visible.published), "the page"],
      [dateOrNone(shownTime(document)), "the page"],
    ),
    modified: first([dateOrNone(ld?.modified), "JSON-LD"], [dateOrNone(meta("article:modified_time", "og:updated_time")), "article:modified_time"], [dateOrNone(meta("last-modified", "dateModified")), "meta date"]),
    section: first([sectionName(ld?.section), "JSON-LD"], [sectionName(meta("article:section")), "article:section"], [sectionName(meta("section", "category")), "meta section"]),
    tags: first(
      [ld?.keywords, "JSON-LD"],
      [metaContents(document, "article:tag").flatMap((t) => t.split(",")).map(collapse).filter(Boolean), "article:tag"],
      [keywords.split(/[,;]/).map(collapse).filter(Boolean), "meta keywords"],
    ),
    // Language: the page's own `lang` before og:locale, which many sites leave at a site-wide default.
    language: first([ld?.language, "JSON-LD"], [htmlLang, "<html lang>"], [tagOfLocale(meta("og:locale")), "Open Graph"], [meta("language", "content-language", "dc.language"), "meta language"]),
    identifier: first([ld?.identifier, "JSON-LD"]),
    image: first([ld?.image, "JSON-LD"], [ogImage ? { url: ogImage } : undefined, "Open Graph"]),
  };
  for (const key of Object.keys(result) as (keyof PageMeta)[]) if (result[key] === undefined) delete result[key];
  return result;
}
