import { app, BrowserWindow } from "electron";
import { join } from "node:path";
import { rendererLocation, type RendererLocation } from "./renderer-origin";
import { attachContextMenu } from "./context-menu";
import { editorWebPreferences } from "./web-preferences";

/// Where this run loads the editor from: `app://copydesk/` always in a packaged app; the dev
/// server only in development (see rendererLocation).
export function editorLocation(): RendererLocation {
  return rendererLocation({ isPackaged: app.isPackaged, devServerUrl: process.env["ELECTRON_RENDERER_URL"] });
}

/// The folder `app://copydesk/` serves: the built renderer.
export const rendererRoot = join(__dirname, "../renderer");

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
    webPreferences: editorWebPreferences(join(__dirname, "../preload/index.cjs")),
  });
  window.once("ready-to-show", () => window.show());
  attachContextMenu(window);
  void window.loadURL(editorLocation().url);
  return window;
}
