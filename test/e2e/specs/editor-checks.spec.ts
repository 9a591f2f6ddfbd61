import { join } from "node:path";
import { expect, readArticle, test } from "../support/fixtures";
import { ExportDialog } from "../support/export-dialog";

// House style and spelling as you type: underlines by level, the card (Mod-.) with its fixes,
// each fix one undo step, Ignore here kept in the file, the Checks panel and Fix all, and the
// pre-export check refusing error-level matches.

const sentence = "The minister said 5 people were hurt on January 7th, its a tragedy.";

test("typing a sentence shows the house style's marks; fixing them by keyboard takes one undo step each", async ({ copydesk }) => {
  await copydesk.setSmartQuotes(false);
  await copydesk.typeInBody(sentence);
  const marks = copydesk.checkMarks();
  await expect(marks).toHaveText(["5", "January 7th", "its"]);
  await expect(marks.nth(0)).toHaveAttribute("data-rule", "numbers-one-to-nine");
  await expect(marks.nth(0)).toHaveClass(/style-warning/);
  await expect(marks.nth(1)).toHaveAttribute("data-rule", "dates-month-abbreviation");
  await expect(marks.nth(2)).toHaveAttribute("data-rule", "usage-its-its");
  await expect(marks.nth(2)).toHaveClass(/style-error/);

  await copydesk.openCheckCard();
  await expect(copydesk.checkCard()).toContainText("Spell out numbers under 10");
  await expect(copydesk.checkCard()).toContainText("numbers-one-to-nine");
  await expect(copydesk.checkCard().getByRole("button", { name: "five" })).toBeFocused();
  await copydesk.page.keyboard.press("Enter");
  await expect(copydesk.bodyBlocks()).toHaveText(["The minister said five people were hurt on January 7th, its a tragedy."]);
  await copydesk.fixNextCheck();
  await expect(copydesk.bodyBlocks()).toHaveText(["The minister said five people were hurt on Jan. 7, its a tragedy."]);
  await copydesk.fixNextCheck();
  await expect(copydesk.bodyBlocks()).toHaveText(["The minister said five people were hurt on Jan. 7, it's a tragedy."]);
  await expect(marks).toHaveCount(0);

  await copydesk.undo();
  await expect(copydesk.bodyBlocks()).toHaveText(["The minister said five people were hurt on Jan. 7, its a tragedy."]);
  await copydesk.undo();
  await expect(copydesk.bodyBlocks()).toHaveText(["The minister said five people were hurt on January 7th, its a tragedy."]);
  await copydesk.undo();
  await expect(copydesk.bodyBlocks()).toHaveText([sentence]);
  await expect(marks).toHaveText(["5", "January 7th", "its"]);
});

test("a French article gets the French guide: numbers in words, months in lower case, espaces fines", async ({ copydesk }) => {
  await copydesk.setMeta({ language: "fr" });
  await copydesk.setSmartQuotes(false);
  await copydesk.typeInBody("Le ministre a dit que 5 personnes ont été blessées le 7 Janvier; c'est un drame.");
  await expect(copydesk.checkMarks()).toHaveText(["5", "Janvier", ";", "'"]);
  await copydesk.fixNextCheck();
  await copydesk.fixNextCheck();
  await copydesk.fixNextCheck();
  await expect(copydesk.bodyBlocks()).toHaveText(["Le ministre a dit que cinq personnes ont été blessées le 7 janvier\u202f; c'est un drame."]);
});

test("Ignore here is saved with the article; Ignore rule turns a rule off for it", async ({ copydesk, workDir }) => {
  await copydesk.setSmartQuotes(false);
  await copydesk.typeInBody(sentence);
  await expect(copydesk.checkMarks()).toHaveCount(3);
  await copydesk.openCheckCard();
  await copydesk.checkCard().getByRole("button", { name: "Ignore here" }).click();
  await expect(copydesk.checkMarks()).toHaveText(["January 7th", "its"]);
  await copydesk.openCheckCard();
  await copydesk.checkCard().getByRole("button", { name: "Ignore rule" }).click();
  await expect(copydesk.checkMarks()).toHaveText(["its"]);
  const file = join(workDir, "ignored.article");
  await copydesk.saveAs(file);
  expect(readArticle(file).meta.checkIgnores).toEqual([
    { rule: "numbers-one-to-nine", text: "5", context: "The minister said " },
    { rule: "dates-month-abbreviation" },
  ]);
  await copydesk.undo();
  await expect(copydesk.checkMarks()).toHaveText(["January 7th", "its"]);
});

