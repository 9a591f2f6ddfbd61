import { chromium, type Browser } from "@playwright/test";
import { chromiumArgs } from "../support/targets";

// The e2e host's PDF printer: the same HTML export the app prints with webContents.printToPDF,
// printed by Debian's Chromium through Playwright's page.pdf, with JavaScript off.

let browser: Promise<Browser> | null = null;

/// Prints a standalone HTML page to PDF bytes (the Backend's `printPdf`).
export async function printPdfWithPlaywright(html: string): Promise<Uint8Array> {
  browser ??= chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs });
  const context = await (await browser).newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: "load" });
    return new Uint8Array(await page.pdf({ format: "A4", printBackground: true, outline: true }));
  } finally {
    await context.close();
  }
}

/// Closes the printing browser, if one was started.
export async function closePdfPrinter(): Promise<void> {
  const started = browser;
  browser = null;
  if (started) await (await started).close();
}
