import type { Node as PMNode } from "prosemirror-model";
import { describe, expect, it } from "vitest";
import { TextSelection } from "prosemirror-state";
import { schema } from "../../../shared/schema";
import { docFromJSON } from "../../../shared/doc-check";
import { unsavableChange } from "../../../renderer/src/editor/savable";
import {
  backspaceInTable,
  deleteAcrossTable,
  deleteInTable,
  deleteTable,
  enterInTable,
  insertTable,
  nextCell,
  previousCell,
  tableCommands,
  tableNode,
  tablePlugins,
  toggleHeaderRow,
} from "../../../renderer/src/editor/tables";
import { apply, article, p, posOf, run, select, stateOf } from "./builders";

// The editor's table commands (renderer/src/editor/tables.ts) on editor states, with prosemirror-tables' plugin.

const n = schema.nodes;
const doc = article({ headline: "Results", body: [p("Standings after ten games.")] });
const plugins = tablePlugins();
const inParagraph = () => select(stateOf(doc, { plugins }), posOf(doc, "Standings", 3));

/// The texts of the first table's cells, row by row.
function cells(state: { doc: PMNode }): string[][] {
  let found: string[][] | null = null;
  state.doc.descendants((node) => {
    if (found) return false;
    if (node.type !== n.table_rows) return true;
    found = [];
    node.forEach((row) => {
      const texts: string[] = [];
      row.forEach((cell) => void texts.push(cell.textContent));
      found!.push(texts);
    });
    return false;
  });
  return found ?? [];
}

const type = (state: ReturnType<typeof inParagraph>, text: string) => state.apply(state.tr.insertText(text));
const parentType = (state: ReturnType<typeof inParagraph>) => state.selection.$from.parent.type.name;

