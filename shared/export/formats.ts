import type { ExportFormat } from "../ipc";

// What each export format is called and how its files are named, without the exporters
// themselves, so the renderer's export dialog can list formats without bundling them.

/// A format as the user sees it.
export interface ExportFormatDescription {
  id: ExportFormat;
  label: string;
  extension: string;
  mimeType: string;
  /// True for the one format that carries the desk's open review (notes and suggested edits); every
  /// other format gets published copy (shared/export/registry.ts).
  carriesReview?: true;
}

/// Every export format, in menu order.
export const exportFormatDescriptions: readonly ExportFormatDescription[] = [
  { id: "html", label: "Web page (HTML)", extension: "html", mimeType: "text/html" },
  { id: "md", label: "Markdown", extension: "md", mimeType: "text/markdown" },
  { id: "txt", label: "Plain text (wire style)", extension: "txt", mimeType: "text/plain" },
  { id: "nitf", label: "NITF 3.6 (XML)", extension: "nitf.xml", mimeType: "application/xml" },
  { id: "ninjs", label: "ninjs 2.2 (JSON)", extension: "ninjs.json", mimeType: "application/json" },
  {
    id: "docx",
    label: "Word document (DOCX)",
    extension: "docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    carriesReview: true,
  },
  { id: "pdf", label: "PDF", extension: "pdf", mimeType: "application/pdf" },
];
