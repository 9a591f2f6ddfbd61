import type { Node as PMNode } from "prosemirror-model";
import { Transform } from "prosemirror-transform";
import { reviewOf, type Article, type ArticleMeta, type ArticleStatus } from "../../../shared/article";
import { personFrom } from "../../../shared/review/people";
import type { NoteThread } from "../../../shared/review/review";
import { rebuildVersions } from "../../../shared/review/version-rebuild";
import { storedVersions, withNewVersion } from "../../../shared/review/versions";
import { schema } from "../../../shared/schema";

// Edits a journalist makes, as functions from an article to the edited article (null when the edit
// does not apply there), written with ProseMirror transforms as the editor's commands are. Places are
// given as plain numbers and taken modulo what the article has, so a random test can name any.

const n = schema.nodes;
const time = "2026-11-29T10:00:00.000Z";

/// The text blocks of the document (fields and blocks at any depth) with their positions.
export function textblocks(doc: PMNode): { node: PMNode; pos: number }[] {
  const found: { node: PMNode; pos: number }[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) found.push({ node, pos });
    return !node.isTextblock;
  });
  return found;
}

/// Where the body starts (its content), and the body.
function body(doc: PMNode): { node: PMNode; start: number } {
  let start = 0;
  let found: PMNode | null = null;
  doc.forEach((field, offset) => {
    if (field.type === n.body) [found, start] = [field, offset + 1];
  });
  return { node: found!, start };
}

/// Positions of the body's top-level blocks.
function bodyBlocks(doc: PMNode): { node: PMNode; pos: number }[] {
  const { node, start } = body(doc);
  const blocks: { node: PMNode; pos: number }[] = [];
  node.forEach((block, offset) => blocks.push({ node: block, pos: start + offset }));
  return blocks;
}

/// The article with the document `tr` made, or null when a step failed or the result is not valid.
function withDoc(article: Article, change: (tr: Transform) => void): Article | null {
  const tr = new Transform(article.doc);
  try {
    change(tr);
    tr.doc.check();
  } catch {
    return null;
  }
  return tr.docChanged ? { ...article, doc: tr.doc } : null;
}

/// Types `text` into text block `block` at `offset`.
export const typeText = (block: number, offset: number, text: string) => (article: Article) => {
  const blocks = textblocks(article.doc);
  const { node, pos } = blocks[block % blocks.length];
  const at = pos + 1 + (offset % (node.content.size + 1));
  const marks = article.doc.resolve(at).marks().filter((mark) => mark.type.spec.inclusive !== false);
  return withDoc(article, (tr) => tr.insert(at, schema.text(text, marks)));
};

/// The offsets in a text block that are not inside a word.
function wordEdges(node: PMNode): number[] {
  const chars = node.textBetween(0, node.content.size, "\n", "\n");
  const isWordChar = (i: number) => i >= 0 && i < chars.length && /[\p{L}\p{N}]/u.test(chars[i]);
  return Array.from({ length: node.content.size + 1 }, (_, i) => i).filter((i) => !(isWordChar(i - 1) && isWordChar(i)));
}

/// Types `text` into text block `block` at the `edge`-th place that is not inside a word (modulo how
/// many); `intoText` takes only blocks that hold text already.
export const typeBetweenWords = (block: number, edge: number, text: string, options: { intoText?: boolean } = {}) => (article: Article) => {
  const blocks = textblocks(article.doc).filter(({ node }) => !options.intoText || node.content.size > 0);
  if (blocks.length === 0) return null;
  const { node, pos } = blocks[block % blocks.length];
  const edges = wordEdges(node);
  const at = pos + 1 + edges[edge % edges.length];
  const marks = article.doc.resolve(at).marks().filter((mark) => mark.type.spec.inclusive !== false);
  return withDoc(article, (tr) => tr.insert(at, schema.text(text, marks)));
};

