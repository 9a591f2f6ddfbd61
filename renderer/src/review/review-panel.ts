import type { Node as PMNode } from "prosemirror-model";
import { Selection, type Command, type EditorState } from "prosemirror-state";
import {
  authorsInList,
  everything,
  filterReviewList,
  cursorPlace,
  itemKindName,
  itemLabel,
  openCountText,
  reviewList,
  suggestionParts,
  type ReviewFilter,
  type ReviewListItem,
} from "../../../shared/review/review-list";
import { inkOn } from "../../../shared/review/people";
import type { Review } from "../../../shared/review/review";
import { element } from "../app/dom";
import type { ArticleEditor } from "../editor";
import { metaOf } from "../editor/meta";
import { reviewOfState } from "./review-state";
import { settle } from "./suggest-mode";
import "./review-panel.css";

// The Review panel (View > Review): every open note and suggested edit of the article in one
// list (shared/review/review-list.ts), filterable by author and by kind; choosing one puts the
// cursor at its place; suggestions are accepted or rejected from here, one, all by one author,
// or all. The list is built again only when the review changes (a note or suggestion added,
// settled, resolved) or, for the words under them, once typing pauses: never on every key.

/// How long typing pauses before the list shows the words as they now are, in milliseconds.
const typingPause = 400;

const showChoices: readonly { value: ReviewFilter["show"]; label: string }[] = [
  { value: "all", label: "All" },
  { value: "notes", label: "Notes" },
  { value: "suggestions", label: "Suggestions" },
];

/// One formatter for every item's time (Date.toLocaleString with options makes a new one on each call).
const timeFormat = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : timeFormat.format(date);
}

