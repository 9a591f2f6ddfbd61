import { expect, test } from "../support/fixtures";

// Find and replace: options, highlights, next, replace all as one undo step.

test("replace all is one undo step, with whole-word and case options", async ({ copydesk }) => {
  const { page } = copydesk;
  await copydesk.setHeadline("iraq speeds up");
  await copydesk.typeInBody("iraq and Iraqi forces in iraq.");
  await page.keyboard.press("ControlOrMeta+Alt+F");
  const bar = page.getByRole("search", { name: "Find and replace" });
  await bar.getByLabel("Find", { exact: true }).fill("iraq");
  await expect(page.locator(".find-match")).toHaveCount(4);
  await bar.getByLabel("Whole word").check();
  await bar.getByLabel("Match case").check();
  await expect(page.locator(".find-match")).toHaveCount(3);
  await expect(bar.getByRole("status")).toHaveText(/of 3/);
  await bar.getByLabel("Replace with").fill("Iraq");
  await bar.getByRole("button", { name: "Replace all" }).click();
  await expect(copydesk.field("headline")).toHaveText("Iraq speeds up");
  await expect(copydesk.bodyBlocks()).toHaveText(["Iraq and Iraqi forces in Iraq."]);
  await expect(page.locator(".find-match")).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(bar).toBeHidden();
  await copydesk.undo();
  await expect(copydesk.field("headline")).toHaveText("iraq speeds up");
  await expect(copydesk.bodyBlocks()).toHaveText(["iraq and Iraqi forces in iraq."]);
});

test("Mod-F finds with a regular expression and Enter moves to the next match", async ({ copydesk }) => {
  const { page } = copydesk;
  await copydesk.typeInBody("In 2013 and 2014 the price was 150,000.");
  await page.keyboard.press("ControlOrMeta+F");
  const find = page.getByRole("search").getByLabel("Find", { exact: true });
  await expect(find).toBeFocused();
  await page.getByRole("search").getByLabel("Regex").check();
  await find.fill("20\\d\\d");
  await expect(page.locator(".find-match")).toHaveCount(2);
  await find.press("Enter");
  await expect(page.locator(".find-match.current")).toHaveText("2013");
  await find.press("Enter");
  await expect(page.locator(".find-match.current")).toHaveText("2014");
  await find.fill("(");
  await expect(page.getByRole("search").getByRole("status")).toHaveText(/Not a valid regular expression/);
});