test("the Checks panel groups matches by rule with counts, jumps to each and fixes all of a rule in one undo step", async ({ copydesk }) => {
  await copydesk.typeInBody("Firemen saw 3 cars. Firemen saw 4 vans. Firemen left.");
  await copydesk.showChecks();
  const panel = copydesk.checksPanel();
  const group = panel.getByRole("region", { name: "numbers-one-to-nine: 2" });
  await expect(group).toBeVisible();
  await expect(panel.getByRole("region", { name: "words-inclusive: 3" })).toBeVisible();
  await group.getByRole("button", { name: "body ¶1: 4" }).click();
  await expect(copydesk.page.locator(".article-editor")).toBeFocused();
  expect(await copydesk.page.evaluate(() => getSelection()?.toString())).toBe("4");
  await panel.getByRole("button", { name: "Fix all: words-inclusive" }).click();
  await expect(copydesk.bodyBlocks()).toHaveText(["Firefighters saw 3 cars. Firefighters saw 4 vans. Firefighters left."]);
  await copydesk.undo();
  await expect(copydesk.bodyBlocks()).toHaveText(["Firemen saw 3 cars. Firemen saw 4 vans. Firemen left."]);
});

test("spelling: a misspelled word is underlined with the dictionary's suggestions; names of the headline are not", async ({ copydesk }) => {
  await copydesk.setHeadline("Nujaifi meets Maliki");
  await copydesk.typeInBody("Nujaifi said they would recieve aid.");
  const mark = copydesk.page.locator(".article-editor .style-spelling");
  await expect(mark).toHaveText(["recieve"]);
  await copydesk.openCheckCard();
  await expect(copydesk.checkCard()).toContainText("not in the English (US) dictionary");
  await copydesk.checkCard().getByRole("button", { name: "receive" }).click();
  await expect(copydesk.bodyBlocks()).toHaveText(["Nujaifi said they would receive aid."]);
  await expect(mark).toHaveCount(0);
});

test("the pre-export check lists error-level matches as errors", async ({ copydesk }) => {
  await copydesk.setHeadline("Minister resigns");
  await copydesk.typeInBody("Its not clear why.");
  const dialog = new ExportDialog(copydesk);
  await dialog.open();
  await expect(dialog.errors()).toContainText([/usage-its-its/]);
});

test("Mod-Shift-. fixes every match of the rule at the cursor in one undo step", async ({ copydesk }) => {
  await copydesk.setSmartQuotes(false);
  await copydesk.typeInBody("Only 3 boats and 4 ferries left; 7 stayed.");
  const marks = copydesk.checkMarks();
  await expect(marks).toHaveText(["3", "4", "7"]);
  await copydesk.page.keyboard.press("Home");
  await copydesk.page.keyboard.press("ControlOrMeta+Shift+Period");
  await expect(copydesk.bodyBlocks()).toHaveText(["Only three boats and four ferries left; seven stayed."]);
  await expect(marks).toHaveCount(0);
  await copydesk.undo();
  await expect(copydesk.bodyBlocks()).toHaveText(["Only 3 boats and 4 ferries left; 7 stayed."]);
});

test("Check as You Type off takes the underlines away and keeps the pre-export check; on brings them back", async ({ copydesk }) => {
  await copydesk.setSmartQuotes(false);
  await copydesk.typeInBody(sentence);
  const marks = copydesk.checkMarks();
  await expect(marks).toHaveCount(3);
  await copydesk.chooseFromMenu("check-as-you-type");
  await expect(copydesk.page.getByRole("status").filter({ hasText: "Check as you type off." })).toBeVisible();
  await expect(marks).toHaveCount(0);
  await copydesk.page.keyboard.type(" Then 9 boats left.");
  await expect(copydesk.bodyBlocks()).toHaveText([`${sentence} Then 9 boats left.`]);
  await expect(marks).toHaveCount(0);
  const dialog = new ExportDialog(copydesk);
  await dialog.open();
  await expect(dialog.errors()).toContainText([/usage-its-its/]);
  await copydesk.page.keyboard.press("Escape");
  await expect(copydesk.dialog("Export article")).toHaveCount(0);
  await copydesk.chooseFromMenu("check-as-you-type");
  await expect(marks).toHaveText(["5", "January 7th", "its", "9"]);
});
