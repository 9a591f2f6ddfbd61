import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, readArticle, test } from "../support/fixtures";

// A whole news page pasted into the story (issue 13, items 2 and 7): the story gets the article's
// paragraphs only, and a bar under the toolbar offers the headline, standfirst and byline found,
// with where each came from and what was left out. Using them is one undo step and replaces no
// words of the journalist's without asking. A small selection pastes as it always has. The page
// is the ACLU's, as saved by mozilla/readability's tests (test/fixtures/real/SOURCES.md): its
// headline, standfirst and byline are in its JSON-LD.

const aclu = readFileSync(join(__dirname, "..", "..", "fixtures", "real", "web", "aclu.html"), "utf8");
const headline = "Facebook Is Tracking Me Even Though I’m Not on Facebook";
const standfirst = "Facebook collects data about people who have never even opted in. But there are ways these non-users can protect themselves.";
const byline = "Daniel Kahn Gillmor";
const firstParagraph = /^I don't use Facebook\. I'm not technophobic/;
const lastParagraph = /At the same time, we also need to protect those of us who manage to opt out\.$/;
/// Words of the page around the article: its header, sign-up box, footer and share links.
const pageFurniture = /Early bird discount|Become a Member|Renew Your Membership|User agreement|Privacy statement|ACLU on Twitter|Charity Navigator/;

