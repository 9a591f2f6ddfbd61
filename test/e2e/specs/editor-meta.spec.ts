import { expect, test } from "../support/fixtures";

// The metadata panel: changes are undoable like text and mark the document changed; the
// article's language sets spelling, quotes and direction.

test("metadata edits are undone and redone with the text, and mark the document changed", async ({ copydesk }) => {
  const { page } = copydesk;
  await copydesk.setHeadline("Élection à Paris");
  await copydesk.useSuggestedSlug();
  const panel = page.getByRole("complementary", { name: "Metadata" });
  await expect(panel.getByLabel("Slug")).toHaveValue("election-a-paris");
  await copydesk.setMeta({ status: "ready", tags: ["POLITICS", "France"], wordTarget: 600, embargo: "2030-05-01T09:30" });
  const meta = (await copydesk.documentJson()).meta;
  expect(meta).toMatchObject({ slug: "election-a-paris", status: "ready", tags: ["POLITICS", "France"], wordTarget: 600 });
  expect(new Date(meta.embargo!).getTime()).toBe(new Date("2030-05-01T09:30").getTime());
  await expect(page).toHaveTitle(/^• /);
  await expect(page.locator(".count-target")).toContainText("of 600");

  // Each field committed is one step: status, then tags, embargo, word target as focus moved on.
  await copydesk.field("headline").click();
  await copydesk.undo();
  await expect(panel.getByLabel("Word target")).toHaveValue("");
  await copydesk.undo();
  await expect(panel.getByLabel("Embargo until")).toHaveValue("");
  await copydesk.undo();
  await expect(panel.getByLabel("Keywords")).toHaveValue("");
  await copydesk.undo();
  await expect(panel.getByLabel("Status")).toHaveValue("draft");
  await copydesk.redo();
  await expect(panel.getByLabel("Status")).toHaveValue("ready");
  // In the panel too, Mod-Z steps through the article's history.
  await panel.getByLabel("Status").focus();
  await copydesk.undo();
  await expect(panel.getByLabel("Status")).toHaveValue("draft");
});

test("an Arabic article is laid out right to left", async ({ copydesk }) => {
  await copydesk.setMeta({ language: "ar" });
  const editor = copydesk.page.locator(".article-editor");
  await expect(editor).toHaveAttribute("dir", "rtl");
  await expect(editor).toHaveAttribute("lang", "ar");
  await copydesk.setHeadline("الولايات المتحدة تسرّع بيع الأسلحة");
  const box = (await copydesk.field("headline").boundingBox())!;
  const text = await copydesk.field("headline").evaluate((h) => {
    const range = document.createRange();
    range.selectNodeContents(h);
    return range.getBoundingClientRect().right;
  });
  expect(Math.abs(text - (box.x + box.width))).toBeLessThan(4);
  // The suggested slug is the headline in Latin letters, not empty.
  await copydesk.useSuggestedSlug();
  await expect(copydesk.page.getByRole("complementary", { name: "Metadata" }).getByLabel("Slug")).toHaveValue("lwlyt-lmthd-tsrwaa-byaa-l-slh");
  await copydesk.setMeta({ language: "en" });
  await expect(editor).toHaveAttribute("dir", "ltr");
});

test("the status bar counts words, characters and reading time", async ({ copydesk }) => {
  await copydesk.typeInBody("Ferries stayed in port on Tuesday.");
  await expect(copydesk.page.locator(".count-words")).toHaveText("6 words");
  await expect(copydesk.page.locator(".count-characters")).toHaveText("34 characters");
  await expect(copydesk.page.locator(".count-reading")).toHaveText("1 min read");
  await copydesk.setHeadline("x".repeat(75));
  await expect(copydesk.page.locator(".article-editor [data-field=headline]")).toHaveAttribute("data-level", "warn");
});
