import type { Article, ArticleMeta, Asset, Concept } from "./article";
import { migrateVersion1 } from "./review/migrate-v1";
import { migrateVersion2 } from "./migrate-v2";
import { emptyReview, reviewParts, type Review } from "./review/review";
import { reviewFromJSON } from "./review/review-check";
import { reviewFileParts } from "./review/review-file";
import { withLiveSuggestions } from "./review/suggestions";
import { rebuildVersions } from "./review/version-rebuild";
import { docFromJSON, listedProblems, shown } from "./doc-check";
import { assetKey, assetTypes, base64Bytes, isAssetType, isBase64, maxAssetBytes, megabytes } from "./asset-policy";
import { sniffImageType } from "./image-type";
import { describeIssues, metaSchema } from "./meta-schema";
import { sharedFilePart, sharedPartProblem, type SharedPart } from "./collab/shared-part";

// The `.article` file format: one pretty-printed UTF-8 JSON file with a stable key order.

/// The format id every article file starts with.
export const articleFormat = "copydesk.article";
/// The version this Copydesk writes.
export const currentVersion = 3;
/// Largest file opened, in bytes.
export const maxFileBytes = 50 * 1024 * 1024;
/// Why a file over that limit is refused (before it is read), and what to do about it.
export const overFileLimit = `the file is over the ${megabytes(maxFileBytes)} limit for an article (split the story, or remove some of its embedded images)`;
/// Image types and the size limit of embedded assets: the asset policy's.
export { assetTypes, maxAssetBytes };

/// A step that turns a file of version N into version N + 1, on the parsed JSON.
export type Migration = (file: Record<string, unknown>) => Record<string, unknown>;

/// Migrations by the version they start from: version 2 added the review (shared/review/migrate-v1.ts),
/// version 3 the workflow and the newsroom metadata (shared/migrate-v2.ts).
export const migrations: Record<number, Migration> = { 1: migrateVersion1, 2: migrateVersion2 };

/// A file's reading: the article (with why versions were left out, if any, and a shared story's
/// `shared` part, or why a broken one was left out: the article then opens as a story of its own).
export type ParseResult =
  | { ok: true; article: Article; migratedFrom: number | null; versionsDropped?: string[]; shared?: SharedPart; sharedDropped?: string }
  | { ok: false; errors: string[] };

const metaKeys: (keyof ArticleMeta)[] = [
  "id",
  "slug",
  "language",
  "tags",
  "status",
  "created",
  "updated",
  "embargo",
  "wordTarget",
  "urgency",
  "priority",
  "genre",
  "subjects",
  "located",
  "signOff",
  "ednote",
  "copyrightHolder",
  "copyrightNotice",
  "usageTerms",
  "authors",
  "version",
  "firstPublished",
  "published",
  // Optional: written only when the article has some (JSON.stringify leaves out undefined).
  "checkIgnores",
];

