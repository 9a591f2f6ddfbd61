import { expect, test } from "../support/fixtures";

// Related links: add, edit, remove, reorder with Alt+Arrow and by dragging.

test("related links are added, edited, reordered by keyboard and drag, and removed", async ({ copydesk }) => {
  const { page } = copydesk;
  await copydesk.addRelatedLink("https://example.com/one", "One", "IRAQ");
  await copydesk.addRelatedLink("https://example.com/two", "Two");
  await copydesk.addRelatedLink("https://example.com/three", "Three");
  expect(await copydesk.relatedTitles()).toEqual(["One", "Two", "Three"]);

  // The last one added is selected: move it up twice with the keyboard.
  await page.keyboard.press("Alt+ArrowUp");
  await page.keyboard.press("Alt+ArrowUp");
  expect(await copydesk.relatedTitles()).toEqual(["Three", "One", "Two"]);

  // Enter edits the selected link.
  await page.keyboard.press("Enter");
  const dialog = copydesk.dialog("Edit related link");
  await dialog.getByLabel("Address").fill("ftp://example.com/x");
  await dialog.getByRole("button", { name: "Update" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Only http or https links are allowed, not ftp:.");
  await dialog.getByLabel("Address").fill("https://example.com/3");
  await dialog.getByLabel("Title").fill("Three, revised");
  await dialog.getByRole("button", { name: "Update" }).click();
  await expect(dialog).toBeHidden();
  expect(await copydesk.relatedTitles()).toEqual(["Three, revised", "One", "Two"]);

  const items = page.locator(".article-editor .related-link");
  await items.nth(2).dragTo(items.nth(0));
  expect(await copydesk.relatedTitles()).toEqual(["Two", "Three, revised", "One"]);

  await page.getByRole("button", { name: "Remove related link One" }).click();
  expect(await copydesk.relatedTitles()).toEqual(["Two", "Three, revised"]);
  await copydesk.undo();
  expect(await copydesk.relatedTitles()).toEqual(["Two", "Three, revised", "One"]);
  const saved = (await copydesk.documentJson()).doc.content as { type: string; content?: { attrs: unknown }[] }[];
  expect(saved.find((f) => f.type === "related")!.content!.map((l) => l.attrs)).toEqual([
    { href: "https://example.com/two", title: "Two", label: null },
    { href: "https://example.com/3", title: "Three, revised", label: null },
    { href: "https://example.com/one", title: "One", label: "IRAQ" },
  ]);
});
