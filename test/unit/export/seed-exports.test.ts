import { readFileSync } from "node:fs";
import { localEmbargoTime } from "../../../shared/embargo";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { parseArticleFile } from "../../../shared/article-file";
import type { Article } from "../../../shared/article";
import { checkBeforeExport } from "../../../shared/export/checks";
import { exportDocx } from "../../../shared/export/docx";
import { exportHtml } from "../../../shared/export/html";
import { exportMarkdown } from "../../../shared/export/markdown";
import { ninjsObject } from "../../../shared/export/ninjs";
import { exportNitf } from "../../../shared/export/nitf";
import { exportRegistry } from "../../../shared/export/registry";
import { exportText } from "../../../shared/export/text";
import { exportFormats } from "../../../shared/ipc";
import { schema } from "../../../shared/schema";
import { wordCount } from "../../../shared/word-count";
import { parseHtmlInNode } from "../../../electron/services/import-files";
import { readSeedParts, seedArticlePath } from "../../support/seed-article";
import { missingWord, textsInOrder } from "./article-views";
import { validateNinjs, validateNitf } from "./standards";

// The reference article through every exporter, checked against the mapping table of docs/article-model.md.

function seed(): Article {
  const result = parseArticleFile(readFileSync(seedArticlePath));
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.article;
}

const article = seed();
const parts = readSeedParts();

/// The seed with a dateline place and source, a standfirst and an embargo, to see those mapped too.
function withDateline(): Article {
  const doc = article.doc;
  const n = schema.nodes;
  const dateline = n.dateline.create({ date: "2014-01-07", source: "AFP" }, schema.text("Washington"));
  const standfirst = n.standfirst.create(null, [schema.text("Arms for "), schema.text("Iraq", [schema.marks.em.create()])]);
  const content: typeof doc[] = [];
  doc.forEach((field) => content.push(field.type.name === "dateline" ? dateline : field.type.name === "standfirst" ? standfirst : field));
  return { ...article, meta: { ...article.meta, embargo: "2014-01-08T06:00:00Z" }, doc: doc.type.create(null, content) };
}

describe("the export registry", () => {
  it("lists every format of the IPC contract once, with extension and MIME type", () => {
    expect(exportRegistry.map((f) => f.id)).toEqual([...exportFormats]);
    for (const format of exportRegistry) {
      expect(format.extension).toMatch(/^[a-z.]+$/);
      expect(format.mimeType).toMatch(/^[a-z]+\/[a-z.+-]+$/);
      expect(format.exporter === null).toBe(format.id === "pdf");
    }
  });
});

