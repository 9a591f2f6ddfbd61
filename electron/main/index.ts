import { app, Menu, shell as systemShell } from "electron";
import { Backend } from "../services/backend";
import { articleFilter } from "../services/dialogs";
import { ElectronWindows } from "./document-windows";
import { electronDialogs } from "./electron-dialogs";
import { registerIpc } from "./ipc";
import { articlePathsFromArgv } from "./launch-paths";
import { buildMenu } from "./menu";
import { printPdfWithChromium } from "./pdf";
import { hardenApp, openExternalLink, prepareSecureApp } from "./security";
import { editorLocation, rendererRoot } from "./window";

// The main process: thin glue between Electron and the Electron-free services. One window per
// document; a second launch hands its files to this instance through the single-instance lock.

const pendingFiles: string[] = articlePathsFromArgv(process.argv.slice(1), process.cwd());
prepareSecureApp();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let backend: Backend | null = null;
  const openFile = (path: string) => {
    if (backend) void backend.windows.openFile(path);
    else pendingFiles.push(path);
  };
  app.on("open-file", (event, path) => {
    event.preventDefault();
    openFile(path);
  });
  app.on("second-instance", (_event, argv, workingDirectory) => {
    const files = articlePathsFromArgv(argv.slice(1), workingDirectory);
    if (files.length) files.forEach(openFile);
    else backend?.windows.open();
  });
  app.on("window-all-closed", () => {
    if (process.platform !== "darwin") app.quit();
  });
  app.on("before-quit", (event) => {
    if (!backend || backend.windows.quitAgreed) return;
    event.preventDefault();
    void backend.windows.requestQuit().then((ok) => ok && app.quit());
  });
  void app.whenReady().then(() => start());

  function start(): void {
    app.setAboutPanelOptions({ applicationName: "Copydesk", applicationVersion: app.getVersion() });
    hardenApp(rendererRoot);
    const dialogs = electronDialogs();
    let refreshMenu = () => undefined as void;
    const shell = new ElectronWindows();
    const services = new Backend({
      userDataDir: app.getPath("userData"),
      dialogs,
      windows: shell,
      onWindowsChange: () => refreshMenu(),
      appInfo: { name: "Copydesk", version: app.getVersion(), platform: process.platform },
      notify: (windowId, event, payload) => shell.send(windowId, event, payload),
      printPdf: printPdfWithChromium,
      openExternal: async (href) => void (await openExternalLink(href)),
      showItemInFolder: (path) => systemShell.showItemInFolder(path),
    });
    shell.attach(services.windows);
    // A window that goes lets go of the desks it showed (a folder no window shows is no longer watched).
    app.on("browser-window-created", (_event, window) => {
      const id = String(window.webContents.id);
      window.once("closed", () => void services.desks.closeWindow(id));
    });
    backend = services;
    registerIpc(services, editorLocation());
    const lifecycle = services.windows;

    const recent = services.documents.recent;
    let recentFiles = [] as Awaited<ReturnType<typeof recent.list>>;
    refreshMenu = () =>
      Menu.setApplicationMenu(
        buildMenu({
          newWindow: () => lifecycle.open(),
          open: () => void dialogs.chooseOpenPath({ title: "Open article", filters: [articleFilter] }).then((path) => path && openFile(path)),
          openRecent: openFile,
          clearRecent: () => void recent.clear().then(() => app.clearRecentDocuments()),
          focusWindow: (id) => shell.focus(id),
          recentFiles,
          windows: lifecycle.entries(),
        }),
      );
    recent.onChange((files) => {
      recentFiles = files;
      if (files[0]) app.addRecentDocument(files[0].path);
      refreshMenu();
    });
    void recent.list().then((files) => {
      recentFiles = files;
      refreshMenu();
    });
    refreshMenu();

    const files = pendingFiles.splice(0);
    if (files.length) files.forEach(openFile);
    else lifecycle.open();
    app.on("activate", () => {
      if (shell.count === 0) lifecycle.open();
    });
  }
}
