import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { serializeArticle } from "../../../shared/article-file";
import { exportDocx } from "../../../shared/export/docx";
import { exportHtml, newsArticleJsonLd } from "../../../shared/export/html";
import { exportMarkdown } from "../../../shared/export/markdown";
import { exportNinjs } from "../../../shared/export/ninjs";
import { exportNitf } from "../../../shared/export/nitf";
import { exportText } from "../../../shared/export/text";
import { importHtml } from "../../../shared/import/html";
import { importMarkdown } from "../../../shared/import/markdown";
import { parseHtmlInNode } from "../../../electron/services/import-files";
import { sampleArticles } from "../../support/arbitrary-article";
import { rounds, timeoutFor } from "../../support/long-tests";
import { markdownView, missingWord, textsInOrder, withoutNewsroomMeta } from "./article-views";
import { validateNinjs, validateNitf } from "./standards";

// Every exporter on generated articles (all node and mark types, awkward text, empty fields):
// 100 in `npm test`, 200 under `npm run test:long`.

const articles = sampleArticles(rounds(100, 200));

describe(`exports of ${articles.length} generated articles`, { timeout: timeoutFor(articles.length, 1_000) }, () => {
  it("NITF: every document validates against the NITF 3.6 XSD (xmllint)", () => {
    expect(validateNitf(articles.map((a) => exportNitf(a)))).toEqual([]);
  });

  it("ninjs: every document validates against the ninjs 2.2 schema (ajv)", () => {
    const problems = articles.flatMap((a, i) => validateNinjs(JSON.parse(exportNinjs(a))).map((p) => `article ${i}: ${p}`));
    expect(problems).toEqual([]);
  });

  it("HTML: parses, keeps a valid JSON-LD block and re-imports to the same article", async () => {
    for (const article of articles) {
      const html = exportHtml(article);
      const document = parseHtmlInNode(html);
      const scripts = Array.from(document.querySelectorAll("script"));
      expect(scripts.map((s) => s.getAttribute("type"))).toEqual(["application/ld+json"]);
      expect(JSON.parse(scripts[0].textContent ?? "")).toEqual(newsArticleJsonLd(article));
      const back = await importHtml(html, parseHtmlInNode);
      if (!back.ok) throw new Error(back.errors.join("\n"));
      expect(serializeArticle(withoutNewsroomMeta(back.article))).toBe(serializeArticle(withoutNewsroomMeta(article)));
    }
  });

  it("Markdown: re-imports to the same article for the parts Markdown carries", async () => {
    for (const article of articles) {
      const back = await importMarkdown(exportMarkdown(article));
      if (!back.ok) throw new Error(back.errors.join("\n"));
      expect(markdownView(back.article)).toEqual(markdownView(article));
    }
  });

  it("plain text: holds every word in order", () => {
    for (const article of articles) {
      expect(missingWord(textsInOrder(article), exportText(article))).toBeNull();
    }
  });

  it("DOCX: mammoth reads back every paragraph, in order", async () => {
    for (const article of articles) {
      const bytes = await exportDocx(article);
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
      expect(missingWord(textsInOrder(article), value)).toBeNull();
    }
  });
});
