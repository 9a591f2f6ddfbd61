import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderAll, writeExports } from "../electron/services/exports";
import { arabicArticle } from "../test/support/arabic-article";
import { launchChromium, playwrightPrinter } from "../test/unit/export/chromium";

// Redraws docs/images/rtl-pdf-arabic.png, the first page of the Arabic test article's PDF export,
// printed as the export service prints it (the HTML export, Chromium's PDF, as the e2e host does)
// and drawn with Poppler's pdftoppm (Debian's poppler-utils).
// Run: npx tsx scripts/rtl-pdf-picture.ts

const picture = "docs/images/rtl-pdf-arabic.png";

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), "copydesk-rtl-pdf-"));
  const browser = await launchChromium();
  try {
    const { files, pdfHtml } = await renderAll(arabicArticle(), ["pdf"]);
    const [pdf] = await writeExports(files, pdfHtml, folder, playwrightPrinter(browser));
    if (!readFileSync(pdf).subarray(0, 5).equals(Buffer.from("%PDF-"))) throw new Error(`${pdf} is not a PDF`);
    execFileSync("pdftoppm", ["-png", "-r", "72", "-f", "1", "-l", "1", "-singlefile", pdf, join(folder, "page")]);
    copyFileSync(join(folder, "page.png"), picture);
    console.log(`wrote ${picture} from ${pdf}`);
  } finally {
    await browser.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

void main();
