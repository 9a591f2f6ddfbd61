import { TextSelection, type Command, type EditorState } from "prosemirror-state";
import { closeHistory } from "prosemirror-history";
import type { EditorView } from "prosemirror-view";
import type { CheckIgnore } from "../../../shared/article";
import { ignoreFor } from "../../../shared/style/article-check";
import { spellingRule } from "../../../shared/style/spelling";
import { metaOf, setMeta } from "./meta";
import { shownMatches, type ShownMatch } from "./style-check";

// What the journalist does with a match: replace it (one undo step), ignore it here or ignore its
// rule (both kept in the article's metadata, so they undo and are saved with the file), fix every
// match of a rule at once (one undo step); and the card that offers these, on hover or Mod-.

/// The match under the cursor, or else the next one after it (wrapping to the first).
export function matchAtOrAfter(state: EditorState): ShownMatch | null {
  const all = shownMatches(state);
  if (all.length === 0) return null;
  const { from } = state.selection;
  return all.find((m) => m.from <= from && m.to >= from) ?? all.find((m) => m.from > from) ?? all[0];
}

/// Replaces a match by one of its fixes, as its own undo step, leaving the cursor after it.
export function applyFix(match: Pick<ShownMatch, "from" | "to" | "text">, replacement: string): Command {
  return (state, dispatch) => {
    if (state.doc.textBetween(match.from, match.to, undefined, "\ufffc") !== match.text) return false;
    if (dispatch) {
      const tr = closeHistory(state.tr);
      if (replacement) tr.insertText(replacement, match.from, match.to);
      else tr.delete(match.from, match.to);
      tr.setSelection(TextSelection.create(tr.doc, tr.mapping.map(match.to)));
      dispatch(closeHistory(tr.scrollIntoView()));
    }
    return true;
  };
}

/// Fixes every match of a rule that has a fix, with its first fix, in one undo step.
export function fixAll(rule: string): Command {
  return (state, dispatch) => {
    const matches = shownMatches(state).filter((m) => m.rule === rule && m.replacements.length > 0);
    const current = matches.filter((m) => state.doc.textBetween(m.from, m.to, undefined, "\ufffc") === m.text);
    if (current.length === 0) return false;
    if (dispatch) {
      const tr = closeHistory(state.tr);
      let last = -1;
      for (const m of [...current].sort((a, b) => b.from - a.from)) {
        if (last >= 0 && m.to > last) continue;
        if (m.replacements[0]) tr.insertText(m.replacements[0], m.from, m.to);
        else tr.delete(m.from, m.to);
        last = m.from;
      }
      dispatch(closeHistory(tr.scrollIntoView()));
    }
    return true;
  };
}

/// The rule of the match at or after the cursor, for Fix All from the keyboard.
export function fixAllAtCursor(): Command {
  return (state, dispatch) => {
    const match = matchAtOrAfter(state);
    return match ? fixAll(match.rule)(state, dispatch) : false;
  };
}

function withIgnore(state: EditorState, ignore: CheckIgnore): CheckIgnore[] {
  return [...(metaOf(state).checkIgnores ?? []), ignore];
}

/// Ignores this match, here only (saved with the article).
export function ignoreHere(match: ShownMatch): Command {
  const ignore = ignoreFor({ rule: match.rule, from: match.offset.from, text: match.text }, match.blockText);
  return (state, dispatch) => setMeta("checkIgnores", withIgnore(state, ignore))(state, dispatch);
}

/// Ignores a rule everywhere in this article (saved with the article).
export function ignoreRule(rule: string): Command {
  return (state, dispatch) => setMeta("checkIgnores", withIgnore(state, { rule }))(state, dispatch);
}

/// What the card needs from the app: the spelling suggestions and the personal dictionary.
export interface CardHost {
  suggest(word: string, language: string): Promise<string[]>;
  addToDictionary(word: string): void;
}

/// The card showing one match: its message and rule, one button per fix, Ignore here, Ignore rule.
export class StyleCard {
  readonly element: HTMLElement;
  private match: ShownMatch | null = null;
  private hideTimer: ReturnType<typeof setTimeout> | null = null;
  /// True while the card redraws itself (its focused button is replaced: that is not leaving it).
  private rendering = false;

  constructor(
    private readonly view: () => EditorView,
    private readonly host: CardHost,
    container: HTMLElement,
  ) {
    this.element = document.createElement("div");
    this.element.className = "style-card";
    this.element.setAttribute("role", "dialog");
    this.element.setAttribute("aria-label", "Check");
    this.element.hidden = true;
    this.element.addEventListener("keydown", (event) => this.onKey(event));
    this.element.addEventListener("mouseenter", () => this.cancelHide());
    this.element.addEventListener("mouseleave", () => this.hideSoon());
    this.element.addEventListener("focusout", (event) => {
      if (!this.rendering && !this.element.contains(event.relatedTarget as Node | null)) this.hide(false);
    });
    container.append(this.element);
  }

  /// True while the card is shown.
  get open(): boolean {
    return !this.element.hidden;
  }

