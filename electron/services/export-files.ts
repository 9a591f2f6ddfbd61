import { lstat, mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Article } from "../../shared/article";
import { checkBeforeExport } from "../../shared/export/checks";
import { exportHtml } from "../../shared/export/html";
import { fileStem } from "../../shared/export/parts";
import { defaultFormatOptions, type FormatOptions } from "../../shared/export/options";
import { exportArticle, exportFormatInfo } from "../../shared/export/registry";
import type { ExportFormat } from "../../shared/ipc";
import { withoutReview } from "../../shared/review/published";
import { publishedMeta, publishRefusal } from "../../shared/workflow";
import { writeFileDurably } from "./durable-write";
import { describeFsError, UserFacingError } from "./errors";

// Writes an article's exports into a folder, each file atomically (a temporary file renamed
// over the target), so a crash never leaves half a file. PDF is printed by an injected engine.

/// Prints a standalone HTML page to PDF bytes (Electron's printToPDF in the app, Playwright's page.pdf in e2e).
export type PrintPdf = (html: string) => Promise<Uint8Array>;

/// What to do when files of the names an export writes are already in the folder: "ask" writes
/// nothing and answers their names (the app asks the journalist, then exports again with their
/// choice), "replace" writes over them, "keep-both" writes the new set under a free number
/// ("story (2).html"), "refuse" writes nothing and says so (the command line's --existing refuse).
export type ExistingFiles = "ask" | "replace" | "keep-both" | "refuse";

/// Options of an export run.
export interface ExportOptions {
  printPdf?: PrintPdf;
  /// Export even when the pre-export check finds errors (the command line's --force).
  ignoreErrors?: boolean;
  /// Files already in the folder under the same names: "replace" unless said otherwise (the command line's default).
  existing?: Exclude<ExistingFiles, "ask">;
  /// What the newsroom's settings tell the exporters (time zone, editor's note); the defaults otherwise.
  format?: FormatOptions;
  /// An export marked published (the command line's --published): refused before the embargo.
  published?: boolean;
}

/// The article as an export marked published at `at` writes it (status published, its version
/// counted, publication times set: shared/workflow.ts), or as it is when `at` is null.
export function asExported(article: Article, at: Date | null): Article {
  return at ? { ...article, meta: publishedMeta(article.meta, at) } : article;
}

/// The file name an export of that format gets, from the slug or the headline.
export function exportFileName(article: Article, format: ExportFormat): string {
  return `${fileStem(article)}.${exportFormatInfo(format).extension}`;
}

/// One export ready to write: PDF's contents are printed from `pdfHtml` when written.
export interface RenderedFile {
  format: ExportFormat;
  name: string;
  contents: string | Uint8Array;
}

/// Every chosen format's contents (PDF as the HTML page to print, like every export without the review).
export async function renderAll(
  article: Article,
  formats: readonly ExportFormat[],
  options: FormatOptions = defaultFormatOptions,
): Promise<{ files: RenderedFile[]; pdfHtml: string | null }> {
  const files: RenderedFile[] = [];
  let pdfHtml: string | null = null;
  for (const format of [...new Set(formats)]) {
    if (format === "pdf") pdfHtml = exportHtml(withoutReview(article), options);
    files.push({ format, name: exportFileName(article, format), contents: format === "pdf" ? "" : await exportArticle(article, format, options) });
  }
  return { files, pdfHtml };
}

/// Whether something (a file, a folder, a link, even a broken one) has that path; asked of the
/// file system itself, so a folder that ignores case finds "Story.html" for "story.html".
export async function pathTaken(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    // Not there, or not to be known (no permission): in the second case the write says why it cannot.
    return false;
  }
}

/// The names among `names` already taken in `folder`, in their order.
export async function existingNames(folder: string, names: readonly string[], taken: (path: string) => Promise<boolean> = pathTaken): Promise<string[]> {
  const found: string[] = [];
  for (const name of names) if (await taken(join(folder, name))) found.push(name);
  return found;
}

