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

describe("DOCX import of Word files as people write them", () => {
  it("maps Word's Title, Subtitle and Quote styles and the core properties, and reports mammoth's warnings", async () => {
    const { Document, HeadingLevel, Packer, Paragraph } = await import("docx");
    const document = new Document({
      creator: "Ana Ruiz",
      title: "Property title",
      description: "Property description",
      keywords: "harbour, storm",
      sections: [
        {
          children: [
            new Paragraph({ text: "Storm closes the harbour", heading: HeadingLevel.TITLE }),
            new Paragraph({ text: "Ferries cancelled as gusts reach 120 km/h.", style: "Subtitle" }),
            new Paragraph({ text: "Ferries stayed in port on Tuesday." }),
            new Paragraph({ text: "Clean-up", heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: "We will rebuild.", style: "Quote" }),
            new Paragraph({ text: "In a style Copydesk does not know.", style: "Mystery" }),
          ],
        },
      ],
      styles: { paragraphStyles: [{ id: "Subtitle", name: "Subtitle", run: {} }, { id: "Quote", name: "Quote", run: {} }, { id: "Mystery", name: "Mystery", run: {} }] },
    });
    const result = await importBytes(new Uint8Array(await Packer.toBuffer(document)), "docx");
    if (!result.ok) throw new Error(result.errors.join("\n"));
    const { doc, meta } = result.article;
    expect(fieldText(doc, "headline")).toBe("Storm closes the harbour");
    expect(fieldText(doc, "standfirst")).toBe("Ferries cancelled as gusts reach 120 km/h.");
    expect(fieldText(doc, "byline")).toBe("Ana Ruiz");
    expect(meta.tags).toEqual(["harbour", "storm"]);
    const body = doc.child(5).toJSON() as { content: { type: string }[] };
    expect(body.content.map((b) => b.type)).toEqual(["paragraph", "subheading", "blockquote", "paragraph"]);
    expect(result.found).toEqual(expect.arrayContaining(["headline from the Title style", "byline from the document's properties (creator)", "tags from the document's properties (keywords)"]));
    expect(result.found).not.toContain("headline from the document's properties (title)");
    expect(result.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^Word: Unrecognised paragraph style: 'Mystery'/)]));
  });
});
