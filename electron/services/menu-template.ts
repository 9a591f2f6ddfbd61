import {
  commandIds,
  commandSpec,
  isRendererCommand,
  menuGroups,
  shownKey,
  type CommandId,
  type MainCommandId,
  type MenuName,
  type RendererCommandId,
} from "../../shared/commands";
import { acceleratorOf, platformOf } from "../../shared/keys";

// The application menu as a plain template, built from the command table without Electron, so
// it can be tested; electron/main/menu.ts hands it to `Menu.buildFromTemplate`.

/// The roles the menu uses (each one of Electron's `MenuItemConstructorOptions["role"]`).
export type MenuRole =
  | "appMenu"
  | "close"
  | "quit"
  | "cut"
  | "copy"
  | "paste"
  | "selectAll"
  | "resetZoom"
  | "zoomIn"
  | "zoomOut"
  | "togglefullscreen"
  | "windowMenu"
  | "minimize"
  | "zoom"
  | "front"
  | "help";

/// One menu item: the part of Electron's `MenuItemConstructorOptions` the menu uses.
export interface MenuItemTemplate {
  label?: string;
  sublabel?: string;
  role?: MenuRole;
  type?: "separator" | "checkbox";
  checked?: boolean;
  enabled?: boolean;
  accelerator?: string;
  /// False when the page handles the keys itself: the menu shows them but does not take them.
  registerAccelerator?: boolean;
  click?: () => void;
  submenu?: MenuItemTemplate[];
  /// The command the item runs, for tests and the menu's own bookkeeping (Electron ignores it).
  command?: CommandId;
}

/// What the menu lists and does beyond the command table.
export interface MenuOptions {
  /// `process.platform`.
  platform: string;
  appName: string;
  /// Sends a renderer command to the focused window; false when no window has the focus.
  send: (command: RendererCommandId) => boolean;
  /// The commands the main process runs itself.
  main: Record<MainCommandId, () => void>;
  /// What a renderer command does when no window has the focus (macOS keeps the menu without one).
  withoutWindow?: Partial<Record<RendererCommandId, () => void>>;
  openRecent: (path: string) => void;
  clearRecent: () => void;
  focusWindow: (id: string) => void;
  about: () => void;
  recentFiles: { path: string; title: string }[];
  windows: { id: string; title: string; edited: boolean; focused: boolean }[];
}

const separator: MenuItemTemplate = { type: "separator" };

/// The menu item of a command: its label and shown key from the table, and who runs it.
function commandItem(id: CommandId, options: MenuOptions): MenuItemTemplate {
  const key = shownKey(id, platformOf(options.platform));
  const accelerator = key ? { accelerator: acceleratorOf(key) } : {};
  const label = commandSpec(id).label;
  if (isRendererCommand(id)) {
    const click = () => {
      if (!options.send(id)) options.withoutWindow?.[id]?.();
    };
    return { label, command: id, ...accelerator, ...(key ? { registerAccelerator: false } : {}), click };
  }
  const main = options.main[id as MainCommandId];
  if (!main) throw new Error(`The menu lists "${id}", which neither the renderer nor the main process runs.`);
  return { label, command: id, ...accelerator, click: main };
}

/// The items of one menu: the table's commands by group, the menu's own items added to their group, lines between groups.
function menuItems(menu: MenuName, extras: Partial<Record<string, MenuItemTemplate[]>>, options: MenuOptions): MenuItemTemplate[] {
  const groups = menuGroups[menu].map((group) => [
    ...commandIds.filter((id) => commandSpec(id).menu?.menu === menu && commandSpec(id).menu?.group === group).map((id) => commandItem(id, options)),
    ...(extras[group] ?? []),
  ]);
  return groups.filter((items) => items.length > 0).flatMap((items, i) => (i === 0 ? items : [separator, ...items]));
}

/// The application menu. Commands come from the table; renderer commands are sent to the focused window.
export function menuTemplate(options: MenuOptions): MenuItemTemplate[] {
  const isMac = platformOf(options.platform) === "mac";
  const recent: MenuItemTemplate[] = options.recentFiles.length
    ? [
        ...options.recentFiles.map((file) => ({ label: file.title, sublabel: file.path, click: () => options.openRecent(file.path) })),
        separator,
        { label: "Clear Menu", click: options.clearRecent },
      ]
    : [{ label: "No Recent Files", enabled: false }];
  const windowList: MenuItemTemplate[] = options.windows.map((w) => ({
    label: `${w.edited ? "• " : ""}${w.title}`,
    type: "checkbox",
    checked: w.focused,
    click: () => options.focusWindow(w.id),
  }));
  return [
    ...(isMac ? [{ role: "appMenu" as const }] : []),
    {
      label: "&File",
      submenu: menuItems("File", { open: [{ label: "Open Recent", submenu: recent }], window: [{ role: "close" }, ...(isMac ? [] : [{ role: "quit" as const }])] }, options),
    },
    {
      label: "&Edit",
      submenu: menuItems("Edit", { clipboard: [{ role: "cut" }, { role: "copy" }, { role: "paste" }, { role: "selectAll" }] }, options),
    },
    { label: "F&ormat", submenu: menuItems("Format", {}, options) },
    { label: "&Insert", submenu: menuItems("Insert", {}, options) },
    {
      label: "&View",
      submenu: menuItems("View", { zoom: [{ role: "resetZoom" }, { role: "zoomIn" }, { role: "zoomOut" }], screen: [{ role: "togglefullscreen" }] }, options),
    },
    {
      label: "&Window",
      role: "windowMenu",
      submenu: [
        { role: "minimize" },
        ...(isMac ? [{ role: "zoom" as const }, separator, { role: "front" as const }] : []),
        ...(isMac || windowList.length === 0 ? [] : [separator, ...windowList]),
      ],
    },
    { role: "help", submenu: [{ label: `About ${options.appName}`, click: options.about }] },
  ];
}
