import AxeBuilder from "@axe-core/playwright";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serializeArticle } from "../../../shared/article-file";
import { article } from "../../unit/services/helpers";
import { expect, test } from "../support/fixtures";

// Compare, in the newsroom's words: the desk compares its edit with the reporter's original file
// (File > Compare with File…) and sees the inserted and deleted words as a redline that follows
// further edits; a file that is not an article is refused and nothing changes. When a colleague
// changes the file on disk, Show Changes compares the two versions and leaves the question open.

test("the desk compares its edit with the reporter's original file: inserted and deleted words, the original untouched", async ({ copydesk, workDir }, testInfo) => {
  const original = join(workDir, "reporter.article");
  await copydesk.setHeadline("Arms talks in Iraq");
  await copydesk.typeInBody("Officials met on Monday.");
  await copydesk.save(original);
  const filed = readFileSync(original);

  await copydesk.saveAs(join(workDir, "desk.article"));
  await copydesk.focusField("headline");
  for (let i = 0; i < "Iraq".length; i++) await copydesk.page.keyboard.press("Backspace");
  await copydesk.page.keyboard.type("Baghdad");
  await copydesk.typeInBody(" Deliveries start in March.");

  const redline = await copydesk.compareWith(original);
  await expect(redline.locator("ins")).toHaveText(["Baghdad", " Deliveries start in March."]);
  await expect(redline.locator("del")).toHaveText(["Iraq"]);
  await expect(copydesk.comparePanel()).toContainText("Struck through: only in reporter.article.");
  await copydesk.expectMessage("Comparing with reporter.article");
  await copydesk.page.screenshot({ path: testInfo.outputPath("compare-with-file.png") });

  // The redline follows the article as the desk goes on editing.
  await copydesk.addParagraph("Talks resume on Friday.");
  await expect(redline.locator("ins")).toHaveText(["Baghdad", " Deliveries start in March.", "Talks resume on Friday."]);

  // Nothing of the other file came into the article, and the file is as the reporter filed it.
  await copydesk.expectTitle("• desk.article — Copydesk");
  expect(JSON.stringify((await copydesk.documentJson()).doc)).toContain("Arms talks in Baghdad");
  expect(readFileSync(original)).toEqual(filed);

  await copydesk.comparePanel().getByRole("button", { name: "Close" }).click();
  await expect(copydesk.comparePanel()).toBeHidden();
});

test("comparing with a file that is not an article says so, and the article is unchanged", async ({ copydesk, workDir }) => {
  await copydesk.setHeadline("Harbour reopens");
  const before = await copydesk.documentJson();
  const notes = join(workDir, "notes.article");
  writeFileSync(notes, "Call the harbour master back before six.");
  await copydesk.target.answerDialogs({ kind: "open", path: notes });
  await copydesk.chooseFromMenu("compare-file");
  await copydesk.expectMessage("notes.article is not a valid Copydesk article. Nothing was compared, and your article is unchanged.");
  await expect(copydesk.comparePanel()).toBeHidden();
  expect(await copydesk.documentJson()).toEqual(before);
});

test("the file changes on disk: Show Changes compares the two versions, and the journalist still chooses", async ({ copydesk, workDir }, testInfo) => {
  const path = join(workDir, "harbour.article");
  const mine = article("Harbour reopens after the storm", "First paragraph.");
  writeFileSync(path, serializeArticle(mine));
  await copydesk.open(path);
  await copydesk.expectMessage(/Opened harbour\.article/);
  await copydesk.typeInBody(" Local words.");
  // A colleague's save of the same article: the same id and times, another headline.
  const theirs = serializeArticle({ ...article("Harbour stays shut after the storm", "First paragraph."), meta: mine.meta });
  writeFileSync(path, theirs);

  const redline = await copydesk.showDiskChanges();
  await expect(redline.locator("del")).toContainText(["stays", "shut"]);
  await expect(redline.locator("ins")).toContainText(["reopens", "Local words."]);
  await expect(copydesk.comparePanel()).toContainText("Struck through: only in the version on disk.");
  // The question is still open: nothing was loaded or kept yet.
  await expect(copydesk.diskChangeDialog()).toBeVisible();
  await expect(copydesk.field("headline")).toHaveText("Harbour reopens after the storm");
  await copydesk.page.screenshot({ path: testInfo.outputPath("show-changes.png") });

  await copydesk.diskChangeDialog().getByRole("button", { name: "Keep My Version" }).click();
  await copydesk.expectMessage(/Your version is kept/);
  await expect(copydesk.comparePanel()).toBeHidden();
  await expect(copydesk.bodyBlocks().last()).toHaveText("First paragraph. Local words.");
  expect(readFileSync(path, "utf8")).toBe(theirs);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe finds no violations in the Compare panel's redline (${colorScheme})`, async ({ copydesk, workDir }) => {
    await copydesk.page.emulateMedia({ colorScheme });
    const original = join(workDir, "reporter.article");
    await copydesk.setHeadline("Arms talks in Iraq");
    await copydesk.save(original);
    await copydesk.focusField("headline");
    for (let i = 0; i < "Iraq".length; i++) await copydesk.page.keyboard.press("Backspace");
    await copydesk.page.keyboard.type("Baghdad");
    const redline = await copydesk.compareWith(original);
    await expect(redline.locator("del")).toHaveText(["Iraq"]);
    const results = await new AxeBuilder({ page: copydesk.page }).include("#compare-panel").analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}
