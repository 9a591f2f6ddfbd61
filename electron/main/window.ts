import { BrowserWindow } from "electron";
import { join } from "node:path";
import { attachContextMenu } from "./spelling";

/// The URL the renderer is loaded from: the dev server in development, the app's own files otherwise.
export function rendererEntry(): { url: string } | { file: string } {
  const devUrl = process.env["ELECTRON_RENDERER_URL"];
  return devUrl ? { url: devUrl } : { file: join(__dirname, "../renderer/index.html") };
}

/// A new editor window: isolated, sandboxed, no Node in the page, the typed API from the preload.
export function createEditorWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 900,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: "Copydesk",
    backgroundColor: "#f7f5f0",
    webPreferences: {
      preload: join(__dirname, "../preload/index.cjs"),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
    },
  });
  window.once("ready-to-show", () => window.show());
  attachContextMenu(window);
  const entry = rendererEntry();
  if ("url" in entry) void window.loadURL(entry.url);
  else void window.loadFile(entry.file);
  return window;
}

/// True when an IPC message comes from a page Copydesk loaded itself.
export function isTrustedSender(frameUrl: string | undefined): boolean {
  if (!frameUrl) return false;
  const entry = rendererEntry();
  if ("url" in entry) return frameUrl.startsWith(entry.url);
  return frameUrl.startsWith("file://") && decodeURIComponent(frameUrl).includes("/renderer/index.html");
}
