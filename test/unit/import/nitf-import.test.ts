import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseArticleFile, serializeArticle } from "../../../shared/article-file";
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
      "the file has a DOCTYPE declaration with an internal subset, which Copydesk refuses (it can hide external entities or entity expansion attacks)",
    ]);
  });

  it("a billion laughs", async () => {
    const entities = Array.from({ length: 10 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join("\n");
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 "lol">\n${entities}\n]>\n<nitf><head><title>&lol10;</title></head></nitf>`;
    expect(await refusedQuickly(xml)).toEqual([
      "the file has a DOCTYPE declaration with an internal subset, which Copydesk refuses (it can hide external entities or entity expansion attacks)",
    ]);
  });

  it("entity declarations without a DOCTYPE line, malformed XML and other roots", async () => {
    expect((await refusedQuickly(`<nitf><!ENTITY x "y"></nitf>`))[0]).toMatch(/declares entities/);
    expect((await refusedQuickly(`<nitf><head></nitf>`))[0]).toMatch(/^the file is not well-formed XML \(line 1/);
    expect((await refusedQuickly(`<rss><channel/></rss>`))[0]).toBe("the root element is <rss>, not <nitf>: is this an NITF file?");
    expect((await refusedQuickly(`<newsMessage><itemSet><newsItem/></itemSet></newsMessage>`))[0]).toBe(
      "the NewsML-G2 <newsMessage> holds no NITF article (only NITF inside inlineXML is read)",
    );
  });
});

describe("NITF as agencies send it", () => {
  const wire = (head: string, bodyHead: string, content: string, attrs = "") =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE nitf SYSTEM "nitf-3-2.dtd">\n<nitf${attrs}><head>${head}</head><body><body.head>${bodyHead}</body.head><body.content>${content}</body.content></body></nitf>`;

  it("accepts a DOCTYPE line without an internal subset, reads baselang, byttl, an abstract without <p> and a dateline without <location>", async () => {
    const xml = wire(
      `<docdata><date.issue norm="20170102T222800+0000"/></docdata>`,
      `<hedline><hl1>Cabinet changes</hl1></hedline><byline>By ANA RUIZ<byttl>EFE Correspondent</byttl></byline><abstract>The president names four ministers.</abstract><dateline>Tegucigalpa (EFE)</dateline>`,
      `<p>Tegucigalpa (EFE) — The president named four ministers.</p><p> </p><p/><p>Two are new.</p>`,
      ' baselang="es-HN"',
    );
    const result = await importNitf(xml);
    if (!result.ok) throw new Error(result.errors.join("\n"));
    const { doc, meta } = result.article;
    expect(meta).toMatchObject({ language: "es-HN", created: "2017-01-02T22:28:00+00:00" });
    expect(doc.child(3).textContent).toBe("ANA RUIZ");
    expect(doc.child(2).textContent).toBe("The president names four ministers.");
    expect(doc.child(4).textContent).toBe("Tegucigalpa");
    expect(doc.child(4).attrs.source).toBe("EFE");
    expect(doc.child(5).childCount).toBe(2);
    expect(doc.child(5).child(0).textContent).toBe("The president named four ministers.");
    expect(result.warnings).toContain("Left out 2 empty paragraphs.");
    expect(result.found).toEqual(expect.arrayContaining(["language from baselang", "dateline from dateline text", "the dateline's lead-in taken off the first paragraph"]));
  });

  it("makes date.release the embargo only when it is after the issue time", async () => {
    const issued = (release: string) => wire(`<docdata><date.issue norm="20080219+0100"/><date.release norm="${release}"/></docdata>`, "<hedline><hl1>H</hl1></hedline>", "<p>x</p>");
    const later = await importNitf(issued("20080220T060000+0100"));
    expect(later.ok && later.article.meta.embargo).toBe("2008-02-20T06:00:00+01:00");
    const same = await importNitf(issued("20080219T000000+0100"));
    expect(same.ok && same.article.meta.embargo).toBeNull();
    expect(same.ok && same.warnings[0]).toMatch(/^date.release \(2008-02-19T00:00:00\+01:00\) is not after the issue time/);
  });

  it("reads NITF inside a NewsML-G2 newsMessage, with the item's language", async () => {
    const xml = `<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet><newsItem xml:lang="it-IT"><itemMeta><firstCreated>2017-10-11T10:41:00+01:00</firstCreated></itemMeta>
      <contentSet><inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.head><hedline><hl1>Titolo</hl1></hedline></body.head>
      <body.content><p>Testo.</p></body.content></body></nitf></inlineXML></contentSet></newsItem></itemSet></newsMessage>`;
    const result = await importNitf(xml);
    if (!result.ok) throw new Error(result.errors.join("\n"));
    expect(result.article.meta).toMatchObject({ language: "it-IT", created: "2017-10-11T10:41:00+01:00" });
    expect(result.article.doc.child(1).textContent).toBe("Titolo");
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
      const reread = parseArticleFile(serializeArticle(result.article));
      expect(reread.ok ? [] : reread.errors).toEqual([]);
      expect(result.article.doc.textContent.replace(/\s+/g, "")).toBe(article.doc.textContent.replace(/\s+/g, ""));
    }
  });

  it("reads NITF norms", () => {
    expect(isoFromNorm("20140107")).toBe("2014-01-07");
    expect(isoFromNorm("20140107T093000Z")).toBe("2014-01-07T09:30:00Z");
    expect(isoFromNorm("20140107T093000+0100")).toBe("2014-01-07T09:30:00+01:00");
    expect(isoFromNorm("20080219+0100")).toBe("2008-02-19");
    expect(isoFromNorm("20170102T222800+0000")).toBe("2017-01-02T22:28:00+00:00");
    expect(isoFromNorm("2020-09-07T14:45:26")).toBe("2020-09-07T14:45:26Z");
    expect(isoFromNorm("yesterday")).toBeNull();
  });
});
