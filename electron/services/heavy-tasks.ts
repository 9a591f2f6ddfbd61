import type { Node as PMNode } from "prosemirror-model";
import { articleToJSON, assetScheme, fieldText, type Article, type ArticleJSON, type ArticleMeta, type Asset } from "../../shared/article";
import { articleFromJSON, maxFileBytes, parseArticleFile, serializeArticle } from "../../shared/article-file";
import { salvageArticle } from "../../shared/article-salvage";
import { sharedPartProblem, type SharedPart } from "../../shared/collab/shared-part";
import { megabytes } from "../../shared/asset-policy";
import { checkBeforeExport, type ExportCheck } from "../../shared/export/checks";
import type { FormatOptions } from "../../shared/export/options";
import type { ExportFormat } from "../../shared/ipc";
import type { ArticleVersion } from "../../shared/review/review";
import { schema } from "../../shared/schema";
import { asExported, renderAll, type RenderedFile } from "./export-files";
import { importBytes, type ImportFormat } from "./import-files";

// The work that grows with an article's size: reading a file, checking and writing the article a
// window sent, importing, exporting. Each is a function of plain data to plain data, so that it
// runs the same in the main process or in a worker thread (heavy-work.ts decides which): main's
// event loop stays free for every other window's saves and recovery copies meanwhile.

/// An article file read and checked.
/// A file read: its article, and for a shared story its `shared` part (or why a broken one was left out).
export type ReadResult =
  | { ok: true; article: ArticleJSON; migratedFrom: number | null; versionsDropped?: string[]; shared?: SharedPart; sharedDropped?: string }
  | { ok: false; errors: string[] };

/// The article a window sent, as it goes to disk: the file's text, its metadata, its headline and the images it uses.
export type CheckResult =
  | { ok: true; text: string; meta: ArticleMeta; headline: string; assetKeys: string[] }
  | { ok: false; errors: string[] };

/// An article the format refused, made into one it accepts (every word kept), as file text.
export interface SalvageResult {
  text: string;
  changes: string[];
}

/// An import, as the article it made.
export type ImportedResult = { ok: true; article: ArticleJSON; warnings: string[]; found: string[] } | { ok: false; errors: string[] };

/// The exports of an article, ready to write: PDF as the HTML to print.
export type RenderResult =
  | { ok: true; check: ExportCheck; files: RenderedFile[]; pdfHtml: string | null }
  | { ok: false; errors: string[] };

/// The images a document's figures refer to, and those its versions' steps bring back, by key, in key order.
export function referencedAssets(doc: PMNode, assets: Record<string, Asset>, versions: readonly ArticleVersion[] = []): Record<string, Asset> {
  const used: Record<string, Asset> = {};
  // An image taken out since a version keeps its bytes, or that version could not be shown again.
  for (const [, key] of JSON.stringify(versions.map((v) => v.changes)).matchAll(/asset:([0-9a-f]{64})/g)) if (Object.hasOwn(assets, key)) used[key] = assets[key];
  doc.descendants((node) => {
    if (node.type !== schema.nodes.image) return !node.isTextblock;
    const src = String(node.attrs.src);
    const key = src.startsWith(assetScheme) ? src.slice(assetScheme.length) : "";
    if (Object.hasOwn(assets, key)) used[key] = assets[key];
    return false;
  });
  return Object.fromEntries(Object.entries(used).sort(([a], [b]) => a.localeCompare(b)));
}

/// Reads an article file's bytes.
export function readArticle(bytes: Uint8Array): ReadResult {
  const result = parseArticleFile(bytes);
  if (!result.ok) return result;
  const read: ReadResult = { ok: true, article: articleToJSON(result.article), migratedFrom: result.migratedFrom };
  if (result.versionsDropped) read.versionsDropped = result.versionsDropped;
  if (result.shared) read.shared = result.shared;
  if (result.sharedDropped) read.sharedDropped = result.sharedDropped;
  return read;
}