describe("the reference article", () => {
  it("HTML: standalone page with the parts mapped and the image inlined", () => {
    const html = exportHtml(withDateline());
    const document = parseHtmlInNode(html);
    expect(document.querySelector("p.kicker")?.textContent).toBe(parts.kicker);
    expect(document.querySelector("h1")?.textContent).toBe(parts.headline);
    expect(document.querySelector("p.byline")?.textContent).toBe(parts.byline);
    expect(document.querySelector("p.dateline time")?.getAttribute("datetime")).toBe("2014-01-07");
    expect(document.querySelector("p.dateline")?.textContent).toBe("Washington, Jan. 7, 2014 (AFP) —");
    expect(document.querySelector("p.standfirst em")?.textContent).toBe("Iraq");
    expect(document.querySelector("div.body h2")?.textContent).toBe(parts.subheading);
    expect(document.querySelector("figure img")?.getAttribute("src")).toMatch(/^data:image\/png;base64,iVBOR/);
    expect(document.querySelector("figure small.credit")?.textContent).toBe(parts.credit);
    expect(document.querySelector("p.tagline")?.textContent).toBe(parts.tagline);
    const related = Array.from(document.querySelectorAll('nav[aria-label="Related"] li a'));
    expect(related.map((a) => a.textContent)).toEqual(parts.related.map((r) => r.title));
    expect(html).toContain("<style>");
    const ld = JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? "");
    expect(ld).toMatchObject({
      "@type": "NewsArticle",
      headline: parts.headline,
      articleSection: parts.kicker,
      author: { name: parts.byline },
      keywords: ["IRAQ"],
      inLanguage: "en",
      datePublished: "2014-01-08T06:00:00Z",
      dateModified: article.meta.updated,
      description: "Arms for Iraq",
    });
  });

  it("NITF: valid against the XSD, with head, hedline, dateline and tagline in place", () => {
    const xml = exportNitf(withDateline());
    expect(validateNitf([xml, exportNitf(article)])).toEqual([]);
    expect(xml).toContain(`<title>${parts.headline}</title>`);
    expect(xml).toContain(`<pubdata type="web" position.section="${parts.kicker}" item-length="${wordCount(withDateline().doc)}" unit-of-measure="word"/>`);
    expect(xml).toContain(`<doc-id id-string="${article.meta.id}"/>`);
    expect(xml).toContain(`<date.release norm="20140108T060000Z"/>`);
    expect(xml).toContain(`<key-list><keyword key="IRAQ"/></key-list>`);
    expect(xml).toContain(`<hedline><hl1>${parts.headline}</hl1></hedline>`);
    expect(xml).toContain(`<dateline><location>Washington</location>, <story.date norm="20140107">2014-01-07</story.date> (AFP)</dateline>`);
    expect(xml).toContain(`<abstract><p>Arms for <em>Iraq</em></p></abstract>`);
    expect(xml).toContain(`<hl2>${parts.subheading}</hl2>`);
    expect(xml).toContain(`<body.end><tagline>${parts.tagline}</tagline></body.end>`);
    expect(xml).toContain(`<block class="related">`);
  });

  it("ninjs: valid against the 2.2 schema, with the mapped properties", () => {
    const ninjs = ninjsObject(withDateline());
    expect(validateNinjs(ninjs)).toEqual([]);
    expect(validateNinjs(ninjsObject(article))).toEqual([]);
    expect(ninjs).toMatchObject({
      uri: `urn:uuid:${article.meta.id}`,
      language: "en",
      slugline: article.meta.slug,
      headlines: [{ role: "main", value: parts.headline }],
      by: parts.byline,
      located: "Washington",
      firstcreated: "2014-01-07T00:00:00Z",
      embargoed: "2014-01-08T06:00:00Z",
      subjects: [{ name: "IRAQ" }],
      pubstatus: "withheld",
    });
    expect((ninjs.descriptions as unknown[])[0]).toEqual({ role: "kicker", value: parts.kicker });
    const [body] = ninjs.bodies as { value: string; wordcount: number }[];
    expect(body.value).toContain(parts.tagline);
    expect(body.wordcount).toBeGreaterThan(300);
    expect((ninjs.associations as { title: string; type: string }[]).map((a) => a.title)).toEqual(parts.related.map((r) => r.title));
  });

  it("Markdown: front matter, kicker first, # headline, body and the related list", () => {
    const md = exportMarkdown(article);
    expect(md.startsWith(`---\nid: ${article.meta.id}\n`)).toBe(true);
    expect(md).toContain(`\n---\n\n${parts.kicker}\n\n# ${parts.headline}\n\n${parts.byline}\n\nJan. 7, 2014 -\n`);
    expect(md).toContain(`\n## ${parts.subheading.replace(/[[\]]/g, "\\$&")}\n`);
    expect(md).toContain(`\nRelated:\n\n* ${parts.related[0].label}: [${parts.related[0].title}](https://www.france24.com/en/`);
  });

  it("plain text: wire style, headline first and the dateline leading the story", () => {
    const text = exportText(withDateline(), { timeZone: "Europe/London", exportEdnote: false });
    expect(text.startsWith(`EMBARGOED UNTIL 06:00 GMT 8 Jan 2014\n\n${parts.kicker}\n${parts.headline}\n\nArms for Iraq\n\n${parts.byline}\n\n`)).toBe(true);
    expect(text).toContain(`WASHINGTON, Jan. 7, 2014 (AFP) - ${parts.paragraphs[0]}`);
    expect(missingWord(textsInOrder(article), exportText(article))).toBeNull();
  });

  it("DOCX: every paragraph comes back through mammoth, with headings and styles", async () => {
    const bytes = await exportDocx(article);
    expect(Array.from(bytes.slice(0, 2))).toEqual([0x50, 0x4b]);
    const { value: raw } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(missingWord(textsInOrder(article), raw)).toBeNull();
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    expect(html).toContain(`<h1>${parts.headline}</h1>`);
    expect(html).toContain(`<h2>${parts.subheading}</h2>`);
    expect(html).toMatch(/<img [^>]*src="data:image\/png;base64,/);
  });
});

describe("the pre-export check", () => {
  const now = new Date("2014-01-07T12:00:00Z");
  it("passes the reference article", () => {
    expect(checkBeforeExport(article, now).errors).toEqual([]);
  });

  it("refuses a missing headline, a figure without alt text and an image without src", () => {
    const n = schema.nodes;
    const fields: typeof article.doc[] = [];
    article.doc.forEach((field) => {
      if (field.type.name === "headline") fields.push(n.headline.create());
      else if (field.type.name === "body") {
        fields.push(n.body.create(null, [n.figure.create(null, [n.image.create({ src: "https://img.example/a.jpg", alt: "" })]), n.figure.create(null, [n.image.create({ src: "", alt: "x" })])]));
      } else fields.push(field);
    });
    const { errors } = checkBeforeExport({ ...article, doc: article.doc.type.create(null, fields) }, now);
    expect(errors).toEqual([
      "The article has no headline.",
      "Figure 1 has no alt text (describe the picture for readers who cannot see it).",
      "Figure 2 has no image.",
    ]);
  });

  it("warns about a long headline and an embargo in the future", () => {
    const long = "Long ".repeat(16).trim();
    const fields: typeof article.doc[] = [];
    article.doc.forEach((field) => fields.push(field.type.name === "headline" ? schema.nodes.headline.create(null, schema.text(long)) : field));
    const check = checkBeforeExport({ ...article, meta: { ...article.meta, embargo: "2014-01-08T06:00:00Z" }, doc: article.doc.type.create(null, fields) }, now);
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([
      "The headline is 79 characters long; aim for 70 or fewer.",
      `The article is embargoed until ${localEmbargoTime("2014-01-08T06:00:00Z")}; the exported files carry the embargo.`,
    ]);
  });
});
