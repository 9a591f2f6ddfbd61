import { join } from "node:path";
import { DOMParser as LinkedomParser } from "linkedom";
import type { Node as PMNode } from "prosemirror-model";
import { describe, expect, it } from "vitest";
import { importBytes, importFile, parseHtmlInNode } from "../../../electron/services/import-files";
import { exportDocx } from "../../../shared/export/docx";
import { exportHtml } from "../../../shared/export/html";
import { importHtml } from "../../../shared/import/html";
import { importNitf } from "../../../shared/import/nitf";
import { parseSlice, sanitizeHTML } from "../../../renderer/src/editor/paste";
import { schema } from "../../../shared/schema";
import { article, p } from "../editor/builders";
import { sampleArticles } from "../../support/arbitrary-article";

// Tables come in as tables (not flattened to paragraphs): from wire NITF, web pages, Copydesk's own
// HTML, Word files through mammoth, and a paste; merged cells are unmerged and short rows padded, so
// every table is one the file format keeps (shared/import/html-tables.ts, shared/table-grid.ts).

const n = schema.nodes;

/// Each table of a node: its header flag, its caption's text and its cells' texts.
function tablesOf(node: PMNode): { header: boolean; caption: string | null; cells: string[][] }[] {
  const found: { header: boolean; caption: string | null; cells: string[][] }[] = [];
  node.descendants((child) => {
    if (child.type !== n.table) return true;
    const caption = child.firstChild!.type === n.table_caption ? child.firstChild!.textContent : null;
    const cells: string[][] = [];
    child.lastChild!.forEach((row) => {
      const texts: string[] = [];
      row.forEach((cell) => void texts.push(cell.textContent));
      cells.push(texts);
    });
    found.push({ header: child.attrs.header as boolean, caption, cells });
    return false;
  });
  return found;
}

const wireTable = `<?xml version="1.0" encoding="UTF-8"?>
<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><head><title>Results</title></head><body><body.head><hedline><hl1>Results</hl1></hedline></body.head><body.content>
<p>Standings after the weekend.</p>
<table><caption>Premier <a href="https://example.com">League</a></caption>
<thead><tr><th>Team</th><th colspan="2">Games won, lost</th></tr></thead>
<tbody><tr><td>Arsenal</td><td>8</td><td>2</td></tr><tr><td rowspan="2">Chelsea</td><td>7</td></tr><tr><td>3</td></tr></tbody></table>
<nitf-table><nitf-table-metadata/><table><tr><td>Turnout</td><td><em>41%</em></td></tr></table></nitf-table>
</body.content></body></nitf>`;

