import type { EditorState } from "prosemirror-state";
import type { Counts } from "../../../shared/word-count";
import { countsOf, readingMinutes } from "../editor/counts";
import { metaOf } from "../editor/meta";
import { element } from "./dom";

// The status bar: the message line, and the story's words, characters, reading time and progress
// toward the word target. The counts are kept by the editor on every keystroke (counts.ts, from
// what each transaction changed), but written here off the keystroke: at most four times a
// second, in a box whose size does not depend on its text (app.css), so that rewriting it never
// lays out or repaints more than itself.

/// How often, at most, the counts are rewritten while the article changes.
export const countsIntervalMs = 250;

/// What the status bar says for these counts and word target.
export interface CountsText {
  words: string;
  characters: string;
  reading: string;
  /// Null when the article has no word target.
  target: { percent: number; text: string; level: "" | "done" | "over" } | null;
}

const format = new Intl.NumberFormat("en");

/// The status bar's words for some counts and a word target.
export function countsText({ words, characters }: Counts, goal: number | null): CountsText {
  const percent = goal ? Math.round((words / goal) * 100) : 0;
  return {
    words: `${format.format(words)} ${words === 1 ? "word" : "words"}`,
    characters: `${format.format(characters)} characters`,
    reading: `${readingMinutes(words)} min read`,
    target: goal ? { percent, text: `${percent}% of ${format.format(goal)}`, level: percent > 110 ? "over" : percent >= 90 ? "done" : "" } : null,
  };
}

/// The message line after an export: how many files, on one line (never their paths, which can be long and many).
export function exportedText(count: number): string {
  return `Exported ${format.format(count)} ${count === 1 ? "file" : "files"}`;
}

/// The message line's button that shows the exported files in the system's file manager (main knows which).
export function showInFolderButton(show: () => void): HTMLButtonElement {
  const button = element("button", { type: "button", class: "message-action" }, "Show in folder");
  button.addEventListener("click", show);
  return button;
}

/// Runs a function later (a timer in the app; tests drive it by hand).
export type Later = (run: () => void, ms: number) => void;

/// Builds the counts part of the status bar. The returned function takes each new state: the
/// first is shown at once, later ones at most every `intervalMs`, the latest state winning.
export function countsDisplay(container: HTMLElement, options: { intervalMs?: number; later?: Later } = {}): (state: EditorState) => void {
  const { intervalMs = countsIntervalMs, later = (run, ms) => void setTimeout(run, ms) } = options;
  const counts = element("div", { class: "counts", "aria-label": "Story length" });
  const words = element("span", { class: "count-words" });
  const characters = element("span", { class: "count-characters" });
  const reading = element("span", { class: "count-reading" });
  const target = element("span", { class: "count-target" });
  const bar = element("progress", { class: "target-progress", max: "100", "aria-label": "Progress toward the word target" });
  const targetText = element("span", { class: "target-text" });
  target.append(bar, targetText);
  counts.append(words, characters, reading, target);
  container.append(counts);

  let shown = "";
  const render = (state: EditorState) => {
    const current = countsOf(state);
    const goal = metaOf(state).wordTarget;
    const key = `${current.words}:${current.characters}:${goal}`;
    if (key === shown) return;
    shown = key;
    const text = countsText(current, goal);
    words.textContent = text.words;
    characters.textContent = text.characters;
    reading.textContent = text.reading;
    target.hidden = !text.target;
    if (text.target) {
      bar.value = Math.min(100, text.target.percent);
      targetText.textContent = text.target.text;
      target.dataset.level = text.target.level;
    }
  };

  let latest: EditorState | null = null;
  let pending = false;
  return (state) => {
    if (!shown) return render(state);
    latest = state;
    if (pending) return;
    pending = true;
    later(() => {
      pending = false;
      if (latest) render(latest);
      latest = null;
    }, intervalMs);
  };
}
