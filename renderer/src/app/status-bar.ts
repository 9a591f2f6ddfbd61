import type { EditorState } from "prosemirror-state";
import { countsOf, readingMinutes } from "../editor/counts";
import { metaOf } from "../editor/meta";
import { element } from "./dom";

// The status bar: the message line, and the story's words, characters, reading time and progress toward the word target.

/// Builds the counts part of the status bar; the returned function refreshes it.
export function countsDisplay(container: HTMLElement): (state: EditorState) => void {
  const counts = element("div", { class: "counts", "aria-label": "Story length" });
  const words = element("span", { class: "count-words" });
  const characters = element("span", { class: "count-characters" });
  const reading = element("span", { class: "count-reading" });
  const target = element("span", { class: "count-target" });
  const bar = element("progress", { class: "target-progress", max: "100", "aria-label": "Progress toward the word target" });
  target.append(bar, element("span", { class: "target-text" }));
  counts.append(words, characters, reading, target);
  container.append(counts);
  const format = new Intl.NumberFormat("en");
  let last = "";
  return (state) => {
    const { words: w, characters: c } = countsOf(state);
    const goal = metaOf(state).wordTarget;
    const key = `${w}:${c}:${goal}`;
    if (key === last) return;
    last = key;
    words.textContent = `${format.format(w)} ${w === 1 ? "word" : "words"}`;
    characters.textContent = `${format.format(c)} characters`;
    reading.textContent = `${readingMinutes(w)} min read`;
    target.hidden = !goal;
    if (goal) {
      const percent = Math.round((w / goal) * 100);
      bar.value = Math.min(100, percent);
      target.lastElementChild!.textContent = `${percent}% of ${format.format(goal)}`;
      target.dataset.level = percent > 110 ? "over" : percent >= 90 ? "done" : "";
    }
  };
}
