// Keys in ProseMirror's notation ("Mod-Shift-z": Mod is ⌘ on macOS, Ctrl elsewhere), and how
// people, assistive technology and Electron's menus each write them.

/// The platforms Copydesk runs on.
export type Platform = "mac" | "windows" | "linux";

export const platforms: readonly Platform[] = ["mac", "windows", "linux"];

export const platformNames: Record<Platform, string> = { mac: "macOS", windows: "Windows", linux: "Linux" };

/// The platform of Node's `process.platform` ("darwin") or the browser's `navigator.platform` ("MacIntel").
export function platformOf(name: string): Platform {
  if (/^(darwin|mac|iP)/i.test(name)) return "mac";
  if (/^win/i.test(name)) return "windows";
  return "linux";
}

const modifierOrder = ["Mod", "Ctrl", "Alt", "Shift"] as const;
type Modifier = (typeof modifierOrder)[number];

/// A key split into its modifiers and the key itself.
export function keyParts(key: string): { modifiers: Modifier[]; base: string } {
  const parts = key.split("-");
  const base = parts.pop() || "-";
  const modifiers = parts.map((part) => {
    const modifier = modifierOrder.find((m) => m === part);
    if (!modifier) throw new Error(`"${key}" has an unknown modifier "${part}"`);
    return modifier;
  });
  return { modifiers: modifierOrder.filter((m) => modifiers.includes(m)), base };
}

/// The key as one platform receives it (Mod made ⌘ or Ctrl), with its modifiers in a fixed order: two names of the same key compare equal.
export function normalizeKey(key: string, platform: Platform): string {
  const { modifiers, base } = keyParts(key);
  const names: string[] = modifiers.map((m) => (m === "Mod" ? (platform === "mac" ? "Meta" : "Ctrl") : m));
  return [...["Meta", "Ctrl", "Alt", "Shift"].filter((m) => names.includes(m)), base.length === 1 ? base.toLowerCase() : base].join("-");
}

const arrows: Record<string, string> = { ArrowUp: "↑", ArrowDown: "↓", ArrowLeft: "←", ArrowRight: "→" };

/// The key as people read it on that platform: "Mod-Alt-k" is "Ctrl+Alt+K", or "⌘⌥K" on a Mac.
export function keyLabel(key: string, platform: Platform): string {
  const { modifiers, base } = keyParts(key);
  const mac = platform === "mac";
  const names: Record<Modifier, string> = mac ? { Mod: "⌘", Ctrl: "⌃", Alt: "⌥", Shift: "⇧" } : { Mod: "Ctrl", Ctrl: "Ctrl", Alt: "Alt", Shift: "Shift" };
  const shown = arrows[base] ?? (base.length === 1 ? base.toUpperCase() : base);
  const parts = [...modifiers.map((m) => names[m]), shown];
  return mac ? parts.join("") : parts.join("+");
}

/// The key for `aria-keyshortcuts` ("Control+Alt+K").
export function ariaKey(key: string, platform: Platform): string {
  const { modifiers, base } = keyParts(key);
  const names: Record<Modifier, string> = { Mod: platform === "mac" ? "Meta" : "Control", Ctrl: "Control", Alt: "Alt", Shift: "Shift" };
  return [...modifiers.map((m) => names[m]), base.length === 1 ? base.toUpperCase() : base].join("+");
}

const acceleratorKeys: Record<string, string> = { ArrowUp: "Up", ArrowDown: "Down", ArrowLeft: "Left", ArrowRight: "Right", Enter: "Return", Escape: "Esc" };

/// The key as an Electron menu accelerator ("CmdOrCtrl+Shift+S").
export function acceleratorOf(key: string): string {
  const { modifiers, base } = keyParts(key);
  const names: Record<Modifier, string> = { Mod: "CmdOrCtrl", Ctrl: "Ctrl", Alt: "Alt", Shift: "Shift" };
  return [...modifiers.map((m) => names[m]), acceleratorKeys[base] ?? (base.length === 1 ? base.toUpperCase() : base)].join("+");
}