/// The file's text: byte-identical for equal articles, keys in a fixed order, ending in a newline;
/// `shared`, for a shared story, is written last (docs/article-model.md, "Shared stories").
export function serializeArticle(article: Article, shared?: SharedPart): string {
  const meta = fileMeta(article.meta);
  const assets = Object.fromEntries(
    Object.keys(article.assets)
      .sort()
      .map((key) => {
        const asset = article.assets[key];
        return [key, { type: asset.type, data: asset.data }];
      }),
  );
  const file = {
    format: articleFormat,
    version: currentVersion,
    meta,
    doc: article.doc.toJSON(),
    assets,
    ...reviewFileParts(withLiveSuggestions(article.review ?? emptyReview(), article.doc)),
    ...(shared ? { shared: sharedFilePart(shared) } : {}),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/// The metadata as the file writes it: its keys, and the keys of the objects in it, in a fixed order.
function fileMeta(meta: ArticleMeta): Record<string, unknown> {
  const concept = (c: Concept) => ({ code: c.code, name: c.name });
  const ordered: Partial<Record<keyof ArticleMeta, unknown>> = {
    ...meta,
    genre: meta.genre && concept(meta.genre),
    subjects: meta.subjects.map(concept),
    located: meta.located && { city: meta.located.city, region: meta.located.region, country: meta.located.country },
    authors: meta.authors.map((a) => ({ name: a.name, role: a.role, jobTitle: a.jobTitle, email: a.email })),
    checkIgnores: meta.checkIgnores?.map((c) => ({ rule: c.rule, text: c.text, context: c.context })),
  };
  return Object.fromEntries(metaKeys.map((k) => [k, ordered[k]]));
}

/// Reads an article file from its bytes or text, validating all of it.
export function parseArticleFile(
  input: Uint8Array | string,
  options: { migrations?: Record<number, Migration>; currentVersion?: number } = {},
): ParseResult {
  const size = typeof input === "string" ? input.length : input.byteLength;
  if (size > maxFileBytes) return fail(overFileLimit);
  let text: string;
  if (typeof input === "string") text = input;
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch {
      return fail("the file is not UTF-8 text (is it an article file?)");
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") return fail("the file is empty");

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail(`the file is not valid JSON (${(e as Error).message})`);
  }
  return articleFromFileJSON(json, options);
}

/// Validates parsed file JSON (envelope included), migrating older versions in memory.
export function articleFromFileJSON(
  json: unknown,
  options: { migrations?: Record<number, Migration>; currentVersion?: number } = {},
): ParseResult {
  const latest = options.currentVersion ?? currentVersion;
  const steps = options.migrations ?? migrations;
  if (typeof json !== "object" || json === null || Array.isArray(json)) return fail("the file is not a JSON object");
  let file = json as Record<string, unknown>;
  if (file.format !== articleFormat) {
    return fail(
      file.format === undefined
        ? `format: missing (expected "${articleFormat}"; is this an article file?)`
        : `format: ${JSON.stringify(shown(file.format).slice(0, 60))} is not "${articleFormat}"`,
    );
  }
  const version = file.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return fail(`version: ${JSON.stringify(shown(version).slice(0, 20))} is not a version number`);
  }
  if (version > latest) return fail(`version ${version} is newer than this Copydesk reads (${latest})`);
  for (let v = version; v < latest; v++) {
    const step = steps[v];
    if (!step) return fail(`version ${v} cannot be migrated to ${v + 1}`);
    file = step(file);
  }
  const known: string[] = ["format", "version", "meta", "doc", "assets", ...reviewParts, "shared"];
  const unknown = Object.keys(file).filter((k) => !known.includes(k));
  if (unknown.length > 0) return fail(`unknown top-level field ${fieldList(unknown)}`);

  const review = Object.fromEntries(reviewParts.filter((part) => file[part] !== undefined).map((part) => [part, file[part]]));
  const result = articleFromJSON({ meta: file.meta, doc: file.doc, assets: file.assets, review });
  if (!result.ok) return result;
  const read: ParseResult = { ok: true, article: result.article, migratedFrom: version < latest ? version : null, versionsDropped: result.versionsDropped };
  if (file.shared === undefined) return read;
  // A broken `shared` part never costs the article: it opens as a story of its own, and says why.
  const problem = sharedPartProblem(file.shared);
  if (problem) return { ...read, sharedDropped: `${problem}; the story opens as a story of your own, not shared (share it again to write with others)` };
  return { ...read, shared: sharedFilePart(file.shared as SharedPart) };
}

/// What the caller has checked already: keys of embedded images whose bytes it verified (the main
/// process, for the images it holds; their checks are skipped, every other image is checked in full).
export interface CheckOptions {
  verifiedAssets?: ReadonlySet<string>;
}

/// Validates an article's JSON parts (as sent over IPC): meta, doc, assets and review (its parts
/// named as the file names them: people, notes, suggestions, versions; absent when there is none).
export function articleFromJSON(
  value: unknown,
  options: CheckOptions = {},
): { ok: true; article: Article; versionsDropped?: string[] } | { ok: false; errors: string[] } {
  if (typeof value !== "object" || value === null) return fail("the article is not an object");
  const { meta, doc, assets, review: reviewJSON } = value as Record<string, unknown>;
  let errors: string[] = [];

  const reviewResult = checkReview(reviewJSON);
  errors = errors.concat(reviewResult.errors);
  const { review } = reviewResult;

  if (meta === undefined) errors.push("meta: missing");
  const metaResult = metaSchema.safeParse(meta);
  if (meta !== undefined && !metaResult.success) errors = errors.concat(describeIssues("meta", metaResult.error, meta));

  const assetResult = checkAssets(assets ?? {}, options.verifiedAssets);
  errors = errors.concat(assetResult.errors);

  if (doc === undefined) errors.push("doc: missing");
  else {
    const hasNote = (id: string) => Object.hasOwn(review.notes, id);
    const docResult = docFromJSON(doc, assetResult.assets, hasNote);
    if (!docResult.ok) errors = errors.concat(docResult.errors);
    if (docResult.ok && errors.length === 0 && metaResult.success) {
      // A version that does not rebuild never costs the article: it is left out, and said so.
      // An old version may keep note marks whose threads were deleted since; they are not checked.
      const { versions, dropped } = rebuildVersions(review.versions, docResult.doc, (json) => {
        const rebuilt = docFromJSON(json, assetResult.assets, () => true);
        return rebuilt.ok ? [] : rebuilt.errors;
      });
      const kept = dropped.length === 0 ? review : { ...review, versions: review.versions.slice(review.versions.length - versions.length) };
      const article: Article = { meta: metaResult.data, doc: docResult.doc, assets: assetResult.assets, review: kept };
      return dropped.length === 0 ? { ok: true, article } : { ok: true, article, versionsDropped: dropped };
    }
  }
  return { ok: false, errors: listedProblems(errors) };
}

/// The review of an article's JSON: its parts checked (each may be missing), none when it is absent.
function checkReview(value: unknown): ReturnType<typeof reviewFromJSON> {
  if (value === undefined) return { review: emptyReview(), errors: [] };
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { review: emptyReview(), errors: ["review: not an object"] };
  const extra = Object.keys(value).filter((k) => !(reviewParts as readonly string[]).includes(k));
  if (extra.length > 0) return { review: emptyReview(), errors: [`review: unknown field ${fieldList(extra)}`] };
  return reviewFromJSON(value);
}

/// The review of `value` when the file format accepts it, otherwise none (a note mark then has no
/// thread, and the salvage keeps its words as text).
export function validReview(value: unknown): Review {
  const result = checkReview(value);
  return result.errors.length === 0 ? result.review : emptyReview();
}

/// The embedded images of `value` that the file format accepts (the others left out).
export function validAssets(value: unknown): Record<string, Asset> {
  return checkAssets(value ?? {}).assets;
}

function checkAssets(value: unknown, verified: ReadonlySet<string> = new Set()): { assets: Record<string, Asset>; errors: string[] } {
  const errors: string[] = [];
  const assets: Record<string, Asset> = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { assets, errors: ["assets: not an object"] };
  }
  for (const [key, asset] of Object.entries(value as Record<string, unknown>)) {
    if (verified.has(key) && typeof asset === "object" && asset !== null) {
      assets[key] = { type: String((asset as Asset).type), data: String((asset as Asset).data) };
      continue;
    }
    const where = `assets.${key.length > 16 ? `${key.slice(0, 12)}…` : key}`;
    if (!/^[0-9a-f]{64}$/.test(key)) {
      errors.push(`${where}: the key is not a SHA-256 in hex`);
      continue;
    }
    if (typeof asset !== "object" || asset === null) {
      errors.push(`${where}: not an object`);
      continue;
    }
    const { type, data } = asset as Record<string, unknown>;
    const extra = Object.keys(asset).filter((k) => k !== "type" && k !== "data");
    if (extra.length > 0) errors.push(`${where}: unknown field ${fieldList(extra)}`);
    if (typeof type !== "string" || !isAssetType(type)) {
      errors.push(`${where}: type ${JSON.stringify(shown(type).slice(0, 60))} is not an image type Copydesk embeds (${assetTypes.join(", ")})`);
      continue;
    }
    if (typeof data !== "string" || !isBase64(data)) {
      errors.push(`${where}: data is not base64`);
      continue;
    }
    const bytes = base64Bytes(data);
    if (bytes > maxAssetBytes) {
      errors.push(`${where}: the image is ${megabytes(bytes)}, over the ${megabytes(maxAssetBytes)} limit for an asset`);
      continue;
    }
    if (sniffImageType(data) !== type) {
      errors.push(`${where}: the data is not a ${type.slice("image/".length).toUpperCase()} image`);
      continue;
    }
    if (assetKey(data) !== key) {
      errors.push(`${where}: the key is not the SHA-256 of the image's bytes (was the image changed after it was added?)`);
      continue;
    }
    assets[key] = { type, data };
  }
  return { assets, errors };
}

/// Field names for a message: the first few, quoted, and how many more.
function fieldList(keys: string[]): string {
  const listed = keys.slice(0, 5).map((k) => JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k));
  return keys.length > 5 ? `${listed.join(", ")} and ${keys.length - 5} more` : listed.join(", ");
}

function fail(message: string): { ok: false; errors: string[] } {
  return { ok: false, errors: [message] };
}
