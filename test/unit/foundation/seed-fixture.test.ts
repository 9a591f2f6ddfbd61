import { readFileSync } from "node:fs";
import type { Node as PMNode } from "prosemirror-model";
import { describe, expect, it } from "vitest";
import { fieldNode, fieldText } from "../../../shared/article";
import { parseArticleFile, serializeArticle } from "../../../shared/article-file";
import { buildSeedArticle, readSeedParts, seedArticlePath, seedTextPath } from "../../support/seed-article";

// test/fixtures/seed.article holds every part of the seed page (docs/article-model.md, last table),
// with the seed's exact text, and is what `npm run fixture` generates from it.

const seedText = readFileSync(seedTextPath, "utf8");
const parsed = parseArticleFile(readFileSync(seedArticlePath));
if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
const { article } = parsed;
const body = fieldNode(article.doc, "body")!;
const blocks: PMNode[] = [];
body.forEach((b) => blocks.push(b));

/// True when the seed page has this line, exactly.
const seedHasLine = (line: string) => seedText.split(/\r?\n/).some((l) => l.trim() === line);

describe("the reference article fixture", () => {
  it("is exactly what the generator makes from the seed text", () => {
    expect(readFileSync(seedArticlePath, "utf8")).toBe(serializeArticle(buildSeedArticle()));
  });

  it.each([
    ["kicker", "Middle East"],
    ["headline", "US speeds up arms sales to Iraq amid jihadist resurgence"],
    ["byline", "Text by FRANCE 24"],
    ["tagline", "(FRANCE 24 with AFP)"],
  ])("has the %s %j from the seed", (field, text) => {
    expect(seedHasLine(text)).toBe(true);
    expect(fieldText(article.doc, field)).toBe(text);
  });

  it("credits the lead image '© afp'", () => {
    const figure = blocks[0];
    expect(figure.type.name).toBe("figure");
    expect(figure.lastChild!.type.name).toBe("credit");
    expect(figure.lastChild!.textContent).toBe("© afp");
    const src = figure.firstChild!.attrs.src as string;
    expect(article.assets[src.replace("asset:", "")].type).toBe("image/png");
  });

  it("dates the dateline and the metadata from 'Latest update' and 'Date created'", () => {
    expect(seedHasLine("Latest update : 2014-01-07")).toBe(true);
    expect(seedText).toContain("Date created : 2014-01-07");
    expect(fieldNode(article.doc, "dateline")!.attrs.date).toBe("2014-01-07");
    expect(article.meta.created).toBe("2014-01-07T00:00:00.000Z");
    expect(article.meta.updated).toBe("2014-01-07T00:00:00.000Z");
  });

  it("holds every body paragraph of the seed, in order, with its exact text", () => {
    const paragraphs = blocks.filter((b) => b.type.name === "paragraph").map((b) => b.textContent);
    expect(paragraphs[0]).toMatch(/^The United States will speed up/);
    expect(paragraphs).toContain("Following the renewed fighting, the White House has been forced to rebut claims that the militants are filling a vacuum left by the departure of US forces, noting that sectarian violence in Iraq was commonplace even when US troops were stationed in the country.");
    expect(paragraphs.at(-1)).toMatch(/told a Monday press conference\.$/);
    let from = 0;
    for (const p of paragraphs) {
      expect(seedHasLine(p)).toBe(true);
      const at = seedText.indexOf(p, from);
      expect(at).toBeGreaterThanOrEqual(from);
      from = at + p.length;
    }
    expect(paragraphs).toHaveLength(readSeedParts().paragraphs.length);
    expect(paragraphs.length).toBe(19);
  });

  it("keeps the inline quotations as plain text with their quotes", () => {
    const text = body.textContent;
    expect(text).toContain('"We\'ll not be sending forces to Iraq," he said.');
    expect(text).toContain('"We\'re not doing tactical work with the Iraqis," he said.');
  });

  it("has the subheading ‘Suffering at the hands of terrorists’ between the right paragraphs", () => {
    const at = blocks.findIndex((b) => b.type.name === "subheading");
    expect(blocks[at].textContent).toBe("‘Suffering at the hands of terrorists’");
    expect(blocks[at - 1].textContent).toMatch(/^Iraq has seen a resurgence/);
    expect(blocks[at + 1].textContent).toMatch(/^In a phone call with Iraq’s Shiite Prime Minister/);
  });

  it("tags the article IRAQ and lists the three related stories with their labels", () => {
    expect(article.meta.tags).toEqual(["IRAQ"]);
    const related: { title: string; label: string | null; href: string }[] = [];
    fieldNode(article.doc, "related")!.forEach((link) => related.push(link.attrs as never));
    expect(related.map((r) => [r.label, r.title])).toEqual([
      ["IRAQ", "Iraqi forces battle al Qaeda-linked militants"],
      ["Iraq", "Al Qaeda-linked militants seize control of Fallujah"],
      ["Iraq", "Iraqi army launches assault on al Qaeda allies in Fallujah"],
    ]);
    for (const r of related) expect(r.href).toMatch(/^https:\/\//);
  });

  it("leaves out the site chrome", () => {
    const all = JSON.stringify(article.doc.toJSON());
    for (const chrome of ["Don't miss", "Read more", "UN lifts sanctions on Eritrea", "Date created", "Latest update"]) {
      expect(all).not.toContain(chrome);
    }
  });
});
