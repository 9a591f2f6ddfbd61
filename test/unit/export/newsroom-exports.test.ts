import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { DOMParser } from "linkedom";
import { describe, expect, it } from "vitest";
import type { Article, ArticleMeta } from "../../../shared/article";
import { parseArticleFile } from "../../../shared/article-file";
import { base64ToBytes } from "../../../shared/asset-policy";
import { isAgencyName } from "../../../shared/export/agencies";
import { exportHtml, newsArticleJsonLd } from "../../../shared/export/html";
import { imageSize } from "../../../shared/export/image-size";
import { exportNinjs, ninjsObject } from "../../../shared/export/ninjs";
import { exportNitf } from "../../../shared/export/nitf";
import type { FormatOptions } from "../../../shared/export/options";
import { exportArticle } from "../../../shared/export/registry";
import { schema } from "../../../shared/schema";
import { sampleArticles } from "../../support/arbitrary-article";
import { seedArticlePath } from "../../support/seed-article";
import { timeoutFor } from "../../support/long-tests";
import { validateNinjs, validateNitf } from "./standards";

// The newsroom's metadata (issue 14) in the wire formats and the HTML page's JSON-LD, field by
// field, against docs/article-model.md "Where each part goes on export"; and every NITF and ninjs
// of 200 generated articles (every newsroom field, empty and full) valid against its schema.

function seed(): Article {
  const result = parseArticleFile(readFileSync(seedArticlePath));
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.article;
}

const newsroom: Partial<ArticleMeta> = {
  status: "published",
  embargo: "2030-01-01T09:00:00Z",
  tags: ["iraq", "arms sales"],
  urgency: 3,
  priority: 2,
  genre: { code: "genre:Analysis", name: "Analysis" },
  subjects: [
    { code: "medtop:20000763", name: "elections" },
    { code: "medtop:11000000", name: "politics" },
  ],
  located: { city: "Washington", region: "District of Columbia", country: "United States" },
  signOff: "jd/mk",
  ednote: "Hold the second paragraph for legal",
  copyrightHolder: "Agence France-Presse",
  copyrightNotice: "© 2030 AFP. All rights reserved.",
  usageTerms: "No use in Iraq before 10:00 GMT",
  authors: [
    { name: "Jane Doe", role: "writer", jobTitle: "Washington correspondent", email: "jane.doe@example.com" },
    { name: "AFP", role: "contributor", jobTitle: "", email: "desk@example.org" },
  ],
  version: 4,
  firstPublished: "2029-12-31T10:00:00.000Z",
  published: "2030-01-02T08:00:00.000Z",
};

/// The seed with every newsroom field set, a byline and a dateline with a place.
function fullArticle(meta: Partial<ArticleMeta> = {}, byline = "By Jane Doe and AFP"): Article {
  const article = seed();
  const n = schema.nodes;
  const content: Article["doc"][] = [];
  article.doc.forEach((field) => {
    if (field.type.name === "dateline") content.push(n.dateline.create({ date: "2014-01-07", source: "AFP" }, schema.text("Washington")));
    else if (field.type.name === "byline") content.push(n.byline.create(null, byline ? schema.text(byline) : null));
    else content.push(field);
  });
  return { ...article, meta: { ...article.meta, ...newsroom, ...meta }, doc: article.doc.type.create(null, content) };
}

const withEdnote: FormatOptions = { timeZone: "Europe/London", exportEdnote: true };
const withoutEdnote: FormatOptions = { timeZone: "Europe/London", exportEdnote: false };

const xml = (text: string) => new DOMParser().parseFromString(text, "text/xml");
const elements = (doc: ReturnType<typeof xml>, name: string) => Array.from(doc.getElementsByTagName(name)) as Element[];
const attrs = (element: Element | undefined) => Object.fromEntries(Array.from(element?.attributes ?? []).map((a) => [a.name, a.value]));

