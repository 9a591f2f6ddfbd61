import { articleFromJSON } from "../article-file";
import { statusFrom } from "../workflow";
import { assetScheme, emptyNewsroomMeta, type Article, type ArticleMeta, type Asset } from "../article";
import { assetFromDataUrl, base64ToBytes } from "../asset-policy";
import { metaSchema } from "../meta-schema";
import { isSafeLinkHref, isWebHref } from "../urls";

// What every importer shares: the article's parts as ProseMirror JSON, turned into a checked
// Article. Unsafe links lose their link, unsafe images are dropped, bad metadata gets defaults.

/// ProseMirror JSON of one node.
export type NodeJSON = { type: string; attrs?: Record<string, unknown>; content?: NodeJSON[]; text?: string; marks?: MarkJSON[] };
/// ProseMirror JSON of one mark.
export type MarkJSON = { type: string; attrs?: Record<string, unknown> };

/// The result of an import: an article that passed every check, or what went wrong. `found` says
/// which part came from where ("headline from JSON-LD"), `warnings` what was left out or changed and why:
/// together the import report shown after every import (nothing is dropped without a line there).
export type ImportResult = { ok: true; article: Article; warnings: string[]; found: string[] } | { ok: false; errors: string[] };

/// The parts an importer found; anything left out is empty.
export interface ImportedParts {
  meta?: Partial<Record<keyof ArticleMeta, unknown>>;
  kicker?: string;
  headline?: string;
  standfirst?: NodeJSON[];
  byline?: string;
  dateline?: { place?: string; date?: string | null; source?: string | null };
  body?: NodeJSON[];
  tagline?: string;
  related?: { href: string; title: string; label?: string | null }[];
  assets?: Record<string, Asset>;
}

