import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fieldText } from "../../../shared/article";
import { parseArticleFile } from "../../../shared/article-file";
import { exportDocx } from "../../../shared/export/docx";
import { importBytes } from "../../../electron/services/import-files";
import { sampleArticles } from "../../support/arbitrary-article";
import { seedArticlePath } from "../../support/seed-article";

// DOCX import: mammoth turns the Word styles Copydesk writes back into the article's parts.

describe("DOCX import", () => {
  it("gives back the reference article's fields, body and related links", async () => {
    const parsed = parseArticleFile(readFileSync(seedArticlePath));
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    const seed = parsed.article;
    const result = await importBytes(await exportDocx(seed), "docx");
    if (!result.ok) throw new Error(result.errors.join("\n"));
    for (const field of ["kicker", "headline", "byline", "tagline"]) expect(fieldText(result.article.doc, field)).toBe(fieldText(seed.doc, field));
    expect(result.article.doc.child(5).toJSON()).toEqual(seed.doc.child(5).toJSON());
    expect(result.article.doc.child(7).toJSON()).toEqual(seed.doc.child(7).toJSON());
  });

  it("gives a valid article holding every word for 40 generated articles", async () => {
    for (const article of sampleArticles(40, 7)) {
      const result = await importBytes(await exportDocx(article), "docx");
      if (!result.ok) throw new Error(result.errors.join("\n"));
      expect(fieldText(result.article.doc, "headline")).toBe(fieldText(article.doc, "headline"));
      const words = (body: typeof article.doc) => body.textBetween(0, body.content.size, " ", " ").split(/\s+/).filter(Boolean).sort();
      expect(words(result.article.doc.child(5))).toEqual(expect.arrayContaining(words(article.doc.child(5))));
    }
  });

  it("refuses a file that is not a Word document", async () => {
    const result = await importBytes(new TextEncoder().encode("not a zip"), "docx");
    expect(result).toMatchObject({ ok: false, errors: [expect.stringMatching(/^the file is not a Word document Copydesk can read/)] });
  });
});
