import type { EditorState } from "prosemirror-state";
import type { Identity } from "../../../shared/ipc";
import { inkOn, personColour } from "../../../shared/review/people";
import type { NoteThread, Review } from "../../../shared/review/review";
import { element } from "../app/dom";
import type { ArticleEditor } from "../editor";
import { addDeskNote, addNote, canAddNote, deleteNote, replyToNote, resolveNote } from "./note-commands";
import { reviewOfState } from "./review-state";
import { schema } from "../../../shared/schema";
import { suggestionsIn, type SuggestionInDoc } from "../../../shared/review/suggestions";
import { settle } from "./suggest-mode";
import "./notes.css";

// The review's margin beside the article: one card per note thread and per suggested edit, level
// with the text it is on and stacked without overlap; desk notes and notes whose text is gone at
// the top. Cards are rebuilt only when the review changes (a suggestion's words also after a pause
// in typing); after typing, the anchors are measured once per frame and the cards moved only when
// one of them moved, so typing does not re-lay the margin.

/// What the margin needs from the window.
export interface NoteMarginHost {
  /// Who is writing, asking for it when it is not known yet (null when the user declines).
  author(): Promise<Identity | null>;
  show(text: string, kind?: "info" | "error"): void;
}

/// The margin, as the shell drives it.
export interface NoteMargin {
  /// Called after every transaction.
  refresh(state: EditorState): void;
  /// Opens a card to write a note on the selected text (or a desk note).
  startNote(desk: boolean): Promise<void>;
  /// How many times the cards were moved (the typing benchmark reads it).
  readonly layouts: number;
}

const gap = 8;

/// How long typing pauses before the suggestions' cards show the words as they now are.
const suggestionPause = 400;

/// A suggestion's card key (note cards are keyed by their thread's id).
const suggestionKey = (id: string) => `suggestion:${id}`;

/// One formatter for every card (toLocaleString with options builds one on each call).
const timeFormat = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timeFormat.format(date);
}

/// How long typing pauses before the cards are measured against their words again: typing moves
/// the words below the cursor only when a line wraps, and measuring on every key costs a layout.
const typingPause = 150;