/// Text with runs of white space made single spaces and the ends trimmed.
export function collapse(text: string | null | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

const textNodes = (text: string): NodeJSON[] => (text ? [{ type: "text", text }] : []);

const valid = <K extends keyof ArticleMeta>(key: K, value: unknown): value is ArticleMeta[K] =>
  metaSchema.shape[key].safeParse(value).success;

function dateTime(value: unknown): string | null {
  if (valid("created", value)) return value;
  if (typeof value !== "string" || value.trim() === "") return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

const metaNames: Partial<Record<keyof ArticleMeta, string>> = { id: "id", slug: "slug", language: "language", status: "status", created: "date", updated: "date of update", embargo: "embargo", wordTarget: "word target" };

/// Metadata from what an importer found, with defaults for anything missing or invalid; each value
/// found but not usable gets a line in `warnings`.
export function importedMeta(found: ImportedParts["meta"] = {}, now = new Date(), warnings: string[] = []): ArticleMeta {
  for (const [key, name] of Object.entries(metaNames) as [keyof ArticleMeta, string][]) {
    const value = found[key];
    if (value === undefined || value === null || value === "") continue;
    const usable = key === "created" || key === "updated" || key === "embargo" ? dateTime(value) !== null : key === "status" ? statusFrom(value) !== null : valid(key, value);
    if (!usable) warnings.push(`The ${name} ${JSON.stringify(String(value).slice(0, 60))} was not used: it is not a valid ${name}${key === "id" ? " (a new one was made)" : ""}.`);
  }
  const created = dateTime(found.created) ?? now.toISOString();
  const tags = Array.isArray(found.tags) ? found.tags.filter((t): t is string => typeof t === "string").map(collapse) : [];
  return {
    id: valid("id", found.id) ? found.id : globalThis.crypto.randomUUID(),
    slug: valid("slug", found.slug) ? found.slug : "",
    language: valid("language", found.language) ? found.language : "en",
    tags: tags.filter((t) => t !== "" && t.length <= 200),
    status: statusFrom(found.status) ?? "draft",
    created,
    updated: dateTime(found.updated) ?? created,
    embargo: dateTime(found.embargo),
    wordTarget: valid("wordTarget", found.wordTarget) ? found.wordTarget : null,
    ...newsroomMeta(found, warnings),
  };
}

/// The newsroom metadata an importer found (Copydesk's own Markdown front matter carries it), each
/// field as the file format accepts it; one it does not is left empty, with a warning.
function newsroomMeta(found: ImportedParts["meta"] & object, warnings: string[]): ReturnType<typeof emptyNewsroomMeta> {
  const meta: Record<string, unknown> = emptyNewsroomMeta();
  for (const key of Object.keys(meta) as (keyof ArticleMeta)[]) {
    if (found[key] === undefined || found[key] === null) continue;
    if (valid(key, found[key])) meta[key] = found[key];
    else warnings.push(`The ${key} found was not used: it is not what the article's ${key} may be.`);
  }
  return meta as ReturnType<typeof emptyNewsroomMeta>;
}

/// Keeps only marks allowed by the URL policy: links to http, https or mailto.
export function safeMarks(marks: MarkJSON[] | undefined): MarkJSON[] | undefined {
  const kept = (marks ?? []).filter((m) => m.type !== "link" || (typeof m.attrs?.href === "string" && isSafeLinkHref(m.attrs.href)));
  return kept.length > 0 ? kept : undefined;
}

/// Builds and checks the article; every importer ends here, with what it found where (`found`) and what it left out (`warnings`).
export function buildArticle(parts: ImportedParts, warnings: string[] = [], found: string[] = []): ImportResult {
  if (!collapse(parts.headline)) warnings.push("The file gives no headline: write one.");
  if (!parts.meta?.language) warnings.push("The file gives no language: English (en) is assumed; set it in the metadata panel.");
  const body = parts.body && parts.body.length > 0 ? parts.body : [{ type: "paragraph" }];
  const dateline = parts.dateline ?? {};
  const related = (parts.related ?? []).filter((link) => {
    if (isWebHref(link.href)) return true;
    warnings.push(`A related link to ${JSON.stringify(link.href.slice(0, 60))} was left out: only http and https links are kept.`);
    return false;
  });
  const doc: NodeJSON = {
    type: "doc",
    content: [
      { type: "kicker", content: textNodes(collapse(parts.kicker)) },
      { type: "headline", content: textNodes(collapse(parts.headline)) },
      { type: "standfirst", content: parts.standfirst ?? [] },
      { type: "byline", content: textNodes(collapse(parts.byline)) },
      {
        type: "dateline",
        attrs: { date: dateline.date || null, source: collapse(dateline.source) || null },
        content: textNodes(collapse(dateline.place)),
      },
      { type: "body", content: body },
      { type: "tagline", content: textNodes(collapse(parts.tagline)) },
      {
        type: "related",
        content: related.map((link) => ({
          type: "related_link",
          attrs: { href: link.href.trim(), title: collapse(link.title), label: collapse(link.label) || null },
        })),
      },
    ],
  };
  const result = articleFromJSON({ meta: importedMeta(parts.meta, new Date(), warnings), doc, assets: parts.assets ?? {} });
  if (!result.ok) return { ok: false, errors: result.errors.map((e) => `the imported article is not valid: ${e}`) };
  return { ok: true, article: result.article, warnings, found };
}

interface Subtle {
  digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer>;
}

/// Turns a `data:` image URI into an embedded asset; returns its `asset:` src, or null when the asset policy refuses it.
export async function assetFromDataUri(uri: string, assets: Record<string, Asset>): Promise<string | null> {
  const asset = assetFromDataUrl(uri);
  if (!asset) return null;
  const subtle = (globalThis.crypto as unknown as { subtle: Subtle }).subtle;
  const digest = new Uint8Array(await subtle.digest("SHA-256", base64ToBytes(asset.data)));
  const hash = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  assets[hash] = asset;
  return `${assetScheme}${hash}`;
}