describe("tables from NITF", () => {
  it("keeps wire tables as tables: caption, header row from <thead>, spans unmerged, rows padded", async () => {
    const result = await importNitf(wireTable);
    if (!result.ok) throw new Error(result.errors.join("\n"));
    expect(tablesOf(result.article.doc.child(5))).toEqual([
      { header: true, caption: "Premier League", cells: [["Team", "Games won, lost", ""], ["Arsenal", "8", "2"], ["Chelsea", "7", ""], ["", "3", ""]] },
      { header: false, caption: null, cells: [["Turnout", "41%"]] },
    ]);
    expect(result.warnings.join(" ")).not.toMatch(/table/);
  });

  it("reads a table wider than the article keeps as a paragraph per row, and says so", async () => {
    const cells = Array.from({ length: 120 }, (_, i) => `<td>c${i}</td>`).join("");
    const result = await importNitf(`<nitf><body><body.content><table><tr>${cells}</tr></table></body.content></body></nitf>`);
    if (!result.ok) throw new Error(result.errors.join("\n"));
    expect(result.article.doc.child(5).firstChild!.textContent).toMatch(/^c0 \| c1 \| c2/);
    expect(result.warnings.join(" ")).toMatch(/1 table was too wide to keep as a table \(over 100 columns/);
  });
});

describe("tables from HTML", () => {
  it("keeps a news page's results table through Readability, its th row the header", async () => {
    const words = "The council count ended at dawn with the Greens ahead in every ward of the city. ".repeat(6);
    const page = `<!doctype html><html lang="en"><head><title>Greens take the council</title></head><body><article><h1>Greens take the council</h1>
      <p>${words}</p><p>${words}</p>
      <table><tr><th>Party</th><th>Seats</th></tr><tr><td>Greens</td><td>31</td></tr><tr><td>Labour</td><td>24</td></tr></table>
      <p>${words}</p></article></body></html>`;
    const result = await importHtml(page, parseHtmlInNode);
    if (!result.ok) throw new Error(result.errors.join("\n"));
    expect(tablesOf(result.article.doc.child(5))).toEqual([{ header: true, caption: null, cells: [["Party", "Seats"], ["Greens", "31"], ["Labour", "24"]] }]);
  });

  it("gives back the tables of Copydesk's own HTML export exactly", async () => {
    const articles = sampleArticles(40).filter((a) => tablesOf(a.doc).length > 0);
    expect(articles.length).toBeGreaterThan(3);
    for (const a of articles) {
      const back = await importHtml(exportHtml(a), parseHtmlInNode);
      if (!back.ok) throw new Error(back.errors.join("\n"));
      expect(tablesOf(back.article.doc)).toEqual(tablesOf(a.doc));
    }
  });

  it("makes a cell's paragraphs and lists its words, and a nested table its words too", async () => {
    const html = `<html><head><meta name="generator" content="Copydesk"></head><body><div class="body"><table><tr><td><p>Top</p><p>left</p></td><td><ul><li>one</li><li>two</li></ul></td><td><table><tr><td>inner</td><td>cells</td></tr></table></td></tr></table></div></body></html>`;
    const result = await importHtml(html, parseHtmlInNode);
    if (!result.ok) throw new Error(result.errors.join("\n"));
    expect(tablesOf(result.article.doc.child(5))).toEqual([{ header: false, caption: null, cells: [["Top left", "one two", "inner cells"]] }]);
  });
});

describe("tables from Word", () => {
  it("keeps the corpus's Word table as a table of four cells between its paragraphs", async () => {
    const result = await importFile(join(__dirname, "../../fixtures/real/docx/tables.docx"));
    if (!result.ok) throw new Error(result.errors.join("\n"));
    const body = result.article.doc.child(5);
    expect(tablesOf(body)).toEqual([{ header: false, caption: null, cells: [["Top left", "Top right"], ["Bottom left", "Bottom right"]] }]);
    expect(body.firstChild!.textContent).toBe("Above");
    expect(body.lastChild!.textContent).toBe("Below");
  });

  it("gives back Copydesk's own DOCX tables: caption, header row and cells", async () => {
    for (const a of sampleArticles(30).filter((x) => tablesOf(x.doc).length > 0).slice(0, 6)) {
      const back = await importBytes(await exportDocx(a), "docx");
      if (!back.ok) throw new Error(back.errors.join("\n"));
      expect(tablesOf(back.article.doc)).toEqual(tablesOf(a.doc));
      expect(back.warnings.join(" ")).not.toMatch(/Table (Caption|Heading)/);
    }
  });
});

describe("tables pasted", () => {
  const parse = (html: string) => new LinkedomParser().parseFromString(html, "text/html") as unknown as Document;
  const doc = article({ body: [p("")] });
  const $body = doc.resolve(doc.resolve(0).posAtIndex(5) + 2);

  it("gives a table from a spreadsheet's or a page's HTML, spans unmerged", () => {
    const body = sanitizeHTML(`<table style="x" onclick="alert(1)"><tr><th colspan="2" onmouseover="x">Seats</th></tr><tr><td>Greens</td><td>31</td></tr></table>`, parse);
    const slice = parseSlice(body, $body);
    expect(tablesOf(n.body.create(null, slice.content))).toEqual([{ header: true, caption: null, cells: [["Seats", ""], ["Greens", "31"]] }]);
  });

  it("gives back a table copied from the editor, with its caption and header flag", () => {
    const copied = `<div class="table-block" data-header="false"><p class="table-caption">Turnout</p><table><tbody><tr><td>Ward 3</td><td>41%</td></tr></tbody></table></div>`;
    const slice = parseSlice(sanitizeHTML(copied, parse), $body);
    expect(tablesOf(n.body.create(null, slice.content))).toEqual([{ header: false, caption: "Turnout", cells: [["Ward 3", "41%"]] }]);
  });
});