/// The margin inside the scrolling document area `scroller`, beside the editor.
export function noteMargin(scroller: HTMLElement, getEditor: () => ArticleEditor, host: NoteMarginHost): NoteMargin {
  const margin = element("aside", { class: "notes-margin", "aria-label": "Notes" });
  const top = element("div", { class: "notes-top" });
  const anchored = element("div", { class: "notes-anchored" });
  margin.append(top, anchored);
  scroller.append(margin);
  const highlight = element("style");
  document.head.append(highlight);

  let review: Review | null = null;
  let cards = new Map<string, HTMLElement>();
  let draft: { card: HTMLElement; desk: boolean } | null = null;
  let active: string | null = null;
  let lastTops = "";
  let frame = 0;
  let layouts = 0;
  let suggestions: SuggestionInDoc[] = [];
  let shownDoc: EditorState["doc"] | null = null;
  /// What each card was built from (a thread, or a suggestion's words and entry).
  const cardSources = new WeakMap<HTMLElement, unknown[]>();
  let measuredDoc: EditorState["doc"] | null = null;
  let measureTimer: ReturnType<typeof setTimeout> | undefined;
  let suggestionTimer: ReturnType<typeof setTimeout> | undefined;

  const run = (command: Parameters<ArticleEditor["run"]>[0]) => getEditor().run(command);

  function personOf(id: string): { name: string; initials: string; colour: string } {
    return review?.people[id] ?? { name: "Someone", initials: "?", colour: personColour(id) };
  }

  function byline(authorId: string, time: string): HTMLElement {
    const person = personOf(authorId);
    const head = element("div", { class: "note-byline" });
    const chip = element("span", { class: "note-initials", "aria-hidden": "true" }, person.initials);
    chip.style.backgroundColor = person.colour;
    chip.style.color = inkOn(person.colour);
    head.append(chip, element("span", { class: "note-author" }, person.name), element("time", { datetime: time }, when(time)));
    return head;
  }

  function button(label: string, action: () => void, cls = ""): HTMLButtonElement {
    const b = element("button", { type: "button", class: cls }, label);
    b.addEventListener("click", (e) => {
      e.stopPropagation();
      action();
    });
    return b;
  }

  /// A box to write in: Ctrl/⌘+Enter sends, Escape gives up.
  function writingBox(label: string, send: (text: string) => void, cancel: () => void, sendLabel: string): HTMLElement {
    const box = element("div", { class: "note-write" });
    const area = element("textarea", { "aria-label": label, rows: "2", placeholder: label });
    const sendButton = button(sendLabel, () => area.value.trim() && send(area.value.trim()), "primary");
    area.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        sendButton.click();
      } else if (e.key === "Escape") {
        e.preventDefault();
        cancel();
      }
    });
    box.append(area, element("div", { class: "note-actions" }));
    box.lastElementChild!.append(button("Cancel", cancel), sendButton);
    return box;
  }

  function cardFor(id: string, thread: NoteThread): HTMLElement {
    const person = personOf(thread.author);
    const card = element("article", { class: "note-card", "data-note": id, "aria-label": `Note by ${person.name}` });
    card.style.setProperty("--author", person.colour);
    if (thread.resolved) card.classList.add("resolved");
    if (thread.anchor === "article") card.append(element("p", { class: "note-kind" }, "Desk note"));
    card.append(byline(thread.author, thread.time), element("p", { class: "note-body" }, thread.body));
    for (const reply of thread.replies) {
      const item = element("div", { class: "note-reply" });
      item.append(byline(reply.author, reply.time), element("p", { class: "note-body" }, reply.body));
      card.append(item);
    }
    const actions = element("div", { class: "note-actions" });
    const act = (f: (me: Identity) => void) => () => void host.author().then((me) => me && f(me));
    if (thread.resolved) {
      card.append(element("p", { class: "note-resolved" }, `Resolved by ${personOf(thread.resolved.by).name}`));
      actions.append(button("Re-open", act((me) => run(resolveNote(id, me, false)))));
    } else {
      actions.append(
        button("Reply", () => {
          if (card.querySelector(".note-write")) return void card.querySelector("textarea")?.focus();
          const send = (text: string) =>
            void host.author().then((me) => {
              if (!me) return;
              box.remove();
              run(replyToNote(id, me, text));
            });
          const box = writingBox("Reply", send, () => (box.remove(), schedule(true)), "Send reply");
          card.insertBefore(box, actions);
          box.querySelector("textarea")!.focus();
          schedule(true);
        }),
        button("Resolve", act((me) => run(resolveNote(id, me, true)))),
      );
    }
    actions.append(button("Delete", () => run(deleteNote(id)), "danger"));
    card.append(actions);
    card.addEventListener("click", () => setActive(id));
    return card;
  }

  /// A suggested edit's card: who and when, the words it inserts and deletes, Accept and Reject.
  function suggestionCard(found: SuggestionInDoc): HTMLElement {
    const entry = review?.suggestions[found.id];
    const person = personOf(entry?.author ?? "unknown");
    const card = element("article", { class: "note-card suggestion-card", "data-suggestion-card": found.id, "aria-label": `Suggestion by ${person.name}` });
    card.style.setProperty("--author", person.colour);
    card.append(byline(entry?.author ?? "unknown", entry?.time ?? ""));
    const words = element("p", { class: "note-body suggestion-words" });
    if (found.deleted) words.append(element("del", {}, found.deleted.trim() || "¶"), " ");
    if (found.inserted) words.append(element("ins", {}, found.inserted.trim() || "¶"));
    if (!found.deleted && !found.inserted) words.append(found.kind === "format" ? "Changes the kind of block" : "Changes the block's details");
    card.append(element("p", { class: "note-kind" }, found.deleted && found.inserted ? "Replace" : found.deleted ? "Delete" : found.inserted ? "Insert" : "Change"), words);
    const actions = element("div", { class: "note-actions" });
    actions.append(
      button("Accept", () => void run(settle(true, { id: found.id })), "primary"),
      button("Reject", () => void run(settle(false, { id: found.id }))),
    );
    card.append(actions);
    return card;
  }

  function setActive(id: string | null): void {
    active = id;
    for (const [cardId, card] of cards) card.classList.toggle("active", cardId === id);
    restyle();
  }

  /// The marks' look per thread: resolved ones faint, the active one stronger.
  function restyle(): void {
    const rules: string[] = [];
    for (const [id, thread] of Object.entries(review?.notes ?? {})) {
      if (thread.resolved) rules.push(`.article-editor .note-mark[data-note="${id}"] { background: none; border-bottom-color: transparent; }`);
    }
    if (active) rules.push(`.article-editor .note-mark[data-note="${active}"] { background: var(--note-active); }`);
    // Each suggestion in its author's colour.
    for (const found of suggestions) {
      const colour = personOf(review?.suggestions[found.id]?.author ?? "unknown").colour;
      rules.push(`.article-editor [data-suggestion="${found.id}"] { --suggestion: ${colour}; }`);
    }
    // A new style sheet restyles the whole article: written only when it says something new.
    const text = rules.join("\n");
    if (highlight.textContent !== text) highlight.textContent = text;
  }

  /// Rebuilds the cards from the review.
  function render(next: Review): void {
    // A card whose thread (or suggestion) and the people it names are as they were is kept as it
    // is: a new suggestion among 200 builds one card, not 250.
    review = next;
    const kept = new Map<string, HTMLElement>();
    const reuse = (key: string, source: unknown[], build: () => HTMLElement) => {
      const old = cards.get(key);
      const was = old ? cardSources.get(old) : undefined;
      if (old && was && was.length === source.length && was.every((part, i) => part === source[i])) return kept.set(key, old);
      const card = build();
      cardSources.set(card, source);
      kept.set(key, card);
    };
    const person = (id: string | undefined) => (id ? next.people[id] : undefined);
    for (const [id, thread] of Object.entries(next.notes)) {
      const named = [thread.author, thread.resolved?.by, ...thread.replies.map((r) => r.author)].map(person);
      reuse(id, [thread, ...named], () => {
        const card = cardFor(id, thread);
        // A reply being written stays, words and all.
        const writing = cards.get(id)?.querySelector(".note-write");
        if (writing && !thread.resolved) card.insertBefore(writing, card.querySelector(".note-actions"));
        return card;
      });
    }
    for (const found of suggestions) {
      const entry = next.suggestions[found.id];
      reuse(suggestionKey(found.id), [entry, person(entry?.author), found.kind, found.deleted, found.inserted], () => suggestionCard(found));
    }
    for (const [key, card] of cards) if (kept.get(key) !== card) card.remove();
    cards = kept;
    for (const [id, card] of cards) card.classList.toggle("active", id === active);
    scroller.classList.toggle("has-notes", cards.size > 0 || draft !== null);
    if (active && !cards.has(active)) active = null;
    restyle();
    schedule(true);
  }

  /// Measures the anchors at the next frame, and moves the cards if one moved (or `force`).
  let forced = false;
  function schedule(force = false): void {
    forced ||= force;
    if (frame || (cards.size === 0 && !draft)) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      place(forced);
      forced = false;
    });
  }

  /// The first mark of each note in the text.
  function anchorSpans(): Map<string, HTMLElement> {
    const spans = new Map<string, HTMLElement>();
    for (const span of getEditor().view.dom.querySelectorAll<HTMLElement>("span.note-mark[data-note]")) {
      if (!spans.has(span.dataset.note!)) spans.set(span.dataset.note!, span);
    }
    if (suggestions.length === 0) return spans;
    for (const mark of getEditor().view.dom.querySelectorAll<HTMLElement>("[data-suggestion]")) {
      const key = suggestionKey(mark.dataset.suggestion!);
      if (!spans.has(key)) spans.set(key, mark);
    }
    return spans;
  }

  function place(force: boolean): void {
    const spans = anchorSpans();
    const atTop: HTMLElement[] = draft?.desk ? [draft.card] : [];
    for (const [id, card] of cards) {
      card.classList.toggle("unanchored", review?.notes[id]?.anchor === "text" && !spans.has(id));
      if (!spans.has(id) && card.classList.contains("suggestion-card")) continue;
      if (!spans.has(id)) atTop.push(card);
    }
    const base = anchored.getBoundingClientRect().top;
    const tops = [...spans].map(([id, span]) => [id, anchorTop(span) - base] as const);
    const keyOf = (shift: number) => `${atTop.length}|${tops.map(([id, y]) => `${id}:${Math.round(y - shift)}`).join(",")}`;
    if (!force && keyOf(0) === lastTops) return;
    layouts += 1;
    margin.dataset.layouts = String(layouts);
    top.replaceChildren(...atTop);
    for (const card of atTop) card.style.top = "";
    // The cards at the top may have changed height: the anchors are compared from where the cards beside the text now start.
    const rebased = anchored.getBoundingClientRect().top - base;
    lastTops = keyOf(rebased);
    const inText: [number, HTMLElement][] = tops.flatMap(([id, y]) => (cards.has(id) ? [[y - rebased, cards.get(id)!] as [number, HTMLElement]] : []));
    if (draft && !draft.desk) inText.push([selectionTop(), draft.card]);
    inText.sort((a, b) => a[0] - b[0]);
    // Every card in place first, then every height read, then every top written: reading a height
    // after writing a top would lay the page out again for each card.
    for (const [, card] of inText) if (card.parentElement !== anchored) anchored.append(card);
    const heights = inText.map(([, card]) => card.offsetHeight);
    let floor = 0;
    inText.forEach(([y, card], i) => {
      const at = Math.max(y, floor);
      card.style.top = `${at}px`;
      floor = at + heights[i] + gap;
    });
  }

  /// Where an anchor's line is. A body paragraph out of view has its words left unlaid
  /// (content-visibility), and asking where a word in it is (or whether it is laid out) would lay
  /// it out, a quarter of a second at 1,000 paragraphs: its card goes level with the paragraph's
  /// top instead, which is where it is until it comes into view and is measured again.
  function anchorTop(span: HTMLElement): number {
    const paragraph = span.closest<HTMLElement>(".body > p");
    if (!paragraph) return span.getBoundingClientRect().top;
    const box = paragraph.getBoundingClientRect();
    const inView = box.bottom >= -window.innerHeight && box.top <= 2 * window.innerHeight;
    return inView ? span.getBoundingClientRect().top : box.top;
  }

  function selectionTop(): number {
    const { view } = getEditor();
    return view.coordsAtPos(view.state.selection.from).top - anchored.getBoundingClientRect().top;
  }

  function closeDraft(focusEditor: boolean): void {
    draft?.card.remove();
    draft = null;
    scroller.classList.toggle("has-notes", cards.size > 0);
    schedule(true);
    if (focusEditor) getEditor().focus();
  }

  return {
    refresh(state) {
      const next = reviewOfState(state);
      const reviewChanged = next !== review;
      if (reviewChanged) {
        // A suggestion made, accepted or rejected: its card at once.
        suggestions = suggestionsIn(state.doc);
        render(next);
      } else if ((cards.size > 0 || draft) && state.doc !== measuredDoc) {
        measuredDoc = state.doc;
        clearTimeout(measureTimer);
        measureTimer = setTimeout(() => schedule(), typingPause);
      }
      if (!reviewChanged && state.doc !== shownDoc && (suggestions.length > 0 || Object.keys(next.suggestions).length > 0)) {
        // Typing into a suggestion changes its words: its card follows after a pause.
        clearTimeout(suggestionTimer);
        suggestionTimer = setTimeout(() => {
          const editor = getEditor();
          suggestions = suggestionsIn(editor.state.doc);
          shownDoc = editor.state.doc;
          render(reviewOfState(editor.state));
        }, suggestionPause);
      }
      if (reviewChanged) shownDoc = state.doc;
      // The cursor in a note's words brings its card forward.
      const here = state.selection.$from.marks().find((m) => m.type === schema.marks.note);
      if (here && here.attrs.id !== active && cards.has(here.attrs.id as string)) setActive(here.attrs.id as string);
    },
    async startNote(desk) {
      const editor = getEditor();
      if (!desk && !canAddNote(editor.state)) return host.show("Select the words the note is about, then add the note.", "error");
      const me = await host.author();
      if (!me) return host.show("A note needs your name: choose Insert > Name and Initials….", "error");
      closeDraft(false);
      const card = element("article", { class: "note-card draft", "aria-label": desk ? "New desk note" : "New note" });
      card.style.setProperty("--author", personColour(me.name));
      if (desk) card.append(element("p", { class: "note-kind" }, "Desk note"));
      const { from, to } = editor.state.selection;
      card.append(
        writingBox(
          desk ? "Desk note" : "Note",
          (text) => {
            const ok = desk ? editor.run(addDeskNote(me, text)) : selectionStill(from, to) && editor.run(addNote(me, text));
            if (!ok) host.show("The words the note was about are no longer selected: select them again.", "error");
            closeDraft(true);
          },
          () => closeDraft(true),
          "Add note",
        ),
      );
      draft = { card, desk };
      if (desk) top.prepend(card);
      else anchored.append(card);
      scroller.classList.add("has-notes");
      place(true);
      card.querySelector("textarea")!.focus();
    },
    get layouts() {
      return layouts;
    },
  };

  function selectionStill(from: number, to: number): boolean {
    const { selection } = getEditor().state;
    return selection.from === from && selection.to === to;
  }
}
