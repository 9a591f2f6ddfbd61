import { Fragment, type Node as PMNode } from "prosemirror-model";
import JSZip from "jszip";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { createArticle, type Article } from "../../../shared/article";
import { exportDocx } from "../../../shared/export/docx";
import { exportHtml } from "../../../shared/export/html";
import { exportMarkdown } from "../../../shared/export/markdown";
import { exportNinjs } from "../../../shared/export/ninjs";
import { exportNitf } from "../../../shared/export/nitf";
import { columnWidth } from "../../../shared/export/tables";
import { exportText } from "../../../shared/export/text";
import { importMarkdown } from "../../../shared/import/markdown";
import { schema } from "../../../shared/schema";
import { validateNinjs, validateNitf } from "./standards";

// A body table in every export format: an election results table with a caption, a header row,
// a bold winner, a link, a pipe and an ampersand in its cells.

const n = schema.nodes;
const bold = schema.marks.strong.create();
const cell = (...content: PMNode[]) => n.table_cell.create(null, content);
const t = (text: string, marks = [] as ReturnType<typeof bold.type.create>[]) => schema.text(text, marks);
const row = (...cells: PMNode[]) => n.table_row.create(null, cells);

function electionTable(header = true, caption = true): PMNode {
  return n.table.create({ header }, [
    ...(caption ? [n.table_caption.create(null, [t("Results in "), t("Ward 3", [schema.marks.em.create()])])] : []),
    n.table_rows.create(null, [
      row(cell(t("Candidate")), cell(t("Party")), cell(t("Votes"))),
      row(cell(t("Amira Haddad", [bold])), cell(t("Greens | Left")), cell(t("4,512"))),
      row(cell(t("Tom O'Neil")), cell(t("Labour & Co", [schema.marks.link.create({ href: "https://example.com/labour", title: null })])), cell()),
    ]),
  ]);
}

function articleWith(table: PMNode): Article {
  const base = createArticle({ id: "7b0e0c1e-5d1a-4f0e-9e4b-2b0c8f7a1d11", now: new Date("2024-05-03T08:00:00Z") });
  const fields = base.doc.content.content.slice();
  fields[1] = n.headline.create(null, t("Greens take Ward 3"));
  fields[5] = n.body.create(null, [n.paragraph.create(null, t("The count ended at dawn.")), table, n.paragraph.create(null, t("Turnout was 41%."))]);
  return { ...base, doc: base.doc.copy(Fragment.fromArray(fields)) };
}

const article = articleWith(electionTable());

describe("a table exported", () => {
  it("HTML: a <table> with its caption, a header row of <th scope=col> in <thead>, the other rows in <tbody>", () => {
    const html = exportHtml(article);
    expect(html).toContain(
      '<table><caption>Results in <em>Ward 3</em></caption><thead><tr><th scope="col">Candidate</th><th scope="col">Party</th><th scope="col">Votes</th></tr></thead><tbody><tr><td><strong>Amira Haddad</strong></td><td>Greens | Left</td><td>4,512</td></tr><tr><td>Tom O&#39;Neil</td><td><a href="https://example.com/labour">Labour &amp; Co</a></td><td></td></tr></tbody></table>',
    );
    expect(exportHtml(articleWith(electionTable(false, false)))).toContain("<table><tbody><tr><td>Candidate</td>");
  });

  it("NITF: the same table, valid against the NITF 3.6 XSD, with or without caption and header", () => {
    const documents = [electionTable(), electionTable(false, false), electionTable(true, false)].map((table) => exportNitf(articleWith(table)));
    expect(validateNitf(documents)).toEqual([]);
    expect(documents[0]).toContain("<thead><tr><th>Candidate</th><th>Party</th><th>Votes</th></tr></thead><tbody><tr><td><em class=\"strong\">Amira Haddad</em></td>");
    expect(documents[0]).toContain("<caption>Results in <em>Ward 3</em></caption>");
  });

  it("a one-row table with a header row: <thead> alone, still valid NITF", () => {
    const single = n.table.create({ header: true }, [n.table_rows.create(null, [row(cell(t("Only")), cell(t("Header")))])]);
    const nitf = exportNitf(articleWith(single));
    expect(nitf).toContain("<table><thead><tr><th>Only</th><th>Header</th></tr></thead></table>");
    expect(validateNitf([nitf])).toEqual([]);
  });

  it("ninjs: the table in the body's HTML, valid against the ninjs 2.2 schema", () => {
    const ninjs = JSON.parse(exportNinjs(article));
    expect(validateNinjs(ninjs)).toEqual([]);
    expect(ninjs.bodies[0].value).toContain('<table><caption>Results in <em>Ward 3</em></caption><thead><tr><th scope="col">Candidate</th>');
  });

  it("Markdown: a GFM table, its caption a 'Table:' paragraph before it, pipes escaped; it reads back as the same table", async () => {
    const markdown = exportMarkdown(article);
    expect(markdown).toContain(
      ["Table: Results in *Ward 3*", "", "| Candidate | Party | Votes |", "| --- | --- | --- |", "| **Amira Haddad** | Greens \\| Left | 4,512 |", "| Tom O'Neil | [Labour \\& Co](https://example.com/labour) |  |"].join("\n"),
    );
    const back = await importMarkdown(markdown);
    if (!back.ok) throw new Error(back.errors.join("\n"));
    expect(back.article.doc.child(5).child(1).toJSON()).toEqual(article.doc.child(5).child(1).toJSON());
  });

  it("Markdown: a table without a header row gets an empty one, and reads back without", async () => {
    const plain = articleWith(electionTable(false, false));
    const markdown = exportMarkdown(plain);
    expect(markdown).toContain("|  |  |  |\n| --- | --- | --- |\n| Candidate | Party | Votes |");
    const back = await importMarkdown(markdown);
    if (!back.ok) throw new Error(back.errors.join("\n"));
    expect(back.article.doc.child(5).child(1).toJSON()).toEqual(plain.doc.child(5).child(1).toJSON());
  });

  it("plain text: aligned columns, two spaces apart, a rule under the header row, the caption above", () => {
    expect(exportText(article)).toContain(
      ["Results in Ward 3", "Candidate     Party          Votes", "------------  -------------  -----", "Amira Haddad  Greens | Left  4,512", "Tom O'Neil    Labour & Co"].join("\n"),
    );
  });

  it("plain text: columns measured in characters as they show (accents, emoji and Arabic)", () => {
    expect([columnWidth("Zürich"), columnWidth("Zu\u0308rich"), columnWidth("👩‍👩‍👧"), columnWidth("مرحبا")]).toEqual([6, 6, 3, 5]);
    const wide = n.table.create({ header: false }, [n.table_rows.create(null, [row(cell(t("Zu\u0308rich")), cell(t("1"))), row(cell(t("Bern")), cell(t("2")))])]);
    expect(exportText(articleWith(wide))).toContain("Zu\u0308rich  1\nBern    2");
  });

  it("DOCX: a Word table (w:tbl) whose header row repeats, the caption in the Table Caption style; mammoth reads it back as a table", async () => {
    const bytes = await exportDocx(article);
    const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
    expect(xml).toContain("<w:tbl>");
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(xml).toContain('<w:pStyle w:val="TableCaption"/>');
    expect(xml).toContain('<w:pStyle w:val="TableHeading"/>');
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    expect(value).toContain("<table><thead><tr><th><p>Candidate</p></th>");
    expect(value).toContain("<td><p><strong>Amira Haddad</strong></p></td><td><p>Greens | Left</p></td>");
  });
});
