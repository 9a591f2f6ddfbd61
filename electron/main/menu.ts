import { app, BrowserWindow, Menu, type MenuItemConstructorOptions } from "electron";
import type { RecentFile } from "../../shared/ipc";
import type { WindowEntry } from "../services/window-lifecycle";
import { sendEvent } from "./ipc";

/// Sends a command to the focused editor window (the renderer owns the document).
function command(name: string): () => void {
  return () => {
    const window = BrowserWindow.getFocusedWindow();
    if (window) sendEvent(window, "menu:command", { command: name });
  };
}

/// A menu item whose shortcut the page handles itself: the menu shows the keys but does not take them.
function pageCommand(label: string, name: string, accelerator?: string): MenuItemConstructorOptions {
  return accelerator ? { label, accelerator, registerAccelerator: false, click: command(name) } : { label, click: command(name) };
}

/// What the menu does and lists; the glue rebuilds the menu when the lists change.
export interface MenuActions {
  newWindow: () => void;
  open: () => void;
  openRecent: (path: string) => void;
  clearRecent: () => void;
  focusWindow: (id: string) => void;
  recentFiles: RecentFile[];
  windows: WindowEntry[];
}

/// The application menu. Editing commands are sent to the renderer, which runs them on its editor.
export function buildMenu(actions: MenuActions): Menu {
  const isMac = process.platform === "darwin";
  const recent: MenuItemConstructorOptions[] = actions.recentFiles.length
    ? [
        ...actions.recentFiles.map((file) => ({ label: file.title, sublabel: file.path, click: () => actions.openRecent(file.path) })),
        { type: "separator" as const },
        { label: "Clear Menu", click: actions.clearRecent },
      ]
    : [{ label: "No Recent Files", enabled: false }];
  const windowList: MenuItemConstructorOptions[] = actions.windows.map((w) => ({
    label: `${w.edited ? "• " : ""}${w.title}`,
    type: "checkbox" as const,
    checked: w.focused,
    click: () => actions.focusWindow(w.id),
  }));
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: "appMenu" as const }] : []),
    {
      label: "&File",
      submenu: [
        { label: "New", accelerator: "CmdOrCtrl+N", click: actions.newWindow },
        { label: "Open…", accelerator: "CmdOrCtrl+O", click: actions.open },
        { label: "Open Recent", submenu: recent },
        { type: "separator" },
        { label: "Save", accelerator: "CmdOrCtrl+S", click: command("save") },
        { label: "Save As…", accelerator: "CmdOrCtrl+Shift+S", click: command("save-as") },
        { type: "separator" },
        { label: "Import…", click: command("import") },
        { label: "Export…", accelerator: "CmdOrCtrl+E", click: command("export") },
        { label: "Export Again", accelerator: "CmdOrCtrl+Shift+E", click: command("export-again") },
        { type: "separator" },
        { role: "close" },
        ...(isMac ? [] : [{ role: "quit" as const }]),
      ],
    },
    {
      label: "&Edit",
      submenu: [
        pageCommand("Undo", "undo", "CmdOrCtrl+Z"),
        pageCommand("Redo", "redo", "CmdOrCtrl+Shift+Z"),
        { type: "separator" },
        { role: "cut" },
        { role: "copy" },
        { role: "paste" },
        { role: "selectAll" },
        { type: "separator" },
        pageCommand("Find…", "find", "CmdOrCtrl+F"),
        pageCommand("Find and Replace…", "replace", "CmdOrCtrl+Alt+F"),
        { type: "separator" },
        pageCommand("Smart Quotes and Dashes", "toggle-smart-quotes"),
      ],
    },
    {
      label: "F&ormat",
      submenu: [
        pageCommand("Bold", "toggle-bold", "CmdOrCtrl+B"),
        pageCommand("Italic", "toggle-italic", "CmdOrCtrl+I"),
        pageCommand("Link…", "link", "CmdOrCtrl+K"),
        { type: "separator" },
        pageCommand("Paragraph", "paragraph", "CmdOrCtrl+Alt+0"),
        pageCommand("Subheading", "subheading", "CmdOrCtrl+Alt+2"),
        pageCommand("Block Quote", "blockquote", "CmdOrCtrl+Alt+Q"),
        pageCommand("Pull Quote", "pullquote", "CmdOrCtrl+Alt+P"),
        pageCommand("Attribution", "attribution", "CmdOrCtrl+Alt+A"),
        { type: "separator" },
        pageCommand("Bulleted List", "bullet-list", "CmdOrCtrl+Shift+8"),
        pageCommand("Numbered List", "ordered-list", "CmdOrCtrl+Shift+7"),
      ],
    },
    {
      label: "&Insert",
      submenu: [
        pageCommand("Figure…", "figure", "CmdOrCtrl+Alt+G"),
        pageCommand("Related Link…", "related-link", "CmdOrCtrl+Alt+R"),
        pageCommand("Dateline…", "dateline", "CmdOrCtrl+Alt+D"),
      ],
    },
    {
      label: "&View",
      submenu: [
        pageCommand("Metadata Panel", "metadata", "CmdOrCtrl+Alt+M"),
        { type: "separator" },
        { role: "resetZoom" },
        { role: "zoomIn" },
        { role: "zoomOut" },
        { type: "separator" },
        { role: "togglefullscreen" },
      ],
    },
    {
      label: "&Window",
      role: "windowMenu",
      submenu: [
        { role: "minimize" },
        ...(isMac ? [{ role: "zoom" as const }, { type: "separator" as const }, { role: "front" as const }] : []),
        ...(isMac || windowList.length === 0 ? [] : [{ type: "separator" as const }, ...windowList]),
      ],
    },
    {
      role: "help",
      submenu: [{ label: `About ${app.getName()}`, click: () => app.showAboutPanel() }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
