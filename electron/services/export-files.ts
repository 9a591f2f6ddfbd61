import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Article } from "../../shared/article";
import { checkBeforeExport } from "../../shared/export/checks";
import { exportHtml } from "../../shared/export/html";
import { fileStem } from "../../shared/export/parts";
import { exportArticle, exportFormatInfo } from "../../shared/export/registry";
import type { ExportFormat } from "../../shared/ipc";
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

/// The contents of one export, PDF included when a printer is given.
export async function renderExport(article: Article, format: ExportFormat, printPdf?: PrintPdf): Promise<string | Uint8Array> {
  if (format !== "pdf") return exportArticle(article, format);
  if (!printPdf) throw new UserFacingError("internal", "PDF export needs Chromium, which is not available here.");
  return printPdf(exportHtml(article));
}

/// Writes the chosen formats into `folder`; returns the paths written, in the order of `formats`.
export async function exportToFolder(
  article: Article,
  formats: readonly ExportFormat[],
  folder: string,
  options: ExportOptions = {},
): Promise<{ files: string[]; warnings: string[] }> {
  const check = checkBeforeExport(article);
  if (check.errors.length > 0 && !options.ignoreErrors) {
    throw new UserFacingError("invalid-article", "Fix these before exporting:", check.errors);
  }
  try {
    await mkdir(folder, { recursive: true });
  } catch (e) {
    throw describeFsError(e, "create the folder", folder);
  }
  const files: string[] = [];
  for (const format of [...new Set(formats)]) {
    const contents = await renderExport(article, format, options.printPdf);
    const path = join(folder, exportFileName(article, format));
    try {
      await writeFileDurably(path, contents);
    } catch (e) {
      throw describeFsError(e, "write", path);
    }
    files.push(path);
  }
  return { files, warnings: check.warnings };
}