/// The article (meta, doc, assets) as the file format accepts it, or why not.
function checked(payload: unknown, verified: readonly string[]): { ok: true; article: Article } | { ok: false; errors: string[] } {
  const result = articleFromJSON(payload, { verifiedAssets: new Set(verified) });
  if (!result.ok) return result;
  return { ok: true, article: { ...result.article, assets: referencedAssets(result.article.doc, result.article.assets, result.article.review?.versions) } };
}

/// Checks the article a window sent and writes it as file text; `meta` overrides fields (identity, time of saving).
/// `verified` are the keys of images the caller already checked. Refuses an article over the file limit,
/// since a file Copydesk writes must open again.
export function checkArticle(payload: unknown, verified: readonly string[], meta: Partial<ArticleMeta> = {}): CheckResult {
  const result = checked(payload, verified);
  if (!result.ok) return result;
  const shared = sharedOf(payload);
  if (!shared.ok) return { ok: false, errors: [shared.problem] };
  const article = { ...result.article, meta: { ...result.article.meta, ...meta } };
  const text = serializeArticle(article, shared.part);
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > maxFileBytes) {
    return { ok: false, errors: [`the article is ${megabytes(bytes)}, over the ${megabytes(maxFileBytes)} limit for an article`] };
  }
  return { ok: true, text, meta: article.meta, headline: fieldText(article.doc, "headline"), assetKeys: Object.keys(article.assets) };
}

/// An article the format accepts made from one it refused, keeping every word (shared/article-salvage.ts).
export function salvage(payload: unknown): SalvageResult {
  const { article, changes } = salvageArticle(payload);
  // A shared story's state is kept whenever it is whole: it holds every change, the unshared ones too.
  const shared = sharedOf(payload);
  if (!shared.ok) changes.push(`${shared.problem}: the story is kept as a story of your own`);
  return { text: serializeArticle(article, shared.ok ? shared.part : undefined), changes };
}

/// A shared story's `shared` part the window sent along (none for a story of one's own), or why it is refused.
function sharedOf(payload: unknown): { ok: true; part?: SharedPart } | { ok: false; problem: string } {
  const part = (payload as { shared?: unknown } | null)?.shared;
  if (part === undefined) return { ok: true };
  const problem = sharedPartProblem(part);
  return problem ? { ok: false, problem } : { ok: true, part: part as SharedPart };
}

/// Imports a file's bytes.
export async function importArticle(bytes: Uint8Array, format: ImportFormat): Promise<ImportedResult> {
  const result = await importBytes(bytes, format);
  return result.ok ? { ok: true, article: articleToJSON(result.article), warnings: result.warnings, found: result.found } : result;
}

/// How one export is rendered: what the newsroom's settings tell the exporters, and for an export
/// marked published, its moment (ISO 8601; null otherwise), which the files and the window's
/// article then share.
export interface RenderChoices {
  format: FormatOptions;
  publishedAt: string | null;
}

/// Checks the article a window sent, runs the pre-export check (an export marked published is
/// refused there before the embargo), and renders each format (PDF as HTML to print).
export async function renderExports(payload: unknown, verified: readonly string[], formats: readonly ExportFormat[], choices: RenderChoices): Promise<RenderResult> {
  const result = checked(payload, verified);
  if (!result.ok) return result;
  const at = choices.publishedAt === null ? null : new Date(choices.publishedAt);
  const check = checkBeforeExport(result.article, at ?? new Date(), [], formats, at !== null);
  if (check.errors.length > 0) return { ok: true, check, files: [], pdfHtml: null };
  return { ok: true, check, ...(await renderAll(asExported(result.article, at), formats, choices.format)) };
}

/// Every task, by name: what a worker thread answers (heavy-worker.ts) and what runs in-process.
export const heavyTasks = { readArticle, checkArticle, salvage, importArticle, renderExports };
export type HeavyTasks = typeof heavyTasks;