describe("NITF carries the newsroom's metadata where NITF 3.6 has a place for it", () => {
  const article = fullArticle();
  const text = exportNitf(article, withEdnote);
  const doc = xml(text);

  it("validates against the XSD, with and without the editor's note", () => {
    expect(validateNitf([text, exportNitf(article, withoutEdnote), exportNitf(seed())])).toEqual([]);
  });

  it("tobject: the genre as tobject.property, each subject by its Media Topic number and name", () => {
    expect(attrs(elements(doc, "tobject")[0])).toEqual({ "tobject.type": "news" });
    expect(elements(doc, "tobject.property").map(attrs)).toEqual([{ "tobject.property.type": "Analysis" }]);
    expect(elements(doc, "tobject.subject").map(attrs)).toEqual([
      { "tobject.subject.ipr": "IPTC", "tobject.subject.refnum": "20000763", "tobject.subject.matter": "elections" },
      { "tobject.subject.ipr": "IPTC", "tobject.subject.refnum": "11000000", "tobject.subject.matter": "politics" },
    ]);
  });

  it("docdata: urgency, release, version, copyright, rights and the ednote", () => {
    expect(attrs(elements(doc, "urgency")[0])).toEqual({ "ed-urg": "3" });
    expect(attrs(elements(doc, "date.release")[0])).toEqual({ norm: "20300101T090000Z" });
    expect(attrs(elements(doc, "du-key")[0])).toMatchObject({ version: "4" });
    expect(attrs(elements(doc, "doc.copyright")[0])).toEqual({ year: "2029", holder: "Agence France-Presse" });
    expect(attrs(elements(doc, "doc.rights")[0])).toEqual({ owner: "Agence France-Presse", limitations: "No use in Iraq before 10:00 GMT" });
    expect(attrs(elements(doc, "ed-msg")[0])).toEqual({ "msg-type": "editorial", info: "Hold the second paragraph for legal" });
    expect(attrs(elements(doc, "docdata")[0])).toEqual({ "management-status": "usable" });
  });

  it("leaves the editor's note out unless the newsroom lets it travel", () => {
    expect(exportNitf(article, withoutEdnote)).not.toContain("ed-msg");
    expect(exportNitf(article)).not.toContain("Hold the second paragraph");
  });

  it("the byline as written, then each author as person and byttl; never an e-mail", () => {
    const bylines = elements(doc, "byline");
    expect(bylines[0].textContent).toBe("By Jane Doe and AFP");
    expect(bylines.slice(1).map((b) => [b.getElementsByTagName("person")[0]?.textContent, b.getElementsByTagName("byttl")[0]?.textContent ?? null])).toEqual([
      ["Jane Doe", "Washington correspondent"],
      ["AFP", null],
    ]);
    expect(text).not.toContain("@example");
  });

  it("the dateline's place, then where the story happened as city, state and country", () => {
    const locations = elements(doc, "dateline")[0].getElementsByTagName("location");
    expect(locations[0].textContent).toBe("Washington");
    const located = locations[1];
    expect(["city", "state", "country"].map((name) => located.getElementsByTagName(name)[0]?.textContent)).toEqual([
      "Washington",
      "District of Columbia",
      "United States",
    ]);
  });

  it("the version is the article's own, whichever format", async () => {
    const again = fullArticle({ version: 7 });
    expect(exportNitf(again)).toContain('version="7"');
    expect(JSON.parse(String(await exportArticle(again, "ninjs"))).version).toBe("7");
    expect(newsArticleJsonLd(again).version).toBe(7);
    const core = await (await JSZip.loadAsync((await exportArticle(again, "docx")) as Uint8Array)).file("docProps/core.xml")!.async("string");
    expect(core).toContain("<cp:revision>7</cp:revision>");
  });
});

