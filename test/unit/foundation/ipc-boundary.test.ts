import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { channels, requestSchemas } from "../../../shared/ipc";
import { Backend } from "../../../electron/services/backend";
import { ScriptedDialogs } from "../../support/scripted-dialogs";
import { FakeWindows } from "../services/fake-windows";
import { seedArticlePath } from "../../support/seed-article";

// Whatever arrives over IPC, the backend answers with a typed value: bad channels, bad payloads
// and bad articles get a message, never an exception.

const userDataDir = mkdtempSync(join(tmpdir(), "copydesk-ipc-"));
const dialogs = new ScriptedDialogs();
const windows = new FakeWindows();
const backend = new Backend({ userDataDir, dialogs, windows, notify: windows.notify, appInfo: { name: "Copydesk", version: "0.0.0", platform: "linux" } });
windows.attach({ backend });
const context = { windowId: "window-1" };
afterAll(() => backend.dispose());

describe("the IPC boundary", () => {
  it("lists each channel once, each with a request schema", () => {
    expect(new Set(channels).size).toBe(channels.length);
    for (const channel of channels) expect(requestSchemas[channel]).toBeDefined();
  });

  it.each([
    ["an unknown channel", "fs:delete", {}, "unknown-channel"],
    ["a channel that is not a string", 42, {}, "unknown-channel"],
    ["a prototype key as channel", "constructor", {}, "unknown-channel"],
    ["a payload of the wrong type", "document:open", { recent: 17 }, "invalid-request"],
    ["a path named by the renderer", "document:open", { path: seedArticlePath }, "invalid-request"],
    ["extra payload fields", "document:new", { evil: true }, "invalid-request"],
    ["a payload that is a string", "document:save", "save it", "invalid-request"],
    ["an unknown export format", "export:run", { handle: "h", article: { meta: {}, doc: {}, assets: {} }, formats: ["exe"] }, "invalid-request"],
    ["a handle of another window", "document:close", { handle: "not-mine" }, "unknown-document"],
  ])("answers %s with a typed error", async (_name, channel, payload, code) => {
    const result = await backend.handle(channel, payload, context);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message.length).toBeGreaterThan(10);
    }
  });

  it("refuses to save an invalid article and says what is wrong with it", async () => {
    const opened = await backend.handle("document:new", {}, context);
    if (!opened.ok) throw new Error(opened.error.message);
    const { handle, article } = opened.value as { handle: string; article: { meta: object; doc: object; assets: object } };
    const bad = { ...article, meta: { ...article.meta, created: "soon" } };
    const result = await backend.handle("document:save", { handle, article: bad, revision: 1 }, context);
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: "invalid-article",
        message: expect.stringContaining("No word is lost"),
        details: ["meta.created: not an ISO 8601 date-time: correct it in the metadata panel (Ctrl+Alt+M)."],
      }),
    });
  });

  it("opens a file the user picks and gives the window a handle, not the file", async () => {
    dialogs.queue({ kind: "open", path: seedArticlePath });
    const result = await backend.handle("document:open", {}, context);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const opened = result.value as { handle: string; title: string; article: { meta: { id: string } } };
    expect(opened.title).toBe("seed.article");
    expect(opened.article.meta.id).toBe(JSON.parse(readFileSync(seedArticlePath, "utf8")).meta.id);
    expect(opened.handle).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("explains an article file that does not parse", async () => {
    dialogs.queue({ kind: "open", path: join(__dirname, "ipc-boundary.test.ts") });
    const result = await backend.handle("document:open", {}, context);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("invalid-article");
      expect(result.error.details?.[0]).toMatch(/^the file is not valid JSON/);
    }
  });
});

describe("folders the window cannot name", () => {
  it("the style guide folder is chosen in main's dialog, or forgotten; settings:set refuses one", async () => {
    const refused = await backend.handle("settings:set", { styleGuideFolder: userDataDir }, context);
    expect(refused).toMatchObject({ ok: false, error: { code: "invalid-request" } });

    dialogs.queue({ kind: "folder", path: join(userDataDir, "guide") });
    const chosen = await backend.handle("style:choose-guide-folder", {}, context);
    expect(chosen).toMatchObject({ ok: true, value: { styleGuideFolder: join(userDataDir, "guide") } });
    expect(dialogs.asked.at(-1)).toMatchObject({ kind: "folder", message: "Newsroom style guide folder" });

    dialogs.queue({ kind: "cancel" });
    expect(await backend.handle("style:choose-guide-folder", {}, context)).toMatchObject({ ok: true, value: { styleGuideFolder: join(userDataDir, "guide") } });
    expect(await backend.handle("style:choose-guide-folder", { clear: true }, context)).toMatchObject({ ok: true, value: { styleGuideFolder: null } });
  });
});
