import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serializeArticle } from "../../../shared/article-file";
import { arabicArticle } from "../../support/arabic-article";
import { ExportDialog } from "../support/export-dialog";
import { expect, test } from "../support/fixtures";

// An editor exports an Arabic article to HTML and PDF through File > Export: both read right to left.

/// The words of a PDF page with their boxes, as Poppler's pdftotext -bbox gives them. Poppler writes
/// right-to-left words in visual order, letters reversed, so each word is also given back in
/// logical order (`logical`).
function pdfWords(path: string): { logical: string; xMin: number; xMax: number; yMin: number }[] {
  const xhtml = execFileSync("pdftotext", ["-bbox", "-f", "1", "-l", "1", path, "-"], { encoding: "utf8" });
  return [...xhtml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({
    logical: [...m[4]].reverse().join(""),
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
  }));
}

test("an Arabic article exports to HTML and PDF right to left", async ({ copydesk, workDir }) => {
  const source = join(workDir, "arabic.article");
  writeFileSync(source, serializeArticle(arabicArticle()));
  await copydesk.open(source);
  await expect(copydesk.page.locator(".article-editor")).toHaveAttribute("dir", "rtl");
  const exportDialog = new ExportDialog(copydesk);
  await exportDialog.open();
  await exportDialog.choose(["html", "pdf"]);
  await exportDialog.exportTo(workDir);

  const file = (extension: string) => join(workDir, readdirSync(workDir).find((name) => name.endsWith(extension))!);
  const html = readFileSync(file(".html"), "utf8");
  expect(html).toContain(`<html lang="ar" dir="rtl">`);
  expect(html).toContain(`<h2>أخبار ذات صلة</h2>`);

  // In the PDF the headline starts at the right: its first word, مجلس, is right of the third, يمدد,
  // and ends where the page's text ends on the right.
  const words = pdfWords(file(".pdf"));
  const word = (text: string) => words.find((w) => w.logical === text)!;
  expect(word("مجلس")).toBeDefined();
  expect(word("يمدد")).toBeDefined();
  expect(word("مجلس").xMin).toBeGreaterThan(word("يمدد").xMax);
  expect(Math.max(...words.map((w) => w.xMax)) - word("مجلس").xMax).toBeLessThan(2);
  // A Latin name inside the Arabic paragraph keeps its own order: "Nicolas" is left of "de".
  const nicolas = words.find((w) => w.logical === "salociN" || w.logical === "Nicolas")!;
  const de = words.find((w) => (w.logical === "ed" || w.logical === "de") && Math.abs(w.yMin - nicolas.yMin) < 2)!;
  expect(nicolas.xMax).toBeLessThan(de.xMin);
});
