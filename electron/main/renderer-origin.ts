// Where the editor page comes from, and so which pages main trusts. Packaged builds and the e2e
// target load the page from the app's own files through the `app://` protocol; only an
// unpackaged app in development honours ELECTRON_RENDERER_URL (electron-vite's dev server), and
// only on this machine. Plain Node: every decision here is tested without Electron.

/// The privileged scheme that serves the app's own files (see app-protocol.ts).
export const appScheme = "app";
/// The one host of that scheme: the page's origin is `app://copydesk`.
export const appHost = "copydesk";

/// Where windows load the editor from, and the origin whose pages may talk to main.
export interface RendererLocation {
  url: string;
  origin: string;
}

/// The editor served by the app itself.
export const appRenderer: RendererLocation = { url: `${appScheme}://${appHost}/index.html`, origin: `${appScheme}://${appHost}` };

/// Picks where the editor is loaded from. A packaged app ignores development variables; an
/// unpackaged one uses the dev server's URL only when it is http(s) on this machine.
export function rendererLocation({ isPackaged, devServerUrl }: { isPackaged: boolean; devServerUrl: string | undefined }): RendererLocation {
  if (isPackaged || !devServerUrl) return appRenderer;
  const origin = originOf(devServerUrl);
  if (origin === null || !/^https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/.test(origin)) return appRenderer;
  return { url: devServerUrl, origin };
}

/// The origin (`scheme://host[:port]`) of a hierarchical URL as written, or null when it has none
/// or carries credentials. Custom schemes such as `app:` have no origin in WHATWG URL terms (it
/// says "null"), so the comparison is made on the text Chromium gives, which is canonical.
export function originOf(url: string): string | null {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\\]*)/.exec(url);
  if (!match || match[2] === "" || match[2].includes("@")) return null;
  return `${match[1]}://${match[2]}`;
}

/// The frame an IPC message came from, as Electron's WebFrameMain describes it.
export interface SenderFrame {
  url: string;
  /// The parent frame, or null for the top frame of its window.
  parent: unknown;
}

/// True when an IPC message comes from the top frame of a page of our own origin, compared
/// exactly: not a subframe, not `file://`, not a look-alike host.
export function isTrustedSender(frame: SenderFrame | null | undefined, expected: RendererLocation): boolean {
  if (!frame || frame.parent !== null) return false;
  return originOf(frame.url) === expected.origin;
}
