import type { Session, WebContents } from "electron";

// What every web contents and the session refuse, written against the few methods used, so that
// a test drives them with fakes (plain Node). security.ts applies them to Electron's objects.

/// The part of WebContents that hardening uses.
export type HardenedContents = Pick<WebContents, "on" | "setWindowOpenHandler">;
/// The part of Session that hardening uses.
export type HardenedSession = Pick<Session, "setPermissionRequestHandler" | "setPermissionCheckHandler" | "setDevicePermissionHandler">;

/// Navigation events refused outright: the page never leaves the app, no frame navigates, no
/// redirect is followed and no <webview> is attached.
export const refusedNavigationEvents = ["will-navigate", "will-frame-navigate", "will-redirect", "will-attach-webview"] as const;

/// Refuses navigation, redirects, webviews and new windows in one web contents.
export function hardenContents(contents: HardenedContents): void {
  for (const name of refusedNavigationEvents) {
    (contents.on as (event: string, listener: (event: { preventDefault(): void }) => void) => unknown)(name, (event) => event.preventDefault());
  }
  contents.setWindowOpenHandler(() => ({ action: "deny" }));
}

/// The permissions a Copydesk page may be granted: none. The editor needs no camera, microphone,
/// location, notifications, clipboard reading, MIDI, HID, serial or USB, nor opening external
/// links from the page (main opens links itself after checking them).
export const grantedPermissions: readonly string[] = [];

/// Denies every permission request and check, and every device, in a session.
export function hardenSession(session: HardenedSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(grantedPermissions.includes(permission)));
  session.setPermissionCheckHandler((_contents, permission) => grantedPermissions.includes(permission));
  session.setDevicePermissionHandler(() => false);
}
