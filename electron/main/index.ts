import { app, Menu } from "electron";
import { Backend } from "../services/backend";
import { electronDialogs } from "./electron-dialogs";
import { registerIpc } from "./ipc";
import { buildMenu } from "./menu";
import { hardenWebContents } from "./security";
import { createEditorWindow } from "./window";

// The main process: thin glue between Electron and the Electron-free services.

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on("second-instance", () => createEditorWindow());
  app.on("window-all-closed", () => {
    if (process.platform !== "darwin") app.quit();
  });
  void app.whenReady().then(() => {
    app.setAboutPanelOptions({ applicationName: "Copydesk", applicationVersion: app.getVersion() });
    hardenWebContents();
    const backend = new Backend({
      userDataDir: app.getPath("userData"),
      dialogs: electronDialogs(),
      appInfo: { name: "Copydesk", version: app.getVersion(), platform: process.platform },
    });
    registerIpc(backend);
    Menu.setApplicationMenu(buildMenu({ newWindow: () => createEditorWindow() }));
    createEditorWindow();
    app.on("activate", () => createEditorWindow());
  });
}