describe("tables in the editor", () => {
  it("inserts a table after the paragraph: caption, header row and two rows of three cells, the cursor in the first cell", () => {
    const state = run(inParagraph(), insertTable());
    const body = state.doc.child(5);
    expect(body.child(1).type).toBe(n.table);
    expect(body.child(1).attrs.header).toBe(true);
    expect(body.child(2).type).toBe(n.paragraph);
    expect(cells(state)).toEqual([["", "", ""], ["", "", ""], ["", "", ""]]);
    expect(parentType(state)).toBe("table_cell");
    expect(state.selection.$from.index(-1)).toBe(0);
    expect(docFromJSON(state.doc.toJSON(), {}).ok).toBe(true);
  });

  it("types a row with Tab, and Tab in the last cell makes a new row", () => {
    let state = run(inParagraph(), insertTable(1, 2));
    state = type(state, "Team");
    state = run(state, nextCell);
    state = type(state, "Points");
    state = run(state, nextCell);
    expect(cells(state)).toEqual([["Team", "Points"], ["", ""]]);
    expect(state.selection.$from.index(-2)).toBe(1);
    state = type(state, "Arsenal");
    expect(cells(state)).toEqual([["Team", "Points"], ["Arsenal", ""]]);
  });

  it("goes back with Shift-Tab, from the first cell to the caption, and Tab from the caption to the first cell", () => {
    let state = run(inParagraph(), insertTable());
    state = run(state, previousCell);
    expect(parentType(state)).toBe("table_caption");
    state = type(state, "Premier League");
    expect(apply(state, previousCell)).toBeNull();
    state = run(state, nextCell);
    expect(parentType(state)).toBe("table_cell");
    expect(state.doc.child(5).child(1).firstChild!.textContent).toBe("Premier League");
  });

  it("adds and deletes rows and columns, and the cursor stays in the table", () => {
    let state = run(inParagraph(), insertTable(2, 2));
    state = run(state, tableCommands.addColumnAfter);
    state = run(state, tableCommands.addRowAfter);
    expect(cells(state).map((row) => row.length)).toEqual([3, 3, 3]);
    state = run(state, nextCell);
    state = run(state, tableCommands.deleteColumn);
    expect(cells(state).map((row) => row.length)).toEqual([2, 2, 2]);
    expect(parentType(state)).toBe("table_cell");
    state = inCell(state, 2, 1);
    state = run(state, tableCommands.deleteRow);
    expect(cells(state)).toHaveLength(2);
    expect([parentType(state), state.selection.$from.index(-2), state.selection.$from.index(-1)]).toEqual(["table_cell", 1, 1]);
  });

  it("Enter goes down a column, then out of the table", () => {
    let state = run(inParagraph(), insertTable(2, 2));
    state = run(state, nextCell);
    state = run(state, enterInTable);
    expect([state.selection.$from.index(-2), state.selection.$from.index(-1)]).toEqual([1, 1]);
    state = run(state, enterInTable);
    expect(parentType(state)).toBe("paragraph");
    expect(state.selection.$from.index(1)).toBe(2);
  });

  it("Backspace at the start of a cell and Delete at its end never merge two cells", () => {
    let state = run(inParagraph(), insertTable(1, 2));
    state = type(state, "A");
    state = run(state, nextCell);
    expect(apply(state, backspaceInTable)).not.toBeNull();
    expect(cells(run(state, backspaceInTable))).toEqual([["A", ""]]);
    state = run(state, previousCell);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, state.selection.to)));
    expect(deleteInTable(state)).toBe(true);
  });

  it("deleting a selection from a paragraph into a cell empties what it covers and keeps the table's rows", () => {
    let state = run(inParagraph(), insertTable(2, 2));
    state = type(state, "Arsenal");
    const from = posOf(state.doc, "Standings", 9);
    const to = posOf(state.doc, "Arsenal", 3);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
    let change: Parameters<Parameters<typeof deleteAcrossTable>[1] & object>[0] | null = null;
    expect(deleteAcrossTable(state, (tr) => void (change = tr))).toBe(true);
    expect(unsavableChange(change!, () => false)).toBeNull();
    state = state.apply(change!);
    expect(state.doc.child(5).firstChild!.textContent).toBe("Standings");
    expect(cells(state)).toEqual([["enal", ""], ["", ""]]);
    expect(apply(select(state, posOf(state.doc, "enal", 1)), deleteAcrossTable)).toBeNull();
  });

  it("turns the header row off and on, and deletes the whole table", () => {
    let state = run(inParagraph(), insertTable());
    state = run(state, toggleHeaderRow);
    expect(state.doc.child(5).child(1).attrs.header).toBe(false);
    state = run(state, deleteTable);
    expect(state.doc.child(5).childCount).toBe(2);
    expect(state.doc.child(5).child(1).type).toBe(n.paragraph);
  });

  it("refuses, through the savable guard, a change that leaves rows of different lengths or a merged cell", () => {
    const state = run(inParagraph(), insertTable(2, 2));
    const rowStart = posOfTableEnd(state) - state.doc.child(5).child(1).lastChild!.lastChild!.nodeSize;
    const ragged = state.tr.insert(rowStart + 1, n.table_cell.create());
    expect(unsavableChange(ragged, () => false)).toMatch(/every row of a table has as many cells/);
    const cellPos = state.selection.$from.before();
    expect(() => state.tr.setNodeAttribute(cellPos, "colspan", 2)).toThrow(/merged cells are not kept/);
  });
});

/// The state with the cursor at the end of a cell of the first table.
function inCell<S extends ReturnType<typeof inParagraph>>(state: S, row: number, column: number): S {
  let at = -1;
  state.doc.descendants((node, pos) => {
    if (at >= 0) return false;
    if (node.type !== n.table_rows) return true;
    node.forEach((r, rowOffset, i) => {
      if (i !== row) return;
      r.forEach((cell, cellOffset, j) => {
        if (j === column) at = pos + 1 + rowOffset + 1 + cellOffset + 1 + cell.content.size;
      });
    });
    return false;
  });
  return select(state, at) as S;
}

/// The position at the end of the first table's rows (inside table_rows, after its last row).
function posOfTableEnd(state: { doc: PMNode }): number {
  let end = -1;
  state.doc.descendants((node, pos) => {
    if (end >= 0) return false;
    if (node.type === n.table_rows) {
      end = pos + node.nodeSize - 1;
      return false;
    }
    return true;
  });
  return end;
}

describe("a new table", () => {
  it("is what the file format accepts, in any size", () => {
    for (const [rows, columns] of [[1, 1], [3, 3], [5, 7]]) {
      const table = tableNode(rows, columns);
      const json = article({ body: [table] }).toJSON();
      expect(docFromJSON(json, {}).ok).toBe(true);
    }
  });
});
