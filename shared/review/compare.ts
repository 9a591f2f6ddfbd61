import type { Node as PMNode } from "prosemirror-model";
import { fieldNode, type Article, type ArticleMeta } from "../article";
import { fields, type FieldName } from "../fields";
import { alignedHunks } from "./align";
import { withoutReview } from "./published";
import { wordDiffer, type TextPiece, type WordDiffer } from "./word-diff";

export type { TextPiece } from "./word-diff";

// Two versions of an article compared as the desk reads a redline: each field's words, the
// metadata, the related links, and the body block by block, each changed block's words marked
// deleted or inserted. The desk's review (notes) is not copy and is left out of the comparison.
//
// The body is aligned block by block first (Myers' diff over each block's content, as JSON), then
// the words of each changed block are compared (shared/review/word-diff.ts), so the work grows
// with the article's length and the size of the change, not their product. A deleted block whose content comes back elsewhere is reported once, as moved.

/// A field whose words or settings differ (the body and related links are reported apart).
export interface FieldChange {
  field: Exclude<FieldName, "body" | "related">;
  label: string;
  /// The field's text as a redline.
  pieces: TextPiece[];
  /// What changed beyond the words, one phrase each ("date 2014-01-07 → 2014-01-08").
  details: string[];
}

/// A metadata field whose value differs, both values written out ("(none)" for an empty one).
export interface MetaChange {
  field: keyof ArticleMeta;
  label: string;
  before: string;
  after: string;
}

/// One related link as the redline shows it.
export interface RelatedLinkText {
  href: string;
  title: string;
  label: string | null;
}

/// A related link added, taken away or changed; `number` counts from 1 in its version.
export interface RelatedChange {
  change: "inserted" | "deleted" | "changed";
  number: number;
  before: RelatedLinkText | null;
  after: RelatedLinkText | null;
}

/// A body block that differs. `before` and `after` are its numbers (from 1) among the body's
/// blocks of the older and the newer version; null where it is not in that version.
export interface BodyChange {
  change: "changed" | "inserted" | "deleted" | "moved";
  before: number | null;
  after: number | null;
  /// What the block is, e.g. "paragraph" (for a changed one, what it is now).
  kind: string;
  /// Its text as a redline (its paragraphs, captions, attributions… one line each).
  pieces: TextPiece[];
  details: string[];
}

/// What differs between two versions of an article; `equal` when nothing does.
export interface Redline {
  equal: boolean;
  fields: FieldChange[];
  meta: MetaChange[];
  related: RelatedChange[];
  body: BodyChange[];
}

/// The text fields compared word by word, in document order.
const textFields = ["kicker", "headline", "standfirst", "byline", "dateline", "tagline"] as const;

/// The metadata fields, in the order the redline lists them, with their names for people.
export const metaLabels: Record<keyof ArticleMeta, string> = {
  status: "Status",
  slug: "Slug",
  language: "Language",
  tags: "Keywords",
  embargo: "Embargo",
  wordTarget: "Word target",
  urgency: "Urgency",
  priority: "Priority",
  genre: "Genre",
  subjects: "Subjects",
  located: "Located",
  signOff: "Sign-off",
  ednote: "Editor's note",
  copyrightHolder: "Copyright holder",
  copyrightNotice: "Copyright notice",
  usageTerms: "Usage terms",
  authors: "Authors",
  version: "Version",
  firstPublished: "First published",
  published: "Published",
  created: "Created",
  updated: "Updated",
  id: "Id",
  checkIgnores: "Ignored style matches",
};

/// Names for people of the body's kinds of block; any other is named by its node type.
const blockKinds: Record<string, string> = {
  paragraph: "paragraph",
  subheading: "subheading",
  blockquote: "quote",
  pullquote: "pull quote",
  figure: "figure",
  bullet_list: "bullet list",
  ordered_list: "numbered list",
};

/// The kind of a body block for people, e.g. "pull quote".
export const blockKind = (node: PMNode): string => blockKinds[node.type.name] ?? node.type.name.replace(/_/g, " ");

/// Compares two versions of an article: `older` is the one the redline starts from.
export function compareArticles(older: Article, newer: Article): Redline {
  const a = withoutReview(older);
  const b = withoutReview(newer);
  const words = wordDiffer();
  const redline: Redline = {
    equal: false,
    fields: compareFields(a.doc, b.doc, words),
    meta: compareMeta(a.meta, b.meta),
    related: compareRelated(a.doc, b.doc),
    body: compareBody(fieldNode(a.doc, "body"), fieldNode(b.doc, "body"), words),
  };
  redline.equal = redline.fields.length + redline.meta.length + redline.related.length + redline.body.length === 0;
  return redline;
}

/// A node's content as the file writes it: two nodes with the same key are the same copy.
const keyOf = (node: PMNode): string => JSON.stringify(node.toJSON());

/// The text of a block or field, a line per paragraph, caption or attribution, a picture as its alt text.
export function textOf(node: PMNode): string {
  return node.textBetween(0, node.content.size, "\n", (leaf) => (leaf.type.name === "image" ? `[Picture: ${String(leaf.attrs.alt ?? "")}]` : ""));
}

function compareFields(a: PMNode, b: PMNode, words: WordDiffer): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of textFields) {
    const before = fieldNode(a, field);
    const after = fieldNode(b, field);
    if (!before || !after || keyOf(before) === keyOf(after)) continue;
    const details = attrChanges(before, after);
    if (before.textContent === after.textContent && details.length === 0) details.push("spacing, formatting or links changed");
    changes.push({ field, label: fields[field].label, pieces: words(before.textContent, after.textContent), details });
  }
  return changes;
}

