import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";

// Hostile HTML pasted into the body and the headline: nothing of it reaches the document or the
// page, and no script runs. Friendly HTML is mapped onto the article's blocks.

const hostile = `<h1 onmouseover="window.__pwned = 'h1'">Big news</h1>
<script>window.__pwned = 'script'</script><style>body { display: none }</style>
<p style="color: red" onclick="window.__pwned = 'p'">Hello <a href="javascript:window.__pwned='link'">click me</a>
<a href="data:text/html,<script>parent.__pwned='data'</script>">data link</a></p>
<img src="x" onerror="window.__pwned = 'img'"><iframe src="javascript:parent.__pwned='iframe'"></iframe>
<form action="https://evil.example"><input name="q" value="steal"></form>`;

async function paste(page: Page, html: string, text = ""): Promise<void> {
  await page.evaluate(
    ([html, text]) => {
      const data = new DataTransfer();
      if (html) data.setData("text/html", html);
      data.setData("text/plain", text);
      document.activeElement!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    },
    [html, text],
  );
}

/// Waits until the page has drawn two frames since the paste, running every task the paste queued.
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve)))));
}

async function expectNothingHostile(page: Page): Promise<void> {
  await settled(page);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  const dom = await page.locator(".article-editor").innerHTML();
  for (const bad of ["<script", "<style", "<iframe", "<form", "onerror", "onclick", "onmouseover", "javascript:", "data:text", 'style="color']) expect(dom).not.toContain(bad);
  await expect(page.locator("body")).toBeVisible();
}

test("hostile HTML pasted into the body leaves only safe text and structure", async ({ copydesk }) => {
  const { page } = copydesk;
  await copydesk.typeInBody("");
  await paste(page, hostile, "Big news Hello click me");
  await expect(copydesk.field("headline")).toHaveText("Big news");
  await expect(copydesk.bodyBlocks().first()).toContainText("Hello click me data link");
  await expectNothingHostile(page);
  const json = JSON.stringify(await copydesk.documentJson());
  expect(json).not.toMatch(/pwned|javascript|evil|steal|onerror/);
});

test("hostile HTML pasted into the headline becomes one line of plain text", async ({ copydesk }) => {
  const { page } = copydesk;
  await copydesk.setHeadline("");
  await paste(page, hostile, "Big news");
  await expect(copydesk.field("headline")).toHaveText("Big news Hello click me data link");
  await expectNothingHostile(page);
  const body = (await copydesk.documentJson()).doc.content as { type: string; content?: unknown[] }[];
  expect(body.find((f) => f.type === "body")!.content).toEqual([{ type: "paragraph" }]);
});

test("web page HTML maps onto subheadings, quotes, lists and safe links; plain text splits on blank lines", async ({ copydesk }) => {
  const { page } = copydesk;
  await copydesk.setHeadline("Already written");
  await copydesk.typeInBody("");
  await paste(
    page,
    `<h1>Page title</h1><h3>Crosshead</h3><blockquote><p>Quoted words</p></blockquote><ul><li>One</li><li>Two</li></ul>
     <p>See <a href="https://example.com/x" onclick="x()">the report</a>.</p>`,
  );
  await expect(copydesk.page.locator(".article-editor .body > h2")).toHaveText(["Page title", "Crosshead"]);
  await expect(copydesk.page.locator(".article-editor .body blockquote")).toHaveText("Quoted words");
  await expect(copydesk.page.locator(".article-editor .body li")).toHaveText(["One", "Two"]);
  await expect(copydesk.page.locator('.article-editor .body a[href="https://example.com/x"]')).toHaveText("the report");
  await copydesk.newBodyBlock();
  await paste(page, "", "First paragraph\nstill first\n\nSecond paragraph");
  await expect(copydesk.bodyBlocks().nth(-2)).toHaveText("First paragraph still first");
  await expect(copydesk.bodyBlocks().last()).toHaveText("Second paragraph");
});
