import type { Node as PMNode } from "prosemirror-model";
import { EditorState, NodeSelection, TextSelection, type Command, type Plugin } from "prosemirror-state";
import { createArticle, type ArticleMeta } from "../../../shared/article";
import { schema } from "../../../shared/schema";
import { statePlugins } from "../../../renderer/src/editor/setup";

// Builders for article documents and editor states, so tests read like the article they check.

const n = schema.nodes;
type Inline = string | PMNode;

function inline(content: Inline[]): PMNode[] {
  return content.filter((c) => c !== "").map((c) => (typeof c === "string" ? schema.text(c) : c));
}

/// A paragraph.
export const p = (...content: Inline[]) => n.paragraph.create(null, inline(content));
/// A subheading.
export const h2 = (...content: Inline[]) => n.subheading.create(null, inline(content));
/// A block quote of paragraphs, with an optional attribution.
export const quote = (paragraphs: PMNode[], who?: string) => n.blockquote.create(null, who ? [...paragraphs, n.attribution.create(null, inline([who]))] : paragraphs);
/// A bullet list of paragraphs' texts.
export const ul = (...items: string[]) => n.bullet_list.create(null, items.map((t) => n.list_item.create(null, p(t))));
/// Bold text.
export const strong = (text: string) => schema.text(text, [schema.marks.strong.create()]);
/// A link.
export const link = (text: string, href: string) => schema.text(text, [schema.marks.link.create({ href })]);
/// A related link.
export const related = (title: string, href = `https://example.com/${title.toLowerCase().replace(/\W+/g, "-")}`, label: string | null = null) =>
  n.related_link.create({ href, title, label });

/// The parts of an article; fields left out are empty, the body defaults to one empty paragraph.
export interface ArticleParts {
  kicker?: string;
  headline?: string;
  standfirst?: Inline[];
  byline?: string;
  dateline?: string;
  date?: string | null;
  source?: string | null;
  body?: PMNode[];
  tagline?: string;
  related?: PMNode[];
}

/// An article document from its parts.
export function article(parts: ArticleParts = {}): PMNode {
  return n.doc.create(null, [
    n.kicker.create(null, inline([parts.kicker ?? ""])),
    n.headline.create(null, inline([parts.headline ?? ""])),
    n.standfirst.create(null, inline(parts.standfirst ?? [])),
    n.byline.create(null, inline([parts.byline ?? ""])),
    n.dateline.create({ date: parts.date ?? null, source: parts.source ?? null }, inline([parts.dateline ?? ""])),
    n.body.create(null, parts.body?.length ? parts.body : [p()]),
    n.tagline.create(null, inline([parts.tagline ?? ""])),
    n.related.create(null, parts.related ?? []),
  ]);
}

/// Metadata for tests.
export function meta(changes: Partial<ArticleMeta> = {}): ArticleMeta {
  return { ...createArticle({ id: "00000000-0000-4000-8000-000000000000", now: new Date("2024-01-01T00:00:00Z") }).meta, ...changes };
}

/// An editor state on a document with the state plugins (history, meta, counts, find) and any extra ones.
export function stateOf(doc: PMNode, options: { meta?: Partial<ArticleMeta>; plugins?: Plugin[] } = {}): EditorState {
  return EditorState.create({ doc, plugins: [...(options.plugins ?? []), ...statePlugins(meta(options.meta))] });
}

/// The position just before the first occurrence of `text` (plus `offset`).
export function posOf(doc: PMNode, text: string, offset = 0): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text) + offset;
    return true;
  });
  if (found < 0) throw new Error(`"${text}" is not in the document`);
  return found;
}

/// The start of the content of a top-level field.
export function fieldStart(doc: PMNode, field: string): number {
  let start = -1;
  doc.forEach((child, pos) => {
    if (child.type.name === field) start = pos + 1;
  });
  return start;
}

/// The state with a cursor (or a text selection) at positions.
export function select(state: EditorState, from: number, to = from): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
}

/// The state with the node at `pos` selected.
export function selectNode(state: EditorState, pos: number): EditorState {
  return state.apply(state.tr.setSelection(NodeSelection.create(state.doc, pos)));
}

/// Runs a command; answers the new state, or null when the command did not apply.
export function apply(state: EditorState, command: Command): EditorState | null {
  let next: EditorState | null = null;
  const applied = command(state, (tr) => (next = state.apply(tr)));
  if (!applied) return null;
  return next ?? state;
}

/// Like `apply`, failing the test when the command does not apply.
export function run(state: EditorState, command: Command): EditorState {
  const next = apply(state, command);
  if (!next) throw new Error("the command did not apply");
  return next;
}

/// Text of each top-level field and body block, for compact assertions.
export function outline(doc: PMNode): string[] {
  const lines: string[] = [];
  doc.forEach((field) => {
    if (field.type === n.body || field.type === n.related) field.forEach((block) => lines.push(`${block.type.name}: ${block.textContent || JSON.stringify(block.attrs)}`));
    else lines.push(`${field.type.name}: ${field.textContent}`);
  });
  return lines;
}