test("a whole news page pasted into the story brings its article's paragraphs only, and offers its headline, standfirst and byline", async ({ copydesk }, testInfo) => {
  const { page } = copydesk;
  await copydesk.typeInBody("");
  await copydesk.pastePage(aclu);

  await expect(copydesk.bodyBlocks().first()).toHaveText(firstParagraph);
  await expect(copydesk.bodyBlocks().last()).toHaveText(lastParagraph);
  expect(await page.locator(".article-editor .body").innerText()).not.toMatch(pageFurniture);
  await copydesk.expectMessage("Pasted the article of a whole page, without the rest of the page.");

  const offer = copydesk.pageOffer();
  await expect(offer.getByRole("heading")).toHaveText("This looks like a whole page: use its headline, standfirst and byline?");
  await expect(offer.locator("dt")).toHaveText(["Headline", "Standfirst", "Byline"]);
  await expect(offer.locator("dd")).toHaveText([headline, "from JSON-LD", standfirst, "from JSON-LD", byline, "from JSON-LD"]);
  const report = await copydesk.openPageReport();
  await expect(report.getByRole("region", { name: "Found" }).locator("li")).toHaveText([
    "headline from JSON-LD",
    "standfirst from JSON-LD",
    "byline from JSON-LD",
    /^body found by Readability \(\d+ blocks, 0 pictures\)$/,
  ]);
  await expect(report.getByRole("region", { name: "Left out or to check" })).toContainText(/Left out [\d,]+ words of the page around the article \(menus, share bars, adverts, teasers, footers/);
  await offer.screenshot({ path: testInfo.outputPath("page-offer.png") });
  await page.screenshot({ path: testInfo.outputPath("page-offer-window.png") });
  // Nothing is filled until the journalist says so.
  await expect(copydesk.field("headline")).toHaveText("");

  await copydesk.acceptPageOffer();
  await expect(offer).toBeHidden();
  await expect(copydesk.field("headline")).toHaveText(headline);
  await expect(copydesk.field("standfirst")).toHaveText(standfirst);
  await expect(copydesk.field("byline")).toHaveText(byline);
  await copydesk.expectMessage("Filled the headline, standfirst and byline from the page. Undo takes them out again.");

  // Using the fields is one undo step, and the paste another.
  await copydesk.field("byline").click();
  await copydesk.undo();
  await expect(copydesk.field("headline")).toHaveText("");
  await expect(copydesk.field("byline")).toHaveText("");
  await expect(copydesk.bodyBlocks().first()).toHaveText(firstParagraph);
  await copydesk.undo();
  await expect(copydesk.bodyBlocks()).toHaveCount(1);
  await expect(copydesk.bodyBlocks().first()).toHaveText("");
});

test("using the page's fields asks before replacing a headline already written, and Keep Mine fills only the empty ones", async ({ copydesk }, testInfo) => {
  await copydesk.setHeadline("Harbour stays open");
  await copydesk.typeInBody("");
  await copydesk.pastePage(aclu);
  await expect(copydesk.bodyBlocks().first()).toHaveText(firstParagraph);

  await copydesk.acceptPageOffer();
  const offer = copydesk.pageOffer();
  await expect(offer.getByRole("heading")).toHaveText("Replace your headline with the page's?");
  await expect(offer).toContainText("Your headline already has words, which the page's would replace. Keep Mine still fills the empty standfirst and byline.");
  await expect(offer.locator("dd")).toHaveText([`yours: “Harbour stays open” → the page's: ${headline}`, "from JSON-LD"]);
  await expect(offer.getByRole("button", { name: "Replace" })).toBeFocused();
  await offer.screenshot({ path: testInfo.outputPath("page-offer-replace.png") });
  await offer.getByRole("button", { name: "Keep Mine" }).click();

  await expect(offer).toBeHidden();
  await expect(copydesk.field("headline")).toHaveText("Harbour stays open");
  await expect(copydesk.field("standfirst")).toHaveText(standfirst);
  await expect(copydesk.field("byline")).toHaveText(byline);
  await copydesk.expectMessage("Filled the standfirst and byline from the page and kept your headline.");
  // The caret is back in the article: typing goes on where it was.
  await copydesk.page.keyboard.type("Typed after the offer.");
  expect(JSON.stringify((await copydesk.documentJson()).doc)).toContain("Typed after the offer.");
});

test("the offer is reached from the keyboard, and Escape dismisses it without touching the fields", async ({ copydesk }) => {
  const { page } = copydesk;
  await copydesk.typeInBody("");
  await copydesk.pastePage(aclu);
  const offer = copydesk.pageOffer();
  await expect(offer).toBeVisible();
  // The bar takes no focus: the caret stays in the story.
  await expect(page.locator(".article-editor")).toBeFocused();

  await copydesk.field("kicker").click();
  await page.keyboard.press("Shift+Tab");
  await expect(offer.getByRole("button", { name: "Dismiss" })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(offer.getByRole("button", { name: "Use Them" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(offer).toBeHidden();
  await copydesk.expectMessage("The page's headline, standfirst and byline were not used.");
  await expect(copydesk.message().getByRole("button", { name: "Report…" })).toBeVisible();
  await expect(page.locator(".article-editor")).toBeFocused();
  await expect(copydesk.field("headline")).toHaveText("");
  await expect(copydesk.bodyBlocks().first()).toHaveText(firstParagraph);
});

test("a small selection from the same page pastes as it always has, with no offer", async ({ copydesk }) => {
  await copydesk.typeInBody("");
  await copydesk.pasteHtml(
    `<meta charset="utf-8"><h1>${headline}</h1><p>I don't use Facebook.</p><p>But Facebook has a <a href="https://www.aclu.org/x">shadow profile</a> of me.</p>`,
    `${headline}\n\nI don't use Facebook.`,
  );
  await expect(copydesk.bodyBlocks().last()).toHaveText("But Facebook has a shadow profile of me.");
  await expect(copydesk.bodyBlocks().first()).toHaveText("I don't use Facebook.");
  // As before: the selection's h1 goes to the empty headline, its link stays a link.
  await expect(copydesk.field("headline")).toHaveText(headline);
  await expect(copydesk.page.locator('.article-editor .body a[href="https://www.aclu.org/x"]')).toHaveText("shadow profile");
  await expect(copydesk.pageOffer()).toHaveCount(0);
});

test("words typed while a pasted page is read are kept, a hostile page runs nothing and keeps its article's words, and the article saves", async ({ copydesk, workDir }) => {
  const { page } = copydesk;
  await copydesk.typeInBody("");
  await copydesk.pastePage(aclu);
  await page.keyboard.type("Typed at once. ");
  await expect(copydesk.pageOffer()).toBeVisible();
  const body = page.locator(".article-editor .body");
  await expect(body).toContainText("Typed at once.");
  await expect(copydesk.bodyBlocks().first()).toHaveText(firstParagraph);
  // The page went where it was pasted, and the words typed meanwhile follow it together.
  await expect(copydesk.bodyBlocks().last()).toHaveText(/manage to opt out\.Typed at once\.\s*$/);

  await copydesk.dismissPageOffer();
  await copydesk.newBodyBlock();
  const story = Array.from({ length: 10 }, (_, i) => `<p onclick="window.__pwned='p'">Hostile paragraph ${i + 1} says the harbour will stay open all winter, the council decided on Tuesday after a long debate.</p>`).join("");
  const deep = `${"<div>".repeat(3000)}<p>Deepest words of the page.</p>${"</div>".repeat(3000)}`;
  const hostile = `<html><head><script>window.__pwned='script'</script><meta property="og:title" content="Hostile page"></head><body>
    <nav><a href="javascript:window.__pwned='nav'">Home</a></nav><article><h1>Hostile page</h1>${story}${deep}
    <p><img src="x" onerror="window.__pwned='img'"><a href="javascript:window.__pwned='link'">a link</a> and a last line of the story.</p></article>
    <iframe src="javascript:parent.__pwned='iframe'"></iframe><footer>Footer words</footer></body></html>`;
  await copydesk.pastePage(hostile);
  await expect(body).toContainText("Hostile paragraph 10 says the harbour");
  await expect(copydesk.pageOffer().locator("dd")).toHaveText(["Hostile page", "from Open Graph"]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  const json = JSON.stringify((await copydesk.documentJson()).doc);
  expect(json).not.toMatch(/pwned|javascript|onerror|onclick/);
  expect(json).toContain("Typed at once.");

  const path = join(workDir, "pasted-pages.article");
  await copydesk.save(path);
  const onDisk = JSON.stringify(readArticle(path).doc);
  for (const words of ["Typed at once.", "Hostile paragraph 10 says the harbour", "I don't use Facebook."]) expect(onDisk).toContain(words);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe finds no violations in the page offer, its report and its question (${colorScheme})`, async ({ copydesk }, testInfo) => {
    const { page } = copydesk;
    await page.emulateMedia({ colorScheme });
    await copydesk.setHeadline("Harbour stays open");
    await copydesk.typeInBody("");
    await copydesk.pastePage(aclu);
    await copydesk.openPageReport();
    const violations = async () => (await new AxeBuilder({ page }).include(".page-offer").analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(await violations()).toEqual([]);
    await copydesk.pageOffer().screenshot({ path: testInfo.outputPath(`page-offer-${colorScheme}.png`) });
    await copydesk.acceptPageOffer();
    await expect(copydesk.pageOffer().getByRole("heading")).toHaveText("Replace your headline with the page's?");
    expect(await violations()).toEqual([]);
  });
}
