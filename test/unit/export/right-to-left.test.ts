import JSZip from "jszip";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDatelineDate } from "../../../shared/dateline-date";
import { exportDocx } from "../../../shared/export/docx";
import { fixedWords } from "../../../shared/export/fixed-words";
import { exportHtml } from "../../../shared/export/html";
import { exportMarkdown } from "../../../shared/export/markdown";
import { ninjsObject } from "../../../shared/export/ninjs";
import { exportNitf } from "../../../shared/export/nitf";
import { exportText } from "../../../shared/export/text";
import { importMarkdown } from "../../../shared/import/markdown";
import { parseHtmlInNode } from "../../../electron/services/import-files";
import { arabicArticle } from "../../support/arabic-article";
import { launchChromium } from "./chromium";

// An Arabic article through the exporters: right to left where a format has a direction, the
// export's own words in Arabic, and the language carried where a format has no direction.

const article = arabicArticle();

describe("HTML export of an Arabic article", () => {
  const html = exportHtml(article);
  const document = parseHtmlInNode(html);

  it("is a right-to-left page in Arabic", () => {
    expect(document.querySelector("html")?.getAttribute("dir")).toBe("rtl");
    expect(document.querySelector("html")?.getAttribute("lang")).toBe("ar");
    expect(document.querySelector("article")?.getAttribute("lang")).toBe("ar");
  });

  it("isolates the field values it sets inside a line of its own (dateline, related links)", () => {
    const isolated = (selector: string) => document.querySelector(selector)?.getAttribute("dir");
    expect(isolated(".dateline .place")).toBe("auto");
    expect(isolated(".dateline time")).toBe("auto");
    expect(isolated(".dateline .source")).toBe("auto");
    expect(isolated("nav.related .label")).toBe("auto");
    expect(isolated("nav.related a")).toBe("auto");
    expect(document.querySelector(".dateline .source")?.textContent).toBe("AFP");
  });

  it("writes the dateline's date in Arabic, as the editor shows it", () => {
    // Intl's Arabic medium date (its digits and marks depend on the ICU of the runtime).
    const date = formatDatelineDate("2014-01-07", "ar");
    expect(date).not.toBe(formatDatelineDate("2014-01-07", "en"));
    expect(document.querySelector(".dateline time")?.textContent).toBe(date);
    expect(exportText(article)).toContain(`\nنيويورك, ${date} (AFP) - صوّت مجلس الأمن`);
  });

  it("heads the related stories in Arabic", () => {
    const nav = document.querySelector("nav.related");
    expect(nav?.querySelector("h2")?.textContent).toBe("أخبار ذات صلة");
    expect(nav?.getAttribute("aria-label")).toBe("أخبار ذات صلة");
  });

  it("leaves an English article left to right with its English heading", () => {
    const english = parseHtmlInNode(exportHtml({ ...article, meta: { ...article.meta, language: "en-GB" } }));
    expect(english.querySelector("html")?.getAttribute("dir")).toBe("ltr");
    expect(english.querySelector("nav.related h2")?.textContent).toBe("Related");
  });

  it("takes the right-to-left rule from the language's primary subtag (ar-EG)", () => {
    const egyptian = parseHtmlInNode(exportHtml({ ...article, meta: { ...article.meta, language: "ar-EG" } }));
    expect(egyptian.querySelector("html")?.getAttribute("dir")).toBe("rtl");
    expect(egyptian.querySelector("html")?.getAttribute("lang")).toBe("ar-EG");
  });
});

