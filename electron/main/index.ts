import { app, Menu } from "electron";
import { Backend } from "../services/backend";
import { articleFilter } from "../services/dialogs";
import { DocumentWindows } from "./document-windows";
import { electronDialogs } from "./electron-dialogs";
import { registerIpc } from "./ipc";
import { articlePathsFromArgv } from "./launch-paths";
import { buildMenu } from "./menu";
import { printPdfWithChromium } from "./pdf";
import { hardenWebContents, openExternalLink } from "./security";
import { setSpellingLanguage } from "./spelling";

// The main process: thin glue between Electron and the Electron-free services. One window per
// document; a second launch hands its files to this instance through the single-instance lock.

const pendingFiles: string[] = articlePathsFromArgv(process.argv.slice(1), process.cwd());

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let windows: DocumentWindows | null = null;
  const openFile = (path: string) => {
    if (windows) void windows.openFile(path);
    else pendingFiles.push(path);
  };
  app.on("open-file", (event, path) => {
    event.preventDefault();
    openFile(path);
  });
  app.on("second-instance", (_event, argv, workingDirectory) => {
    const files = articlePathsFromArgv(argv.slice(1), workingDirectory);
    if (files.length) files.forEach(openFile);
    else windows?.create();
  });
  app.on("window-all-closed", () => {
    if (process.platform !== "darwin") app.quit();
  });
  app.on("before-quit", (event) => {
    if (!windows || windows.quitting) return;
    event.preventDefault();
    void windows.confirmQuit().then((ok) => ok && app.quit());
  });
  void app.whenReady().then(() => start());

  function start(): void {
    app.setAboutPanelOptions({ applicationName: "Copydesk", applicationVersion: app.getVersion() });
    hardenWebContents();
    const dialogs = electronDialogs();
    let refreshMenu = () => undefined as void;
    const tracked = new DocumentWindows(() => refreshMenu());
    const backend = new Backend({
      userDataDir: app.getPath("userData"),
      dialogs,
      appInfo: { name: "Copydesk", version: app.getVersion(), platform: process.platform },
      notify: (windowId, event, payload) => tracked.send(windowId, event, payload),
      onDocumentState: (windowId, state) => tracked.update(windowId, state),
      focusWindow: (windowId) => tracked.focus(windowId),
      printPdf: printPdfWithChromium,
      openExternal: async (href) => void (await openExternalLink(href)),
      setSpellingLanguage,
    });
    tracked.attach(backend);
    windows = tracked;
    registerIpc(backend);

    const recent = backend.documents.recent;
    let recentFiles = [] as Awaited<ReturnType<typeof recent.list>>;
    refreshMenu = () =>
      Menu.setApplicationMenu(
        buildMenu({
          newWindow: () => tracked.create(),
          open: () => void dialogs.chooseOpenPath({ title: "Open article", filters: [articleFilter] }).then((path) => path && openFile(path)),
          openRecent: openFile,
          clearRecent: () => void recent.clear().then(() => app.clearRecentDocuments()),
          focusWindow: (id) => tracked.focus(id),
          recentFiles,
          windows: tracked.entries(),
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
    else tracked.create();
    app.on("activate", () => {
      if (tracked.count === 0) tracked.create();
    });
  }
}
