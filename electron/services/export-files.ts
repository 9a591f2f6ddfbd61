import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Article } from "../../shared/article";
import { checkBeforeExport } from "../../shared/export/checks";
import { exportHtml } from "../../shared/export/html";
import { fileStem } from "../../shared/export/parts";
import { exportArticle, exportFormatInfo } from "../../shared/export/registry";
import type { ExportFormat } from "../../shared/ipc";
import { withoutReview } from "../../shared/review/published";
import { writeFileDurably } from "./durable-write";
import { describeFsError, UserFacingError } from "./errors";

// Writes an article's exports into a folder, each file atomically (a temporary file renamed
// over the target), so a crash never leaves half a file. PDF is printed by an injected engine.

/// Prints a standalone HTML page to PDF bytes (Electron's printToPDF in the app, Playwright's page.pdf in e2e).
export type PrintPdf = (html: string) => Promise<Uint8Array>;

/// Options of an export run.
export interface ExportOptions {
  printPdf?: PrintPdf;
  /// Export even when the pre-export check finds errors (the command line's --force).
  ignoreErrors?: boolean;
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
export async function renderAll(article: Article, formats: readonly ExportFormat[]): Promise<{ files: RenderedFile[]; pdfHtml: string | null }> {
  const files: RenderedFile[] = [];
  let pdfHtml: string | null = null;
  for (const format of [...new Set(formats)]) {
    if (format === "pdf") pdfHtml = exportHtml(withoutReview(article));
    files.push({ format, name: exportFileName(article, format), contents: format === "pdf" ? "" : await exportArticle(article, format) });
  }
  return { files, pdfHtml };
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
  const check = checkBeforeExport(article, new Date(), [], formats);
  if (check.errors.length > 0 && !options.ignoreErrors) {
    throw new UserFacingError("invalid-article", "Fix these before exporting:", check.errors);
  }
  const rendered = await renderAll(article, formats);
  return { files: await writeExports(rendered.files, rendered.pdfHtml, folder, options.printPdf), warnings: check.warnings };
}
