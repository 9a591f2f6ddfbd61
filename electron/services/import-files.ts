import { parseHTML } from "linkedom";
import type { ImportResult } from "../../shared/import/build";
import { importHtml } from "../../shared/import/html";
import type { HtmlDocument } from "../../shared/import/html-dom";
import { maxHtmlDepth } from "../../shared/import/light-dom";
import { importMarkdown } from "../../shared/import/markdown";
import { importNitf } from "../../shared/import/nitf";
import { importStyledPage } from "../../shared/import/html-styled";
import { importNinjs } from "../../shared/import/ninjs";
import { placeWordReview } from "../../shared/import/docx-review";
import { decodeXmlBytes } from "../../shared/import/xml-tree";
import { readDocx } from "./docx-import";
import { FileRefused, readRegularFile } from "./regular-file";
import { flattenDeep, type TreeElement } from "../../shared/flatten-deep";

// Imports from files, under plain Node: the HTML DOM is linkedom's (it runs no scripts; lighter
// and several times faster than jsdom, which also brings a CSS engine and resource loading the
// importers never use) and DOCX goes through mammoth, which needs Node's zip reading, then
// through the styled HTML reader.

/// Largest file imported, in bytes.
export const maxImportBytes = 50 * 1024 * 1024;

/// The formats Copydesk imports, by file extension.
export type ImportFormat = "html" | "md" | "nitf" | "ninjs" | "docx";

/// The import format of a file name, or null when Copydesk does not import it.
export function importFormatOf(fileName: string): ImportFormat | null {
  const name = fileName.toLowerCase();
  if (/\.html?$/.test(name)) return "html";
  if (/\.(md|markdown)$/.test(name)) return "md";
  if (/\.(nitf|xml)$/.test(name)) return "nitf";
  if (/\.(json|ninjs)$/.test(name)) return "ninjs";
  if (/\.docx$/.test(name)) return "docx";
  return null;
}

/// Parses HTML with linkedom; scripts are never run. Elements nested deeper than the importers read
/// (`maxHtmlDepth`) become their text, so no word is lost and no walk over the page is quadratic.
export function parseHtmlInNode(html: string): HtmlDocument {
  const { document } = parseHTML(html);
  if (document.documentElement) flattenDeep(document.documentElement as unknown as TreeElement, maxHtmlDepth);
  return document as unknown as HtmlDocument;
}

/// Imports the bytes of a file of that format.
export async function importBytes(bytes: Uint8Array, format: ImportFormat): Promise<ImportResult> {
  if (format === "docx") {
    let docx: Awaited<ReturnType<typeof readDocx>>;
    try {
      docx = await readDocx(bytes);
    } catch (e) {
      return { ok: false, errors: [`the file is not a Word document Copydesk can read (${(e as Error).message})`] };
    }
    const result = await importStyledPage(parseHtmlInNode(docx.html), { warnings: docx.warnings, found: docx.found, fallback: docx.properties });
    if (!result.ok) return result;
    const placed = placeWordReview(result.article, docx.review);
    return { ok: true, article: placed.article, warnings: [...result.warnings, ...placed.warnings], found: [...result.found, ...placed.found] };
  }
  if (format === "nitf") {
    const xml = decodeXmlBytes(bytes);
    return xml.ok ? importNitf(xml.text) : { ok: false, errors: [xml.error] };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return { ok: false, errors: ["the file is not UTF-8 text"] };
  }
  if (format === "html") return importHtml(text, parseHtmlInNode);
  if (format === "md") return importMarkdown(text);
  return importNinjs(text, parseHtmlInNode);
}

/// Reads a file to import and tells its format by its extension; only a regular file is read (wherever a symbolic link points).
export async function readImportFile(path: string): Promise<{ ok: true; bytes: Uint8Array; format: ImportFormat } | { ok: false; errors: string[] }> {
  const format = importFormatOf(path);
  if (!format) return { ok: false, errors: ["Copydesk imports .html, .md, .nitf/.xml, .json (ninjs) and .docx files"] };
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
