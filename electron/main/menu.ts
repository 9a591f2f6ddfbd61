import { app, BrowserWindow, Menu, type MenuItemConstructorOptions } from "electron";
import { sendEvent } from "./ipc";

/// Sends a command to the focused editor window (the renderer owns the document).
function command(name: string): () => void {
  return () => {
    const window = BrowserWindow.getFocusedWindow();
    if (window) sendEvent(window, "menu:command", { command: name });
  };
}

/// The application menu. Editing commands are sent to the renderer, which runs them on its editor.
export function buildMenu(actions: { newWindow: () => void }): Menu {
  const isMac = process.platform === "darwin";
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: "appMenu" as const }] : []),
    {
      label: "&File",
      submenu: [
        { label: "New", accelerator: "CmdOrCtrl+N", click: actions.newWindow },
        { label: "Open…", accelerator: "CmdOrCtrl+O", click: command("open") },
        { type: "separator" },
        { label: "Save", accelerator: "CmdOrCtrl+S", click: command("save") },
        { label: "Save As…", accelerator: "CmdOrCtrl+Shift+S", click: command("save-as") },
        { type: "separator" },
        { label: "Export…", accelerator: "CmdOrCtrl+E", click: command("export") },
        { type: "separator" },
        isMac ? { role: "close" } : { role: "quit" },
      ],
    },
    {
      label: "&Edit",
      submenu: [
        { label: "Undo", accelerator: "CmdOrCtrl+Z", click: command("undo") },
        { label: "Redo", accelerator: "CmdOrCtrl+Shift+Z", click: command("redo") },
        { type: "separator" },
        { role: "cut" },
        { role: "copy" },
        { role: "paste" },
        { role: "selectAll" },
      ],
    },
    {
      label: "&View",
      submenu: [{ role: "resetZoom" }, { role: "zoomIn" }, { role: "zoomOut" }, { type: "separator" }, { role: "togglefullscreen" }],
    },
    { role: "windowMenu" },
    {
      role: "help",
      submenu: [{ label: `About ${app.getName()}`, click: () => app.showAboutPanel() }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
