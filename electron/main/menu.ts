import { app, BrowserWindow, Menu } from "electron";
import type { RecentFile } from "../../shared/ipc";
import { menuTemplate } from "../services/menu-template";
import type { WindowEntry } from "../services/window-lifecycle";
import { sendEvent } from "./ipc";

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

/// The application menu (`menuTemplate`, from the command table). Editing and file commands go to
/// the focused window, whose renderer runs them; with no window, Open… asks for a file here.
export function buildMenu(actions: MenuActions): Menu {
  return Menu.buildFromTemplate(
    menuTemplate({
      platform: process.platform,
      appName: app.getName(),
      send: (command) => {
        const window = BrowserWindow.getFocusedWindow();
        if (window) sendEvent(window, "menu:command", { command });
        return window !== null;
      },
      main: { new: actions.newWindow },
      withoutWindow: { open: actions.open },
      openRecent: actions.openRecent,
      clearRecent: actions.clearRecent,
      focusWindow: actions.focusWindow,
      about: () => app.showAboutPanel(),
      recentFiles: actions.recentFiles,
      windows: actions.windows,
    }),
  );
}
