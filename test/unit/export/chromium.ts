import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

// A headless Chromium for the tests that must see what a browser does with an export:
// Playwright's own build when installed, else the system's.

/// Launches Chromium; throws with a clear message when none is installed.
export async function launchChromium(): Promise<Browser> {
  const candidates = [chromium.executablePath(), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  const executablePath = candidates.find((path) => path && existsSync(path));
  if (!executablePath) throw new Error(`no Chromium found (looked in ${candidates.join(", ")})`);
  return chromium.launch({ executablePath, args: ["--no-sandbox"] });
}

/// Prints HTML to PDF the way the e2e host does (Playwright's page.pdf).
export function playwrightPrinter(browser: Browser): (html: string) => Promise<Uint8Array> {
  return async (html) => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    try {
      await page.setContent(html, { waitUntil: "load" });
      return new Uint8Array(await page.pdf({ format: "A4", printBackground: true }));
    } finally {
      await page.close();
    }
  };
}
