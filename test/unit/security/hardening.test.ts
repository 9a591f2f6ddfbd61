import { describe, expect, it, vi } from "vitest";
import { grantedPermissions, hardenContents, hardenSession, refusedNavigationEvents, type HardenedContents, type HardenedSession } from "../../../electron/main/hardening";

// What every web contents and the session refuse, driven through fakes of the Electron objects
// that security.ts hands to the same functions.

function fakeContents() {
  const listeners = new Map<string, ((event: { preventDefault(): void }) => void)[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on: (name: string, listener: (event: { preventDefault(): void }) => void) => {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => void (openHandler = handler),
  };
  hardenContents(contents as unknown as HardenedContents);
  return {
    emit(name: string) {
      const event = { preventDefault: vi.fn() };
      for (const listener of listeners.get(name) ?? []) listener(event);
      return event.preventDefault.mock.calls.length > 0;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

describe("every web contents", () => {
  it.each(["will-navigate", "will-frame-navigate", "will-redirect", "will-attach-webview"])("refuses %s", (name) => {
    expect(fakeContents().emit(name)).toBe(true);
  });

  it("refuses every event it listens for", () => {
    expect([...refusedNavigationEvents].sort()).toEqual(["will-attach-webview", "will-frame-navigate", "will-navigate", "will-redirect"]);
  });

  it.each(["https://example.com/", "app://copydesk/index.html", "about:blank", "javascript:alert(1)"])("denies a new window for %s", (url) => {
    expect(fakeContents().open(url)).toEqual({ action: "deny" });
  });
});

describe("the session", () => {
  const session = {
    request: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void),
    check: null as null | ((contents: unknown, permission: string, origin: string, details: unknown) => boolean),
    device: null as null | ((details: unknown) => boolean),
    setPermissionRequestHandler(handler: typeof this.request) {
      this.request = handler;
    },
    setPermissionCheckHandler(handler: typeof this.check) {
      this.check = handler;
    },
    setDevicePermissionHandler(handler: typeof this.device) {
      this.device = handler;
    },
  };
  hardenSession(session as unknown as HardenedSession);

  const permissions = ["media", "geolocation", "notifications", "midi", "midiSysex", "clipboard-read", "clipboard-sanitized-write", "display-capture", "fullscreen", "openExternal", "pointerLock", "hid", "serial", "usb", "fileSystem", "window-management", "unknown"];

  it("grants no permission", () => {
    expect(grantedPermissions).toEqual([]);
  });

  it.each(permissions)("denies a request for %s, even from our own page", (permission) => {
    const callback = vi.fn();
    session.request!({}, permission, callback, { requestingUrl: "app://copydesk/index.html" });
    expect(callback).toHaveBeenCalledWith(false);
  });

  it.each(permissions)("answers no to a check for %s", (permission) => {
    expect(session.check!({}, permission, "app://copydesk", {})).toBe(false);
  });

  it("denies every device", () => {
    expect(session.device!({ deviceType: "usb", origin: "app://copydesk" })).toBe(false);
  });
});
