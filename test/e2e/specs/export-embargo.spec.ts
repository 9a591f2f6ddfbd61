import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import mammoth from "mammoth";
import { serializeArticle } from "../../../shared/article-file";
import { embargoLine } from "../../../shared/embargo";
import { buildSeedArticle } from "../../support/seed-article";
import { ExportDialog, exportTimeout } from "../support/export-dialog";
import { expect, test } from "../support/fixtures";

// Embargo visible everywhere a person reads (issue 14, item 4): the window shows the embargo in
// local time; text, Word and PDF open with the embargo line; "Mark as published" is refused
// before the embargo and, after it, gives the article what the files say.

const slug = "us-speeds-up-arms-sales-to-iraq-amid-jihadist-resurgence";
const embargo = "2030-01-01T09:00:00.000Z";

/// The reference article with an embargo, saved into the test's folder.
function articleFile(folder: string, meta: { embargo: string | null; status?: "ready"; version?: number }): string {
  const seed = buildSeedArticle();
  const path = join(folder, "embargoed.article");
  writeFileSync(path, serializeArticle({ ...seed, meta: { ...seed.meta, ...meta } }));
  return path;
}

test("an embargoed story: local time in the window, the embargo line first in text, Word and PDF, and no published export before it", async ({ copydesk, workDir }) => {
  await copydesk.open(articleFile(workDir, { embargo }));
  await expect(copydesk.statusChip()).toContainText("Embargoed until");
  await expect(copydesk.statusChip()).toContainText("2030");
  await expect(copydesk.statusChip()).not.toContainText("T09:00");

  const exportDialog = new ExportDialog(copydesk);
  await exportDialog.open();
  await exportDialog.choose(["txt", "docx", "pdf"]);
  await expect(exportDialog.warnings().filter({ hasText: "embargoed until" })).toHaveCount(1);
  await expect(exportDialog.warnings().filter({ hasText: "embargoed until" })).not.toContainText("2030-01-01T");

  const published = exportDialog.dialog.getByRole("checkbox", { name: /Mark as published/ });
  await published.check();
  await expect(exportDialog.errors()).toHaveText([/^The article is embargoed until .*cannot be exported as published before then/]);
  await expect(exportDialog.exportButton()).toBeDisabled();
  await published.uncheck();
  await expect(exportDialog.errors()).toHaveCount(0);
  await exportDialog.exportTo(workDir);

  // The host writes in this computer's time zone (the newsroom sets none here).
  const line = embargoLine(embargo, "en", null);
  const file = (extension: string) => join(workDir, `${slug}.${extension}`);
  expect(readFileSync(file("txt"), "utf8").split("\n")[0]).toBe(line);
  const docx = (await mammoth.extractRawText({ path: file("docx") })).value;
  expect(docx.trim().split("\n")[0]).toBe(line);
  const pdf = execFileSync("pdftotext", ["-layout", file("pdf"), "-"], { encoding: "utf8" });
  expect(pdf.trim().split("\n")[0].trim()).toBe(line);
  expect((await copydesk.documentJson()).meta.status).not.toBe("published");
});

test("Mark as published after the embargo: the files and the article say published, with the version counted, in one undo step", async ({ copydesk, workDir }) => {
  await copydesk.open(articleFile(workDir, { embargo: "2020-01-01T09:00:00.000Z", status: "ready" }));
  await expect(copydesk.statusChip()).toContainText("Ready");
  const exportDialog = new ExportDialog(copydesk);
  await exportDialog.open();
  await exportDialog.choose(["ninjs", "nitf"]);
  const published = exportDialog.dialog.getByRole("checkbox", { name: /Mark as published/ });
  await expect(published).toHaveAccessibleName(/version 1/);
  await published.check();
  await expect(exportDialog.errors()).toHaveCount(0);
  await exportDialog.exportTo(workDir);

  await expect(copydesk.statusChip()).toContainText("Published");
  const meta = (await copydesk.documentJson()).meta;
  expect(meta).toMatchObject({ status: "published", version: 1 });
  expect(meta.firstPublished).toBe(meta.published);
  const ninjs = JSON.parse(readFileSync(join(workDir, `${slug}.ninjs.json`), "utf8"));
  expect(ninjs).toMatchObject({ pubstatus: "usable", version: "1" });
  expect(readFileSync(join(workDir, `${slug}.nitf.xml`), "utf8")).toContain('management-status="usable"');

  // Published again: one more version, in the files and the article.
  await exportDialog.open();
  await expect(published).toHaveAccessibleName(/version 2/);
  await published.check();
  await copydesk.target.answerDialogs({ kind: "folder", path: join(workDir, "again") });
  await exportDialog.exportButton().click();
  await expect(exportDialog.dialog).toBeHidden({ timeout: exportTimeout });
  await expect.poll(async () => (await copydesk.documentJson()).meta.version).toBe(2);
  expect(JSON.parse(readFileSync(join(workDir, "again", `${slug}.ninjs.json`), "utf8")).version).toBe("2");

  // Each publication is one undo step.
  await copydesk.focusField("headline");
  await copydesk.undo();
  await expect.poll(async () => (await copydesk.documentJson()).meta.version).toBe(1);
  await copydesk.undo();
  await expect(copydesk.statusChip()).toContainText("Ready");
});
