import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import mammoth from "mammoth";
import { exportFormats } from "../../../shared/ipc";
import { buildSeedArticle } from "../../support/seed-article";
import { validateNinjs, validateNitf } from "../../unit/export/standards";
import { ExportDialog } from "../support/export-dialog";
import { expect, test } from "../support/fixtures";

// An editor exports the reference article to every format through File > Export.

const seedPath = join(__dirname, "..", "..", "fixtures", "seed.article");
const seed = buildSeedArticle();
const headline = "US speeds up arms sales to Iraq amid jihadist resurgence";
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

test("Export Again repeats the last formats and folder without asking", async ({ copydesk, workDir }) => {
  await copydesk.open(seedPath);
  await expect(copydesk.field("headline")).toHaveText(headline);
  const exportDialog = new ExportDialog(copydesk);
  await exportDialog.open();
  await exportDialog.choose(["txt", "ninjs"]);
  await exportDialog.exportTo(workDir);
  const asked = (await copydesk.target.dialogLog()).filter((d) => d.kind === "folder").length;

  await copydesk.page.keyboard.press("ControlOrMeta+Shift+E");
  await copydesk.expectMessage(/^Exported 2 files/);
  expect((await copydesk.target.dialogLog()).filter((d) => d.kind === "folder").length).toBe(asked);
});
