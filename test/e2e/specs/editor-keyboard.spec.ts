import { expect, test } from "../support/fixtures";

// Keyboard-only use: from the toolbar into the article and out to the metadata panel, and back.

test("the toolbar, the article and the metadata panel are reached with the keyboard alone", async ({ copydesk }) => {
  const { page } = copydesk;
  await page.keyboard.type("World");
  await expect(copydesk.field("kicker")).toHaveText("World");
  // The toolbar ends with Metadata, then Checks.
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByRole("toolbar").getByRole("button", { name: "Checks" })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByRole("toolbar").getByRole("button", { name: "Metadata" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("complementary", { name: "Metadata" })).toBeHidden();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("complementary", { name: "Metadata" }).getByLabel("Slug")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Use suggested slug" })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Keywords")).toBeFocused();
  await page.keyboard.type("WEATHER");
  await page.keyboard.press("Tab");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("Status")).toHaveValue("filed");
  expect((await copydesk.documentJson()).meta).toMatchObject({ tags: ["WEATHER"], status: "filed" });
  await page.keyboard.press("ControlOrMeta+Alt+M");
  await expect(page.getByRole("complementary", { name: "Metadata" })).toBeHidden();
});

test("Mod-Alt-R and Mod-Alt-D open their dialogs, Escape closes them and the editor has the focus again", async ({ copydesk }) => {
  const { page } = copydesk;
  await copydesk.setHeadline("Storm");
  await page.keyboard.press("ControlOrMeta+Alt+R");
  await expect(copydesk.dialog("Add related link").getByLabel("Address")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(copydesk.dialog("Add related link")).toHaveCount(0);
  await page.keyboard.press("ControlOrMeta+Alt+D");
  const dateline = copydesk.dialog("Dateline date and source");
  await expect(dateline.getByLabel("Date", { exact: true })).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  // Tab walks the date's parts (month, day, year, as the browser shows them), then on to the agency.
  for (let i = 0; i < 4 && (await page.evaluate(() => document.activeElement?.id)) !== "field-source"; i++) await page.keyboard.press("Tab");
  await expect(dateline.getByLabel("Source agency (optional)")).toBeFocused();
  await page.keyboard.type("AFP");
  await page.keyboard.press("Enter");
  await expect(page.locator(".dateline-text")).toContainText("(AFP) —");
  await page.keyboard.type(" warning");
  await expect(copydesk.field("headline")).toHaveText("Storm warning");
});
