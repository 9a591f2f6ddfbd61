import { beforeAll, describe, expect, it, vi } from "vitest";

// What the sandboxed preload gives the page: `window.copydesk` and nothing else, which sends only
// on Copydesk's one request channel and listens only on its one event channel.

const exposed = new Map<string, unknown>();
const sent: unknown[][] = [];
const listened: string[] = [];

vi.mock("electron", () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => exposed.set(name, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      sent.push(args);
      return Promise.resolve({ ok: true });
    },
    on: (channel: string) => listened.push(channel),
    removeListener: () => undefined,
  },
}));

describe("the preload", () => {
  beforeAll(async () => {
    await import("../../../electron/preload/index");
  });

  it("exposes window.copydesk only, with invoke and on", () => {
    expect([...exposed.keys()]).toEqual(["copydesk"]);
    expect(Object.keys(exposed.get("copydesk") as object).sort()).toEqual(["invoke", "on"]);
  });

  it("sends every request on copydesk:invoke and listens on copydesk:event only", async () => {
    const api = exposed.get("copydesk") as { invoke: (channel: string, request: unknown) => Promise<unknown>; on: (event: string, listener: () => void) => () => void };
    await api.invoke("document:save", { handle: "x" });
    await api.invoke("fs:readFile" as string, "/etc/passwd");
    expect(sent.map((args) => args[0])).toEqual(["copydesk:invoke", "copydesk:invoke"]);
    api.on("menu:command", () => undefined);
    expect(listened).toEqual(["copydesk:event"]);
  });
});
