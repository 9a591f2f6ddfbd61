import type { Node as PMNode } from "prosemirror-model";

// A body table as the exporters see it (the schema's `table`: an optional caption, a header flag,
// rows of cells), and the markup the HTML-like formats share: HTML and ninjs (html-body.ts) and
// NITF (nitf.ts) write the same <table>, each with its own inline markup.

/// A table's parts: its caption when it has words, whether the first row heads the columns, and its rows of cells.
export interface TableParts {
  caption: PMNode | null;
  header: boolean;
  rows: PMNode[][];
}

/// Picks the caption, the header flag and the rows out of a table node.
export function tableParts(table: PMNode): TableParts {
  const parts: TableParts = { caption: null, header: table.attrs.header === true, rows: [] };
  table.forEach((child) => {
    if (child.type.name === "table_caption") parts.caption = child.content.size > 0 ? child : null;
    else if (child.type.name === "table_rows") {
      child.forEach((row) => {
        const cells: PMNode[] = [];
        row.forEach((cell) => void cells.push(cell));
        parts.rows.push(cells);
      });
    }
  });
  return parts;
}

/// The table as HTML or NITF markup: <caption>, the header row in <thead> as <th> cells, the other
/// rows in <tbody>; `inline` writes a caption's or a cell's text with its marks, `headerCell` the
/// opening tag of a header cell.
export function tableMarkup(table: PMNode, inline: (node: PMNode) => string, headerCell = "<th>"): string {
  const { caption, header, rows } = tableParts(table);
  const row = (cells: PMNode[], open: string, close: string) => `<tr>${cells.map((cell) => `${open}${inline(cell)}${close}`).join("")}</tr>`;
  const head = header && rows.length > 0 ? `<thead>${row(rows[0], headerCell, "</th>")}</thead>` : "";
  const bodyRows = header ? rows.slice(1) : rows;
  const body = bodyRows.length > 0 ? `<tbody>${bodyRows.map((cells) => row(cells, "<td>", "</td>")).join("")}</tbody>` : "";
  return `<table>${caption ? `<caption>${inline(caption)}</caption>` : ""}${head}${body}</table>`;
}

/// How many characters a piece of text takes in a fixed-width column: its code points, less combining
/// marks and joiners (an accent or an emoji's parts take no column of their own).
export function columnWidth(text: string): number {
  return [...text.replace(/\p{M}|\u200d|\ufe0f/gu, "")].length;
}

/// The table as plain text in aligned columns: the caption on its own line, cells apart by two spaces
/// and padded to their column's widest, a rule under the header row; every line starts with `indent`.
export function tableText(table: PMNode, indent = ""): string {
  const { caption, header, rows } = tableParts(table);
  const texts = rows.map((cells) => cells.map((cell) => cell.textContent));
  const widths = (texts[0] ?? []).map((_, column) => texts.reduce((most, cells) => Math.max(most, columnWidth(cells[column] ?? "")), 1));
  const line = (cells: string[]) => `${indent}${cells.map((text, i) => text + " ".repeat(widths[i] - columnWidth(text))).join("  ")}`.trimEnd();
  const lines = texts.map(line);
  if (header && lines.length > 0) lines.splice(1, 0, `${indent}${widths.map((w) => "-".repeat(w)).join("  ")}`);
  if (caption) lines.unshift(`${indent}${caption.textContent}`);
  return lines.join("\n");
}
