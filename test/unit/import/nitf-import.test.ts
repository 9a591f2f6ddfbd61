import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { articleToJSON } from "../../../shared/article";
import { parseArticleFile } from "../../../shared/article-file";
import { exportNitf } from "../../../shared/export/nitf";
import { importNitf, isoFromNorm } from "../../../shared/import/nitf";
import { sampleArticles } from "../../support/arbitrary-article";
import { rounds, timeoutFor } from "../../support/long-tests";
import { seedArticlePath } from "../../support/seed-article";

// NITF import: hostile XML is refused fast and plainly; Copydesk's own NITF comes back whole.

const seedResult = parseArticleFile(readFileSync(seedArticlePath));
if (!seedResult.ok) throw new Error(seedResult.errors.join("\n"));
const seed = seedResult.article;

async function refusedQuickly(xml: string): Promise<string[]> {
  const started = performance.now();
  const result = await importNitf(xml);
  expect(performance.now() - started).toBeLessThan(1000);
  if (result.ok) throw new Error("the file was imported");
  return result.errors;
}

describe("NITF import refuses hostile XML within a second", () => {
  it("an external entity", async () => {
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE nitf [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>\n<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content><p>&secret;</p></body.content></body></nitf>`;
    expect(await refusedQuickly(xml)).toEqual([
      "the file has a DOCTYPE declaration, which Copydesk refuses (it can hide external entities or entity expansion attacks)",
    ]);
  });

  it("a billion laughs", async () => {
    const entities = Array.from({ length: 10 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join("\n");
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 "lol">\n${entities}\n]>\n<nitf><head><title>&lol10;</title></head></nitf>`;
    expect(await refusedQuickly(xml)).toEqual([
      "the file has a DOCTYPE declaration, which Copydesk refuses (it can hide external entities or entity expansion attacks)",
    ]);
  });

  it("entity declarations without a DOCTYPE line, malformed XML and other roots", async () => {
    expect((await refusedQuickly(`<nitf><!ENTITY x "y"></nitf>`))[0]).toMatch(/declares entities/);
    expect((await refusedQuickly(`<nitf><head></nitf>`))[0]).toMatch(/^the file is not well-formed XML \(line 1/);
    expect((await refusedQuickly(`<rss><channel/></rss>`))[0]).toBe("the root element is <rss>, not <nitf>: is this an NITF file?");
  });
});

describe("NITF import of Copydesk's own export", () => {
  it("gives back the reference article (dates to the second, as NITF norms carry them)", async () => {
    const result = await importNitf(exportNitf(seed));
    if (!result.ok) throw new Error(result.errors.join("\n"));
    expect(result.article.doc.toJSON()).toEqual(seed.doc.toJSON());
    expect(result.article.assets).toEqual(seed.assets);
    expect(result.article.meta).toMatchObject({ id: seed.meta.id, slug: seed.meta.slug, tags: seed.meta.tags, updated: "2014-01-07T00:00:00Z" });
  });

  const generated = rounds(100, 200);
  it(`gives a valid article for ${generated} generated articles, with the same body text`, { timeout: timeoutFor(generated, 300) }, async () => {
    for (const article of sampleArticles(generated)) {
      const result = await importNitf(exportNitf(article));
      if (!result.ok) throw new Error(result.errors.join("\n"));
      expect(parseArticleFile(JSON.stringify({ format: "copydesk.article", version: 1, ...articleToJSON(result.article) })).ok).toBe(true);
      expect(result.article.doc.textContent.replace(/\s+/g, "")).toBe(article.doc.textContent.replace(/\s+/g, ""));
    }
  });

  it("reads NITF norms", () => {
    expect(isoFromNorm("20140107")).toBe("2014-01-07");
    expect(isoFromNorm("20140107T093000Z")).toBe("2014-01-07T09:30:00Z");
    expect(isoFromNorm("20140107T093000+0100")).toBe("2014-01-07T09:30:00+01:00");
    expect(isoFromNorm("yesterday")).toBeNull();
  });
});
