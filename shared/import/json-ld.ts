import { collapse } from "./build";
import { all, type HtmlDocument } from "./html-dom";

// schema.org JSON-LD in imported pages: the article object (NewsArticle and its kinds, Article,
// BlogPosting…), wherever the page put it: a block of its own, an array, `@graph`, `mainEntity`,
// or text wrapped in `<![CDATA[…]]>` or HTML comments. Nested values (authors as objects or
// arrays, keywords as a list or one comma-separated string, images as objects) are read plainly.

/// The schema.org types read as an article, the news kinds first.
export const articleTypes = [
  "NewsArticle",
  "ReportageNewsArticle",
  "OpinionNewsArticle",
  "AnalysisNewsArticle",
  "BackgroundNewsArticle",
  "ReviewNewsArticle",
  "AskPublicNewsArticle",
  "Article",
  "LiveBlogPosting",
  "BlogPosting",
  "Report",
];

type LdObject = Record<string, unknown>;

/// What the page's JSON-LD says about the article, each part plain text or absent.
export interface LdArticle {
  headline?: string;
  description?: string;
  authors: string[];
  section?: string;
  keywords: string[];
  published?: string;
  modified?: string;
  language?: string;
  identifier?: string;
  image?: { url: string; caption?: string; credit?: string };
}

const typesOf = (object: LdObject): string[] => (Array.isArray(object["@type"]) ? object["@type"] : [object["@type"]]).map((t) => String(t).replace(/^.*[/:]/, ""));

/// Every object in a JSON-LD value, breadth first (arrays, `@graph`, `mainEntity`), at most `limit`.
function objectsIn(value: unknown, limit = 500): LdObject[] {
  const found: LdObject[] = [];
  const queue: unknown[] = [value];
  while (queue.length > 0 && found.length < limit) {
    const item = queue.shift();
    if (Array.isArray(item)) queue.push(...item);
    else if (typeof item === "object" && item !== null) {
      const object = item as LdObject;
      found.push(object);
      for (const key of ["@graph", "mainEntity", "mainEntityOfPage", "itemListElement"]) if (object[key] !== undefined) queue.push(object[key]);
    }
  }
  return found;
}

/// The text of a JSON-LD block, without the CDATA or comment wrapper some sites put around it.
function blockText(text: string): string {
  return text.trim().replace(/^(?:<!--|\/\/\s*)?<!\[CDATA\[/, "").replace(/\]\]>(?:\s*-->)?$/, "").replace(/^<!--/, "").replace(/-->$/, "");
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", "#39": "'" };

/// Text with the HTML entities some sites leave in their JSON-LD strings ("Privacy &amp; Technology") read.
const decoded = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16) || 0xfffd);
    if (name.startsWith("#") && name !== "#39") return String.fromCodePoint(Number(name.slice(1)) || 0xfffd);
    return entities[name.toLowerCase()] ?? whole;
  });

/// Plain text of a value that may be a string, a number, an object with a name or text, or a list of those.
function textOf(value: unknown): string {
  if (typeof value === "string") return collapse(decoded(value));
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return textOf(value.find((v) => textOf(v) !== ""));
  if (typeof value === "object" && value !== null) {
    const object = value as LdObject;
    return textOf(object.name ?? object["@value"] ?? object.text ?? object.alternateName);
  }
  return "";
}

/// Every name in an author value: a string, a Person or Organization, or a list of them.
function namesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((item) => {
    if (typeof item === "string") return [collapse(decoded(item))];
    if (typeof item === "object" && item !== null) {
      const name = (item as LdObject).name;
      return Array.isArray(name) ? name.map(textOf) : [textOf(name)];
    }
    return [];
  }).filter((name) => name !== "" && !/^https?:\/\//.test(name));
}

function keywordsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value.map(textOf) : typeof value === "string" ? decoded(value).split(",") : [];
  return list.map(collapse).filter((k) => k !== "");
}

function imageOf(value: unknown): LdArticle["image"] {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === "string") return first.trim() ? { url: first.trim() } : undefined;
  if (typeof first !== "object" || first === null) return undefined;
  const object = first as LdObject;
  const url = textOf(object.url ?? object.contentUrl);
  if (!url) return undefined;
  const credit = textOf(object.creditText) || namesOf(object.copyrightHolder ?? object.author ?? object.creator).join(", ");
  const caption = textOf(object.caption ?? object.description);
  return { url, ...(caption ? { caption } : {}), ...(credit ? { credit } : {}) };
}

/// The page's JSON-LD article, read into plain parts, or null when it has none. Of several
/// article objects the first with a headline wins; a block that is not valid JSON is skipped.
export function jsonLdArticle(document: HtmlDocument): LdArticle | null {
  const candidates: LdObject[] = [];
  for (const script of all(document, 'script[type="application/ld+json"]')) {
    let value: unknown;
    try {
      value = JSON.parse(blockText(script.textContent ?? ""));
    } catch {
      continue;
    }
    candidates.push(...objectsIn(value).filter((o) => typesOf(o).some((t) => articleTypes.includes(t))));
  }
  const ld = candidates.find((o) => textOf(o.headline) !== "") ?? candidates[0];
  if (!ld) return null;
  const article: LdArticle = { authors: namesOf(ld.author ?? ld.creator), keywords: keywordsOf(ld.keywords) };
  const set = (key: "headline" | "description" | "section" | "published" | "modified" | "language" | "identifier", value: unknown) => {
    const text = textOf(value);
    if (text) article[key] = text;
  };
  set("headline", ld.headline ?? ld.name);
  set("description", ld.description ?? ld.abstract);
  set("section", ld.articleSection);
  set("published", ld.datePublished ?? ld.dateCreated);
  set("modified", ld.dateModified);
  set("language", ld.inLanguage);
  if (typeof ld.identifier === "string") set("identifier", ld.identifier);
  const image = imageOf(ld.image ?? ld.thumbnailUrl);
  if (image) article.image = image;
  return article;
}
