import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { articleToJSON } from "../../../shared/article";
import { parseArticleFile, serializeArticle } from "../../../shared/article-file";
import { checkBeforeExport } from "../../../shared/export/checks";
import { exportRegistry } from "../../../shared/export/registry";
import type { ExportFormat } from "../../../shared/ipc";
import { renderAll } from "../../../electron/services/export-files";
import { reviewMarker, reviewedArticle } from "./reviewed-article";

// The review never leaks into published copy (issue 12, item 6): an article with a note in every
// field and kind of block, replies, resolved notes, desk notes and a suggested edit is exported to
// every format; no note's words, id, author or mark reaches any of them, and every noted word does.
// Word is the hand-off to editors and carries the open review (test/unit/export/docx-review.test.ts),
// but never a resolved note, nor the article's ids.

/// The text a person or a program could read in each export: DOCX as every XML part of the package
/// (document, comments, settings…), PDF as the HTML page Chromium prints.
async function exportedTexts(): Promise<Record<ExportFormat, string>> {
  const { article } = reviewedArticle();
  const formats = exportRegistry.map((f) => f.id);
  const { files, pdfHtml } = await renderAll(article, formats);
  const texts = {} as Record<ExportFormat, string>;
  for (const file of files) {
    if (file.format === "pdf") texts.pdf = pdfHtml ?? "";
    else if (file.format === "docx") {
      const zip = await JSZip.loadAsync(file.contents);
      const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async("string")));
      texts.docx = parts.join("\n");
    } else texts[file.format] = typeof file.contents === "string" ? file.contents : new TextDecoder().decode(file.contents);
  }
  return texts;
}

describe("exports carry none of the review", () => {
  it("the article is one the file format accepts, and its review is full", () => {
    const { article } = reviewedArticle();
    const reopened = parseArticleFile(serializeArticle(article));
    expect(reopened.ok, reopened.ok ? "" : reopened.errors.join("\n")).toBe(true);
    expect(Object.keys(article.review!.notes).length).toBeGreaterThan(15);
  });

  it("no format holds a note's words, id or author, nor a note mark; every noted word stays", { timeout: 60_000 }, async () => {
    const { notedWords } = reviewedArticle();
    const texts = await exportedTexts();
    expect(Object.keys(texts).sort()).toEqual(exportRegistry.map((f) => f.id).sort());
    for (const [format, text] of Object.entries(texts)) {
      expect(text.length, format).toBeGreaterThan(0);
      expect(text, `${format} holds a note mark`).not.toMatch(/data-note|class="[^"]*\bnote\b|<note\b|"note"/);
      if (format === "docx") {
        expect(text, "docx holds a resolved note").not.toMatch(/Resolved zqx note|Old desk zqx note/);
        expect(text, "docx holds a note id").not.toMatch(/zqxnote|zqxresolved|zqxdesk|zqx-editor/);
        continue;
      }
      expect(text.toLowerCase().includes(reviewMarker), `${format} holds words of the review`).toBe(false);
      for (const words of notedWords) expect(text, `${format} lost "${words}"`).toContain(format === "md" || format === "txt" ? words : words.replace("&", "&amp;"));
    }
  });

  it("every noted word reaches the DOCX document's text", async () => {
    const { notedWords } = reviewedArticle();
    const texts = await exportedTexts();
    for (const words of notedWords) expect(texts.docx).toContain(words);
  });

  it("the article as the window sends it (JSON with its review) exports the same way", async () => {
    const { article } = reviewedArticle();
    expect(JSON.stringify(articleToJSON(article))).toContain(reviewMarker);
    const { files } = await renderAll(article, ["html"]);
    expect(String(files[0].contents)).not.toContain(reviewMarker);
  });
});

describe("the pre-export check and the review", () => {
  it("warns about open notes (on the text and desk notes) and refuses open suggestions", () => {
    const { article } = reviewedArticle();
    const check = checkBeforeExport(article, new Date("2014-01-08T00:00:00Z"));
    const open = Object.values(article.review!.notes).filter((n) => !n.resolved).length;
    expect(check.warnings).toContain(`The article has ${open} open notes; notes are not exported.`);
    expect(check.errors).toEqual(["The article has 1 open suggestion: accept or reject it before exporting."]);
  });

  it("lets the review go to Word alone, and still refuses open suggestions for the other formats beside it", () => {
    const { article } = reviewedArticle();
    const now = new Date("2014-01-08T00:00:00Z");
    const open = Object.values(article.review!.notes).filter((n) => !n.resolved).length;
    const word = checkBeforeExport(article, now, [], ["docx"]);
    expect(word.errors).toEqual([]);
    expect(word.warnings).toEqual(
      expect.arrayContaining([`The article has ${open} open notes; the Word document carries them as comments.`, "The article has 1 open suggestion; the Word document carries it as tracked changes."]),
    );
    const mixed = checkBeforeExport(article, now, [], ["html", "docx"]);
    expect(mixed.errors).toEqual(["The article has 1 open suggestion: accept or reject it before exporting (only the Word document can carry them, as tracked changes)."]);
    expect(mixed.warnings).toContain(`The article has ${open} open notes; only the Word document carries them, as comments.`);
    expect(checkBeforeExport(article, now, [], ["html"]).errors).toEqual(["The article has 1 open suggestion: accept or reject it before exporting."]);
  });

  it("says nothing of a review with only resolved notes", () => {
    const { article } = reviewedArticle();
    const review = article.review!;
    const notes = Object.fromEntries(Object.entries(review.notes).filter(([, n]) => n.resolved));
    const check = checkBeforeExport({ ...article, review: { ...review, notes, suggestions: {} } }, new Date("2014-01-08T00:00:00Z"));
    expect(check.errors).toEqual([]);
    expect(check.warnings.filter((w) => /note|suggestion/.test(w))).toEqual([]);
  });
});