describe("ninjs carries the newsroom's metadata where ninjs 2.2 has a property for it", () => {
  const article = fullArticle();
  const ninjs = ninjsObject(article, withEdnote);

  it("validates against the ninjs 2.2 schema, with and without the editor's note", () => {
    expect(validateNinjs(ninjs)).toEqual([]);
    expect(validateNinjs(ninjsObject(article, withoutEdnote))).toEqual([]);
  });

  it("version, urgency, status, dates and embargo", () => {
    expect(ninjs).toMatchObject({
      version: "4",
      urgency: 3,
      pubstatus: "usable",
      embargoed: "2030-01-01T09:00:00Z",
      firstcreated: "2014-01-07T00:00:00Z",
      versioncreated: article.meta.updated,
    });
  });

  it("genres and subjects with their IPTC URIs and qcodes; keywords as subjects", () => {
    expect(ninjs.genres).toEqual([{ name: "Analysis", literal: "genre:Analysis", uri: "http://cv.iptc.org/newscodes/genre/Analysis" }]);
    expect(ninjs.subjects).toEqual([
      { name: "elections", rel: "about", literal: "medtop:20000763", uri: "http://cv.iptc.org/newscodes/mediatopic/20000763" },
      { name: "politics", rel: "about", literal: "medtop:11000000", uri: "http://cv.iptc.org/newscodes/mediatopic/11000000" },
      { name: "iraq", rel: "keyword" },
      { name: "arms sales", rel: "keyword" },
    ]);
  });

  it("located and places, by and the authors as people with their role", () => {
    expect(ninjs.located).toBe("Washington, District of Columbia, United States");
    expect(ninjs.places).toEqual([{ name: "Washington, District of Columbia, United States", rel: "located" }]);
    expect(ninjs.by).toBe("By Jane Doe and AFP");
    expect(ninjs.people).toEqual([
      { name: "Jane Doe", rel: "writer" },
      { name: "AFP", rel: "contributor" },
    ]);
    expect(JSON.stringify(ninjs)).not.toContain("@example");
  });

  it("copyright, usage terms and the editor's note only when allowed", () => {
    expect(ninjs).toMatchObject({
      copyrightholder: "Agence France-Presse",
      copyrightnotice: "© 2030 AFP. All rights reserved.",
      usageterms: "No use in Iraq before 10:00 GMT",
      ednote: "Hold the second paragraph for legal",
    });
    expect(ninjsObject(article, withoutEdnote)).not.toHaveProperty("ednote");
  });

  it("each figure's image as a rendition with its type and pixel size", () => {
    const [key, asset] = Object.entries(article.assets)[0];
    const size = imageSize(base64ToBytes(asset.data));
    expect(size).not.toBeNull();
    expect(ninjs.renditions).toEqual([
      { name: "figure-1", href: `data:${asset.type};base64,${asset.data}`, title: "Lead image of the story", contenttype: asset.type, ...size },
    ]);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
  });

  it("takes the authors' names for `by` when there is no byline", () => {
    const bare = ninjsObject(fullArticle({}, ""));
    expect(bare.by).toBe("Jane Doe, AFP");
    expect(validateNinjs(bare)).toEqual([]);
  });
});

