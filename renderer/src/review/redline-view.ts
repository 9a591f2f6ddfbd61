import type { Node as PMNode } from "prosemirror-model";
import type { ArticleMeta } from "../../../shared/article";
import { compareArticles, type Redline, type TextPiece } from "../../../shared/review/compare";
import { bodyHeading } from "../../../shared/review/redline-text";
import { countWords } from "../../../shared/word-count";
import { element } from "../app/dom";
import "./redline.css";

// The redline as the window shows it, one view for every comparison: the History panel's (the
// article now against a version) and the compare panel's (against another file, or the version on
// disk). Each field and body block with its words marked deleted or inserted, metadata and related
// links listed (shared/review/compare.ts does the comparing).

/// One side of a comparison: an article's document and metadata.
export interface ComparedSide {
  doc: PMNode;
  meta: ArticleMeta;
}

/// The redline of `newer` against `older`; `same` is what it says when nothing differs. The time of
/// saving differs on nearly every pair and says nothing of the copy: the redline leaves it out.
export function redlineView(older: ComparedSide, newer: ComparedSide, same: string): HTMLElement {
  const redline = compareArticles({ doc: older.doc, meta: { ...older.meta, updated: newer.meta.updated }, assets: {} }, { doc: newer.doc, meta: newer.meta, assets: {} });
  return redlineElement(redline, same);
}

/// A redline as the window shows it; `same` is what it says when nothing differs.
export function redlineElement(redline: Redline, same: string): HTMLElement {
  const root = element("div", { class: "redline" });
  if (redline.equal) {
    root.append(element("p", { class: "redline-same" }, same));
    return root;
  }
  const section = (title: string, pieces: TextPiece[], details: string[]) => {
    const part = element("div", { class: "redline-part" });
    part.append(element("h3", {}, title), piecesElement(pieces));
    for (const d of details) part.append(element("p", { class: "redline-detail" }, d));
    root.append(part);
  };
  for (const field of redline.fields) section(field.label, field.pieces, field.details);
  if (redline.meta.length > 0) {
    const list = element("ul", { class: "redline-meta", "aria-label": "Metadata changes" });
    for (const m of redline.meta) {
      const row = element("li", {}, `${m.label}: `);
      row.append(element("del", {}, m.before), " → ", element("ins", {}, m.after));
      list.append(row);
    }
    root.append(element("h3", {}, "Metadata"), list);
  }
  if (redline.related.length > 0) {
    const list = element("ul", { class: "redline-meta", "aria-label": "Related link changes" });
    for (const r of redline.related) {
      const row = element("li", {}, `${r.number}. `);
      if (r.before) row.append(element("del", {}, `${r.before.title} <${r.before.href}>`), " ");
      if (r.after) row.append(element("ins", {}, `${r.after.title} <${r.after.href}>`));
      list.append(row);
    }
    root.append(element("h3", {}, "Related links"), list);
  }
  for (const block of redline.body) section(bodyHeading(block), block.pieces, block.details);
  return root;
}

function piecesElement(pieces: TextPiece[]): HTMLElement {
  const text = element("p", { class: "redline-text" });
  for (const piece of pieces) text.append(piece.change === "same" ? piece.text : element(piece.change === "deleted" ? "del" : "ins", {}, piece.text));
  return text;
}

/// Words deleted plus words inserted in a redline's fields and body.
export function changedWordCount(redline: Redline): number {
  let count = 0;
  for (const part of [...redline.fields, ...redline.body]) for (const piece of part.pieces) if (piece.change !== "same") count += countWords(piece.text);
  return count;
}
