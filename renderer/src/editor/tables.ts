import type { Node as PMNode } from "prosemirror-model";
import { Plugin, Selection, TextSelection, type Command, type EditorState } from "prosemirror-state";
import { addColumnAfter, addColumnBefore, addRowAfter, addRowBefore, deleteColumn, deleteRow, goToNextCell, isInTable, tableEditing } from "prosemirror-tables";
import { Decoration, DecorationSet } from "prosemirror-view";
import { schema } from "../../../shared/schema";
import { ancestorOf, insertBodyBlock } from "./commands";

// Tables in the body (shared/schema.ts): a caption line, then rows of cells of text. prosemirror-tables
// does the editing (rows and columns added and deleted, cell selections, rows kept the same length);
// these commands add what an article's table needs around it: inserting one, moving from cell to cell
// with Tab (a new row from the last cell), Enter going down a column, the header row, and Backspace
// and Delete never merging two cells.

const n = schema.nodes;

/// A new table: an empty caption line, then `rows` rows of `columns` empty cells, the first heading the columns.
export function tableNode(rows = 3, columns = 3, header = true): PMNode {
  const row = () => n.table_row.create(null, Array.from({ length: columns }, () => n.table_cell.create()));
  return n.table.create({ header }, [n.table_caption.create(), n.table_rows.create(null, Array.from({ length: rows }, row))]);
}

/// The table around the selection (in its caption or a cell), with its position.
export const tableAt = (state: EditorState): { node: PMNode; pos: number } | null => ancestorOf(state, n.table);

/// True when the selection is in a table, its caption or a cell.
export const inTable = (state: EditorState): boolean => tableAt(state) !== null;

/// Inserts a table at the current body block (replacing it when empty), with a paragraph after it; the
/// cursor goes to the first cell.
export function insertTable(rows = 3, columns = 3): Command {
  // The table, its caption (empty: 2), the rows, the first row, the first cell.
  return insertBodyBlock(
    () => tableNode(rows, columns),
    () => 1 + 2 + 1 + 1 + 1,
  );
}

/// The position inside the first cell of the table at `pos`.
function firstCellStart(table: PMNode, pos: number): number {
  const captionSize = table.firstChild!.type === n.table_caption ? table.firstChild!.nodeSize : 0;
  return pos + 1 + captionSize + 1 + 1 + 1;
}

const inCaption = (state: EditorState): boolean => state.selection.$from.parent.type === n.table_caption;

/// Tab: to the next cell, its text selected; from the last cell, to a new row; from the caption, to the first cell.
export const nextCell: Command = (state, dispatch, view) => {
  const table = tableAt(state);
  if (!table) return false;
  if (inCaption(state)) {
    dispatch?.(state.tr.setSelection(TextSelection.create(state.doc, firstCellStart(table.node, table.pos))).scrollIntoView());
    return true;
  }
  if (goToNextCell(1)(state, dispatch, view)) return true;
  if (!isInTable(state)) return false;
  if (dispatch) {
    addRowAfter(state, (tr) => {
      const $row = tr.doc.resolve(tr.mapping.map(state.selection.$from.after(-1), -1));
      const next = Selection.findFrom(tr.doc.resolve($row.pos + 1), 1, false);
      dispatch((next ? tr.setSelection(next) : tr).scrollIntoView());
    });
  }
  return true;
};

/// Shift-Tab: to the previous cell; from the first cell, to the caption (when the table has one).
export const previousCell: Command = (state, dispatch, view) => {
  const table = tableAt(state);
  if (!table || inCaption(state)) return false;
  if (goToNextCell(-1)(state, dispatch, view)) return true;
  if (table.node.firstChild!.type !== n.table_caption) return false;
  dispatch?.(state.tr.setSelection(TextSelection.create(state.doc, table.pos + 1 + table.node.firstChild!.nodeSize - 1)).scrollIntoView());
  return true;
};

