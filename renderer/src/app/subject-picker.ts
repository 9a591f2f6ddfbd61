import type { ArticleMeta, Concept } from "../../../shared/article";
import { maxSubjects } from "../../../shared/meta-schema";
import { searchConcepts, type FoundConcept, type IndexedConcept } from "../../../shared/vocabularies/concepts";
import { metaOf } from "../editor/meta";
import { element } from "./dom";
import type { MetaPanelContext, SectionRefresh } from "./meta-panel";

// The story's subjects, picked from IPTC Media Topics by typing part of a label in the article's
// language: a combobox (ARIA 1.2's list autocomplete) whose list shows the best matches with
// their broader topic. The topics are a chunk of their own, loaded the first time the picker is
// used, never with the window (shared/vocabularies/README.md).

let topics: Promise<IndexedConcept[]> | null = null;

/// The Media Topics index, loaded once; its load time is measured as "copydesk:media-topics".
export function mediaTopics(): Promise<IndexedConcept[]> {
  topics ??= (async () => {
    performance.mark("copydesk:media-topics-start");
    const index = (await import("../../../shared/vocabularies/iptc-mediatopic.json?concept-index")).default;
    performance.measure("copydesk:media-topics", "copydesk:media-topics-start");
    return index;
  })();
  topics.catch(() => (topics = null));
  return topics;
}

/// The Subjects row: the chosen subjects, each with a button to remove it, and the search.
export function subjectPicker(parent: HTMLElement, context: MetaPanelContext): SectionRefresh {
  const input = element("input", {
    type: "text",
    role: "combobox",
    autocomplete: "off",
    spellcheck: "false",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": "meta-subject-results",
    placeholder: "Search topics, e.g. elections",
  });
  const results = element("ul", { id: "meta-subject-results", class: "subject-results", role: "listbox", "aria-label": "Matching subjects" });
  results.hidden = true;
  const chosen = element("ul", { class: "subject-list", "aria-label": "Subjects of the story" });
  const credit = element("p", { class: "form-hint" }, "IPTC Media Topics, © IPTC, CC BY 4.0");
  context.row(parent, "Subjects", input, "meta-subjects", results, chosen, credit);

  let found: FoundConcept[] = [];
  let active = -1;
  const subjects = () => metaOf(context.editor().state).subjects;

  function close(): void {
    results.hidden = true;
    results.replaceChildren();
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    found = [];
    active = -1;
  }

  function highlight(index: number): void {
    active = index;
    results.querySelectorAll("[role=option]").forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", `meta-subject-option-${index}`);
      results.children[index]?.scrollIntoView({ block: "nearest" });
    } else input.removeAttribute("aria-activedescendant");
  }

  async function search(): Promise<void> {
    const query = input.value;
    let index: IndexedConcept[];
    try {
      index = await mediaTopics();
    } catch (e) {
      return context.refuse(input, `The topics could not be loaded: ${(e as Error).message}`);
    }
    if (input.value !== query) return;
    const taken = new Set(subjects().map((s) => s.code));
    found = searchConcepts(index, query, metaOf(context.editor().state).language, 30).filter((f) => !taken.has(f.code)).slice(0, 12);
    if (!query.trim()) return close();
    results.replaceChildren(
      ...(found.length
        ? found.map((topic, i) => {
            const option = element("li", { role: "option", id: `meta-subject-option-${i}`, "aria-selected": "false" }, topic.name);
            if (topic.broader) option.append(element("span", { class: "subject-broader" }, ` in ${topic.broader}`));
            // Pressed, not clicked: the input keeps the focus.
            option.addEventListener("mousedown", (e) => {
              e.preventDefault();
              pick(topic);
            });
            return option;
          })
        : [element("li", { class: "subject-none", "aria-disabled": "true" }, `No topic found for “${query.trim()}”.`)]),
    );
    results.hidden = false;
    input.setAttribute("aria-expanded", "true");
    highlight(found.length ? 0 : -1);
  }

  function pick(topic: Concept): void {
    const current = subjects();
    if (current.length >= maxSubjects) return context.refuse(input, `A story has at most ${maxSubjects} subjects.`, false);
    context.change("subjects", [...current, { code: topic.code, name: topic.name }]);
    input.value = "";
    close();
    input.focus();
  }

  input.addEventListener("focus", () => void mediaTopics().catch(() => undefined));
  input.addEventListener("input", () => void search());
  input.addEventListener("blur", close);
  input.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (results.hidden) void search();
      else if (found.length) highlight((active + (e.key === "ArrowDown" ? 1 : found.length - 1)) % found.length);
      e.preventDefault();
    } else if (e.key === "Enter") {
      e.preventDefault();
      const topic = found[active];
      if (topic) pick(topic);
    } else if (e.key === "Escape" && !results.hidden) {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  });

  let shown: ArticleMeta["subjects"] | null = null;
  return (meta) => {
    if (meta.subjects === shown) return;
    shown = meta.subjects;
    chosen.replaceChildren(
      ...meta.subjects.map((subject) => {
        const item = element("li", { class: "subject-chip", title: subject.code }, subject.name);
        const remove = element("button", { type: "button", class: "subject-remove", "aria-label": `Remove ${subject.name}` }, "×");
        remove.addEventListener("click", () => {
          // The focus goes to the subject that takes its place, or back to the search.
          const position = Array.from(chosen.children).indexOf(item);
          context.change(
            "subjects",
            subjects().filter((s) => s.code !== subject.code),
          );
          const buttons = chosen.querySelectorAll("button");
          (buttons[Math.min(position, buttons.length - 1)] ?? input).focus();
        });
        item.append(remove);
        return item;
      }),
    );
    chosen.hidden = meta.subjects.length === 0;
  };
}
