import { Fragment, Slice, type Mark, type Node as PMNode } from "prosemirror-model";
import { closeHistory } from "prosemirror-history";
import type { EditorState } from "prosemirror-state";
import { ReplaceStep } from "prosemirror-transform";
import type { ArticleMeta } from "../../../shared/article";
import { compareArticles, type Redline, type TextPiece } from "../../../shared/review/compare";
import { bodyHeading } from "../../../shared/review/redline-text";
import type { RebuiltVersion } from "../../../shared/review/version-rebuild";
import { countWords } from "../../../shared/word-count";
import { element } from "../app/dom";
import type { ArticleEditor } from "../editor";
import { metaOf, SetMetaStep } from "../editor/meta";
import { reviewOfState } from "./review-state";
import type { VersionHistory } from "./version-history";
import "./history.css";

// The History panel: the article's versions, newest first (who, when, name, words, words changed
// from the one before); choosing one shows the article as it is now against it as a redline
// (shared/review/compare.ts), and "Restore" brings that version back as one undoable change.

/// The metadata a restore leaves as it is: the article's identity and its own times.
const keptOnRestore: readonly (keyof ArticleMeta)[] = ["id", "created", "updated"];

/// How long the article must rest before the open panel compares it again, in milliseconds.
const redrawDelayMs = 250;

const reasonNames = { save: "Saved", status: "Status changed", named: "" } as const;

/// What the shell gives the panel.
export interface HistoryOptions {
  history: () => VersionHistory;
  show: (text: string) => void;
}

/// The panel in `container`, for the window's editor.
export function historyPanel(container: HTMLElement, editor: () => ArticleEditor, options: HistoryOptions) {
  container.hidden = true;
  let chosen: string | null = null;
  let redrawTimer: ReturnType<typeof setTimeout> | undefined;
  const changedWords = new Map<string, number>();

  const articleOf = (v: { doc: PMNode; meta: ArticleMeta }) => ({ meta: v.meta, doc: v.doc, assets: {} });

  /// Words deleted and inserted from the version before (0 for the first), kept per version: versions do not change.
  function wordsChanged(versions: readonly RebuiltVersion[], i: number): number {
    const id = versions[i].version.id;
    if (i === 0) return 0;
    let count = changedWords.get(id);
    if (count === undefined) {
      count = changedWordCount(compareArticles(articleOf(versions[i - 1]), articleOf(versions[i])));
      changedWords.set(id, count);
    }
    return count;
  }

  function render(): void {
    const state = editor().state;
    const versions = options.history().versions;
    const people = reviewOfState(state).people;
    const heading = element("h2", { class: "history-title", id: "history-title" }, "History");
    const list = element("ol", { class: "history-list", "aria-labelledby": "history-title", reversed: "" });
    if (versions.length === 0) {
      container.replaceChildren(heading, element("p", { class: "history-none" }, "No versions yet. One is taken when you save, when the status changes, and with File > Save Version…"));
      return;
    }
    for (let i = versions.length - 1; i >= 0; i--) {
      const { version } = versions[i];
      const name = version.name ?? reasonNames[version.reason];
      const who = (people[version.author] ?? options.history().person(version.author))?.name ?? "Someone";
      const when = new Date(version.time).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
      const changed = wordsChanged(versions, i);
      const button = element("button", { type: "button", class: "history-version", "aria-pressed": String(chosen === version.id) });
      button.append(
        element("span", { class: "history-name" }, name || "Version"),
        element("span", { class: "history-meta" }, `${who} · ${when}`),
        element("span", { class: "history-counts" }, `${version.words} words${i > 0 ? ` · ${changed} changed` : ""}`),
      );
      button.addEventListener("click", () => {
        chosen = chosen === version.id ? null : version.id;
        render();
        container.querySelector<HTMLElement>(`.history-version[aria-pressed="true"]`)?.focus();
      });
      const item = element("li");
      item.append(button);
      if (chosen === version.id) item.append(redlineView(versions[i], state));
      list.append(item);
    }
    container.replaceChildren(heading, list);
  }

  /// The redline of the article now against `entry`, with its Restore button.
  function redlineView(entry: RebuiltVersion, state: EditorState): HTMLElement {
    const box = element("section", { class: "history-redline", "aria-label": "Changes since this version" });
    const meta = metaOf(state);
    // The time of saving differs on every version: the list shows it, the redline leaves it out.
    const redline = compareArticles({ ...articleOf(entry), meta: { ...entry.meta, updated: meta.updated } }, { meta, doc: state.doc, assets: {} });
    box.append(redlineElement(redline));
    const restore = element("button", { type: "button", class: "history-restore" }, "Restore this version");
    restore.addEventListener("click", () => {
      restoreVersion(editor(), entry);
      options.show(`Restored the version of ${new Date(entry.version.time).toLocaleString()}; Undo takes it back.`);
      editor().focus();
    });
    box.append(restore);
    return box;
  }

  return {
    /// Redraws the open panel a moment after the article stops changing (its redline is compared again).
    refresh(): void {
      if (container.hidden) return;
      clearTimeout(redrawTimer);
      redrawTimer = setTimeout(render, redrawDelayMs);
    },
    toggle(): void {
      container.hidden = !container.hidden;
      if (!container.hidden) {
        render();
        container.querySelector<HTMLElement>(".history-version")?.focus();
      }
    },
    shown: () => !container.hidden,
  };
}

/// The redline as the panel shows it: each field and body block with its words marked, metadata and related links listed.
export function redlineElement(redline: Redline): HTMLElement {
  const root = element("div", { class: "redline" });
  if (redline.equal) {
    root.append(element("p", { class: "history-none" }, "The article is the same as this version."));
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

/// Brings `entry` back as one undoable change: its document (note marks whose threads are gone
/// are left off, so the article stays savable) and its metadata but for identity and times.
export function restoreVersion(editor: ArticleEditor, entry: RebuiltVersion): void {
  const state = editor.state;
  const notes = reviewOfState(state).notes;
  const doc = withoutLostNotes(entry.doc, (id) => Object.hasOwn(notes, id));
  const tr = state.tr.step(new ReplaceStep(0, state.doc.content.size, new Slice(doc.content, 0, 0)));
  const meta = metaOf(state);
  for (const key of Object.keys(entry.meta) as (keyof ArticleMeta)[]) {
    if (keptOnRestore.includes(key) || JSON.stringify(meta[key]) === JSON.stringify(entry.meta[key])) continue;
    tr.step(new SetMetaStep(key, entry.meta[key], meta[key]));
  }
  editor.view.dispatch(closeHistory(tr));
}

/// The document with the note marks whose thread `hasNote` does not know taken off.
function withoutLostNotes(doc: PMNode, hasNote: (id: string) => boolean): PMNode {
  const lost = (mark: Mark) => mark.type.name === "note" && !hasNote(String(mark.attrs.id));
  const strip = (node: PMNode): PMNode => {
    if (node.isText) return node.marks.some(lost) ? node.mark(node.marks.filter((m) => !lost(m))) : node;
    const children: PMNode[] = [];
    node.forEach((child) => children.push(strip(child)));
    return node.copy(Fragment.fromArray(children));
  };
  return strip(doc);
}