/// Enter in a cell: to the cell below; from the last row, out of the table to the paragraph after it
/// (made when there is none). Enter in the caption: to the first cell.
export const enterInTable: Command = (state, dispatch) => {
  const table = tableAt(state);
  if (!table) return false;
  if (inCaption(state)) {
    dispatch?.(state.tr.setSelection(TextSelection.create(state.doc, firstCellStart(table.node, table.pos))).scrollIntoView());
    return true;
  }
  const { $from } = state.selection;
  if ($from.parent.type !== n.table_cell) return false;
  if (dispatch) {
    const column = $from.index(-1);
    const rows = $from.node(-2);
    const rowIndex = $from.index(-2);
    if (rowIndex + 1 < rows.childCount) {
      let pos = $from.after(-1) + 1;
      for (let i = 0; i < column; i++) pos += rows.child(rowIndex + 1).child(i).nodeSize;
      dispatch(state.tr.setSelection(TextSelection.create(state.doc, pos + 1)).scrollIntoView());
    } else {
      const after = table.pos + table.node.nodeSize;
      const next = state.doc.nodeAt(after);
      const tr = state.tr;
      if (next?.type !== n.paragraph) tr.insert(after, n.paragraph.create());
      dispatch(tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView());
    }
  }
  return true;
};

/// Backspace at the start of a cell or of the caption, and Delete at their end, do nothing rather than
/// merge a cell into its neighbour; Backspace at the start of the block after a table goes into its last cell.
export const backspaceInTable: Command = (state, dispatch) => {
  const { $cursor } = state.selection as TextSelection;
  if (!$cursor || $cursor.parentOffset > 0) return false;
  const parent = $cursor.parent.type;
  if (parent === n.table_cell || parent === n.table_caption) return true;
  const before = $cursor.depth >= 2 ? $cursor.node(-1).maybeChild($cursor.index(-1) - 1) : null;
  if (before?.type !== n.table) return false;
  if (dispatch) {
    const blockStart = $cursor.before();
    const tr = state.tr;
    if ($cursor.parent.content.size === 0 && $cursor.node(-1).childCount > 1) tr.delete(blockStart, $cursor.after());
    dispatch(tr.setSelection(Selection.near(tr.doc.resolve(blockStart - 2), -1)).scrollIntoView());
  }
  return true;
};

/// Delete at the end of a cell or the caption does nothing; at the end of the block before a table, neither.
export const deleteInTable: Command = (state) => {
  const { $cursor } = state.selection as TextSelection;
  if (!$cursor || $cursor.parentOffset < $cursor.parent.content.size) return false;
  const parent = $cursor.parent.type;
  if (parent === n.table_cell || parent === n.table_caption) return true;
  const after = $cursor.depth >= 2 ? $cursor.node(-1).maybeChild($cursor.index(-1) + 1) : null;
  return after?.type === n.table;
};

/// True when a text selection reaches into a table from outside it, or across cells: deleting it as
/// ProseMirror does would join a cell to a paragraph or to its neighbour, leaving rows of different lengths.
function crossesTableEdge(state: EditorState): boolean {
  const { selection } = state;
  if (selection.empty || !(selection instanceof TextSelection)) return false;
  const { $from, $to } = selection;
  const inTableCell = ($pos: typeof $from) => $pos.parent.type === n.table_cell || $pos.parent.type === n.table_caption;
  return (inTableCell($from) || inTableCell($to)) && !$from.sameParent($to);
}

/// Deleting a selection that reaches into a table empties the text it covers in each block and cell,
/// keeping every block, row and cell (as a selection across fields keeps every field).
export const deleteAcrossTable: Command = (state, dispatch) => {
  if (!crossesTableEdge(state)) return false;
  if (dispatch) {
    const { from, to } = state.selection;
    const ranges: [number, number][] = [];
    state.doc.nodesBetween(from, to, (node, pos) => {
      if (!node.isTextblock) return true;
      const start = Math.max(pos + 1, from);
      const end = Math.min(pos + 1 + node.content.size, to);
      if (end > start) ranges.push([start, end]);
      return false;
    });
    const tr = state.tr;
    for (const [start, end] of ranges.reverse()) tr.delete(start, end);
    dispatch(tr.setSelection(TextSelection.create(tr.doc, from)).scrollIntoView());
  }
  return true;
};

/// The header row on or off: whether the table's first row heads its columns.
export const toggleHeaderRow: Command = (state, dispatch) => {
  const table = tableAt(state);
  if (!table) return false;
  dispatch?.(state.tr.setNodeMarkup(table.pos, undefined, { ...table.node.attrs, header: !table.node.attrs.header }));
  return true;
};

