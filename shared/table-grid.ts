// Tables as the article keeps them: rows of cells, one cell per row and column, no merged cells.
// What comes from elsewhere (HTML, NITF, Word) may merge cells (colspan, rowspan) or leave rows
// short; `gridOf` lays such a table out as the rectangle the article keeps, every cell's words in
// the place where its span starts and the places it covered left empty.

/// The widest table kept as a table; a wider one is read as text, a line per row (its cells apart with "|").
export const maxTableColumns = 100;
/// The most columns or rows one cell may span; a larger span counts as this many.
export const maxCellSpan = 100;

/// A cell as it comes, with the rows and columns it spans (0 rows: to the end of the table, as in HTML).
export interface SpannedCell<T> {
  cell: T;
  colspan: number;
  rowspan: number;
}

/// A span read from an attribute: a whole number from 1 to `maxCellSpan`, 1 when there is none; 0 only when `zero` allows it.
export function spanOf(value: string | null | undefined, zero = false): number {
  const n = Number.parseInt(value ?? "", 10);
  if (Number.isNaN(n) || n < 0 || (n === 0 && !zero)) return 1;
  return Math.min(n, maxCellSpan);
}

/// The rows laid out as a rectangle: each span unmerged (the cell's content where it starts, `empty()`
/// in the places it covered), short rows padded with `empty()`. Null when the table would be wider
/// than `maxTableColumns`, has no cell at all, or would be mostly cells it did not bring.
export function gridOf<T>(rows: readonly (readonly SpannedCell<T>[])[], empty: () => T): T[][] | null {
  const grid: (T | undefined)[][] = rows.map(() => []);
  let width = 0;
  for (let r = 0; r < rows.length; r++) {
    let c = 0;
    for (const { cell, colspan, rowspan } of rows[r]) {
      while (grid[r][c] !== undefined) c++;
      const down = rowspan === 0 ? rows.length - r : Math.min(rowspan, rows.length - r);
      const across = Math.max(1, colspan);
      if (c + across > maxTableColumns) return null;
      for (let dr = 0; dr < down; dr++) {
        for (let dc = 0; dc < across; dc++) grid[r + dr][c + dc] = dr === 0 && dc === 0 ? cell : empty();
      }
      c += across;
      width = Math.max(width, c);
    }
  }
  for (const row of grid) width = Math.max(width, row.length);
  if (width === 0) return null;
  // Spans and padding may add empty cells, but never many more than the table brought: a hostile page's
  // thousand rows of one cell spanning 100 columns is text, not a table of 100,000 cells.
  const given = rows.reduce((count, row) => count + row.length, 0);
  if (width * rows.length > 4 * given + 400) return null;
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? empty()));
}
