import { Fragment, type Mark, type Node as PMNode, type NodeType } from "prosemirror-model";
import { assetScheme } from "../article";
import { schema } from "../schema";
import { textOfJSON } from "../article-salvage";

// A merge of concurrent edits can leave a document that no single editor made and the schema does
// not accept: a body whose every block was deleted on one side or the other, a quote with two
// attributions, a table whose new row and new column crossed, a note mark whose thread was deleted.
// `repairedDoc` makes a document the schema accepts out of whatever the shared fragment holds,
// keeping every word: a part that fits nowhere is joined to the text before it or moved to the end
// of the story, never left out. Each repair is said in words.

type JSONObject = Record<string, unknown>;
const isObject = (v: unknown): v is JSONObject => typeof v === "object" && v !== null && !Array.isArray(v);

/// What the article around the document holds, which marks and images refer to.
export interface RepairContext {
  hasNote: (id: string) => boolean;
  hasAsset: (key: string) => boolean;
}

/// The document of `json` as the schema accepts it, and what had to be repaired.
export function repairedDoc(json: unknown, context: RepairContext): { doc: PMNode; repairs: string[] } {
  const repairs = new Set<string>();
  const leftovers: string[] = [];
  const built = buildNode(isObject(json) ? { ...json, type: "doc" } : { type: "doc", content: [] }, null, { context, repairs, leftovers });
  let doc = built[0];
  if (leftovers.length > 0) doc = withParagraphsAtEnd(doc, leftovers);
  return { doc, repairs: [...repairs] };
}

interface Work {
  context: RepairContext;
  repairs: Set<string>;
  /// Text of parts that fit nowhere where they were, for the end of the story.
  leftovers: string[];
}

const name = (type: NodeType): string => (type === schema.topNodeType ? "document" : type.name.replace(/_/g, " "));

/// The node(s) `json` stands for inside a node of type `parent` (null for the document).
function buildNode(json: unknown, parent: NodeType | null, work: Work): PMNode[] {
  if (!isObject(json)) return [];
  if (json.type === "text") {
    if (typeof json.text !== "string" || json.text === "") return [];
    return [schema.text(json.text, marksFor(json.marks, parent, work))];
  }
  const type = typeof json.type === "string" ? schema.nodes[json.type as keyof typeof schema.nodes] : undefined;
  if (!type || type === schema.nodes.text) {
    const text = textOfJSON(json);
    work.repairs.add(`a part the schema does not know (${String(json.type).slice(0, 40)}) was kept as text`);
    return text ? [schema.text(text)] : [];
  }
  const children = (Array.isArray(json.content) ? json.content : []).flatMap((child) => buildNode(child, type, work));
  let content = fittedContent(type, children, work);
  if (type === schema.nodes.table_rows) content = evenRows(content, work);
  return [type.create(attrsFor(type, json.attrs, work), content, marksFor(json.marks, parent, work))];
}

/// The node's attributes: the schema's, with an image whose embedded file is not in the story emptied.
function attrsFor(type: NodeType, value: unknown, work: Work): Record<string, unknown> {
  const given = isObject(value) ? value : {};
  const attrs: Record<string, unknown> = {};
  for (const key of Object.keys(type.spec.attrs ?? {})) if (given[key] !== undefined) attrs[key] = given[key];
  if (type === schema.nodes.image && typeof attrs.src === "string" && attrs.src.startsWith(assetScheme) && !work.context.hasAsset(attrs.src.slice(assetScheme.length))) {
    attrs.src = "";
    work.repairs.add("a figure whose image is not in the story lost its image (choose it again); its caption and credit are kept");
  }
  if (type === schema.nodes.table_cell) Object.assign(attrs, { colspan: 1, rowspan: 1 });
  return attrs;
}

/// The marks of `value` that the schema knows and `parent` allows; a note mark only with its thread.
function marksFor(value: unknown, parent: NodeType | null, work: Work): readonly Mark[] {
  if (!Array.isArray(value) || value.length === 0) return [];
  const marks: Mark[] = [];
  for (const json of value) {
    let mark: Mark;
    try {
      mark = schema.markFromJSON(json);
    } catch {
      work.repairs.add("a mark the schema does not know was taken off its text");
      continue;
    }
    if (parent && !parent.allowsMarkType(mark.type)) {
      work.repairs.add(`${mark.type.name} formatting was taken off text in a ${name(parent)}, which does not take it`);
      continue;
    }
    if (mark.type === schema.marks.note && !work.context.hasNote(String(mark.attrs.id))) {
      work.repairs.add(`the marks of note "${String(mark.attrs.id)}", whose thread was deleted, were taken off its words`);
      continue;
    }
    marks.push(mark);
  }
  return mark0(marks);
}