  /// True while the keyboard is in the card (hovering another underline then leaves it alone).
  get focused(): boolean {
    return this.open && this.element.contains(document.activeElement);
  }

  /// Shows the card of a match; `focus` moves the keyboard into it (Mod-.), hover does not.
  show(match: ShownMatch, focus: boolean): void {
    this.cancelHide();
    this.match = match;
    const view = this.view();
    const language = metaOf(view.state).language || "en";
    this.render(match, match.replacements);
    this.place(view, match);
    if (match.rule === spellingRule && match.replacements.length === 0) {
      void this.host.suggest(match.text, language).then((suggestions) => {
        if (this.match !== match) return;
        const hadFocus = this.element.contains(document.activeElement);
        this.render(match, suggestions, true);
        if (hadFocus) this.focusFirst();
      });
    }
    if (focus) this.focusFirst();
  }

  /// Shows the card of the match under the cursor or the next one, with the keyboard in it.
  showAtCursor(): boolean {
    const view = this.view();
    const match = matchAtOrAfter(view.state);
    if (!match) return false;
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, match.from, match.to)).scrollIntoView());
    this.show(match, true);
    return true;
  }

  /// Hides the card; `refocus` gives the editor the keyboard back.
  hide(refocus: boolean): void {
    this.cancelHide();
    if (this.element.hidden) return;
    this.element.hidden = true;
    this.match = null;
    if (refocus) this.view().focus();
  }

  /// Hides the card after a moment (the pointer left the underline), unless the pointer comes to it.
  hideSoon(): void {
    if (this.element.contains(document.activeElement)) return;
    this.cancelHide();
    this.hideTimer = setTimeout(() => this.hide(false), 400);
  }

  private cancelHide(): void {
    if (this.hideTimer) clearTimeout(this.hideTimer);
    this.hideTimer = null;
  }

  private render(match: ShownMatch, replacements: readonly string[], suggested = false): void {
    const card = this.element;
    this.rendering = true;
    card.replaceChildren();
    this.rendering = false;
    card.dataset.level = match.level;
    const head = document.createElement("p");
    head.className = "style-card-message";
    head.textContent = match.message;
    const rule = document.createElement("p");
    rule.className = "style-card-rule";
    rule.textContent = `${match.level} · ${match.rule}`;
    card.append(head, rule);
    const fixes = document.createElement("div");
    fixes.className = "style-card-fixes";
    for (const replacement of replacements) {
      fixes.append(this.button(replacement === "" ? "Delete it" : replacement, "style-card-fix", () => this.run(applyFix(match, replacement))));
    }
    if (replacements.length === 0) {
      const none = document.createElement("span");
      none.className = "style-card-none";
      none.textContent = match.rule === spellingRule && !suggested ? "Looking for suggestions…" : "No automatic fix";
      fixes.append(none);
    }
    card.append(fixes);
    const actions = document.createElement("div");
    actions.className = "style-card-actions";
    if (match.rule === spellingRule) {
      actions.append(
        this.button("Add to dictionary", "style-card-action", () => {
          this.host.addToDictionary(match.text);
          this.hide(true);
        }),
      );
    }
    actions.append(
      this.button("Ignore here", "style-card-action", () => this.run(ignoreHere(match))),
      this.button("Ignore rule", "style-card-action", () => this.run(ignoreRule(match.rule))),
    );
    card.append(actions);
  }

  private button(label: string, className: string, action: () => void): HTMLButtonElement {
    const button = document.createElement("button");
    button.type = "button";
    button.className = className;
    button.textContent = label;
    button.addEventListener("mousedown", (event) => event.preventDefault());
    button.addEventListener("click", action);
    return button;
  }

  private run(command: Command): void {
    const view = this.view();
    command(view.state, view.dispatch, view);
    this.hide(true);
  }

  private place(view: EditorView, match: ShownMatch): void {
    const coords = view.coordsAtPos(Math.min(match.from, view.state.doc.content.size));
    const parent = this.element.offsetParent?.getBoundingClientRect() ?? { left: 0, top: 0 };
    const scroll = this.element.offsetParent as HTMLElement | null;
    this.element.hidden = false;
    this.element.style.left = `${Math.max(8, coords.left - parent.left + (scroll?.scrollLeft ?? 0))}px`;
    this.element.style.top = `${coords.bottom - parent.top + (scroll?.scrollTop ?? 0) + 6}px`;
  }

  private focusFirst(): void {
    (this.element.querySelector("button") as HTMLButtonElement | null)?.focus();
  }

  private onKey(event: KeyboardEvent): void {
    const buttons = [...this.element.querySelectorAll("button")];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === "Escape") this.hide(true);
    else if (event.key === "ArrowDown" || event.key === "ArrowRight") buttons[(index + 1) % buttons.length]?.focus();
    else if (event.key === "ArrowUp" || event.key === "ArrowLeft") buttons[(index - 1 + buttons.length) % buttons.length]?.focus();
    else return;
    event.preventDefault();
    event.stopPropagation();
  }
}
