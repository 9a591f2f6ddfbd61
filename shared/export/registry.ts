import type { Article } from "../article";
import type { ExportFormat } from "../ipc";
import { exportDocx } from "./docx";
import { exportFormatDescriptions, type ExportFormatDescription } from "./formats";
import { exportHtml } from "./html";
import { exportMarkdown } from "./markdown";
import { exportNinjs } from "./ninjs";
import { exportNitf } from "./nitf";
import { exportText } from "./text";

// The one table of export formats that the menu, the export dialog, the CLI and the tests read.

/// Turns an article into the contents of a file.
export type Exporter = (article: Article) => string | Uint8Array | Promise<string | Uint8Array>;

/// One export format: its description and the function that writes it.
export interface ExportFormatInfo extends ExportFormatDescription {
  /// Null for PDF, which is printed from the HTML export by a browser engine outside shared/.
  exporter: Exporter | null;
}

const exporters: Record<ExportFormat, Exporter | null> = {
  html: exportHtml,
  md: exportMarkdown,
  txt: exportText,
  nitf: exportNitf,
  ninjs: exportNinjs,
  docx: exportDocx,
  pdf: null,
};

/// Every export format, in menu order.
export const exportRegistry: readonly ExportFormatInfo[] = exportFormatDescriptions.map((format) => ({
  ...format,
  exporter: exporters[format.id],
}));

/// The registry entry of a format id.
export function exportFormatInfo(id: ExportFormat): ExportFormatInfo {
  const info = exportRegistry.find((entry) => entry.id === id);
  if (!info) throw new Error(`unknown export format ${id}`);
  return info;
}

/// Runs one format's exporter; PDF is not exported here (see `ExportFormatInfo.exporter`).
export async function exportArticle(article: Article, id: ExportFormat): Promise<string | Uint8Array> {
  const { exporter } = exportFormatInfo(id);
  if (!exporter) throw new Error(`${id} is printed from the HTML export, not exported directly`);
  return exporter(article);
}
