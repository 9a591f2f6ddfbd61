import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ArticleJSON } from "../../../shared/article";
import { assetKey } from "../../../shared/asset-policy";
import { maxDocDepth } from "../../../shared/doc-check";
import { pngBase64 } from "../../support/hostile-html";
import { expect, readArticle, test } from "../support/fixtures";

// Nothing pasted makes the article unsavable (issue 10, item 1): HTML holding a data: image whose
// bytes are a PNG and one whose bytes are not, then words typed after it, saved and opened again
// in a new window. Every typed and pasted word is on disk, the PNG is an embedded image of the
// article, the other was left out with a message in the window. A paste nested 1,000 levels deep
// keeps every word within the article's depth limit (Chromium's parser stops nesting at 512, the
// paste sanitizer keeps 32 levels of structure and makes deeper elements their text), and saves.

const notAnImage = Buffer.from("these bytes are not a picture at all").toString("base64");

/// Every word of the article's document, in order.
function wordsOf(article: ArticleJSON): string {
  const parts: string[] = [];
  const stack: unknown[] = [article.doc];
  while (stack.length > 0) {
    const node = stack.pop() as { text?: string; attrs?: { alt?: string }; content?: unknown[] };
    if (node.text) parts.push(node.text);
    if (node.attrs?.alt) parts.push(node.attrs.alt);
    for (let i = (node.content ?? []).length - 1; i >= 0; i--) stack.push(node.content![i]);
  }
  return parts.join(" ");
}

/// The `src` of every image in the article's document.
function imageSources(article: ArticleJSON): string[] {
  return [...JSON.stringify(article.doc).matchAll(/"type":"image","attrs":\{"src":"([^"]*)"/g)].map((m) => m[1]);
}

test("a pasted PNG is embedded and a pasted non-image left out with a message; every word typed after it is saved and opens again", async ({ copydesk, launch, workDir }) => {
  const { page } = copydesk;
  await copydesk.setHeadline("Harbour reopens");
  await copydesk.typeInBody("");
  await copydesk.pasteHtml(
    `<p>Pasted before the pictures.</p>
     <figure><img src="data:image/png;base64,${pngBase64}" alt="The quay at dawn"><figcaption>Real caption words</figcaption></figure>
     <p>Pasted between them.</p>
     <figure><img src="data:image/png;base64,${notAnImage}" alt="Not a picture"><figcaption>Fake caption words</figcaption></figure>
     <p>Pasted after the pictures.</p>`,
    "Pasted before the pictures. Pasted between them. Pasted after the pictures.",
  );
  await copydesk.expectMessage(/A pasted image was left out: it is not a PNG, JPEG, GIF, WebP or AVIF image/);
  await expect(copydesk.bodyBlocks().last()).toHaveText("Pasted after the pictures.");
  await copydesk.typeInBody(" Typed straight after the paste.");
  await page.keyboard.press("Enter");
  await page.keyboard.type("A paragraph typed last.");

  const path = join(workDir, "harbour.article");
  await copydesk.save(path);

  const key = assetKey(pngBase64);
  const typedAndPasted = [
    "Harbour reopens",
    "Pasted before the pictures.",
    "The quay at dawn",
    "Real caption words",
    "Pasted between them.",
    // The left-out image goes with its alt text; the figure's caption stays.
    "Fake caption words",
    "Pasted after the pictures. Typed straight after the paste.",
    "A paragraph typed last.",
  ];
  const onDisk = readArticle(path);
  for (const words of typedAndPasted) expect(wordsOf(onDisk)).toContain(words);
  expect(Object.keys(onDisk.assets)).toEqual([key]);
  expect(onDisk.assets[key]).toEqual({ type: "image/png", data: pngBase64 });
  expect(imageSources(onDisk).filter(Boolean)).toEqual([`asset:${key}`]);
  expect(readFileSync(path, "utf8")).not.toContain(notAnImage);

  const reopened = await launch();
  await reopened.open(path);
  await reopened.expectMessage(/Opened harbour\.article/);
  const inEditor = await reopened.documentJson();
  for (const words of typedAndPasted) expect(wordsOf(inEditor)).toContain(words);
  expect(Object.keys(inEditor.assets)).toEqual([key]);
  await expect(reopened.page.locator(`.article-editor .body figure img[src^="data:image/png;base64,"]`)).toHaveCount(1);
});

/// How deeply the document's nodes nest, counting the document itself (as the file check does).
function depthOf(article: ArticleJSON): number {
  let deepest = 0;
  const stack: { node: { content?: unknown[] }; depth: number }[] = [{ node: article.doc, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of node.content ?? []) stack.push({ node: child as { content?: unknown[] }, depth: depth + 1 });
  }
  return deepest;
}

test("a paste nested 1,000 levels deep keeps its words within the article's depth limit, and the article still saves", async ({ copydesk, launch, workDir }) => {
  await copydesk.setHeadline("Deep paste");
  await copydesk.typeInBody("");
  const deep = `${"<ul><li>".repeat(500)}${"<blockquote>".repeat(500)}<p>Deepest pasted words</p>${"</blockquote>".repeat(500)}${"</li></ul>".repeat(500)}`;
  await copydesk.pasteHtml(`<p>Shallow pasted words</p>${deep}<p>Last pasted words</p>`, "Shallow pasted words Deepest pasted words Last pasted words");
  await expect(copydesk.bodyBlocks().last()).toHaveText("Last pasted words");
  await copydesk.typeInBody(" and words typed after.");

  const path = join(workDir, "deep.article");
  await copydesk.save(path);
  const onDisk = readArticle(path);
  expect(depthOf(onDisk)).toBeLessThan(maxDocDepth);
  const words = ["Deep paste", "Shallow pasted words", "Deepest pasted words", "Last pasted words and words typed after."];
  for (const phrase of words) expect(wordsOf(onDisk)).toContain(phrase);

  const reopened = await launch();
  await reopened.open(path);
  await reopened.expectMessage(/Opened deep\.article/);
  for (const phrase of words) expect(wordsOf(await reopened.documentJson())).toContain(phrase);
});