/// The field's settings that differ (the dateline's date and agency), as "date a → b".
function attrChanges(before: PMNode, after: PMNode): string[] {
  return Object.keys(after.attrs)
    .filter((name) => before.attrs[name] !== after.attrs[name])
    .map((name) => `${name} ${shown(before.attrs[name])} → ${shown(after.attrs[name])}`);
}

/// A value as the redline writes it.
function shown(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(none)";
  if (Array.isArray(value)) return value.length === 0 ? "(none)" : value.map(shownItem).join(", ");
  return shownItem(value);
}

/// A value as a person reads it: a concept or an author by name, a place by its parts.
function shownItem(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "object" && value !== null) {
    const { name, city, region, country } = value as Record<string, unknown>;
    if (typeof name === "string") return name;
    if (typeof city === "string") return [city, region, country].filter((p) => typeof p === "string" && p !== "").join(", ");
  }
  return JSON.stringify(value);
}

function compareMeta(a: ArticleMeta, b: ArticleMeta): MetaChange[] {
  const changes: MetaChange[] = [];
  for (const field of Object.keys(metaLabels) as (keyof ArticleMeta)[]) {
    const before = shown(a[field]);
    const after = shown(b[field]);
    if (JSON.stringify(a[field] ?? null) !== JSON.stringify(b[field] ?? null)) changes.push({ field, label: metaLabels[field], before, after });
  }
  return changes;
}

function relatedLinks(doc: PMNode): RelatedLinkText[] {
  const links: RelatedLinkText[] = [];
  fieldNode(doc, "related")?.forEach((link) => {
    const { href, title, label } = link.attrs as RelatedLinkText;
    links.push({ href, title, label: label || null });
  });
  return links;
}

function compareRelated(a: PMNode, b: PMNode): RelatedChange[] {
  const before = relatedLinks(a);
  const after = relatedLinks(b);
  const changes: RelatedChange[] = [];
  for (const hunk of alignedHunks(before.map((l) => JSON.stringify(l)), after.map((l) => JSON.stringify(l)))) {
    const paired = Math.min(hunk.deleted.length, hunk.inserted.length);
    hunk.inserted.forEach((j, k) => changes.push(k < paired ? { change: "changed", number: j + 1, before: before[hunk.deleted[k]], after: after[j] } : { change: "inserted", number: j + 1, before: null, after: after[j] }));
    for (const i of hunk.deleted.slice(paired)) changes.push({ change: "deleted", number: i + 1, before: before[i], after: null });
  }
  return changes;
}

function compareBody(a: PMNode | null, b: PMNode | null, words: WordDiffer): BodyChange[] {
  const before: PMNode[] = [];
  const after: PMNode[] = [];
  a?.forEach((block) => before.push(block));
  b?.forEach((block) => after.push(block));
  const beforeKeys = before.map(keyOf);
  const afterKeys = after.map(keyOf);
  const hunks = alignedHunks(beforeKeys, afterKeys);

  // A block deleted in one place and inserted, unchanged, in another was moved (empty ones aside).
  const deletedByKey = new Map<string, number[]>();
  for (const hunk of hunks) {
    for (const i of hunk.deleted) {
      if (before[i].textContent.trim() === "") continue;
      const same = deletedByKey.get(beforeKeys[i]);
      if (same) same.push(i);
      else deletedByKey.set(beforeKeys[i], [i]);
    }
  }
  const movedFrom = new Map<number, number>();
  for (const hunk of hunks) {
    for (const j of hunk.inserted) {
      const from = deletedByKey.get(afterKeys[j])?.shift();
      if (from !== undefined) movedFrom.set(j, from);
    }
  }
  const moved = new Set(movedFrom.values());

  const changes: BodyChange[] = [];
  for (const hunk of hunks) {
    const deleted = hunk.deleted.filter((i) => !moved.has(i));
    const inserted = hunk.inserted.filter((j) => !movedFrom.has(j));
    const paired = Math.min(deleted.length, inserted.length);
    let k = 0;
    for (const j of hunk.inserted) {
      const block = after[j];
      const from = movedFrom.get(j);
      if (from !== undefined) changes.push({ change: "moved", before: from + 1, after: j + 1, kind: blockKind(block), pieces: words(textOf(block), textOf(block)), details: [] });
      else if (k++ < paired) changes.push(changedBlock(before[deleted[k - 1]], deleted[k - 1], block, j, words));
      else changes.push({ change: "inserted", before: null, after: j + 1, kind: blockKind(block), pieces: words("", textOf(block)), details: [] });
    }
    for (const i of deleted.slice(paired)) changes.push({ change: "deleted", before: i + 1, after: null, kind: blockKind(before[i]), pieces: words(textOf(before[i]), ""), details: [] });
  }
  return changes;
}

function changedBlock(older: PMNode, i: number, newer: PMNode, j: number, words: WordDiffer): BodyChange {
  const details: string[] = [];
  if (older.type !== newer.type) details.push(`was a ${blockKind(older)}`);
  else details.push(...attrChanges(older, newer));
  const pieces = words(textOf(older), textOf(newer));
  if (details.length === 0 && pieces.every((p) => p.change === "same")) details.push("spacing, formatting, links or pictures changed");
  return { change: "changed", before: i + 1, after: j + 1, kind: blockKind(newer), pieces, details };
}