/// The panel in `container`, for the window's editor.
export function reviewPanel(container: HTMLElement, editor: () => ArticleEditor) {
  container.hidden = true;
  let filter: ReviewFilter = everything;
  let items: ReviewListItem[] = [];
  let listedReview: Review | null = null;
  let listedDoc: PMNode | null = null;
  let pauseTimer: ReturnType<typeof setTimeout> | undefined;

  /// Lists the article as it is now and shows the list.
  function rebuild(): void {
    clearTimeout(pauseTimer);
    const state = editor().state;
    listedReview = reviewOfState(state);
    listedDoc = state.doc;
    items = reviewList({ meta: metaOf(state), doc: state.doc, assets: {}, review: listedReview });
    // Someone whose last note or suggestion went is no longer offered.
    if (filter.author !== null && !items.some((i) => i.author.id === filter.author)) filter = { ...filter, author: null };
    render();
  }

  function render(): void {
    const focused = focusedPlace();
    const heading = element("h2", { class: "history-title review-title", id: "review-title" }, "Review");
    heading.append(element("span", { class: "review-counts" }, openCountText(items)));
    const shown = filterReviewList(items, filter);
    const list = element("ul", { class: "review-list", "aria-labelledby": "review-title" });
    list.addEventListener("keydown", moveWithArrows);
    for (const item of shown) list.append(itemView(item));
    const parts: HTMLElement[] = [heading, filters()];
    const bulk = bulkActions(shown);
    if (bulk) parts.push(bulk);
    parts.push(shown.length > 0 ? list : element("p", { class: "history-none" }, items.length === 0 ? "No open notes or suggestions." : "Nothing open for this choice."));
    container.replaceChildren(...parts);
    if (focused) refocus(focused);
  }

  /// The author and kind choices.
  function filters(): HTMLElement {
    const box = element("div", { class: "review-filters" });
    const author = element("select", { id: "review-author", "data-focus": "author" });
    author.append(element("option", { value: "" }, "Everyone"));
    for (const person of authorsInList(items)) author.append(element("option", { value: person.id }, person.name));
    author.value = filter.author ?? "";
    author.addEventListener("change", () => {
      filter = { ...filter, author: author.value || null };
      render();
    });
    const show = element("select", { id: "review-show", "data-focus": "show" });
    for (const choice of showChoices) show.append(element("option", { value: choice.value }, choice.label));
    show.value = filter.show;
    show.addEventListener("change", () => {
      filter = { ...filter, show: show.value as ReviewFilter["show"] };
      render();
    });
    const row = (label: string, id: string, select: HTMLElement) => {
      const line = element("div", { class: "meta-row" });
      line.append(element("label", { for: id }, label), select);
      return line;
    };
    box.append(row("By", "review-author", author), row("Show", "review-show", show));
    return box;
  }

  /// "Accept all" and "Reject all" (of one author's when the list is filtered to them), when suggestions are listed.
  function bulkActions(shown: readonly ReviewListItem[]): HTMLElement | null {
    if (!shown.some((i) => i.type === "suggestion")) return null;
    const person = filter.author === null ? null : items.find((i) => i.author.id === filter.author)!.author;
    const choice = person ? { author: person.id } : ("all" as const);
    const by = person ? ` by ${person.name}` : "";
    const box = element("div", { class: "review-bulk" });
    box.append(actionButton(`Accept all${by}`, settle(true, choice), "accept-all", "primary"), actionButton(`Reject all${by}`, settle(false, choice), "reject-all"));
    return box;
  }

  function itemView(item: ReviewListItem): HTMLElement {
    const li = element("li", { class: `review-item review-${item.type}`, "data-key": item.key });
    li.style.setProperty("--author", item.author.colour);
    const label = itemLabel(item);
    const go = element("button", { type: "button", class: "review-go", "data-focus": "go", "aria-label": label });
    const byline = element("span", { class: "note-byline" });
    const chip = element("span", { class: "note-initials", "aria-hidden": "true" }, item.author.initials || "?");
    chip.style.backgroundColor = item.author.colour;
    chip.style.color = inkOn(item.author.colour);
    byline.append(chip, element("span", { class: "note-author" }, item.author.name));
    if (item.time) byline.append(element("time", { datetime: item.time }, when(item.time)));
    go.append(byline, element("span", { class: "review-kind" }, itemKindName(item)));
    if (item.type === "note") {
      if (item.words) go.append(element("span", { class: "review-quote" }, item.words));
      go.append(element("span", { class: "review-body" }, item.body));
      if (item.replies > 0) go.append(element("span", { class: "review-replies" }, `${item.replies} ${item.replies === 1 ? "reply" : "replies"}`));
    } else {
      const words = element("span", { class: "review-words" });
      for (const part of suggestionParts(item)) {
        const line = element("span", { class: "review-change" });
        if (part.sign) line.append(element("span", { class: "review-sign" }, part.sign), " ", element(part.sign === "–" ? "del" : "ins", {}, part.text));
        else line.append(part.text);
        words.append(line);
      }
      go.append(words);
    }
    go.addEventListener("click", () => jumpTo(item));
    li.append(go);
    if (item.type === "suggestion") {
      const actions = element("div", { class: "note-actions review-actions" });
      actions.append(
        actionButton("Accept", settle(true, { id: item.id }), "accept", "primary", `Accept: ${label}`),
        actionButton("Reject", settle(false, { id: item.id }), "reject", "", `Reject: ${label}`),
      );
      li.append(actions);
    }
    return li;
  }

  /// A button that runs a settling command on the article; the focus stays in the list, on the item now where the settled one was.
  function actionButton(label: string, command: Command, control: string, cls = "", ariaLabel?: string): HTMLButtonElement {
    const button = element("button", { type: "button", class: cls, "data-focus": control, ...(ariaLabel ? { "aria-label": ariaLabel } : {}) }, label);
    button.addEventListener("click", () => {
      const goButtons = [...container.querySelectorAll<HTMLElement>(".review-go")];
      const index = goButtons.indexOf(button.closest("li")?.querySelector<HTMLElement>(".review-go") ?? container);
      editor().run(command);
      // The article's change rebuilt the list (refresh): the focus goes to what took the settled one's place.
      if (!container.hidden) rebuildIfStale();
      const now = [...container.querySelectorAll<HTMLElement>(".review-go")];
      (now[Math.min(Math.max(index, 0), now.length - 1)] ?? container.querySelector<HTMLElement>("#review-author"))?.focus();
    });
    return button;
  }

  /// Puts the cursor at the item's place in the article and scrolls there; a desk note (or one
  /// whose words are gone) has no place: its card in the margin is brought into view instead.
  function jumpTo(item: ReviewListItem): void {
    const ed = editor();
    const pos = cursorPlace(ed.state.doc, item.key);
    if (pos === null) {
      const card = document.querySelector<HTMLElement>(`.note-card[data-note="${CSS.escape(item.id)}"]`);
      card?.scrollIntoView({ block: "nearest" });
      ed.focus();
      return;
    }
    const state = ed.state;
    ed.view.dispatch(state.tr.setSelection(Selection.near(state.doc.resolve(pos), 1)).scrollIntoView());
    ed.focus();
  }

  /// Up and Down (Home, End) move between the list's items.
  function moveWithArrows(event: KeyboardEvent): void {
    const keys = ["ArrowDown", "ArrowUp", "Home", "End"];
    if (!keys.includes(event.key)) return;
    const goButtons = [...container.querySelectorAll<HTMLElement>(".review-go")];
    const current = goButtons.indexOf((event.target as HTMLElement).closest("li")?.querySelector<HTMLElement>(".review-go") ?? container);
    if (current < 0) return;
    event.preventDefault();
    const next = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: goButtons.length - 1 }[event.key]!;
    goButtons[Math.min(Math.max(next, 0), goButtons.length - 1)]?.focus();
  }

  /// Which control of the panel has the focus (its item and its `data-focus`), to give it back after the list is drawn again.
  function focusedPlace(): { key: string | null; control: string } | null {
    const active = document.activeElement;
    if (!(active instanceof HTMLElement) || !container.contains(active) || !active.dataset.focus) return null;
    return { key: active.closest("li")?.dataset.key ?? null, control: active.dataset.focus };
  }

  function refocus(place: { key: string | null; control: string }): void {
    const scope = place.key === null ? container : container.querySelector<HTMLElement>(`li[data-key="${CSS.escape(place.key)}"]`);
    (scope?.querySelector<HTMLElement>(`[data-focus="${place.control}"]`) ?? container.querySelector<HTMLElement>(".review-go"))?.focus();
  }

  /// Lists again at once when the review changed since the list was built.
  function rebuildIfStale(): void {
    if (reviewOfState(editor().state) !== listedReview) rebuild();
  }

  return {
    /// After every transaction: a change of the review lists again at once; typing only after a pause.
    refresh(state: EditorState): void {
      if (container.hidden) return;
      if (reviewOfState(state) !== listedReview) rebuild();
      else if (state.doc !== listedDoc) {
        clearTimeout(pauseTimer);
        pauseTimer = setTimeout(rebuild, typingPause);
      }
    },
    toggle(): void {
      const hadFocus = container.contains(document.activeElement);
      container.hidden = !container.hidden;
      if (container.hidden) {
        clearTimeout(pauseTimer);
        listedReview = null;
        // Closed from within (its shortcut): the focus goes back to the article rather than to nowhere.
        if (hadFocus) editor().focus();
        return;
      }
      rebuild();
      (container.querySelector<HTMLElement>(".review-go") ?? container.querySelector<HTMLElement>("#review-author"))?.focus();
    },
    shown: () => !container.hidden,
  };
}
