import { Fragment, Slice, type Mark, type Node as PMNode } from "prosemirror-model";
import { closeHistory } from "prosemirror-history";
import type { EditorState } from "prosemirror-state";
import { ReplaceStep } from "prosemirror-transform";
import { statusLabels, type ArticleMeta, type ArticleStatus } from "../../../shared/article";
import { compareArticles } from "../../../shared/review/compare";
import type { RebuiltVersion } from "../../../shared/review/version-rebuild";
import { defaultPruneRule, type PruneRule } from "../../../shared/review/versions";
import { element } from "../app/dom";
import type { ArticleEditor } from "../editor";
import { metaOf, SetMetaStep } from "../editor/meta";
import { changedWordCount, redlineView } from "./redline-view";
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
  show: (text: string, kind?: "info" | "error") => void;
  /// How old versions are thinned (Settings), and keeping a new rule there.
  pruneRule: () => PruneRule;
  savePruneRule: (rule: PruneRule) => Promise<void>;
}

/// The rules the panel offers; a rule of another number of days (the settings file allows any) is offered as well when it is the one in use.
const pruneChoices: readonly (number | null)[] = [null, 7, 30, 90, 365];

/// A rule in words: "Every version for 30 days, then one a day (default)".
export function pruneRuleLabel(days: number | null): string {
  const words = days === null ? "Every version, always" : `Every version for ${days === 365 ? "a year" : `${days} day${days === 1 ? "" : "s"}`}, then one a day`;
  return days === defaultPruneRule.keepAllDays ? `${words} (default)` : words;
}

/// The panel in `container`, for the window's editor.
export function historyPanel(container: HTMLElement, editor: () => ArticleEditor, options: HistoryOptions) {
  container.hidden = true;
  let chosen: string | null = null;
  let settingsOpen = false;
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
    const log = workflowLog(state);
    const list = element("ol", { class: "history-list", "aria-labelledby": "history-title", reversed: "" });
    if (versions.length === 0) {
      container.replaceChildren(heading, ...log, element("p", { class: "history-none" }, "No versions yet. One is taken when you save, when the status changes, and with File > Save Version…"), keepSettings());
      return;
    }
    for (let i = versions.length - 1; i >= 0; i--) {
      const { version } = versions[i];
      const status = version.meta.status;
      const name = version.name ?? (version.reason === "status" && typeof status === "string" && status in statusLabels ? `Status: ${statusLabels[status as ArticleStatus]}` : reasonNames[version.reason]);
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
      if (chosen === version.id) item.append(versionRedline(versions[i], state));
      list.append(item);
    }
    container.replaceChildren(heading, ...log, list, keepSettings());
  }

  /// The story's changes of status, newest first: to what, who, when, and the desk note sent with it.
  function workflowLog(state: EditorState): HTMLElement[] {
    const { workflow, people, notes } = reviewOfState(state);
    if (workflow.length === 0) return [];
    const heading = element("h3", { class: "history-subtitle", id: "history-workflow-title" }, "Status");
    const list = element("ol", { class: "history-workflow", "aria-labelledby": "history-workflow-title", reversed: "" });
    for (const entry of [...workflow].reverse()) {
      const who = (people[entry.by] ?? options.history().person(entry.by))?.name ?? "Someone";
      const when = new Date(entry.time).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
      const item = element("li", { class: "history-change", "data-status": entry.status });
      item.append(element("span", { class: "history-name" }, statusLabels[entry.status]), element("span", { class: "history-meta" }, `${who} · ${when}`));
      const note = entry.note === null ? undefined : notes[entry.note];
      if (note) item.append(element("q", { class: "history-note" }, note.body));
      list.append(item);
    }
    return [heading, list];
  }

  /// The pruning rule (Settings): how long every version is kept before old ones are thinned to one a day.
  function keepSettings(): HTMLElement {
    const details = element("details", { class: "history-settings" });
    details.open = settingsOpen;
    details.addEventListener("toggle", () => (settingsOpen = details.open));
    details.append(element("summary", {}, "Keeping old versions"));
    const current = options.pruneRule().keepAllDays;
    const select = element("select", { id: "history-keep", "aria-describedby": "history-keep-hint" });
    for (const days of pruneChoices.includes(current) ? pruneChoices : [...pruneChoices, current]) {
      select.append(element("option", { value: days === null ? "all" : String(days) }, pruneRuleLabel(days)));
    }
    select.value = current === null ? "all" : String(current);
    select.addEventListener("change", () => {
      const keepAllDays = select.value === "all" ? null : Number(select.value);
      void options.savePruneRule({ keepAllDays }).then(
        () => options.show(`Old versions: ${pruneRuleLabel(keepAllDays).toLowerCase()}.`),
        (e: unknown) => options.show(`The setting was not saved: ${(e as Error)?.message ?? String(e)}`, "error"),
      );
    });
    const row = element("div", { class: "meta-row" });
    row.append(element("label", { for: "history-keep" }, "Keep"), select);
    const hint = element(
      "p",
      { class: "form-hint", id: "history-keep-hint" },
      "Older versions are thinned to the last of each day when the next version is taken; named versions are always kept. A setting of Copydesk, for every article.",
    );
    details.append(row, hint);
    return details;
  }

  /// The redline of the article now against `entry`, with its Restore button.
  function versionRedline(entry: RebuiltVersion, state: EditorState): HTMLElement {
    const box = element("section", { class: "history-redline", "aria-label": "Changes since this version" });
    box.append(redlineView(entry, { doc: state.doc, meta: metaOf(state) }, "The article is the same as this version."));
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