describe("the HTML page's JSON-LD", () => {
  const article = fullArticle();
  const ld = newsArticleJsonLd(article);

  it("credits each author by name only: a person as Person, an agency as Organization", () => {
    expect(ld.author).toEqual([
      { "@type": "Person", name: "Jane Doe" },
      { "@type": "Organization", name: "AFP" },
    ]);
    expect(exportHtml(article)).not.toContain("@example");
    expect(newsArticleJsonLd({ ...article, meta: { ...article.meta, authors: [] } }).author).toEqual({ "@type": "Person", name: "By Jane Doe and AFP" });
  });

  it("tells agencies from people by the whole name", () => {
    for (const name of ["AFP", "A.F.P.", "Reuters", "the associated press", "AP", "dpa"]) expect(isAgencyName(name)).toBe(true);
    for (const name of ["Jane Doe", "Jane Doe / AFP", "Apple", ""]) expect(isAgencyName(name)).toBe(false);
  });

  it("dates from the article, never from the export", () => {
    expect(ld).toMatchObject({ datePublished: "2029-12-31T10:00:00.000Z", dateModified: article.meta.updated, dateCreated: article.meta.created, version: 4 });
    const unpublished = newsArticleJsonLd({ ...article, meta: { ...article.meta, firstPublished: null, published: null } });
    expect(unpublished.datePublished).toBe("2030-01-01T09:00:00Z");
  });

  it("copyright, access, subjects, genre and where it happened", () => {
    expect(ld).toMatchObject({
      copyrightHolder: { "@type": "Organization", name: "Agence France-Presse" },
      copyrightYear: 2029,
      copyrightNotice: "© 2030 AFP. All rights reserved.",
      isAccessibleForFree: true,
      genre: "Analysis",
      about: [
        { "@type": "Thing", name: "elections", identifier: "medtop:20000763", sameAs: "http://cv.iptc.org/newscodes/mediatopic/20000763" },
        { "@type": "Thing", name: "politics", identifier: "medtop:11000000", sameAs: "http://cv.iptc.org/newscodes/mediatopic/11000000" },
      ],
      contentLocation: {
        "@type": "Place",
        name: "Washington, District of Columbia, United States",
        address: { "@type": "PostalAddress", addressLocality: "Washington", addressRegion: "District of Columbia", addressCountry: "United States" },
      },
    });
  });

  it("never carries the editor's note or the sign-off", () => {
    const html = exportHtml(article, withEdnote);
    expect(html).not.toContain("Hold the second paragraph");
  });
});

const generated = sampleArticles(200, 20261129);

describe(`NITF and ninjs of ${generated.length} generated articles with every newsroom field`, { timeout: timeoutFor(generated.length, 1_000) }, () => {
  it("exercise every new field", () => {
    const some = (test: (meta: ArticleMeta) => boolean) => generated.some((a) => test(a.meta));
    expect(some((m) => m.urgency !== null && m.genre !== null && m.subjects.length > 0 && m.located !== null)).toBe(true);
    expect(some((m) => m.authors.length > 1 && m.copyrightHolder !== "" && m.usageTerms !== "" && m.ednote !== "")).toBe(true);
  });

  it("every NITF validates against the XSD", () => {
    expect(validateNitf(generated.flatMap((a) => [exportNitf(a, withEdnote), exportNitf(a, { timeZone: null, exportEdnote: false })]))).toEqual([]);
  });

  it("every ninjs validates against the 2.2 schema", () => {
    const problems = generated.flatMap((a, i) => validateNinjs(JSON.parse(exportNinjs(a, withEdnote))).map((p) => `article ${i}: ${p}`));
    expect(problems).toEqual([]);
  });
});

describe("Markdown carries the newsroom's metadata in its front matter, but for what is never published", () => {
  it("leaves out the editor's note and the authors' e-mail addresses, and reads the rest back", async () => {
    const { exportMarkdown } = await import("../../../shared/export/markdown");
    const { importMarkdown } = await import("../../../shared/import/markdown");
    const markdown = exportMarkdown(fullArticle());
    expect(markdown).not.toContain("Hold the second paragraph for legal");
    expect(markdown).not.toContain("jane.doe@example.com");
    expect(markdown).not.toContain("desk@example.org");
    const back = await importMarkdown(markdown);
    if (!back.ok) throw new Error(back.errors.join("\n"));
    expect(back.article.meta).toMatchObject({ ...newsroom, ednote: "", authors: newsroom.authors!.map((a) => ({ ...a, email: "" })) });
    // The byline stays the byline as written, not the authors' names.
    expect(back.article.doc.child(3).textContent).toBe("By Jane Doe and AFP");
  });
});
