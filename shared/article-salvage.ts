import { articleStatuses, createArticle, type Article, type ArticleMeta } from "./article";
import { articleFromJSON, validAssets } from "./article-file";
import { fieldNames, type FieldName } from "./fields";
import { metaSchema } from "./meta-schema";
import { salvageReview } from "./review/review-salvage";

// When the file format refuses an article the window sent, its words must still reach the disk.
// `salvageArticle` makes an article the format accepts out of whatever came: metadata fields that
// fail fall back to defaults (identity kept when valid), and each part of the document that fails
// (a block of the body, a field, a related link) is replaced by a paragraph holding its text, so
// the recovery copy keeps every word. `howToFix` says, for each problem, what the journalist can do.

type JSON = Record<string, unknown>;
type NodeJSON = { type: string; attrs?: Record<string, unknown>; content?: NodeJSON[]; text?: string };

const isObject = (v: unknown): v is JSON => typeof v === "object" && v !== null && !Array.isArray(v);

/// What `salvageArticle` made, and what it had to change.
export interface Salvaged {
  article: Article;
  /// One line per part that was replaced or reset, e.g. "the body's block 3 (figure) was kept as text".
  changes: string[];
}

/// The text of any JSON node, however deep, without recursion: text nodes' text, blocks on their own lines.
export function textOfJSON(value: unknown): string {
  const parts: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!isObject(item)) continue;
    if (typeof item.text === "string") parts.push(item.text);
    for (const key of ["title", "alt"]) if (typeof item.attrs === "object" && item.attrs && typeof (item.attrs as JSON)[key] === "string") parts.push(` ${(item.attrs as JSON)[key] as string} `);
    if (Array.isArray(item.content)) {
      parts.push(" ");
      for (let i = item.content.length - 1; i >= 0; i--) stack.push(item.content[i]);
    }
  }
  return parts.join("").replace(/\s+/g, " ").trim();
}

const paragraph = (text: string): NodeJSON => ({ type: "paragraph", content: text ? [{ type: "text", text }] : [] });

/// An article the file format accepts, made from `value` (meta, doc and assets as JSON), keeping every word.
export function salvageArticle(value: unknown, now = new Date()): Salvaged {
  const input = isObject(value) ? value : {};
  const changes: string[] = [];
  const meta = salvageMeta(input.meta, now, changes);
  const assets = validAssets(input.assets);
  let review = salvageReview(input.review, now, changes);
  const checked = { verifiedAssets: new Set(Object.keys(assets)) };
  let whole = articleFromJSON({ meta, doc: input.doc, assets, review }, checked);
  if (whole.ok) return { article: whole.article, changes };
  // Versions are the steps back from this very document: when it is refused (or they are), they
  // cannot be kept once its parts are salvaged, and the text they hold is older.
  if (review.versions.length > 0) {
    review = { ...review, versions: [] };
    changes.push("the article's earlier versions could not be kept with its text and were left out");
    whole = articleFromJSON({ meta, doc: input.doc, assets, review }, checked);
    if (whole.ok) return { article: whole.article, changes };
  }

  const valid = (doc: NodeJSON): boolean => articleFromJSON({ meta, doc, assets, review }, checked).ok;
  const base = (createArticle({ now }).doc.toJSON() as NodeJSON).content!;
  const docIn = isObject(input.doc) && Array.isArray(input.doc.content) ? (input.doc.content as unknown[]) : [];
  const fieldOf = (name: FieldName): unknown => docIn.find((node) => isObject(node) && node.type === name);
  /// The document with `field` replaced: tried alone against the format, so each part is judged by itself.
  const withField = (index: number, field: NodeJSON): NodeJSON => ({ type: "doc", content: base.map((f, i) => (i === index ? field : f)) });

  const fields: NodeJSON[] = [];
  const rescued: NodeJSON[] = [];
  fieldNames.forEach((name, index) => {
    const found = fieldOf(name);
    if (found === undefined) {
      fields.push(base[index]);
      return;
    }
    if (name === "body") return fields.push(salvageBody(found, index, withField, valid, changes));
    if (name === "related") return fields.push(salvageRelated(found, index, withField, valid, rescued, changes));
    if (valid(withField(index, found as NodeJSON))) return fields.push(found as NodeJSON);
    const text = textOfJSON(found);
    const plain: NodeJSON = { type: name, content: text ? [{ type: "text", text }] : [] };
    if (name === "dateline") plain.attrs = datelineAttrs(found);
    if (valid(withField(index, plain))) {
      fields.push(plain);
      changes.push(`the ${name} was kept as plain text`);
    } else {
      fields.push(base[index]);
      if (text) rescued.push(paragraph(text));
      changes.push(`the ${name} was moved to the end of the story as text`);
    }
  });
  if (rescued.length > 0) {
    const body = fields[fieldNames.indexOf("body")];
    body.content = [...(body.content ?? []), ...rescued];
  }
  const salvaged = articleFromJSON({ meta, doc: { type: "doc", content: fields }, assets, review }, checked);
  if (salvaged.ok) return { article: salvaged.article, changes };

  // Whatever is still refused (it should not happen): the whole text as one paragraph of the story.
  const text = docIn.map(textOfJSON).filter(Boolean).join(" ");
  const doc = { type: "doc", content: base.map((f, i) => (fieldNames[i] === "body" ? { type: "body", content: [paragraph(text)] } : f)) };
  const fallback = articleFromJSON({ meta, doc, assets: {} });
  changes.push("the article was kept as one paragraph of text");
  return { article: fallback.ok ? fallback.article : { ...createArticle({ now }), meta }, changes };
}

