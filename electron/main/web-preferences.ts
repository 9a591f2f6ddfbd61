import type { WebPreferences } from "electron";

// The webPreferences of every window Copydesk opens, in one place so that a unit test reads them
// as main builds them (electronegativity cannot see nodeIntegration). Plain Node: no Electron
// import at run time.

/// What every Copydesk page gets: isolated from the preload, sandboxed, no Node, web security on,
/// no insecure content, no experimental or extra Blink features, no <webview>, no navigation on
/// drag and drop, and middle-click cannot open windows (Auxclick off).
const locked: WebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  disableBlinkFeatures: "Auxclick",
  safeDialogs: true,
};

/// The editor window's preferences: the locked ones and the preload that exposes `window.copydesk`.
/// Chromium's spellchecker is off: the editor checks spelling itself (shared/style/spelling.ts), the
/// same in the app, the e2e host and the command line.
export function editorWebPreferences(preloadPath: string): WebPreferences {
  return { ...locked, preload: preloadPath, spellcheck: false };
}

/// The hidden window that prints the HTML export to PDF: the locked preferences with JavaScript off and no preload.
export function pdfWebPreferences(): WebPreferences {
  return { ...locked, javascript: false, spellcheck: false };
}