/// Deletes up to `length` characters of text block `block` from `offset`.
export const deleteText = (block: number, offset: number, length: number) => (article: Article) => {
  const blocks = textblocks(article.doc);
  const { node, pos } = blocks[block % blocks.length];
  if (node.content.size === 0) return null;
  const from = offset % node.content.size;
  return withDoc(article, (tr) => tr.delete(pos + 1 + from, pos + 1 + Math.min(node.content.size, from + 1 + (length % 12))));
};

/// Splits body block `index` (a paragraph or subheading) at `offset`, as Enter does.
export const splitBlock = (index: number, offset: number) => (article: Article) => {
  const blocks = bodyBlocks(article.doc);
  const { node, pos } = blocks[index % blocks.length];
  if (!node.isTextblock) return null;
  return withDoc(article, (tr) => tr.split(pos + 1 + (offset % (node.content.size + 1))));
};

/// Joins body block `index` to the one after it when both are paragraphs, as Delete at its end does.
export const joinBlocks = (index: number) => (article: Article) => {
  const blocks = bodyBlocks(article.doc);
  const at = index % blocks.length;
  const next = blocks[at + 1];
  if (!next || blocks[at].node.type !== n.paragraph || next.node.type !== n.paragraph) return null;
  return withDoc(article, (tr) => tr.join(next.pos));
};

const blockKinds = ["paragraph", "subheading", "blockquote", "table"] as const;

/// Adds a block of kind `kind` (taken modulo the kinds) holding `text` before body block `index`.
export const addBlock = (index: number, kind: number, text: string) => (article: Article) => {
  const blocks = bodyBlocks(article.doc);
  const pos = index % (blocks.length + 1) === blocks.length ? body(article.doc).start + body(article.doc).node.content.size : blocks[index % (blocks.length + 1)].pos;
  const words = schema.text(text);
  const block = {
    paragraph: () => n.paragraph.create(null, words),
    subheading: () => n.subheading.create(null, words),
    blockquote: () => n.blockquote.create(null, [n.paragraph.create(null, words), n.attribution.create(null, schema.text("a minister"))]),
    table: () => n.table.create(null, n.table_rows.create(null, [0, 1].map(() => n.table_row.create(null, [n.table_cell.create(null, words), n.table_cell.create()])))),
  }[blockKinds[kind % blockKinds.length]]();
  return withDoc(article, (tr) => tr.insert(pos, block));
};

/// Removes body block `index`, unless it is the only one.
export const removeBlock = (index: number) => (article: Article) => {
  const blocks = bodyBlocks(article.doc);
  if (blocks.length < 2) return null;
  const { node, pos } = blocks[index % blocks.length];
  return withDoc(article, (tr) => tr.delete(pos, pos + node.nodeSize));
};

/// Adds a row to the `index`-th table of the body, as wide as its first row.
export const addTableRow = (index: number) => (article: Article) => tableEdit(article, index, (rows, pos, tr) => {
  const width = rows.firstChild!.childCount;
  tr.insert(pos + rows.nodeSize - 1, n.table_row.create(null, Array.from({ length: width }, () => n.table_cell.create())));
});

/// Adds a column to the `index`-th table of the body: a cell at the end of every row.
export const addTableColumn = (index: number) => (article: Article) => tableEdit(article, index, (rows, pos, tr) => {
  const ends: number[] = [];
  rows.forEach((row, offset) => ends.push(pos + 1 + offset + row.nodeSize - 1));
  for (const end of ends.reverse()) tr.insert(end, n.table_cell.create());
});

function tableEdit(article: Article, index: number, change: (rows: PMNode, pos: number, tr: Transform) => void): Article | null {
  const tables: { rows: PMNode; pos: number }[] = [];
  article.doc.descendants((node, pos) => {
    if (node.type === n.table_rows) tables.push({ rows: node, pos });
  });
  if (tables.length === 0) return null;
  const { rows, pos } = tables[index % tables.length];
  return withDoc(article, (tr) => change(rows, pos, tr));
}

const formatMarks = ["strong", "em"] as const;

