import { parseHTML } from "linkedom";
import mammoth from "mammoth";
import type { ImportResult } from "../../shared/import/build";
import { importHtml } from "../../shared/import/html";
import type { HtmlDocument } from "../../shared/import/html-dom";
import { importMarkdown } from "../../shared/import/markdown";
import { importNitf } from "../../shared/import/nitf";
import { docxStyleNames as style } from "../../shared/export/docx-styles";
import { FileRefused, readRegularFile } from "./regular-file";

// Imports from files, under plain Node: the HTML DOM is linkedom's (it runs no scripts) and
// DOCX goes through mammoth, which needs Node's zip reading, then through the HTML importer.

/// Largest file imported, in bytes.
export const maxImportBytes = 50 * 1024 * 1024;

/// The formats Copydesk imports, by file extension.
export type ImportFormat = "html" | "md" | "nitf" | "docx";

/// The import format of a file name, or null when Copydesk does not import it.
export function importFormatOf(fileName: string): ImportFormat | null {
  const name = fileName.toLowerCase();
  if (/\.html?$/.test(name)) return "html";
  if (/\.(md|markdown)$/.test(name)) return "md";
  if (/\.(nitf|xml)$/.test(name)) return "nitf";
  if (/\.docx$/.test(name)) return "docx";
  return null;
}

/// Parses HTML with linkedom; scripts are never run.
export function parseHtmlInNode(html: string): HtmlDocument {
  return parseHTML(html).document as unknown as HtmlDocument;
}

/// Mammoth's map from Copydesk's Word styles to the HTML the HTML importer reads.
export const docxStyleMap = [
  `p[style-name='${style.kicker}'] => p.kicker:fresh`,
  `p[style-name='${style.standfirst}'] => p.standfirst:fresh`,
  `p[style-name='${style.byline}'] => p.byline:fresh`,
  `p[style-name='${style.dateline}'] => p.dateline:fresh`,
  `p[style-name='${style.quote}'] => blockquote > p:fresh`,
  `p[style-name='${style.quoteAttribution}'] => blockquote > footer:fresh`,
  `p[style-name='${style.pullquote}'] => aside.pullquote > p.pullquote-text:fresh`,
  `p[style-name='${style.pullquoteAttribution}'] => aside.pullquote > footer:fresh`,
  `p[style-name='${style.figure}'] => figure:fresh`,
  `p[style-name='${style.caption}'] => figure > figcaption:fresh`,
  `p[style-name='${style.credit}'] => figure > small.credit:fresh`,
  `p[style-name='${style.tagline}'] => p.tagline:fresh`,
  `p[style-name='${style.related}'] => nav.related > ul > li:fresh`,
];

/// The HTML mammoth makes of a Word document.
export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const result = await mammoth.convertToHtml({ buffer }, { styleMap: docxStyleMap, externalFileAccess: false });
  return `<!DOCTYPE html><html><body><article><div class="body">${result.value}</div></article></body></html>`;
}

/// Imports the bytes of a file of that format.
export async function importBytes(bytes: Uint8Array, format: ImportFormat): Promise<ImportResult> {
  if (format === "docx") {
    let html: string;
    try {
      html = await docxToHtml(bytes);
    } catch (e) {
      return { ok: false, errors: [`the file is not a Word document Copydesk can read (${(e as Error).message})`] };
    }
    return importHtml(html, parseHtmlInNode);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return { ok: false, errors: ["the file is not UTF-8 text"] };
  }
  if (format === "html") return importHtml(text, parseHtmlInNode);
  if (format === "md") return importMarkdown(text);
  return importNitf(text);
}

/// Reads a file to import and tells its format by its extension; only a regular file is read (wherever a symbolic link points).
export async function readImportFile(path: string): Promise<{ ok: true; bytes: Uint8Array; format: ImportFormat } | { ok: false; errors: string[] }> {
  const format = importFormatOf(path);
  if (!format) return { ok: false, errors: ["Copydesk imports .html, .md, .nitf/.xml and .docx files"] };
  try {
    const { bytes } = await readRegularFile(path, maxImportBytes, "the file is over the 50 MB limit for an import");
    return { ok: true, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), format };
  } catch (e) {
    if (e instanceof FileRefused) return { ok: false, errors: [e.reason] };
    throw e;
  }
}

/// Imports a file, choosing the importer by its extension.
export async function importFile(path: string): Promise<ImportResult> {
  const read = await readImportFile(path);
  return read.ok ? importBytes(read.bytes, read.format) : read;
}
