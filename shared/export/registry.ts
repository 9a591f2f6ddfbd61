import type { Article } from "../article";
import type { ExportFormat } from "../ipc";
import { withoutReview } from "../review/published";
import { exportFormatDescriptions, type ExportFormatDescription } from "./formats";
import { defaultFormatOptions, type FormatOptions } from "./options";

// The one table of export formats that the menu, the export dialog, the CLI and the tests read.
// Each exporter is loaded on first use, so reading the table loads none of them (nor docx,
// yaml or prosemirror-markdown behind them).

/// Turns an article into the contents of a file, as the newsroom's settings say (shared/export/options.ts).
export type Exporter = (article: Article, options: FormatOptions) => string | Uint8Array | Promise<string | Uint8Array>;

/// One export format: its description and the function that writes it.
export interface ExportFormatInfo extends ExportFormatDescription {
  /// Null for PDF, which is printed from the HTML export by a browser engine outside shared/.
  exporter: Exporter | null;
}

/// An exporter that loads its module the first time it runs.
const onFirstUse =
  (load: () => Promise<Exporter>): Exporter =>
  async (article, options) =>
    (await load())(article, options);

const exporters: Record<ExportFormat, Exporter | null> = {
  html: onFirstUse(async () => (await import("./html")).exportHtml),
  md: onFirstUse(async () => (await import("./markdown")).exportMarkdown),
  txt: onFirstUse(async () => (await import("./text")).exportText),
  nitf: onFirstUse(async () => (await import("./nitf")).exportNitf),
  ninjs: onFirstUse(async () => (await import("./ninjs")).exportNinjs),
  docx: onFirstUse(async () => (await import("./docx")).exportDocx),
  pdf: null,
};

/// The exporter of a format: it gets the article without its review, unless the format carries the
/// review (Word, the hand-off to editors who review there: shared/export/docx-review.ts).
function publishedOrReviewed(format: ExportFormatDescription): Exporter | null {
  const exporter = exporters[format.id];
  if (!exporter || format.carriesReview) return exporter;
  return (article, options) => exporter(withoutReview(article), options);
}

/// Every export format, in menu order.
export const exportRegistry: readonly ExportFormatInfo[] = exportFormatDescriptions.map((format) => ({
  ...format,
  exporter: publishedOrReviewed(format),
}));

/// The registry entry of a format id.
export function exportFormatInfo(id: ExportFormat): ExportFormatInfo {
  const info = exportRegistry.find((entry) => entry.id === id);
  if (!info) throw new Error(`unknown export format ${id}`);
  return info;
}

/// Runs one format's exporter; PDF is not exported here (see `ExportFormatInfo.exporter`).
export async function exportArticle(article: Article, id: ExportFormat, options: FormatOptions = defaultFormatOptions): Promise<string | Uint8Array> {
  const { exporter } = exportFormatInfo(id);
  if (!exporter) throw new Error(`${id} is printed from the HTML export, not exported directly`);
  return exporter(article, options);
}
