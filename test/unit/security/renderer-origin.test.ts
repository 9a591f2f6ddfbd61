import { describe, expect, it } from "vitest";
import { appRenderer, isTrustedSender, originOf, rendererLocation } from "../../../electron/main/renderer-origin";

// Which page main loads and trusts: `app://copydesk` always in a packaged app, the dev server
// only in development and only on this machine; IPC only from the top frame of that origin.

const top = (url: string) => ({ url, parent: null });
const devServer = rendererLocation({ isPackaged: false, devServerUrl: "http://localhost:5173" });

describe("where the editor is loaded from", () => {
  it("is app://copydesk/index.html in a packaged app, even when ELECTRON_RENDERER_URL is set", () => {
    expect(rendererLocation({ isPackaged: true, devServerUrl: "http://localhost:5173" })).toEqual({ url: "app://copydesk/index.html", origin: "app://copydesk" });
    expect(rendererLocation({ isPackaged: true, devServerUrl: "https://attacker.example/" })).toBe(appRenderer);
    expect(rendererLocation({ isPackaged: true, devServerUrl: undefined })).toBe(appRenderer);
  });

  it("is the dev server in development, when one is named", () => {
    expect(devServer).toEqual({ url: "http://localhost:5173", origin: "http://localhost:5173" });
    expect(rendererLocation({ isPackaged: false, devServerUrl: "http://127.0.0.1:5174/" }).origin).toBe("http://127.0.0.1:5174");
    expect(rendererLocation({ isPackaged: false, devServerUrl: undefined })).toBe(appRenderer);
    expect(rendererLocation({ isPackaged: false, devServerUrl: "" })).toBe(appRenderer);
  });

  it.each([
    "https://attacker.example/",
    "http://localhost.attacker.example:5173/",
    "http://localhost:5173@attacker.example/",
    "file:///tmp/evil/renderer/index.html",
    "javascript:alert(1)",
    "not a url",
  ])("ignores a development URL that is not a server on this machine: %s", (devServerUrl) => {
    expect(rendererLocation({ isPackaged: false, devServerUrl })).toBe(appRenderer);
  });
});

describe("the origin of a URL", () => {
  it("is scheme://host[:port] as written, with no credentials", () => {
    expect(originOf("app://copydesk/index.html")).toBe("app://copydesk");
    expect(originOf("http://localhost:5173/src/main.ts?x#y")).toBe("http://localhost:5173");
    expect(originOf("file:///home/desk/renderer/index.html")).toBeNull();
    expect(originOf("app://user@copydesk/")).toBeNull();
    expect(originOf("about:blank")).toBeNull();
    expect(originOf("data:text/html,hi")).toBeNull();
  });
});

describe("the sender of an IPC message", () => {
  it("is trusted when it is the top frame of our own page", () => {
    expect(isTrustedSender(top("app://copydesk/index.html"), appRenderer)).toBe(true);
    expect(isTrustedSender(top("app://copydesk/"), appRenderer)).toBe(true);
    expect(isTrustedSender(top("http://localhost:5173/"), devServer)).toBe(true);
  });

  it.each([
    ["a file:// page other than ours", "file:///tmp/evil/renderer/index.html"],
    ["a file:// page at our old path", "file:///opt/Copydesk/resources/app.asar/out/renderer/index.html"],
    ["a file:// page naming our path in its query", "file:///tmp/x.html?/renderer/index.html"],
    ["another host on our scheme", "app://attacker/index.html"],
    ["a look-alike host", "app://copydesk.attacker.example/index.html"],
    ["a host with our name as a prefix", "app://copydesk2/index.html"],
    ["our host as credentials", "app://copydesk@attacker.example/index.html"],
    ["our host with a port", "app://copydesk:1/index.html"],
    ["our host in capitals, which Chromium never gives", "APP://COPYDESK/index.html"],
    ["our host over http", "http://copydesk/index.html"],
    ["our host over https", "https://copydesk/index.html"],
    ["a web page", "https://attacker.example/"],
    ["a blob of our origin", "blob:app://copydesk/2f8d1c1e-6a4b-4b8e-9d8e-0c6f1d2b3a4c"],
    ["about:blank", "about:blank"],
    ["a data: page", "data:text/html,<script>copydesk.invoke()</script>"],
    ["no URL", ""],
  ])("is refused when it is %s", (_name, url) => {
    expect(isTrustedSender(top(url), appRenderer)).toBe(false);
  });

  it("is refused from a subframe of our own page, and when the frame is gone", () => {
    expect(isTrustedSender({ url: "app://copydesk/index.html", parent: top("app://copydesk/index.html") }, appRenderer)).toBe(false);
    expect(isTrustedSender(null, appRenderer)).toBe(false);
    expect(isTrustedSender(undefined, appRenderer)).toBe(false);
  });

  it("is refused from look-alikes of the dev server, and from app:// in development", () => {
    for (const url of ["http://localhost:51730/", "http://localhost:5173.attacker.example/", "http://localhost:5173@attacker.example/", "https://localhost:5173/", "http://127.0.0.1:5173/", "app://copydesk/index.html"]) {
      expect(isTrustedSender(top(url), devServer), url).toBe(false);
    }
  });
});