/// True when the table around the selection has a header row.
export const headerRowOn = (state: EditorState): boolean => tableAt(state)?.node.attrs.header === true;

/// Deletes the table around the selection; the cursor goes to the block that takes its place.
export const deleteTable: Command = (state, dispatch) => {
  const table = tableAt(state);
  if (!table) return false;
  if (dispatch) {
    const body = state.selection.$from.node(1);
    const tr = state.tr;
    if (body.childCount === 1) tr.replaceWith(table.pos, table.pos + table.node.nodeSize, n.paragraph.create());
    else tr.delete(table.pos, table.pos + table.node.nodeSize);
    dispatch(tr.setSelection(Selection.near(tr.doc.resolve(Math.min(table.pos + 1, tr.doc.content.size)))).scrollIntoView());
  }
  return true;
};

/// The position at the end of the text of a cell of the table at `pos`, its row and column kept inside the table.
function cellEnd(table: PMNode, pos: number, row: number, column: number): number {
  const rows = table.lastChild!;
  let at = pos + 1 + (table.childCount > 1 ? table.firstChild!.nodeSize : 0) + 1;
  const r = Math.min(row, rows.childCount - 1);
  for (let i = 0; i < r; i++) at += rows.child(i).nodeSize;
  const cells = rows.child(r);
  const c = Math.min(column, cells.childCount - 1);
  at += 1;
  for (let i = 0; i < c; i++) at += cells.child(i).nodeSize;
  return at + 1 + cells.child(c).content.size;
}

/// A row or column deletion that leaves the cursor in the table: in the cell that took the deleted
/// one's place, or its neighbour before (prosemirror-tables would let it fall out after the table).
function staysInTable(command: Command): Command {
  return (state, dispatch, view) => {
    const table = tableAt(state);
    const { $from } = state.selection;
    if (!dispatch || !table || $from.parent.type !== n.table_cell) return command(state, dispatch, view);
    const row = $from.index(-2);
    const column = $from.index(-1);
    return command(
      state,
      (tr) => {
        const pos = tr.mapping.map(table.pos, -1);
        const node = tr.doc.nodeAt(pos);
        if (node?.type === n.table) tr.setSelection(TextSelection.create(tr.doc, cellEnd(node, pos, row, column)));
        dispatch(tr.scrollIntoView());
      },
      view,
    );
  };
}

/// The row and column commands of prosemirror-tables, for the command table.
export const tableCommands = {
  addRowBefore,
  addRowAfter,
  addColumnBefore,
  addColumnAfter,
  deleteRow: staysInTable(deleteRow),
  deleteColumn: staysInTable(deleteColumn),
};

/// Each empty caption shows what it is for.
function captionPlaceholders(state: EditorState): DecorationSet {
  const decorations: Decoration[] = [];
  const body = state.doc.child(5);
  let offset = 0;
  for (let i = 0; i < 5; i++) offset += state.doc.child(i).nodeSize;
  body.forEach((block, at) => {
    if (block.type !== n.table || block.firstChild?.type !== n.table_caption || block.firstChild.content.size > 0) return;
    const start = offset + 1 + at + 1;
    decorations.push(Decoration.node(start, start + block.firstChild.nodeSize, { class: "empty", "data-placeholder": "Table caption (optional)" }));
  });
  return DecorationSet.create(state.doc, decorations);
}

/// The editor's table plugins: prosemirror-tables' editing (cell selections, rows kept the same length)
/// and the captions' placeholders.
export function tablePlugins(): Plugin[] {
  const placeholders: Plugin<DecorationSet> = new Plugin({
    state: { init: (_, state) => captionPlaceholders(state), apply: (tr, set, _old, state) => (tr.docChanged ? captionPlaceholders(state) : set) },
    props: { decorations: (state) => placeholders.getState(state) },
  });
  // Typing over a selection that reaches into a table empties what it covers first, so the typed
  // text goes in (ProseMirror's own replace would be refused by the savable guard, and the key lost).
  const typing = new Plugin({
    props: {
      handleTextInput(view, _from, _to, text) {
        if (!deleteAcrossTable(view.state, view.dispatch)) return false;
        view.dispatch(view.state.tr.insertText(text).scrollIntoView());
        return true;
      },
    },
  });
  return [tableEditing({ allowTableNodeSelection: false }), placeholders, typing];
}
