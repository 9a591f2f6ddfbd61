import { describe, expect, it } from "vitest";
import { createArticle } from "../../../shared/article";
import { articleFromJSON, parseArticleFile, serializeArticle } from "../../../shared/article-file";
import { salvageArticle, textOfJSON } from "../../../shared/article-salvage";
import { docFromJSON } from "../../../shared/doc-check";
import { gridOf, spanOf } from "../../../shared/table-grid";

// The body's table in the file format: what it accepts (docs/article-model.md), what it refuses with a
// message naming the place, and how the salvage keeps every word of a table it refuses.

type Json = Record<string, unknown>;
const text = (t: string, marks?: Json[]): Json => (marks ? { type: "text", text: t, marks } : { type: "text", text: t });
const cell = (t = "", attrs: Json = { colspan: 1, rowspan: 1 }): Json => ({ type: "table_cell", attrs, content: t ? [text(t)] : [] });
const row = (...cells: Json[]): Json => ({ type: "table_row", content: cells });
const table = (rows: Json[], options: { header?: boolean; caption?: string } = {}): Json => ({
  type: "table",
  attrs: { header: options.header ?? true },
  content: [...(options.caption ? [{ type: "table_caption", content: [text(options.caption)] }] : []), { type: "table_rows", content: rows }],
});

/// An article's JSON parts with these body blocks.
function withBody(blocks: Json[]): Json {
  const base = createArticle({ now: new Date("2024-05-01T10:00:00Z") });
  const doc = base.doc.toJSON() as { content: Json[] };
  doc.content[5] = { type: "body", content: blocks };
  return { meta: base.meta, doc, assets: {} };
}

const results = table([row(cell("Team"), cell("Pts")), row(cell("Arsenal"), cell("25")), row(cell("Chelsea"), cell("22"))], { caption: "Premier League" });

describe("a table in the file format", () => {
  it("is accepted with its caption, header flag and rows, and round-trips byte for byte", () => {
    const result = articleFromJSON(withBody([results]));
    if (!result.ok) throw new Error(result.errors.join("\n"));
    const text = serializeArticle(result.article);
    const again = parseArticleFile(text);
    if (!again.ok) throw new Error(again.errors.join("\n"));
    expect(serializeArticle(again.article)).toBe(text);
    expect(text).toContain('"type": "table_caption"');
  });

  it("takes the body's marks in cells, and no caption, and a header flag off", () => {
    const marked = table([row(cell(), { type: "table_cell", attrs: { colspan: 1, rowspan: 1 }, content: [text("25", [{ type: "strong" }]), text(" pts", [{ type: "link", attrs: { href: "https://example.com", title: null } }])] })], { header: false });
    expect(articleFromJSON(withBody([marked])).ok).toBe(true);
  });

  it("refuses rows of different lengths, naming the row", () => {
    const ragged = table([row(cell("Team"), cell("Pts")), row(cell("Arsenal"))]);
    const result = articleFromJSON(withBody([ragged]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join("\n")).toMatch(/doc\.content\[5\]\.content\[0\]\.content\[0\] \(table_rows\): row 2 of the table has 1 cell where the first has 2/);
  });

  it("refuses merged cells, a header flag that is not true or false, and a table without rows", () => {
    const merged = articleFromJSON(withBody([table([row(cell("Team", { colspan: 2, rowspan: 1 })), row(cell("A"), cell("B"))])]));
    expect(merged.ok || merged.errors.join()).toMatch(/colspan is "2", not 1 \(merged cells are not kept\)/);
    const header = articleFromJSON(withBody([{ ...results, attrs: { header: "yes" } }]));
    expect(header.ok || header.errors.join()).toMatch(/header is "yes", not true or false/);
    const empty = docFromJSON((withBody([{ type: "table", attrs: { header: false }, content: [{ type: "table_caption" }] }]) as { doc: unknown }).doc, {});
    expect(empty.ok).toBe(false);
  });

  it("refuses a link in the caption (it takes emphasis only), and a paragraph in a cell", () => {
    const linked = table([row(cell("A"))]);
    (linked.content as Json[]).unshift({ type: "table_caption", content: [text("Source", [{ type: "link", attrs: { href: "https://example.com", title: null } }])] });
    expect(articleFromJSON(withBody([linked])).ok).toBe(false);
    const nested = table([row({ type: "table_cell", attrs: { colspan: 1, rowspan: 1 }, content: [{ type: "paragraph", content: [text("A")] }] })]);
    expect(articleFromJSON(withBody([nested])).ok).toBe(false);
  });
});

describe("a broken table in a file sent for salvage", () => {
  it("becomes a table of plain text, short rows padded, every word kept", () => {
    const broken = table([row(cell("Team"), cell("Pts"), cell("GD")), row(cell("Arsenal"), { type: "table_cell", attrs: { colspan: 3, rowspan: 1 }, content: [text("25")] })], { caption: "Standings" });
    const input = withBody([{ type: "paragraph", content: [text("Before.")] }, broken]);
    const { article, changes } = salvageArticle(input);
    expect(changes).toContain("the story's block 2 (table) was kept as a table of plain text");
    const body = (article.doc.toJSON() as { content: Json[] }).content[5];
    const kept = (body.content as Json[])[1];
    expect(kept.type).toBe("table");
    expect(textOfJSON(kept)).toBe("Standings Team Pts GD Arsenal 25");
    expect(article.doc.child(5).child(1).lastChild!.child(1).childCount).toBe(3);
  });

  it("becomes a paragraph of its words when it cannot be a table (a cell holding an image)", () => {
    const odd = table([row({ type: "table_cell", attrs: { colspan: 1, rowspan: 1 }, content: [{ type: "image", attrs: { src: "", alt: "Chart of the vote" } }, text("Votes")] })]);
    const { article } = salvageArticle(withBody([odd]));
    expect(article.doc.child(5).textContent).toContain("Votes");
  });
});

describe("unmerging cells (shared/table-grid.ts)", () => {
  it("puts a spanning cell's words where it starts and empty cells where it covered, and pads short rows", () => {
    const grid = gridOf(
      [
        [{ cell: "A", colspan: 2, rowspan: 1 }, { cell: "B", colspan: 1, rowspan: 2 }],
        [{ cell: "C", colspan: 1, rowspan: 1 }],
        [{ cell: "D", colspan: 1, rowspan: 1 }],
      ],
      () => "",
    );
    expect(grid).toEqual([["A", "", "B"], ["C", "", ""], ["D", "", ""]]);
  });

  it("reads spans from attributes, within bounds, and refuses a table too wide to keep", () => {
    expect([spanOf("3"), spanOf(null), spanOf("0"), spanOf("0", true), spanOf("-2"), spanOf("100000")]).toEqual([3, 1, 1, 0, 1, 100]);
    expect(gridOf([[{ cell: "x", colspan: 100, rowspan: 1 }, { cell: "y", colspan: 1, rowspan: 1 }]], () => "")).toBeNull();
    expect(gridOf([], () => "")).toBeNull();
  });
});

describe("a hostile table", () => {
  it("does not turn a few cells into a great many: spans that would make the table mostly empty cells make it text", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [{ cell: `r${i}`, colspan: 100, rowspan: 1 }]);
    expect(gridOf(rows, () => "")).toBeNull();
    const election = Array.from({ length: 600 }, (_, i) => [{ cell: `Ward ${i}`, colspan: 1, rowspan: 1 }, { cell: "41%", colspan: 2, rowspan: 1 }]);
    expect(gridOf(election, () => "")?.length).toBe(600);
  });
});
