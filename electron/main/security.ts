import { app, session, shell, type WebContents } from "electron";
import { contentSecurityPolicy } from "../../shared/csp";
import { isSafeLinkHref } from "../../shared/urls";

/// Refuses navigation, new windows and webviews in every web contents; links open in the browser only when asked.
export function hardenWebContents(): void {
  app.on("web-contents-created", (_event, contents: WebContents) => {
    contents.on("will-navigate", (event) => event.preventDefault());
    contents.on("will-redirect", (event) => event.preventDefault());
    contents.on("will-attach-webview", (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: "deny" }));
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, "Content-Security-Policy": [contentSecurityPolicy] } });
  });
}

/// Opens an http(s) or mailto link in the system's browser or mail program after checking it.
export async function openExternalLink(href: string): Promise<boolean> {
  if (!isSafeLinkHref(href)) return false;
  await shell.openExternal(href);
  return true;
}
