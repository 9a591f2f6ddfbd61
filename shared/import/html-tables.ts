import { gridOf, spanOf, type SpannedCell } from "../table-grid";
import { LightNode } from "./light-dom";

// Tables in the one shape the article schema reads (shared/schema.ts), for paste and every HTML
// import (web pages, Copydesk's HTML, Word through mammoth, ninjs bodies): on the light copy the
// parser reads, each table becomes
//   <table data-header="true|false"><caption>…</caption><tbody><tr><td>…</td>…</tr>…</tbody></table>
// with inline content only in the caption and the cells (a paragraph, list or nested table in a cell
// becomes its words), merged cells unmerged and short rows padded (shared/table-grid.ts), so that no
// table the parser makes has rows of different lengths. What it comes from:
// - any <table>: <caption>, rows in <thead>, <tbody>, <tfoot> or right under <table>; its first row
//   heads the columns when it is in <thead> or all its cells are <th>;
// - Copydesk's own editor markup (a copy from the editor): div.table-block[data-header] with
//   p.table-caption and its <table>;
// - Word's caption paragraph (p.table-caption, as docx-import.ts names the Table Caption style) right before a table.

/// Elements kept inside a cell or caption: they carry marks (link, emphasis, notes' spans) or nothing.
const inlineTags = new Set("a abbr b bdi bdo cite code data del dfn em font i ins kbd mark q s samp small span strong sub sup time u var".split(" "));
/// The attributes kept on them: a link's address and title, the style a Google Docs bold or italic is read from.
const inlineAttributes: Record<string, string[]> = { a: ["href", "title"], b: ["style"], span: ["style"] };
/// Elements left out of a cell with what they hold.
const droppedTags = new Set(["img", "picture", "video", "audio", "svg", "script", "style", "template", "button", "input", "select", "textarea"]);

const element = (name: string, attributes: Record<string, string> = {}): LightNode => new LightNode(1, name, new Map(Object.entries(attributes)));
const text = (value: string): LightNode => new LightNode(3, "#text", new Map(), value);
const nameOf = (node: LightNode): string => node.nodeName.toLowerCase();
const elementChildren = (node: LightNode): LightNode[] => node.childNodes.filter((child) => child.nodeType === 1);

/// The inline content of `source` copied into `into`: inline elements kept (with their allowed
/// attributes), block elements made their words with spaces around, images and controls left out.
/// Recursion is bounded: the light copy is at most `maxHtmlDepth` deep.
function copyInline(source: LightNode, into: LightNode): void {
  for (const child of source.childNodes) {
    if (child.nodeType === 3) {
      into.appendChild(text(child.nodeValue ?? ""));
      continue;
    }
    const name = nameOf(child);
    if (droppedTags.has(name)) continue;
    if (name === "br") {
      into.appendChild(text(" "));
      continue;
    }
    if (inlineTags.has(name)) {
      const attributes: Record<string, string> = {};
      for (const attribute of inlineAttributes[name] ?? []) {
        const value = child.getAttribute(attribute);
        if (value !== null) attributes[attribute] = value;
      }
      const copy = into.appendChild(element(name, attributes));
      copyInline(child, copy);
      continue;
    }
    into.appendChild(text(" "));
    copyInline(child, into);
    into.appendChild(text(" "));
  }
}

/// The rows of a table in reading order: <thead>'s, then <tbody>'s and loose ones, then <tfoot>'s (nested tables aside).
function rowsOf(table: LightNode): { rows: LightNode[]; headRows: number } {
  const head: LightNode[] = [];
  const body: LightNode[] = [];
  const foot: LightNode[] = [];
  for (const child of elementChildren(table)) {
    const name = nameOf(child);
    if (name === "tr") body.push(child);
    else if (name === "thead") head.push(...elementChildren(child).filter((c) => nameOf(c) === "tr"));
    else if (name === "tbody") body.push(...elementChildren(child).filter((c) => nameOf(c) === "tr"));
    else if (name === "tfoot") foot.push(...elementChildren(child).filter((c) => nameOf(c) === "tr"));
  }
  return { rows: [...head, ...body, ...foot], headRows: head.length };
}

const cellsOf = (row: LightNode): LightNode[] => elementChildren(row).filter((c) => nameOf(c) === "td" || nameOf(c) === "th");

