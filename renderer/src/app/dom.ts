import { ariaKey, keyLabel, platformOf } from "../../../shared/keys";

/// Creates an element with attributes and optional text.
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/// A keyboard shortcut as people read it on this platform: "Mod-Alt-K" → "Ctrl+Alt+K" (or ⌘⌥K on a Mac).
export function shortcutLabel(shortcut: string): string {
  return keyLabel(shortcut, platformOf(navigator.platform));
}

/// The same shortcut for `aria-keyshortcuts` ("Control+Alt+K").
export function ariaShortcut(shortcut: string): string {
  return ariaKey(shortcut, platformOf(navigator.platform));
}
