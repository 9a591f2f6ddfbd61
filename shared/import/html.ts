import type { ImportResult } from "./build";
import type { ParseHtml } from "./html-dom";
import { importNewsPage } from "./html-page";
import { importStyledPage, isCopydeskPage } from "./html-styled";

// HTML import: Copydesk's own HTML export is read by its classes (html-styled.ts), a news page from
// anywhere else by finding the article in it and reading its metadata in order of trust (html-page.ts).

/// Largest page imported, in characters.
export const maxHtmlChars = 50 * 1024 * 1024;

/// Imports an HTML page; `parse` turns the text into a DOM (no scripts run).
export async function importHtml(html: string, parse: ParseHtml): Promise<ImportResult> {
  if (html.length > maxHtmlChars) return { ok: false, errors: ["the page is over the 50 MB limit for an import"] };
  // An empty text has no <html> for the DOM to hang anything on: read it as an empty page.
  const document = parse(html.trim() === "" ? "<!DOCTYPE html><html><body></body></html>" : html);
  return isCopydeskPage(document) ? importStyledPage(document) : importNewsPage(document);
}