/// True when a text holds more than white space.
const hasWords = (node: LightNode): boolean => /\S/.test(node.textContent);

/// The words of a table that cannot be kept as one, a paragraph per row, its cells apart with "|".
function asParagraphs(rows: LightNode[], caption: LightNode | null): LightNode[] {
  const lines = rows.map((row) => cellsOf(row).map((cell) => cell.textContent.replace(/\s+/g, " ").trim()).filter(Boolean).join(" | "));
  if (caption) lines.unshift(caption.textContent.replace(/\s+/g, " ").trim());
  return lines.filter(Boolean).map((line) => {
    const p = element("p");
    p.appendChild(text(line));
    return p;
  });
}

/// The table in the schema's shape, or the paragraphs of its words when it is no table the article keeps.
function shaped(table: LightNode, caption: LightNode | null, header: boolean | null): LightNode[] {
  const { rows, headRows } = rowsOf(table);
  const captionSource = caption ?? elementChildren(table).find((c) => nameOf(c) === "caption") ?? null;
  const spanned: SpannedCell<LightNode>[][] = rows.map((row) =>
    cellsOf(row).map((cell) => {
      const td = element("td");
      copyInline(cell, td);
      return { cell: td, colspan: spanOf(cell.getAttribute("colspan")), rowspan: spanOf(cell.getAttribute("rowspan"), true) };
    }),
  );
  const grid = gridOf(spanned, () => element("td"));
  if (!grid) return asParagraphs(rows, captionSource);
  const firstCells = rows.length > 0 ? cellsOf(rows[0]) : [];
  const heads = header ?? (headRows > 0 || (firstCells.length > 0 && firstCells.every((c) => nameOf(c) === "th")));
  const out = element("table", { "data-header": String(heads) });
  if (captionSource && hasWords(captionSource)) copyInline(captionSource, out.appendChild(element("caption")));
  const tbody = out.appendChild(element("tbody"));
  for (const cells of grid) {
    const tr = tbody.appendChild(element("tr"));
    for (const cell of cells) tr.appendChild(cell);
  }
  // Words inside the table but in no row or caption (loose text, a stray paragraph) follow it.
  const loose = table.childNodes.filter((c) => !["caption", "thead", "tbody", "tfoot", "tr", "colgroup", "col"].includes(nameOf(c)) && hasWords(c));
  const after = loose.map((node) => {
    const p = element("p");
    copyInline(node.nodeType === 3 ? wrap(node) : node, p);
    return p;
  });
  return [out, ...after];
}

function wrap(node: LightNode): LightNode {
  const holder = element("span");
  holder.appendChild(text(node.nodeValue ?? ""));
  return holder;
}

/// The tables under `root` not inside another table (those become words of their cell), in document order.
function outermostTables(root: LightNode): LightNode[] {
  const found: LightNode[] = [];
  const stack: LightNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const children = elementChildren(node);
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (nameOf(child) === "table" || child.matches("div.table-block")) found.push(child);
      else stack.push(child);
    }
  }
  return found;
}

/// The previous sibling element, white space between them aside.
function previousElement(node: LightNode): LightNode | null {
  for (let at = node.previousSibling; at; at = at.previousSibling) {
    if (at.nodeType === 1) return at;
    if (hasWords(at)) return null;
  }
  return null;
}

/// Puts every table under `root` in the shape the schema reads (see the top of this file), in place.
export function shapeTables(root: LightNode): void {
  for (const found of outermostTables(root)) {
    const parent = found.parentNode;
    if (!parent) continue;
    let replacement: LightNode[];
    if (nameOf(found) !== "table") {
      // Copydesk's editor markup: its caption paragraph, its header flag and its table.
      const table = elementChildren(found).find((c) => nameOf(c) === "table") ?? null;
      const caption = elementChildren(found).find((c) => c.matches("p.table-caption")) ?? null;
      replacement = table ? shaped(table, caption, found.getAttribute("data-header") === "true") : caption ? asParagraphs([], caption) : [];
    } else {
      const before = previousElement(found);
      const wordCaption = before?.matches("p.table-caption") && !elementChildren(found).some((c) => nameOf(c) === "caption") ? before : null;
      replacement = shaped(found, wordCaption, null);
      if (wordCaption) parent.removeChild(wordCaption);
    }
    for (const node of replacement) parent.insertBefore(node, found);
    parent.removeChild(found);
  }
}
