import { parse as parseToml } from "smol-toml";
import { parse as parseYaml } from "yaml";
import { authorRoles, emptyNewsroomMeta } from "../article";
import { collapse, type ImportedParts } from "./build";

/// The newsroom fields of Copydesk's own front matter (shared/export/markdown.ts).
const newsroomKeys = Object.keys(emptyNewsroomMeta()) as (keyof ReturnType<typeof emptyNewsroomMeta>)[];

// Front matter as static site generators write it: YAML between `---` lines (Jekyll, Eleventy,
// Ghost's Markdown export, Hugo) or TOML between `+++` lines (Hugo), and the keys they use for an
// article's parts (title, date, author/authors, description/summary, categories, tags, slug,
// lang, draft, a featured image), beside the keys Copydesk's own Markdown export writes.

/// The front matter's keys and values.
export type FrontMatter = Record<string, unknown>;

/// Splits YAML or TOML front matter from the Markdown text.
export function splitFrontMatter(text: string): { matter: FrontMatter; markdown: string } | { error: string } {
  const yaml = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  const toml = yaml ? null : /^\uFEFF?\+\+\+\r?\n([\s\S]*?)\r?\n\+\+\+[ \t]*(?:\r?\n|$)/.exec(text);
  const match = yaml ?? toml;
  if (!match) return { matter: {}, markdown: text };
  let matter: unknown;
  try {
    matter = yaml ? parseYaml(match[1], { maxAliasCount: 50 }) : parseToml(match[1]);
  } catch (e) {
    return { error: `the front matter is not valid ${yaml ? "YAML" : "TOML"} (${(e as Error).message.split("\n")[0]})` };
  }
  if (matter !== null && (typeof matter !== "object" || Array.isArray(matter))) return { error: "the front matter is not a set of key: value lines" };
  return { matter: dates((matter ?? {}) as FrontMatter), markdown: text.slice(match[0].length) };
}

/// TOML dates come as Date objects: as ISO text they read like YAML's.
function dates(matter: FrontMatter): FrontMatter {
  return Object.fromEntries(Object.entries(matter).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]));
}

const text = (value: unknown): string => (typeof value === "string" ? collapse(value) : typeof value === "number" ? String(value) : value instanceof Date ? value.toISOString() : "");
const texts = (value: unknown): string[] =>
  (Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : []).map((v) => (typeof v === "object" && v !== null ? text((v as FrontMatter).name) : text(v))).filter(Boolean);

/// The first key present with a value, and its name.
function firstOf(matter: FrontMatter, keys: string[], read: (value: unknown) => string | string[] = text): { value: string | string[]; key: string } | null {
  for (const key of keys) {
    const value = read(matter[key]);
    if (value.length > 0) return { value, key };
  }
  return null;
}

/// The article parts a site generator's front matter gives, and a report line for each ("headline from front matter title").
export function siteFrontMatter(matter: FrontMatter): { parts: ImportedParts; found: string[]; image: { src: string; alt: string } | null } {
  const found: string[] = [];
  const parts: ImportedParts = { meta: {} };
  const meta = parts.meta!;
  const take = (field: string, keys: string[], set: (value: string | string[]) => void, read?: (value: unknown) => string | string[]) => {
    const hit = firstOf(matter, keys, read);
    if (!hit) return;
    set(hit.value);
    found.push(`${field} from front matter ${hit.key}`);
  };
  take("headline", ["title", "headline"], (v) => (parts.headline = String(v)));
  take("standfirst", ["description", "summary", "excerpt", "custom_excerpt", "subtitle", "lead"], (v) => (parts.standfirst = [{ type: "text", text: String(v) }]));
  // Copydesk's own newsroom metadata, by its names; `authors` in its form (each with a role) is the
  // structured authors, not a byline (the export leaves their e-mail addresses out).
  for (const key of newsroomKeys) if (key !== "authors" && matter[key] !== undefined) meta[key] = matter[key];
  const copydeskAuthors = Array.isArray(matter.authors) && matter.authors.length > 0 && matter.authors.every((a) => typeof a === "object" && a !== null && (authorRoles as readonly unknown[]).includes((a as FrontMatter).role));
  if (copydeskAuthors) meta.authors = (matter.authors as FrontMatter[]).map((author) => ({ email: "", ...author }));
  take("byline", copydeskAuthors ? ["byline", "author"] : ["byline", "author", "authors"], (v) => (parts.byline = Array.isArray(v) ? v.join(", ") : v), (v) => (Array.isArray(v) || typeof v === "object" ? texts(Array.isArray(v) ? v : [v]) : text(v)));
  take("date", ["created", "date", "publishDate", "published_at", "pubDate", "published"], (v) => (meta.created = String(v)));
  take("date of update", ["updated", "lastmod", "updated_at", "modified", "last_modified_at"], (v) => (meta.updated = String(v)));
  take("kicker", ["kicker", "section", "category", "categories", "primary_tag"], (v) => (parts.kicker = Array.isArray(v) ? v[0] : v), (v) => (Array.isArray(v) ? texts(v) : text(v)));
  take("tags", ["tags", "keywords"], (v) => (meta.tags = Array.isArray(v) ? v : [v]), texts);
  take("slug", ["slug"], (v) => (meta.slug = String(v)));
  take("language", ["language", "lang", "locale"], (v) => (meta.language = String(v).replace(/_/g, "-")));
  for (const key of ["id", "embargo", "wordTarget"] as const) if (matter[key] !== undefined) meta[key] = matter[key];
  if (typeof matter.status === "string") meta.status = matter.status;
  else if (matter.draft === true || matter.published === false) {
    meta.status = "draft";
    found.push(`status draft from front matter ${matter.draft === true ? "draft" : "published"}`);
  }
  const cover = matter.cover && typeof matter.cover === "object" ? (matter.cover as FrontMatter).image : undefined;
  const imageValue = [matter.image, matter.featured_image, matter.feature_image, matter.featureImage, cover, Array.isArray(matter.images) ? matter.images[0] : undefined].map(text).find(Boolean);
  const image = imageValue ? { src: imageValue, alt: text(matter.feature_image_alt) || text(matter.image_alt) || parts.headline || "" } : null;
  return { parts, found, image };
}