/// A name with a number before its format's extension: ("story.nitf.xml", "nitf.xml", 2) gives "story (2).nitf.xml".
export function numberedName(name: string, extension: string, n: number): string {
  const suffix = `.${extension}`;
  const stem = name.endsWith(suffix) ? name.slice(0, -suffix.length) : name;
  return `${stem} (${n})${name.endsWith(suffix) ? suffix : ""}`;
}

/// How far "Keep both" counts before giving up (a folder with that many copies needs tidying, not a 10,000th).
export const maxCopyNumber = 9_999;

/// The files renamed with the first number from 2 under which none of them is taken in `folder`:
/// every format's file gets the same number, so "story (2).html" and "story (2).txt" go together
/// even when only one of the plain names was taken.
export async function withFreeNames(
  files: readonly RenderedFile[],
  folder: string,
  taken: (path: string) => Promise<boolean> = pathTaken,
): Promise<RenderedFile[]> {
  for (let n = 2; n <= maxCopyNumber; n++) {
    const numbered = files.map((file) => ({ ...file, name: numberedName(file.name, exportFormatInfo(file.format).extension, n) }));
    if ((await existingNames(folder, numbered.map((file) => file.name), taken)).length === 0) return numbered;
  }
  throw new UserFacingError("conflict", `There are already ${maxCopyNumber} numbered copies of these files in ${folder}: choose another folder.`);
}

/// Writes rendered exports into `folder` as `existing` says. Answers the paths written or, when
/// asked to ask or refuse and some names are taken, those names (then nothing is written).
export async function writeExportSet(
  files: readonly RenderedFile[],
  pdfHtml: string | null,
  folder: string,
  existing: ExistingFiles,
  printPdf?: PrintPdf,
): Promise<{ files: string[] } | { existing: string[] }> {
  if (existing === "ask" || existing === "refuse") {
    const taken = await existingNames(folder, files.map((file) => file.name));
    if (taken.length > 0) return { existing: taken };
  }
  const named = existing === "keep-both" ? await withFreeNames(files, folder) : files;
  return { files: await writeExports(named, pdfHtml, folder, printPdf) };
}

/// Writes rendered exports (`renderAll`) into `folder`, printing PDF from its HTML;
/// returns the paths written, in order.
export async function writeExports(
  files: readonly RenderedFile[],
  pdfHtml: string | null,
  folder: string,
  printPdf?: PrintPdf,
): Promise<string[]> {
  try {
    await mkdir(folder, { recursive: true });
  } catch (e) {
    throw describeFsError(e, "create the folder", folder);
  }
  const written: string[] = [];
  for (const file of files) {
    let contents = file.contents;
    if (file.format === "pdf") {
      if (!printPdf || pdfHtml === null) throw new UserFacingError("internal", "PDF export needs Chromium, which is not available here.");
      contents = await printPdf(pdfHtml);
    }
    const path = join(folder, file.name);
    try {
      await writeFileDurably(path, contents);
    } catch (e) {
      throw describeFsError(e, "write", path);
    }
    written.push(path);
  }
  return written;
}

/// Writes the chosen formats into `folder`; returns the paths written, in the order of `formats`.
export async function exportToFolder(
  article: Article,
  formats: readonly ExportFormat[],
  folder: string,
  options: ExportOptions = {},
): Promise<{ files: string[]; warnings: string[] }> {
  const now = new Date();
  // Not even --force publishes before the embargo.
  const refusal = options.published ? publishRefusal(article.meta, now) : null;
  if (refusal) throw new UserFacingError("invalid-article", refusal);
  const check = checkBeforeExport(article, now, [], formats, options.published === true);
  if (check.errors.length > 0 && !options.ignoreErrors) {
    throw new UserFacingError("invalid-article", "Fix these before exporting:", check.errors);
  }
  const rendered = await renderAll(asExported(article, options.published ? now : null), formats, options.format);
  const written = await writeExportSet(rendered.files, rendered.pdfHtml, folder, options.existing ?? "replace", options.printPdf);
  if ("existing" in written) throw new UserFacingError("conflict", `Not exported: already in ${folder}:`, written.existing);
  return { files: written.files, warnings: check.warnings };
}
