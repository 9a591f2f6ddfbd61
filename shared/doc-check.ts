import type { Node as PMNode } from "prosemirror-model";
import { assetScheme, type Asset } from "./article";
import { imageOrigin } from "./asset-policy";
import { fieldNames, pullquoteRoles, reviewMarkNames, schema } from "./schema";
import { isReviewId } from "./review/review";
import { isSafeLinkHref, isWebHref } from "./urls";

// Structural checks of a document's JSON before ProseMirror sees it, so each problem
// comes back as a sentence that names its place, and unsafe URLs never reach a node.

type JSONObject = Record<string, unknown>;

const isObject = (v: unknown): v is JSONObject => typeof v === "object" && v !== null && !Array.isArray(v);

const quoted = (s: string): string => JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);

/// A value for a message: strings as they are, anything else by its kind (never String() or
/// JSON.stringify of a list, which recurse through whatever the list holds, however deep).
export const shown = (v: unknown): string =>
  typeof v === "string" ? v : Array.isArray(v) ? "(a list)" : v === null || v === undefined ? "" : typeof v === "object" ? "(an object)" : String(v);

/// How deeply nodes may nest, counting the document itself: lists within lists 30 levels deep fit.
/// Every walk over a document recurses at most this deep; deeper files are refused with a clear message.
export const maxDocDepth = 64;

/// How many problems are listed before the rest are only counted.
export const maxListedProblems = 50;

/// Checks document JSON and builds the node; returns the node or the problems found. `hasNote`
/// says which note threads the article holds (a `note` mark naming another is a problem).
export function docFromJSON(
  json: unknown,
  assets: Record<string, Asset>,
  hasNote: (id: string) => boolean = () => false,
): { ok: true; doc: PMNode } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  checkTopLevel(json, errors);
  if (errors.length === 0) walk(json as JSONObject, errors, assets, hasNote);
  if (errors.length > 0) return { ok: false, errors };
  try {
    const doc = schema.nodeFromJSON(json);
    doc.check();
    return { ok: true, doc };
  } catch (e) {
    return { ok: false, errors: [`doc: ${(e as Error).message}`] };
  }
}

/// The first problems, and how many more there are.
export function listedProblems(errors: string[]): string[] {
  if (errors.length <= maxListedProblems) return errors;
  return [...errors.slice(0, maxListedProblems), `… and ${errors.length - maxListedProblems} more problems`];
}

function checkTopLevel(json: unknown, errors: string[]): void {
  if (!isObject(json)) return void errors.push("doc: not an object");
  if (json.type !== "doc") return void errors.push(`doc: type is ${quoted(shown(json.type))}, expected "doc"`);
  if (!Array.isArray(json.content)) return void errors.push("doc.content: missing");
  if (json.marks !== undefined) errors.push("doc: marks are not allowed here");
  // Types as messages show them: a type of a megabyte is shortened like any value.
  const found = json.content.map((c) => (isObject(c) && typeof c.type === "string" ? (c.type.length > 60 ? `${c.type.slice(0, 60)}…` : c.type) : "?"));
  fieldNames.forEach((field, i) => {
    if (found[i] === field) return;
    if (!found.includes(field)) errors.push(`doc.content: the ${field} field is missing`);
    else errors.push(`doc.content[${i}]: expected the ${field} field here, found ${found[i] ?? "nothing"}`);
  });
  if (found.length > fieldNames.length && errors.length === 0) {
    errors.push(`doc.content[${fieldNames.length}]: unexpected ${found[fieldNames.length]} after the related links`);
  }
}

/// A node on the walk's stack; its path ("doc.content[5].content[0]") is spelled out only for a problem.
interface Visit {
  node: JSONObject;
  parent: Visit | null;
  index: number;
  depth: number;
}

/// Steps of a path spelled out in a message; a deeper node's path keeps its first and last steps.
const shownPathSteps = 10;