/// Turns bold or italic (`mark`, modulo the two) on or off over up to `length` characters of text block `block`.
export const toggleMark = (block: number, offset: number, length: number, mark: number) => (article: Article) => {
  const blocks = textblocks(article.doc);
  const { node, pos } = blocks[block % blocks.length];
  const type = schema.marks[formatMarks[mark % formatMarks.length]];
  if (node.content.size === 0 || !node.type.allowsMarkType(type)) return null;
  const from = pos + 1 + (offset % node.content.size);
  const to = Math.min(pos + 1 + node.content.size, from + 1 + (length % 20));
  return withDoc(article, (tr) => (article.doc.rangeHasMark(from, to, type) ? tr.removeMark(from, to, type) : tr.addMark(from, to, type.create())));
};

/// Sets one metadata field.
export const setMeta = <K extends keyof ArticleMeta>(field: K, value: ArticleMeta[K]) => (article: Article) => ({ ...article, meta: { ...article.meta, [field]: value } });

/// A person of the review for replica `who`.
const person = (who: number) => ({ id: `p${who}`, entry: personFrom(`Reporter ${who}`, `R${who}`) });

/// Adds note `id` by replica `who` on up to `length` characters of text block `block`.
export const addNote = (who: number, id: string, block: number, offset: number, length: number) => (article: Article) => {
  const blocks = textblocks(article.doc);
  const { node, pos } = blocks[block % blocks.length];
  if (node.content.size === 0) return null;
  const from = pos + 1 + (offset % node.content.size);
  const to = Math.min(pos + 1 + node.content.size, from + 1 + (length % 20));
  const edited = withDoc(article, (tr) => tr.addMark(from, to, schema.marks.note.create({ id })));
  if (!edited) return null;
  const review = reviewOf(article);
  const { id: author, entry } = person(who);
  const thread: NoteThread = { anchor: "text", quote: article.doc.textBetween(from, to), author, time, body: `Note ${id}`, replies: [], resolved: null };
  return { ...edited, review: { ...review, people: { ...review.people, [author]: entry }, notes: { ...review.notes, [id]: thread } } };
};

/// Replica `who` replies `id` to the `index`-th note.
export const replyToNote = (who: number, index: number, id: string, body: string) => (article: Article) => {
  const review = reviewOf(article);
  const ids = Object.keys(review.notes).sort();
  if (ids.length === 0) return null;
  const noteId = ids[index % ids.length];
  const { id: author, entry } = person(who);
  const thread = review.notes[noteId];
  const notes = { ...review.notes, [noteId]: { ...thread, replies: [...thread.replies, { id, author, time, body }] } };
  return { ...article, review: { ...review, people: { ...review.people, [author]: entry }, notes } };
};

/// Deletes the `index`-th note, its thread and its marks.
export const deleteNote = (index: number) => (article: Article) => {
  const review = reviewOf(article);
  const ids = Object.keys(review.notes).sort();
  if (ids.length === 0) return null;
  const noteId = ids[index % ids.length];
  const tr = new Transform(article.doc).removeMark(0, article.doc.content.size, schema.marks.note.create({ id: noteId }));
  const { [noteId]: _gone, ...notes } = review.notes;
  return { ...article, doc: tr.doc, review: { ...review, notes } };
};

/// Replica `who` changes the status to `status`, logging it and taking version `id` as the app does.
export const changeStatus = (who: number, status: ArticleStatus, id: string) => (article: Article) => {
  const review = reviewOf(article);
  const meta = { ...article.meta, status };
  const { versions: rebuilt } = rebuildVersions(review.versions, article.doc, () => []);
  const taken = withNewVersion(rebuilt, { doc: article.doc, meta }, { id, author: `p${who}`, time, name: null, reason: "status" });
  const { id: by, entry } = person(who);
  return {
    ...article,
    meta,
    review: { ...review, people: { ...review.people, [by]: entry }, versions: storedVersions(taken, article.doc), workflow: [...review.workflow, { status, by, time, note: null }] },
  };
};
