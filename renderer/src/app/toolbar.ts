import { redoDepth, undoDepth } from "prosemirror-history";
import { TextSelection, type EditorState } from "prosemirror-state";
import { ariaShortcut, element, shortcutLabel } from "./dom";
import { isSuggesting } from "../review/suggest-mode";

// The toolbar: buttons grouped by what they act on, each with its shortcut in its tooltip and
// `aria-keyshortcuts`, reflecting the selection (pressed, disabled). A transaction that leaves the
// caret's context as it was (typing in a paragraph) does not re-check the buttons, and a button's
// attribute is written only when its value changes.

/// What the buttons' states depend on where the caret is: the blocks around it, the marks it
/// types with, its place in its block, and whether there is something to undo or redo. Null for a
/// selection that is not a caret (each one is checked anew).
export function caretContext(state: EditorState): string | null {
  const { selection } = state;
  if (!(selection instanceof TextSelection) || !selection.empty) return null;
  const { $from } = selection;
  const blocks: string[] = [];
  for (let depth = 1; depth <= $from.depth; depth++) blocks.push($from.node(depth).type.name);
  const marks = (state.storedMarks ?? $from.marks()).map((mark) => mark.type.name).join(",");
  const place = $from.parent.content.size === 0 ? "empty" : $from.parentOffset === 0 ? "start" : $from.parentOffset === $from.parent.content.size ? "end" : "inside";
  return `${blocks.join("/")}|${marks}|${place}|${undoDepth(state) > 0}|${redoDepth(state) > 0}|${isSuggesting(state)}`;
}

/// One toolbar button.
export interface ToolbarItem {
  id: string;
  label: string;
  /// What the button does, in words (the tooltip and accessible description).
  title: string;
  shortcut?: string;
  run: () => void;
  active?: (state: EditorState) => boolean;
  enabled?: (state: EditorState) => boolean;
  /// Text shown instead of the label (a symbol such as "B"), the label staying the accessible name.
  face?: string;
}

/// Builds the toolbar from groups of items; the returned function refreshes their states (`force`
/// after a change outside the editor state, such as a setting, that a button reflects).
export function toolbar(container: HTMLElement, groups: { label: string; items: ToolbarItem[] }[]): (state: EditorState, force?: boolean) => void {
  const buttons: { item: ToolbarItem; button: HTMLButtonElement; pressed?: boolean; disabled?: boolean }[] = [];
  for (const group of groups) {
    const box = element("div", { class: "toolbar-group", role: "group", "aria-label": group.label });
    for (const item of group.items) {
      const tip = item.shortcut ? `${item.title} (${shortcutLabel(item.shortcut)})` : item.title;
      const button = element("button", { type: "button", class: `tool tool-${item.id}`, title: tip, "aria-label": item.label }, item.face ?? item.label);
      if (item.shortcut) button.setAttribute("aria-keyshortcuts", ariaShortcut(item.shortcut));
      if (item.active) button.setAttribute("aria-pressed", "false");
      button.addEventListener("mousedown", (e) => e.preventDefault());
      button.addEventListener("click", () => item.run());
      box.append(button);
      buttons.push({ item, button });
    }
    container.append(box);
  }
  let shown: string | null = null;
  return (state, force = false) => {
    const context = caretContext(state);
    if (!force && context !== null && context === shown) return;
    shown = context;
    for (const entry of buttons) {
      const { item, button } = entry;
      const pressed = item.active?.(state);
      if (pressed !== undefined && pressed !== entry.pressed) button.setAttribute("aria-pressed", String((entry.pressed = pressed)));
      const disabled = item.enabled ? !item.enabled(state) : undefined;
      if (disabled !== undefined && disabled !== entry.disabled) button.disabled = entry.disabled = disabled;
    }
  };
}
