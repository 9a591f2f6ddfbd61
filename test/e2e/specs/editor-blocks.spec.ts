import { expect, test } from "../support/fixtures";

// Body blocks from the toolbar, the keyboard and Markdown-style shortcuts.

test("Markdown shortcuts start subheadings, quotes and lists; Enter on an empty item ends the list", async ({ copydesk }) => {
  const { page } = copydesk;
  await copydesk.typeInBody("## Crosshead");
  await page.keyboard.press("Enter");
  await page.keyboard.type("- first");
  await page.keyboard.press("Enter");
  await page.keyboard.type("second");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.keyboard.type("1. one");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.keyboard.type("> Quoted");
  const body = page.locator(".article-editor .body");
  await expect(body.locator("> h2")).toHaveText("Crosshead");
  await expect(body.locator("> ul > li")).toHaveText(["first", "second"]);
  await expect(body.locator("> ol > li")).toHaveText(["one"]);
  await expect(body.locator("> blockquote")).toHaveText("Quoted");
});

test("toolbar buttons and shortcuts make blocks and marks, and show what the selection is", async ({ copydesk }) => {
  const { page } = copydesk;
  await copydesk.typeInBody("A line");
  await copydesk.toolbarButton("Subheading").click();
  await expect(page.locator(".article-editor .body > h2")).toHaveText("A line");
  await expect(copydesk.toolbarButton("Subheading")).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("ControlOrMeta+Alt+0");
  await expect(page.locator(".article-editor .body > p")).toHaveText("A line");

  await page.keyboard.press("Shift+Home");
  await page.keyboard.press("ControlOrMeta+B");
  await expect(page.locator(".article-editor .body strong")).toHaveText("A line");
  await expect(copydesk.toolbarButton("Bold")).toHaveAttribute("aria-pressed", "true");
  await copydesk.toolbarButton("Italic").click();
  await expect(page.locator(".article-editor .body em")).toHaveText("A line");

  await page.keyboard.press("End");
  await copydesk.toolbarButton("Bullet list").click();
  await expect(page.locator(".article-editor .body > ul > li")).toHaveText("A line");
  await copydesk.toolbarButton("Numbered list").click();
  await expect(page.locator(".article-editor .body > ol > li")).toHaveText("A line");
  await copydesk.toolbarButton("Numbered list").click();
  await expect(page.locator(".article-editor .body > p")).toHaveText("A line");

  await copydesk.toolbarButton("Block quote").click();
  await copydesk.toolbarButton("Attribution").click();
  await page.keyboard.type("A spokesman");
  await expect(page.locator(".article-editor blockquote footer")).toHaveText("A spokesman");
  await page.keyboard.press("Enter");
  await page.keyboard.type("After the quote");
  await expect(copydesk.bodyBlocks().last()).toHaveText("After the quote");
});

test("a pull quote takes an attribution and cycles through its roles", async ({ copydesk }) => {
  const { page } = copydesk;
  await copydesk.addPullquote("We'll not be sending forces", "Colonel Steven Warren");
  const quote = page.locator(".article-editor aside.pullquote");
  await expect(quote.locator(".pullquote-text")).toHaveText("We’ll not be sending forces");
  await expect(quote.locator("footer")).toHaveText("Colonel Steven Warren");
  await expect(quote).toHaveAttribute("data-role", "supporting");
  await copydesk.toolbarButton("Pull quote").click();
  await expect(quote).toHaveAttribute("data-role", "inline");
  await page.keyboard.press("ControlOrMeta+Alt+P");
  await expect(quote).toHaveAttribute("data-role", "showcase");
});