describe("the Arabic HTML page in Chromium (what the PDF prints)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("lays the article out from the right, with the quote rule on the right", async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    try {
      await page.setContent(exportHtml(article), { waitUntil: "load" });
      const style = (selector: string, property: string) =>
        page.locator(selector).first().evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);
      expect(await style("h1", "direction")).toBe("rtl");
      expect(await style(".body p", "direction")).toBe("rtl");
      expect(await style("blockquote", "border-right-width")).toBe("3px");
      expect(await style("blockquote", "border-left-width")).toBe("0px");
      expect(await style(".dateline .source", "unicode-bidi")).toBe("isolate");
      // The headline's right edge is the article's: it starts on the right.
      const edges = await page.evaluate(() => {
        const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(document.querySelector(".body p")!);
        return { article: box("article").right, text: range.getBoundingClientRect().right };
      });
      expect(Math.abs(edges.article - edges.text)).toBeLessThan(20);
    } finally {
      await page.close();
    }
  }, 60_000);
});

describe("DOCX export of an Arabic article", () => {
  it("marks every paragraph right to left, and the runs in Arabic letters", async () => {
    const zip = await JSZip.loadAsync(await exportDocx(article));
    const xml = await zip.file("word/document.xml")!.async("string");
    const paragraphs = xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs) ?? [];
    expect(paragraphs.length).toBeGreaterThan(10);
    expect(paragraphs.filter((p) => !p.includes("<w:bidi/>"))).toEqual([]);
    const runWith = (words: string) => (xml.match(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/gs) ?? []).find((run) => run.includes(words)) ?? "";
    expect(runWith("ميزانية البعثة")).toContain("<w:rtl/>");
    // A Latin title is an ordinary run, as Word leaves Latin typed in a right-to-left paragraph.
    expect(runWith("UN envoy warns")).not.toContain("<w:rtl/>");
  });

  it("leaves an English article's paragraphs as they were", async () => {
    const zip = await JSZip.loadAsync(await exportDocx({ ...article, meta: { ...article.meta, language: "en" } }));
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).not.toContain("<w:bidi/>");
    expect(xml).not.toContain("<w:rtl/>");
  });
});

describe("text formats of an Arabic article", () => {
  it("writes the plain text's own words in Arabic, and the pull quote in guillemets", () => {
    const text = exportText(article);
    expect(text).toContain("\nأخبار ذات صلة:\n");
    expect(text).toMatch(/\nعدد الكلمات: \d+\n$/);
    expect(text).toContain("«الاستقرار يبدأ بالحوار»");
  });

  it("heads Markdown's related list in Arabic, and the importer takes the list back", async () => {
    const markdown = exportMarkdown(article);
    expect(markdown).toContain("\nأخبار ذات صلة:\n");
    const imported = await importMarkdown(markdown);
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const related: unknown[] = [];
    imported.article.doc.lastChild?.forEach((link) => related.push(link.attrs));
    expect(related).toEqual([
      { href: "https://example.com/iraq-envoy", title: "UN envoy warns of rising violence in Iraq", label: "العراق" },
      { href: "https://example.com/baghdad-talks", title: "استئناف الحوار الوطني في بغداد", label: null },
    ]);
  });

  it("carries the language in NITF and ninjs, which have no direction of their own", () => {
    expect(exportNitf(article)).toMatch(/<nitf [^>]*xml:lang="ar"/);
    expect(ninjsObject(article).language).toBe("ar");
  });
});

describe("the export's fixed words", () => {
  it("has them in English, French, German, Spanish and Arabic", () => {
    expect(["en", "fr", "de", "es", "ar"].map((language) => fixedWords(language).related)).toEqual([
      "Related",
      "À lire aussi",
      "Mehr zum Thema",
      "Noticias relacionadas",
      "أخبار ذات صلة",
    ]);
    for (const language of ["en", "fr", "de", "es", "ar", "he", "fa", "ur"]) {
      expect(Object.values(fixedWords(language)).every((word) => word.trim() !== "")).toBe(true);
    }
  });

  it("takes a regional tag's language, and English for a language it does not have", () => {
    expect(fixedWords("fr-CA")).toEqual(fixedWords("fr"));
    expect(fixedWords("AR-eg")).toEqual(fixedWords("ar"));
    expect(fixedWords("sw")).toEqual(fixedWords("en"));
    expect(fixedWords("")).toEqual(fixedWords("en"));
  });
});