function pathOf(visit: Visit): string {
  const parts: string[] = [];
  for (let at: Visit | null = visit; at?.parent; at = at.parent) parts.push(`.content[${at.index}]`);
  parts.reverse();
  if (parts.length <= shownPathSteps) return `doc${parts.join("")}`;
  const skipped = parts.length - shownPathSteps;
  return `doc${parts.slice(0, shownPathSteps / 2).join("")}…(${skipped} levels)…${parts.slice(-shownPathSteps / 2).join("")}`;
}

/// Checks every node in document order, with an explicit stack (no recursion), going no deeper than `maxDocDepth`.
function walk(root: JSONObject, errors: string[], assets: Record<string, Asset>, hasNote: (id: string) => boolean): void {
  let relatedIndex = 0;
  const stack: Visit[] = [{ node: root, parent: null, index: 0, depth: 1 }];
  while (stack.length > 0) {
    if (errors.length > maxListedProblems * 20) return;
    const visit = stack.pop()!;
    const { node, depth } = visit;
    const path = () => pathOf(visit);
    const typeName = node.type;
    if (typeof typeName !== "string") {
      errors.push(`${path()}: node has no type`);
      continue;
    }
    const type = schema.nodes[typeName as keyof typeof schema.nodes];
    if (!type) {
      errors.push(`${path()}: unknown node type ${quoted(typeName)}`);
      continue;
    }
    const where = () => `${path()} (${typeName})`;

    if (node.attrs !== undefined && !isObject(node.attrs)) errors.push(`${where()}: attrs is not an object`);
    const attrs = (isObject(node.attrs) ? node.attrs : {}) as JSONObject;

    if (typeName === "related_link") relatedIndex += 1;
    const problem = attrsProblem(typeName, attrs, (key) => Object.hasOwn(assets, key));
    if (problem) errors.push(typeName === "related_link" ? `related link ${relatedIndex}: ${problem}` : `${where()}: ${problem}`);

    if (typeName === "text") {
      if (typeof node.text !== "string" || node.text === "") errors.push(`${path()}: text node without text`);
      continue;
    }
    if (node.content === undefined) continue;
    if (!Array.isArray(node.content)) {
      errors.push(`${where()}: content is not a list`);
      continue;
    }
    if (node.content.length > 0 && depth >= maxDocDepth) {
      errors.push(`${where()}: nested more than ${maxDocDepth} levels deep (lists within lists, quotes within quotes); Copydesk reads at most ${maxDocDepth}`);
      continue;
    }
    if (typeName === "table_rows") {
      const widths = node.content.map((row) => (isObject(row) && Array.isArray(row.content) ? row.content.length : 0));
      const problem = rowWidthsProblem(widths);
      if (problem) errors.push(`${where()}: ${problem}`);
    }
    const children: Visit[] = [];
    node.content.forEach((child, i) => {
      if (!isObject(child)) return void errors.push(`${path()}.content[${i}]: not a node`);
      // Marks on any node, not only text: ProseMirror reads them all, and a mark it does not know is a throw.
      if (child.marks !== undefined) checkMarks(child.marks, type.name, where, errors, hasNote);
      children.push({ node: child, parent: visit, index: i, depth: depth + 1 });
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

function checkMarks(marks: unknown, parent: string, where: () => string, errors: string[], hasNote: (id: string) => boolean): void {
  if (!Array.isArray(marks)) return void errors.push(`${where()}: marks is not a list`);
  const parentType = schema.nodes[parent as keyof typeof schema.nodes];
  for (const mark of marks) {
    if (!isObject(mark) || typeof mark.type !== "string") return void errors.push(`${where()}: a mark has no type`);
    const markType = schema.marks[mark.type as keyof typeof schema.marks];
    if (!markType) return void errors.push(`${where()}: unknown mark ${quoted(mark.type)}`);
    if (!parentType.allowsMarkType(markType)) {
      // A field that takes no formatting still takes notes: "marks" there means formatting.
      const none = (parentType.spec.marks ?? "").split(" ").every((name) => name === "" || (reviewMarkNames as readonly string[]).includes(name));
      return void errors.push(`${where()}: ${none ? "marks are" : `the ${mark.type} mark is`} not allowed here`);
    }
    const problem = markAttrsProblem(mark.type, isObject(mark.attrs) ? mark.attrs : {}, hasNote);
    if (problem) return void errors.push(`${where()}: ${problem}`);
  }
}

/// Why a node of this type cannot carry these attributes in a stored article, or null: a related
/// link not to http or https, an image neither https nor an embedded image `hasAsset` knows, an
/// unknown pull quote role, a merged table cell. The file check and the editor's guard (renderer/src/editor/savable.ts) both ask it.
export function attrsProblem(typeName: string, attrs: Record<string, unknown>, hasAsset: (key: string) => boolean): string | null {
  if (typeName === "related_link") {
    const href = attrs.href;
    return typeof href === "string" && isWebHref(href) ? null : `href ${quoted(shown(href))} is not http or https`;
  }
  if (typeName === "image") {
    const src = attrs.src;
    if (typeof src !== "string") return "image has no src";
    const origin = imageOrigin(src);
    if (src === "" || origin === "https") return null;
    if (origin !== "asset") return `image src ${quoted(src)} is neither https nor an embedded asset`;
    const key = src.slice(assetScheme.length);
    return hasAsset(key) ? null : `image refers to asset ${key.slice(0, 12)}…, which the file does not hold`;
  }
  if (typeName === "table_cell") {
    for (const key of ["colspan", "rowspan"]) {
      if (attrs[key] !== undefined && attrs[key] !== 1) return `a table cell's ${key} is ${quoted(shown(attrs[key]))}, not 1 (merged cells are not kept)`;
    }
    return null;
  }
  if (typeName === "table" && attrs.header !== undefined && typeof attrs.header !== "boolean") return `a table's header is ${quoted(shown(attrs.header))}, not true or false`;
  if (typeName === "pullquote" && attrs.role !== undefined && !(pullquoteRoles as readonly string[]).includes(shown(attrs.role))) {
    return `role ${quoted(shown(attrs.role))} is not ${pullquoteRoles.slice(0, -1).join(", ")} or ${pullquoteRoles.at(-1)}`;
  }
  return null;
}

/// Why the rows of a table, with these numbers of cells, are not one the article keeps, or null: every
/// row has as many cells as the first (the file check and the editor's guard both ask it).
export function rowWidthsProblem(widths: readonly number[]): string | null {
  const ragged = widths.findIndex((width) => width !== widths[0]);
  if (ragged < 0) return null;
  return `row ${ragged + 1} of the table has ${widths[ragged]} cell${widths[ragged] === 1 ? "" : "s"} where the first has ${widths[0]} (every row of a table has as many cells)`;
}

/// Why a mark cannot carry these attributes in a stored article, or null: a link not to http, https
/// or mailto, a note whose thread the article does not hold (`hasNote`; the editor's guard asks its store).
export function markAttrsProblem(typeName: string, attrs: Record<string, unknown>, hasNote: (id: string) => boolean = () => false): string | null {
  if (typeName === "note") {
    const id = attrs.id;
    if (!isReviewId(id)) return `note id ${quoted(shown(id))} is not an id`;
    return hasNote(id) ? null : `note ${quoted(id)} has no thread in the article's notes`;
  }
  if (typeName === "insertion" || typeName === "deletion" || typeName === "modification") {
    // A suggestion's author and time are in the article's `suggestions`; one missing there shows as by nobody known.
    return isReviewId(attrs.id) ? null : `suggestion id ${quoted(shown(attrs.id))} is not an id`;
  }
  if (typeName !== "link") return null;
  const href = attrs.href;
  return typeof href === "string" && isSafeLinkHref(href) ? null : `link href ${quoted(shown(href))} is not http, https or mailto`;
}
