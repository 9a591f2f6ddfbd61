import type { Page } from "@playwright/test";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { leadImage } from "../../support/seed-article";
import { expect, readArticle, test } from "../support/fixtures";

// Figures: images pasted as data: URLs are stored in the article's assets, images from https
// addresses are kept as addresses, and the alt text is edited in place.

async function pasteHTML(page: Page, html: string): Promise<void> {
  await page.evaluate((html) => {
    const data = new DataTransfer();
    data.setData("text/html", html);
    document.activeElement!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

test("a pasted embedded image becomes a figure whose image is saved in the article's assets", async ({ copydesk, workDir }) => {
  const image = leadImage();
  await copydesk.typeInBody("");
  await pasteHTML(copydesk.page, `<figure><img src="data:image/png;base64,${image.base64}" alt="Harbour at dawn"><figcaption>The port</figcaption></figure>`);
  const figure = copydesk.page.locator(".article-editor figure");
  await expect(figure.locator("img")).toHaveAttribute("alt", "Harbour at dawn");
  await expect(figure.locator("figcaption")).toHaveText("The port");
  const path = join(workDir, "figure.article");
  await copydesk.saveAs(path);
  const saved = readArticle(path);
  expect(Object.keys(saved.assets)).toEqual([image.hash]);
  expect(JSON.stringify(saved.doc)).toContain(`"src":"asset:${image.hash}"`);
});

test("a figure from an https address, then its alt text changed with Mod-Alt-G from its caption", async ({ copydesk }) => {
  const { page } = copydesk;
  await copydesk.addFigure({ url: "https://images.example.com/harbour.jpg", alt: "Harbour", caption: "Ferries in port", credit: "© AFP" });
  await expect(page.locator(".article-editor figure img")).toHaveAttribute("src", "https://images.example.com/harbour.jpg");
  await page.locator(".article-editor figcaption").click();
  await page.keyboard.press("ControlOrMeta+Alt+G");
  const dialog = copydesk.dialog("Edit image");
  await dialog.getByLabel("…or image address").fill("http://images.example.com/x.jpg");
  await dialog.getByRole("button", { name: "Update image" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Image addresses must start with https://.");
  await dialog.getByLabel("…or image address").fill("https://images.example.com/harbour.jpg");
  await dialog.getByLabel("Alt text (what the image shows)").fill("Ferries moored in Lisbon harbour");
  await dialog.getByRole("button", { name: "Update image" }).click();
  await expect(page.locator(".article-editor figure img")).toHaveAttribute("alt", "Ferries moored in Lisbon harbour");
  await expect(page.locator(".article-editor .credit")).toHaveText("© AFP");
});

test("an image file dropped on the story becomes a figure with its image in the assets", async ({ copydesk }) => {
  const image = leadImage();
  await copydesk.typeInBody("Before the picture.");
  const paragraph = copydesk.bodyBlocks().first();
  const box = (await paragraph.boundingBox())!;
  await copydesk.page.evaluate(
    ({ base64, x, y }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], "photo.png", { type: "image/png" }));
      const target = document.querySelector(".article-editor .body p")!;
      target.dispatchEvent(new DragEvent("drop", { dataTransfer: data, clientX: x, clientY: y, bubbles: true, cancelable: true }));
    },
    { base64: image.base64, x: box.x + box.width - 2, y: box.y + box.height / 2 },
  );
  await expect(copydesk.page.locator(".article-editor figure img")).toHaveAttribute("src", /^data:image\/png;base64,/);
  const article = await copydesk.documentJson();
  expect(Object.keys(article.assets)).toEqual([image.hash]);
  expect(JSON.stringify(article.doc)).toContain(`asset:${image.hash}`);
});

test("an image file is chosen through the main process, which refuses a file that is not an image", async ({ copydesk, workDir }) => {
  const fake = join(workDir, "photo.png");
  writeFileSync(fake, "<svg onload=alert(1)>");
  await copydesk.newBodyBlock();
  await copydesk.toolbarButton("Figure…").click();
  const dialog = copydesk.dialog("Insert figure");
  await copydesk.target.answerDialogs({ kind: "open", path: fake });
  await dialog.getByRole("button", { name: "Choose image…" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("photo.png is not a PNG, JPEG, GIF, WebP or AVIF image.");

  const real = join(workDir, "harbour.png");
  writeFileSync(real, leadImage().bytes);
  await copydesk.target.answerDialogs({ kind: "open", path: real });
  await dialog.getByRole("button", { name: "Choose image…" }).click();
  await expect(dialog.locator(".form-chosen")).toHaveText("harbour.png");
  await dialog.getByLabel("Alt text (what the image shows)").fill("Boats in the harbour");
  await dialog.getByRole("button", { name: "Insert figure" }).click();
  await expect(dialog).toBeHidden();

  const article = await copydesk.documentJson();
  expect(Object.values(article.assets)).toEqual([{ type: "image/png", data: leadImage().base64 }]);
  expect((await copydesk.target.dialogLog()).filter((d) => d.kind === "open").map((d) => d.message)).toEqual(["Choose image", "Choose image"]);
});
