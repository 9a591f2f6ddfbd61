import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BrowserWindow } from "electron";
import { pdfWebPreferences } from "./web-preferences";

// PDF export in the app: the HTML export printed by Chromium in a hidden, sandboxed window
// with JavaScript off. The page is loaded from a temporary file (data: URLs have size limits).

/// Prints a standalone HTML page to PDF bytes; the backend's `printPdf`.
export async function printPdfWithChromium(html: string): Promise<Uint8Array> {
  const folder = await mkdtemp(join(tmpdir(), "copydesk-pdf-"));
  const page = join(folder, "article.html");
  const window = new BrowserWindow({ show: false, webPreferences: pdfWebPreferences() });
  try {
    await writeFile(page, html, "utf8");
    await window.loadFile(page);
    const pdf = await window.webContents.printToPDF({ printBackground: true, pageSize: "A4", generateDocumentOutline: true });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    window.destroy();
    await rm(folder, { recursive: true, force: true });
  }
}
