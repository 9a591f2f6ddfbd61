import type { EditorState } from "prosemirror-state";
import { ariaShortcut, element, shortcutLabel } from "./dom";

// The toolbar: buttons grouped by what they act on, each with its shortcut in its tooltip and
// `aria-keyshortcuts`, reflecting the selection (pressed, disabled) after every transaction.

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

/// Builds the toolbar from groups of items; the returned function refreshes their states.
export function toolbar(container: HTMLElement, groups: { label: string; items: ToolbarItem[] }[]): (state: EditorState) => void {
  const buttons: { item: ToolbarItem; button: HTMLButtonElement }[] = [];
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
  return (state) => {
    for (const { item, button } of buttons) {
      if (item.active) button.setAttribute("aria-pressed", String(item.active(state)));
      if (item.enabled) button.disabled = !item.enabled(state);
    }
  };
}
