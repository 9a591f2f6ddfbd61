import { describe, expect, it } from "vitest";
import { emptyDoc } from "../../../shared/article";
import { schema } from "../../../shared/schema";
import { checkArticle, textBlocks } from "../../../shared/style/article-check";
import { defaultGuide } from "./guides";

// A results table is figures and names in a grid: the house style's sentence and number rules
// (one to nine in words, no sentence starting with a figure) do not apply to its cells, and still
// apply to the caption and the paragraphs around it.

const n = schema.nodes;
const cell = (text: string) => n.table_cell.create(null, text ? schema.text(text) : undefined);

function articleWithTable() {
  const base = emptyDoc();
  const table = n.table.create({ header: true }, [
    n.table_caption.create(null, schema.text("Results")),
    n.table_row.create(null, [cell("Team"), cell("Goals")]),
    n.table_row.create(null, [cell("Lyon"), cell("5")]),
    n.table_row.create(null, [cell("Nice"), cell("3 goals")]),
  ]);
  const body = n.body.create(null, [n.paragraph.create(null, schema.text("The minister said 5 people were hurt.")), table]);
  return base.copy(base.content.replaceChild(5, body));
}

describe("the house style in a table", () => {
  it("leaves the cells alone and checks the paragraphs", () => {
    const doc = articleWithTable();
    expect(textBlocks(doc).filter((b) => b.cell).map((b) => b.node.textContent)).toEqual(["Team", "Goals", "Lyon", "5", "Nice", "3 goals"]);
    const matches = checkArticle(doc, { checkIgnores: [] }, defaultGuide.forLanguage("en"));
    expect(matches.map((m) => m.text)).toEqual(["5"]);
    expect(matches[0].block).toBe(1);
  });
});
