import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractPastedPage, isWholePage, minimumPageWords } from "../../../shared/import/html-paste";
import { maxPastedPageChars, pasteLook } from "../../../shared/import/paste-rule";
import { parseHtmlInNode } from "../../../electron/services/import-files";

// The paste rule: a whole news page, or most of one, goes through the page extraction; a selection does not.

const bbc = readFileSync(join(__dirname, "../../fixtures/real/web/bbc-1.html"), "utf8");
const sentence = "The council voted on Tuesday to keep the harbour open through the winter months.";
const paragraphs = (count: number, perParagraph: number) => Array.from({ length: count }, () => `<p>${Array(perParagraph).fill(sentence).join(" ")}</p>`).join("");

describe("pasting a page", () => {
  it("extracts a whole news page: the article's paragraphs only, and the fields it offers", async () => {
    const pasted = await extractPastedPage(bbc, parseHtmlInNode);
    if (!pasted) throw new Error("the BBC page was not taken for a page");
    expect(pasted.fields).toEqual({
      headline: { value: "Obama admits US gun laws are his 'biggest frustration'", source: "JSON-LD" },
      standfirst: { value: expect.stringMatching(/^President Barack Obama tells the BBC his failure/), source: "Open Graph" },
      byline: { value: "BBC News", source: "the page" },
    });
    const text = JSON.stringify(pasted.body);
    expect(text).toContain("President Barack Obama has admitted that his failure");
    expect(text).not.toMatch(/Skip to content|Accessibility links|Share this|Most Popular|Copyright © 20\d\d BBC/);
    expect(pasted.found).toEqual(expect.arrayContaining(["headline from JSON-LD", expect.stringMatching(/^body found by Readability/)]));
  });

  it("is a page only with page structure around enough words in enough paragraphs", () => {
    const page = (body: string) => parseHtmlInNode(`<html><body>${body}</body></html>`);
    const words = Math.ceil(minimumPageWords / 14);
    expect(isWholePage(page(`<nav><a href="/">Home</a></nav><article>${paragraphs(3, words)}</article>`))).toBe(true);
    expect(isWholePage(page(paragraphs(6, words)))).toBe(false);
    expect(isWholePage(page(`<article>${paragraphs(2, words * 2)}</article>`))).toBe(false);
    expect(isWholePage(page(`<article>${paragraphs(3, 1)}</article>`))).toBe(false);
  });

  it("takes a first look at the HTML text without parsing it: only a long paste with page structure and paragraphs is parsed", () => {
    const words = Math.ceil(minimumPageWords / 14);
    expect(pasteLook(bbc)).toBe("maybe-page");
    expect(pasteLook(`<nav><a href="/">Home</a></nav><article>${paragraphs(3, words)}</article>`)).toBe("maybe-page");
    expect(pasteLook(`<p>${sentence}</p><p>${sentence}</p>`)).toBe("selection");
    expect(pasteLook(paragraphs(20, 3))).toBe("selection");
    expect(pasteLook(`<article><div>${Array(40).fill(sentence).join(" ")}</div></article>`)).toBe("selection");
    expect(pasteLook(`<header>Site</header>${paragraphs(3, 1)}`)).toBe("selection");
    expect(pasteLook(`<nav></nav>${"<p>x</p>".repeat(maxPastedPageChars / 8)}`)).toBe("too-large");
  });

  it("leaves a small selection to the ordinary paste", async () => {
    expect(await extractPastedPage(`<p>${sentence}</p><p>${sentence}</p>`, parseHtmlInNode)).toBeNull();
    expect(await extractPastedPage("", parseHtmlInNode)).toBeNull();
  });
});