function salvageBody(
  found: unknown,
  index: number,
  withField: (index: number, field: NodeJSON) => NodeJSON,
  valid: (doc: NodeJSON) => boolean,
  changes: string[],
): NodeJSON {
  const blocks = isObject(found) && Array.isArray(found.content) ? (found.content as unknown[]) : [];
  const kept: NodeJSON[] = [];
  blocks.forEach((block, i) => {
    if (valid(withField(index, { type: "body", content: [block as NodeJSON] }))) return void kept.push(block as NodeJSON);
    const type = isObject(block) && typeof block.type === "string" ? block.type : "block";
    const table = plainTable(block);
    if (table && valid(withField(index, { type: "body", content: [table] }))) {
      kept.push(table);
      changes.push(`the story's block ${i + 1} (table) was kept as a table of plain text`);
      return;
    }
    kept.push(paragraph(textOfJSON(block)));
    changes.push(`the story's block ${i + 1} (${type.slice(0, 40)}) was kept as text`);
  });
  return { type: "body", content: kept.length > 0 ? kept : [paragraph("")] };
}

/// A table the file format refuses (rows of different lengths, merged cells, a mark or node it does not
/// know) as a table of plain text: its caption, its header flag and each cell's words in place, short rows
/// padded with empty cells. Null when that would not hold every word of it (then it becomes a paragraph).
function plainTable(block: unknown): NodeJSON | null {
  if (!isObject(block) || block.type !== "table" || !Array.isArray(block.content)) return null;
  const parts = block.content.filter(isObject);
  const captionNode = parts.find((part) => part.type === "table_caption");
  const rowsNode = parts.find((part) => part.type === "table_rows");
  const rowList = (rowsNode && Array.isArray(rowsNode.content) ? rowsNode.content : parts.filter((part) => part.type === "table_row")) as unknown[];
  const rows = rowList.map((row) => (isObject(row) && Array.isArray(row.content) ? row.content.map(textOfJSON) : [textOfJSON(row)]));
  const width = rows.reduce((most, row) => Math.max(most, row.length), 0);
  if (width === 0) return null;
  const caption = textOfJSON(captionNode);
  const cell = (text: string): NodeJSON => ({ type: "table_cell", attrs: { colspan: 1, rowspan: 1 }, content: text ? [{ type: "text", text }] : [] });
  const table: NodeJSON = {
    type: "table",
    attrs: { header: isObject(block.attrs) && block.attrs.header === true },
    content: [
      ...(caption ? [{ type: "table_caption", content: [{ type: "text", text: caption }] }] : []),
      { type: "table_rows", content: rows.map((row) => ({ type: "table_row", content: Array.from({ length: width }, (_, i) => cell(row[i] ?? "")) })) },
    ],
  };
  return textOfJSON(table) === textOfJSON(block) ? table : null;
}

function salvageRelated(
  found: unknown,
  index: number,
  withField: (index: number, field: NodeJSON) => NodeJSON,
  valid: (doc: NodeJSON) => boolean,
  rescued: NodeJSON[],
  changes: string[],
): NodeJSON {
  const links = isObject(found) && Array.isArray(found.content) ? (found.content as unknown[]) : [];
  const kept: NodeJSON[] = [];
  links.forEach((link, i) => {
    if (valid(withField(index, { type: "related", content: [link as NodeJSON] }))) return void kept.push(link as NodeJSON);
    const attrs = isObject(link) && isObject(link.attrs) ? link.attrs : {};
    const text = [attrs.label, attrs.title, attrs.href].filter((v): v is string => typeof v === "string" && v !== "").join(" ");
    if (text) rescued.push(paragraph(text));
    changes.push(`related link ${i + 1} was moved to the end of the story as text`);
  });
  return { type: "related", content: kept };
}

function datelineAttrs(found: unknown): Record<string, unknown> {
  const attrs = isObject(found) && isObject(found.attrs) ? found.attrs : {};
  const text = (v: unknown) => (typeof v === "string" ? v : null);
  return { date: text(attrs.date), source: text(attrs.source) };
}

/// The metadata's valid fields; each other gets a default (a new id only when the id itself is unusable).
function salvageMeta(value: unknown, now: Date, changes: string[]): ArticleMeta {
  const found = isObject(value) ? value : {};
  const fresh = createArticle({ now }).meta;
  const meta: Record<string, unknown> = {};
  for (const key of Object.keys(fresh) as (keyof ArticleMeta)[]) {
    const field = metaSchema.shape[key];
    if (field.safeParse(found[key]).success) meta[key] = found[key];
    else {
      meta[key] = fresh[key];
      if (found[key] !== undefined) changes.push(`the metadata field ${key} was reset`);
    }
  }
  if (found.checkIgnores !== undefined) {
    if (metaSchema.shape.checkIgnores.safeParse(found.checkIgnores).success) meta.checkIgnores = found.checkIgnores;
    else changes.push("the metadata field checkIgnores was reset");
  }
  if (!articleStatuses.includes(meta.status as ArticleMeta["status"])) meta.status = "draft";
  return meta as unknown as ArticleMeta;
}

/// What the journalist can do about a problem the file format found, in a sentence.
export function howToFix(problem: string): string {
  if (/image (src|refers)|image has no src/.test(problem)) return "choose the figure's image again (Figure…), or remove the figure";
  if (/link href/.test(problem)) return "edit or remove that link (Ctrl+K)";
  if (/^related link/.test(problem)) return "edit that related link's address, or remove it";
  if (/nested more than/.test(problem)) return "outdent the innermost list items (Shift+Tab), or take the quote out of the quote";
  if (/^meta\./.test(problem)) return "correct it in the metadata panel (Ctrl+Alt+M)";
  if (/^assets\./.test(problem)) return "insert that image again from its file";
  if (/over the .* limit/.test(problem)) return "remove some images, or split the story";
  return "undo the last change (Ctrl+Z), or remove the part named";
}
