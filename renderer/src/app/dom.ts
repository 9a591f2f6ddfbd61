/// Creates an element with attributes and optional text.
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/// A keyboard shortcut as people read it on this platform: "Mod-Alt-K" → "Ctrl+Alt+K" (or ⌘⌥K on a Mac).
export function shortcutLabel(shortcut: string): string {
  const mac = /Mac/.test(navigator.platform);
  const parts = shortcut.split("-");
  const names: Record<string, string> = mac ? { Mod: "⌘", Alt: "⌥", Shift: "⇧", Ctrl: "⌃" } : { Mod: "Ctrl", Alt: "Alt", Shift: "Shift", Ctrl: "Ctrl" };
  const keys = parts.map((p) => names[p] ?? (p.length === 1 ? p.toUpperCase() : p));
  return mac ? keys.join("") : keys.join("+");
}

/// The same shortcut for `aria-keyshortcuts` ("Control+Alt+K").
export function ariaShortcut(shortcut: string): string {
  const mac = /Mac/.test(navigator.platform);
  return shortcut
    .split("-")
    .map((p) => (p === "Mod" ? (mac ? "Meta" : "Control") : p.length === 1 ? p.toUpperCase() : p))
    .join("+");
}
