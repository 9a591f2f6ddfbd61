import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Locator } from "@playwright/test";
import mammoth from "mammoth";
import { exportFormatDescriptions } from "../../../shared/export/formats";
import { exportFormats } from "../../../shared/ipc";
import { buildSeedArticle } from "../../support/seed-article";
import { validateNinjs, validateNitf } from "../../unit/export/standards";
import { ExistingFilesQuestion, ExportDialog, exportedLine, exportTimeout } from "../support/export-dialog";
import { expect, test } from "../support/fixtures";

// An editor exports the reference article to every format through File > Export; over files
// already in the folder the app asks first (Replace, Keep both, Cancel), Export Again too.

const seedPath = join(__dirname, "..", "..", "fixtures", "seed.article");
const seed = buildSeedArticle();
const headline = "US speeds up arms sales to Iraq amid jihadist resurgence";
const slug = "us-speeds-up-arms-sales-to-iraq-amid-jihadist-resurgence";
/// The files in a test's folder but its app's own (user-data), sorted.
const exported = (folder: string) => readdirSync(folder).filter((name) => name !== "user-data").sort();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const paragraphs: string[] = [];
seed.doc.descendants((node) => {
  if (node.type.name === "paragraph") paragraphs.push(node.textContent);
  return true;
});

test("the reference article exports to every format through the dialog", async ({ copydesk, workDir }) => {
  await copydesk.open(seedPath);
  await expect(copydesk.field("headline")).toHaveText(headline);
  const exportDialog = new ExportDialog(copydesk);
  await exportDialog.open();
  await expect(exportDialog.errors()).toHaveCount(0);
  await exportDialog.choose([...exportFormats]);
  await exportDialog.exportTo(workDir);

  const files = readdirSync(workDir).filter((f) => f.startsWith("us-speeds-up"));
  const file = (suffix: string) => join(workDir, files.find((f) => f.endsWith(suffix))!);
  expect(files.sort()).toEqual(
    ["docx", "html", "md", "ninjs.json", "nitf.xml", "pdf", "txt"].map((ext) => `us-speeds-up-arms-sales-to-iraq-amid-jihadist-resurgence.${ext}`).sort(),
  );

  expect(validateNitf([readFileSync(file(".nitf.xml"), "utf8")])).toEqual([]);
  const ninjs = JSON.parse(readFileSync(file(".ninjs.json"), "utf8"));
  expect(validateNinjs(ninjs)).toEqual([]);
  expect(ninjs.headlines[0].value).toBe(headline);

  const html = readFileSync(file(".html"), "utf8");
  expect(html).toContain(`<h1>${headline}</h1>`);
  const jsonLd = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1];
  expect(JSON.parse(jsonLd!)).toMatchObject({ "@type": "NewsArticle", headline });

  const text = readFileSync(file(".txt"), "utf8");
  const markdown = readFileSync(file(".md"), "utf8");
  const pdfText = execFileSync("pdftotext", ["-layout", file(".pdf"), "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  const docxText = (await mammoth.extractRawText({ path: file(".docx") })).value.replace(/\s+/g, " ");
  const words = (s: string) => s.replace(/\s+/g, " ").trim();
  for (const paragraph of paragraphs) {
    expect(text.replace(/\s+/g, " ")).toContain(words(paragraph));
    expect(markdown.replace(/\s+/g, " ")).toContain(words(paragraph).replace(/([*_[\]])/g, "\\$1").slice(0, 40));
    expect(docxText).toContain(words(paragraph));
    expect(pdfText.replace(/-\s/g, "-")).toContain(words(paragraph).split(" ").slice(0, 5).join(" "));
  }
  expect(pdfText).toContain("US speeds up arms sales to Iraq");
});

test("the dialog lists what must be fixed and will not export until it is", async ({ copydesk }) => {
  await copydesk.typeInBody("A story without a headline.");
  const exportDialog = new ExportDialog(copydesk);
  await exportDialog.open();
  await expect(exportDialog.errors()).toHaveText(["The article has no headline."]);
  await expect(exportDialog.dialog.getByRole("button", { name: /^Export/ })).toBeDisabled();
  await copydesk.page.keyboard.press("Escape");
  await expect(exportDialog.dialog).toBeHidden();
});

test("Export Again repeats the last formats and folder without asking for them, and asks before writing over the files there", async ({ copydesk, workDir }) => {
  await copydesk.open(seedPath);
  await expect(copydesk.field("headline")).toHaveText(headline);
  const exportDialog = new ExportDialog(copydesk);
  await exportDialog.open();
  await exportDialog.choose(["txt", "ninjs"]);
  await exportDialog.exportTo(workDir);
  const asked = (await copydesk.target.dialogLog()).filter((d) => d.kind === "folder").length;
  writeFileSync(join(workDir, `${slug}.txt`), "old");

  await copydesk.page.keyboard.press("ControlOrMeta+Shift+E");
  const question = new ExistingFilesQuestion(copydesk);
  await expect(question.dialog).toBeVisible({ timeout: exportTimeout });
  await expect(question.message()).toHaveText("Both files to export are already in the folder:");
  await expect(question.names()).toHaveText([`${slug}.txt`, `${slug}.ninjs.json`]);
  await copydesk.expectMessageFrom(() => question.answer("Replace"), /^Exported 2 files/);
  expect(readFileSync(join(workDir, `${slug}.txt`), "utf8")).toContain(headline);
  expect(exported(workDir)).toEqual([`${slug}.ninjs.json`, `${slug}.txt`]);
  expect((await copydesk.target.dialogLog()).filter((d) => d.kind === "folder").length).toBe(asked);
});

test("exporting over files already there asks first; Replace writes over them, and the status bar says how many in one line", async ({ copydesk, workDir }) => {
  await copydesk.open(seedPath);
  await expect(copydesk.field("headline")).toHaveText(headline);
  writeFileSync(join(workDir, `${slug}.md`), "old markdown");
  writeFileSync(join(workDir, `${slug}.txt`), "old text");
  const exportDialog = new ExportDialog(copydesk);
  await exportDialog.open();
  await exportDialog.choose(["html", "md", "txt"]);
  const question = await exportDialog.exportExpectingQuestion(workDir);
  await expect(question.message()).toHaveText("2 of the 3 files to export are already in the folder:");
  await expect(question.names()).toHaveText([`${slug}.md`, `${slug}.txt`]);
  // Nothing is written while the question is open, not even the file that was free.
  expect(exported(workDir)).toEqual([`${slug}.md`, `${slug}.txt`]);
  await question.answer("Replace");

  await expect(exportDialog.dialog).toBeHidden({ timeout: exportTimeout });
  const line = exportedLine(copydesk);
  await expect(line.message).toHaveText("Exported 3 files Show in folder");
  expect(exported(workDir)).toEqual(["html", "md", "txt"].map((ext) => `${slug}.${ext}`));
  expect(readFileSync(join(workDir, `${slug}.txt`), "utf8")).toContain(headline);
  expect(readFileSync(join(workDir, `${slug}.md`), "utf8")).toContain(headline);
});

test("Keep both writes the new files beside the old ones, each format under the same free number", async ({ copydesk, workDir }) => {
  await copydesk.open(seedPath);
  await expect(copydesk.field("headline")).toHaveText(headline);
  writeFileSync(join(workDir, `${slug}.txt`), "old text");
  writeFileSync(join(workDir, `${slug} (2).md`), "an older copy");
  const exportDialog = new ExportDialog(copydesk);
  await exportDialog.open();
  await exportDialog.choose(["md", "txt", "nitf"]);
  const question = await exportDialog.exportExpectingQuestion(workDir);
  await expect(question.names()).toHaveText([`${slug}.txt`]);
  await expect(question.message()).toHaveText("1 of the 3 files to export is already in the folder:");
  await question.answer("Keep both");

  await copydesk.expectMessage(/^Exported 3 files/);
  expect(exported(workDir)).toEqual(
    [`${slug} (2).md`, `${slug} (3).md`, `${slug} (3).nitf.xml`, `${slug} (3).txt`, `${slug}.txt`].sort(),
  );
  expect(readFileSync(join(workDir, `${slug}.txt`), "utf8")).toBe("old text");
  expect(readFileSync(join(workDir, `${slug} (2).md`), "utf8")).toBe("an older copy");
  expect(readFileSync(join(workDir, `${slug} (3).txt`), "utf8")).toContain(headline);
  expect(validateNitf([readFileSync(join(workDir, `${slug} (3).nitf.xml`), "utf8")])).toEqual([]);
});

test("Cancel writes nothing and goes back to the export dialog", async ({ copydesk, workDir }) => {
  await copydesk.open(seedPath);
  await expect(copydesk.field("headline")).toHaveText(headline);
  writeFileSync(join(workDir, `${slug}.html`), "old page");
  const exportDialog = new ExportDialog(copydesk);
  await exportDialog.open();
  await exportDialog.choose(["html", "txt"]);
  const question = await exportDialog.exportExpectingQuestion(workDir);
  await expect(question.message()).toHaveText("1 of the 2 files to export is already in the folder:");
  await question.answer("Cancel");

  await expect(exportDialog.dialog).toBeVisible();
  await expect(exportDialog.exportButton()).toBeEnabled();
  expect(exported(workDir)).toEqual([`${slug}.html`]);
  expect(readFileSync(join(workDir, `${slug}.html`), "utf8")).toBe("old page");
  await copydesk.page.keyboard.press("Escape");
  await expect(exportDialog.dialog).toBeHidden();
  await expect(copydesk.message()).not.toContainText("Exported");
  // Nothing was exported, so nothing is remembered: the next export asks for a folder again.
  const settings = await copydesk.page.evaluate(() => window.copydesk.invoke("settings:get", {}));
  expect(settings).toMatchObject({ ok: true, value: { exportFolder: null } });
});

test("Show in folder shows the first file exported in the system's file manager", async ({ copydesk, workDir }) => {
  await copydesk.open(seedPath);
  await expect(copydesk.field("headline")).toHaveText(headline);
  const exportDialog = new ExportDialog(copydesk);
  await exportDialog.open();
  await exportDialog.choose(["html", "txt"]);
  await exportDialog.exportTo(workDir);
  const line = exportedLine(copydesk);
  await expect(line.message).toHaveText("Exported 2 files Show in folder");
  await expect(line.message).not.toContainText(workDir);
  expect(await copydesk.target.shownInFolder()).toEqual([]);
  await line.showInFolder.click();
  await expect.poll(() => copydesk.target.shownInFolder()).toEqual([join(workDir, `${slug}.html`)]);
});

test("the formats are listed one a line, each with its extension", async ({ copydesk }) => {
  await copydesk.open(seedPath);
  await expect(copydesk.field("headline")).toHaveText(headline);
  const exportDialog = new ExportDialog(copydesk);
  await exportDialog.open();
  const rows = exportDialog.dialog.locator(".export-formats .export-format");
  await expect(rows).toHaveText(exportFormatDescriptions.map((f) => new RegExp(`${escape(f.label)}\\s*\\.${escape(f.extension)}$`)));
  const boxes = await Promise.all((await rows.all()).map((row) => row.boundingBox()));
  for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.y, `row ${i + 1} under row ${i}`).toBeGreaterThanOrEqual(boxes[i - 1]!.y + boxes[i - 1]!.height);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`a disabled Export button looks disabled, and axe finds nothing in the dialog or the question (${colorScheme})`, async ({ copydesk, workDir }, testInfo) => {
    const { page } = copydesk;
    await page.emulateMedia({ colorScheme });
    const look = (button: Locator) =>
      button.evaluate((b) => {
        const style = getComputedStyle(b);
        return { background: style.backgroundColor, color: style.color, cursor: style.cursor };
      });
    const exportDialog = new ExportDialog(copydesk);
    await copydesk.typeInBody("A story about the harbour.");
    await exportDialog.open();
    await expect(exportDialog.exportButton()).toBeDisabled();
    const disabled = await look(exportDialog.exportButton());
    await exportDialog.dialog.screenshot({ path: testInfo.outputPath(`export-disabled-${colorScheme}.png`) });
    const cancel = await look(exportDialog.dialog.getByRole("button", { name: "Cancel" }));
    await page.keyboard.press("Escape");
    await expect(exportDialog.dialog).toBeHidden();

    await copydesk.setHeadline("Harbour stays open");
    await exportDialog.open();
    await expect(exportDialog.exportButton()).toBeEnabled();
    const enabled = await look(exportDialog.exportButton());
    expect(disabled.cursor).toBe("not-allowed");
    expect(disabled.background).not.toBe(enabled.background);
    expect(disabled.color).not.toBe(enabled.color);
    // Not the accent, and not a plain button that could be taken for one that works.
    expect(disabled.background).not.toBe(cancel.background);
    const violations = async (selector: string) =>
      (await new AxeBuilder({ page }).include(selector).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(await violations(".export-dialog")).toEqual([]);

    writeFileSync(join(workDir, "Harbour stays open.html"), "old page");
    writeFileSync(join(workDir, "Harbour stays open.nitf.xml"), "old NITF");
    await exportDialog.choose(["html", "txt", "nitf", "ninjs"]);
    const question = await exportDialog.exportExpectingQuestion(workDir);
    expect(await violations(".export-existing")).toEqual([]);
    // The README's picture is the light one (docs/images/export-replace.png).
    await question.dialog.screenshot({ path: testInfo.outputPath(`export-replace-${colorScheme}.png`) });
    await question.answer("Cancel");
  });
}