const mark0 = (marks: Mark[]): readonly Mark[] => marks.reduce<readonly Mark[]>((set, mark) => mark.addToSet(set), []);

/// `children` made into content `type` accepts: what is missing filled in (an empty paragraph in
/// an empty body), two of a kind where one belongs joined, anything else that does not fit turned
/// into a paragraph, joined to the text before it, or set aside for the end of the story.
function fittedContent(type: NodeType, children: PMNode[], work: Work): Fragment {
  const given = Fragment.fromArray(children);
  if (type.validContent(given)) return given;
  const out: PMNode[] = [];
  let match = type.contentMatch;
  for (const child of children) {
    const next = match.matchType(child.type);
    if (next && child.marks.every((mark) => type.allowsMarkType(mark.type))) {
      out.push(child);
      match = next;
      continue;
    }
    const last = out.at(-1);
    if (last && last.type === child.type) {
      out[out.length - 1] = joined(last, child, work);
      work.repairs.add(`two ${name(child.type)}s where the ${name(type)} takes one were joined`);
      continue;
    }
    const fill = match.fillBefore(Fragment.from(child));
    const after = fill && match.matchFragment(fill)?.matchType(child.type);
    if (fill && after) {
      fill.forEach((node) => out.push(node));
      out.push(child);
      match = after;
      work.repairs.add(`an empty ${fill.childCount === 1 ? name(fill.child(0).type) : "part"} was added where a ${name(type)} needs one`);
      continue;
    }
    const text = child.isText ? (child.text ?? "") : child.textContent;
    const paragraphFits = match.matchType(schema.nodes.paragraph);
    if (paragraphFits && text) {
      out.push(schema.nodes.paragraph.create(null, schema.text(text)));
      match = paragraphFits;
      work.repairs.add(`a ${name(child.type)} that did not fit in a ${name(type)} was kept as a paragraph`);
    } else if (last?.isTextblock && text) {
      out[out.length - 1] = last.type.create(last.attrs, last.content.append(Fragment.from(schema.text(` ${text}`))), last.marks);
      work.repairs.add(`the words of a ${name(child.type)} that did not fit in a ${name(type)} were joined to the text before them`);
    } else if (text) {
      work.leftovers.push(text);
      work.repairs.add(`the words of a ${name(child.type)} that did not fit in a ${name(type)} were moved to the end of the story`);
    } else work.repairs.add(`an empty ${name(child.type)} that did not fit in a ${name(type)} was left out`);
  }
  const end = match.fillBefore(Fragment.empty, true);
  if (end && end.childCount > 0) {
    end.forEach((node) => out.push(node));
    work.repairs.add(`an empty ${end.childCount === 1 ? name(end.child(0).type) : "part"} was added to a ${name(type)} that needs one`);
  }
  return Fragment.fromArray(out);
}

/// Two nodes of one kind as one: a text block's words one after the other, a container's children together.
function joined(first: PMNode, second: PMNode, work: Work): PMNode {
  if (first.isTextblock) {
    const space = first.content.size > 0 && second.content.size > 0 ? Fragment.from(schema.text(" ")) : Fragment.empty;
    return first.type.create(first.attrs, first.content.append(space).append(second.content), first.marks);
  }
  const children: PMNode[] = [];
  first.forEach((node) => children.push(node));
  second.forEach((node) => children.push(node));
  return first.type.create(first.attrs, fittedContent(first.type, children, work), first.marks);
}

/// A table's rows each as wide as the widest: a row and a column added at once leave one short.
function evenRows(rows: Fragment, work: Work): Fragment {
  let width = 0;
  rows.forEach((row) => (width = Math.max(width, row.childCount)));
  let padded = false;
  const out: PMNode[] = [];
  rows.forEach((row) => {
    if (row.childCount === width) return void out.push(row);
    const cells: PMNode[] = [];
    row.forEach((cell) => cells.push(cell));
    while (cells.length < width) cells.push(schema.nodes.table_cell.createAndFill()!);
    out.push(row.type.create(row.attrs, cells, row.marks));
    padded = true;
  });
  if (padded) work.repairs.add("a table's short rows were given empty cells, so every row has as many as the widest");
  return Fragment.fromArray(out);
}

/// The document with `texts` as paragraphs at the end of its body.
function withParagraphsAtEnd(doc: PMNode, texts: string[]): PMNode {
  const paragraphs = texts.map((text) => schema.nodes.paragraph.create(null, schema.text(text)));
  const fields: PMNode[] = [];
  doc.forEach((field) => fields.push(field.type === schema.nodes.body ? field.copy(field.content.append(Fragment.fromArray(paragraphs))) : field));
  return doc.copy(Fragment.fromArray(fields));
}
