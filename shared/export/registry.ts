import type { Article } from "../article";
import type { ExportFormat } from "../ipc";
import { exportDocx } from "./docx";
import { exportHtml } from "./html";
import { exportMarkdown } from "./markdown";
import { exportNinjs } from "./ninjs";
import { exportNitf } from "./nitf";
import { exportText } from "./text";

// The one table of export formats that the menu, the export dialog, the CLI and the tests read.

/// Turns an article into the contents of a file.
export type Exporter = (article: Article) => string | Uint8Array | Promise<string | Uint8Array>;

/// One export format.
export interface ExportFormatInfo {
  id: ExportFormat;
  label: string;
  extension: string;
  mimeType: string;
  /// Null for PDF, which is printed from the HTML export by a browser engine outside shared/.
  exporter: Exporter | null;
}

/// Every export format, in menu order.
export const exportRegistry: readonly ExportFormatInfo[] = [
  { id: "html", label: "Web page (HTML)", extension: "html", mimeType: "text/html", exporter: exportHtml },
  { id: "md", label: "Markdown", extension: "md", mimeType: "text/markdown", exporter: exportMarkdown },
  { id: "txt", label: "Plain text (wire style)", extension: "txt", mimeType: "text/plain", exporter: exportText },
  { id: "nitf", label: "NITF 3.6 (XML)", extension: "nitf.xml", mimeType: "application/xml", exporter: exportNitf },
  { id: "ninjs", label: "ninjs 2.2 (JSON)", extension: "ninjs.json", mimeType: "application/json", exporter: exportNinjs },
  {
    id: "docx",
    label: "Word document (DOCX)",
    extension: "docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    exporter: exportDocx,
  },
  { id: "pdf", label: "PDF", extension: "pdf", mimeType: "application/pdf", exporter: null },
];

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
