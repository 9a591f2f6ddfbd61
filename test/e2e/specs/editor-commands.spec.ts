import { expect, test } from "../support/fixtures";

// One command, whichever way it is given: the toolbar, the keys and the menu run the same Undo
// and open the same find bar.

test("Undo right after a smart quote gives back the straight quote, from the toolbar, the menu and Mod-Z alike", async ({ copydesk }) => {
  const { page } = copydesk;
  await copydesk.typeInBody(`a "`);
  await expect(copydesk.bodyBlocks()).toHaveText(["a “"]);
  await copydesk.toolbarButton("Undo").click();
  await expect(copydesk.bodyBlocks()).toHaveText([`a "`]);

  await page.keyboard.type(` "`);
  await expect(copydesk.bodyBlocks()).toHaveText([`a " “`]);
  await copydesk.chooseFromMenu("undo");
  await expect(copydesk.bodyBlocks()).toHaveText([`a " "`]);

  await page.keyboard.type(` "`);
  await expect(copydesk.bodyBlocks()).toHaveText([`a " " “`]);
  await copydesk.undo();
  await expect(copydesk.bodyBlocks()).toHaveText([`a " " "`]);
});

test("toolbar Find…, Mod-F and the menu's Find open the same bar; Find and Replace adds the replace row", async ({ copydesk }) => {
  const { page } = copydesk;
  await copydesk.typeInBody("Storm warning for the storm coast");
  const bar = copydesk.findBar();
  const findBox = bar.getByLabel("Find", { exact: true });
  const replaceBox = bar.getByLabel("Replace with");

  const opensFind = async (how: string, open: () => Promise<void>) => {
    await open();
    await expect(bar, how).toBeVisible();
    await expect(findBox, how).toBeFocused();
    await expect(replaceBox, how).toBeHidden();
    await page.keyboard.press("Escape");
    await expect(bar, how).toBeHidden();
  };
  await opensFind("toolbar", () => copydesk.toolbarButton("Find…").click());
  await opensFind("Mod-F", () => page.keyboard.press("ControlOrMeta+F"));
  await opensFind("menu", () => copydesk.chooseFromMenu("find"));

  await copydesk.chooseFromMenu("replace");
  await expect(replaceBox).toBeVisible();
  await findBox.fill("storm");
  await expect(page.locator(".find-match")).toHaveCount(2);
  await findBox.press("Enter");
  await expect(page.locator(".find-match.current")).toHaveText("Storm");
  await page.keyboard.press("F3");
  await expect(page.locator(".find-match.current")).toHaveText("storm");
});
