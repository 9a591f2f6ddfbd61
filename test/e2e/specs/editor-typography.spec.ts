import { expect, test } from "../support/fixtures";

// Smart quotes by the article's language, dashes and ellipses, undo of a replacement (Backspace or
// Mod-Z right after it), and the setting.

test("English quotes, apostrophes, dashes and ellipses while typing", async ({ copydesk }) => {
  await copydesk.typeInBody(`"We'll not be sending forces," he said -- twice...`);
  await expect(copydesk.bodyBlocks()).toHaveText(["“We’ll not be sending forces,” he said — twice…"]);
});

test("French guillemets with narrow no-break spaces once the language is French", async ({ copydesk }) => {
  await copydesk.setMeta({ language: "fr" });
  await copydesk.typeInBody(`Il a dit "non" à l'armée`);
  await expect(copydesk.bodyBlocks()).toHaveText(["Il a dit «\u202fnon\u202f» à l’armée"]);
  await expect(copydesk.page.locator(".article-editor")).toHaveAttribute("lang", "fr");
  // Spelling is the checks' own (the same in every runtime): Chromium's spellchecker is off.
  await expect(copydesk.page.locator(".article-editor")).toHaveAttribute("spellcheck", "false");
});

test("Arabic guillemets in an Arabic article, typed right to left", async ({ copydesk }) => {
  await copydesk.setMeta({ language: "ar" });
  await expect(copydesk.page.locator(".article-editor")).toHaveAttribute("dir", "rtl");
  await copydesk.typeInBody(`قال "لن نرسل قوات" -- ثم غادر...`);
  await expect(copydesk.bodyBlocks()).toHaveText(["قال «لن نرسل قوات» — ثم غادر…"]);
});

test("Backspace right after a replacement restores what was typed; the setting turns it off", async ({ copydesk }) => {
  const { page } = copydesk;
  await copydesk.typeInBody("a--");
  await expect(copydesk.bodyBlocks()).toHaveText(["a—"]);
  await page.keyboard.press("Backspace");
  await expect(copydesk.bodyBlocks()).toHaveText(["a--"]);
  await page.keyboard.type(` "`);
  await expect(copydesk.bodyBlocks()).toHaveText(["a-- “"]);
  await copydesk.undo();
  await expect(copydesk.bodyBlocks()).toHaveText([`a-- "`]);
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Backspace");
  await copydesk.setSmartQuotes(false);
  await copydesk.typeInBody(` "b" ...`);
  await expect(copydesk.bodyBlocks()).toHaveText([`a-- "b" ...`]);
});
