import type { Page } from "@playwright/test";
import { avifImage } from "../../support/avif-image";
import { expect, test } from "../support/fixtures";

// The article's rules, each written once (shared/asset-policy.ts, shared/word-count.ts), as the
// journalist meets them: AVIF pictures are taken on paste and drop like any other image the file
// format allows, and the status bar counts every field a reader reads, not only the story.

/// Pastes clipboard content into the focused field: HTML, or an image file.
async function paste(page: Page, content: { html?: string; file?: { base64: string; name: string; type: string } }): Promise<void> {
  await page.evaluate(({ html, file }) => {
    const data = new DataTransfer();
    if (html) data.setData("text/html", html);
    if (file) data.items.add(new File([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], file.name, { type: file.type }));
    document.activeElement!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, content);
}

const avif = avifImage();

test("an AVIF picture pasted from a web page becomes a figure, its image kept in the article", async ({ copydesk }) => {
  await copydesk.typeInBody("");
  await paste(copydesk.page, { html: `<figure><img src="data:image/avif;base64,${avif.base64}" alt="Harbour at dawn"><figcaption>The port</figcaption></figure>` });
  const figure = copydesk.page.locator(".article-editor figure");
  await expect(figure.locator("img")).toHaveAttribute("src", `data:image/avif;base64,${avif.base64}`);
  await expect(figure.locator("img")).toHaveAttribute("alt", "Harbour at dawn");
  await expect(figure.locator("figcaption")).toHaveText("The port");
  const article = await copydesk.documentJson();
  expect(article.assets).toEqual({ [avif.hash]: { type: "image/avif", data: avif.base64 } });
  expect(JSON.stringify(article.doc)).toContain(`"src":"asset:${avif.hash}"`);
});

test("an AVIF file pasted into the story becomes a figure", async ({ copydesk }) => {
  await copydesk.typeInBody("Before the picture.");
  await paste(copydesk.page, { file: { base64: avif.base64, name: "photo.avif", type: "image/avif" } });
  await expect(copydesk.page.locator(".article-editor figure img")).toHaveAttribute("src", /^data:image\/avif;base64,/);
  const article = await copydesk.documentJson();
  expect(Object.keys(article.assets)).toEqual([avif.hash]);
  expect(JSON.stringify(article.doc)).toContain(`asset:${avif.hash}`);
});

test("an AVIF file dropped on the story becomes a figure", async ({ copydesk }) => {
  await copydesk.typeInBody("Before the picture.");
  const box = (await copydesk.bodyBlocks().first().boundingBox())!;
  await copydesk.page.evaluate(
    ({ base64, x, y }) => {
      const data = new DataTransfer();
      data.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], "photo.avif", { type: "image/avif" }));
      const target = document.querySelector(".article-editor .body p")!;
      target.dispatchEvent(new DragEvent("drop", { dataTransfer: data, clientX: x, clientY: y, bubbles: true, cancelable: true }));
    },
    { base64: avif.base64, x: box.x + box.width - 2, y: box.y + box.height / 2 },
  );
  await expect(copydesk.page.locator(".article-editor figure img")).toHaveAttribute("src", /^data:image\/avif;base64,/);
  const article = await copydesk.documentJson();
  expect(article.assets).toEqual({ [avif.hash]: { type: "image/avif", data: avif.base64 } });
});

test("a figure copied within the article pastes with its picture; a picture from another article is left out", async ({ copydesk }) => {
  await copydesk.typeInBody("Ferries stayed in port.");
  await paste(copydesk.page, { html: `<figure><img src="data:image/avif;base64,${avif.base64}" alt="Harbour at dawn"></figure>` });
  const images = copydesk.page.locator(".article-editor figure img");
  await expect(images).toHaveCount(1);
  await copydesk.bodyBlocks().first().click();
  await copydesk.page.keyboard.press("End");
  // What the editor puts on the clipboard when a figure is copied: its image by asset key.
  await paste(copydesk.page, { html: `<figure><img src="asset:${avif.hash}" alt="Harbour again"></figure><figure><img src="asset:${"0".repeat(64)}" alt="Elsewhere"></figure>` });
  await expect(images).toHaveCount(2);
  await expect(images.and(copydesk.page.getByAltText("Harbour again"))).toHaveAttribute("src", `data:image/avif;base64,${avif.base64}`);
  const article = await copydesk.documentJson();
  expect(Object.keys(article.assets)).toEqual([avif.hash]);
  expect(JSON.stringify(article.doc)).not.toContain("0".repeat(64));
});

test("the status bar counts the headline and every other field a reader reads, not only the story", async ({ copydesk }) => {
  const words = copydesk.page.locator(".count-words");
  await copydesk.setHeadline("Storm closes the harbour");
  await expect(words).toHaveText("4 words");
  await copydesk.setKicker("Weather");
  await expect(words).toHaveText("5 words");
  await copydesk.typeInBody("Ferries stayed in port.");
  await expect(words).toHaveText("9 words");
});
