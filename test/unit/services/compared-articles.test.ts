import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Backend } from "../../../electron/services/backend";
import { serializeArticle } from "../../../shared/article-file";
import type { ComparedArticle, IpcResult, OpenedDocument } from "../../../shared/ipc";
import { FakeWindows } from "./fake-windows";
import { article, ScriptedDialogs, tempFolder } from "./helpers";

// Compare with File… and the "changed on disk" question's Show Changes: main reads the other
// article (checked as File > Open checks one) and hands its words and metadata to the window;
// nothing is kept, the open document and what main knows of its file do not change, and a file
// that is not an article is refused with a message that says so.

let dir: string;
let cleanup: () => void;
let dialogs: ScriptedDialogs;
let backend: Backend;
const context = { windowId: "window-1" };
const windows = new FakeWindows();

beforeEach(() => {
  ({ dir, cleanup } = tempFolder());
  dialogs = new ScriptedDialogs();
  backend = new Backend({ userDataDir: join(dir, "user-data"), dialogs, windows, notify: windows.notify, watchIntervalMs: 0, appInfo: { name: "Copydesk", version: "0", platform: "linux" } });
  windows.attach({ backend });
});
afterEach(async () => {
  await backend.dispose();
  cleanup();
});

/// Asks the backend as the window would.
async function ask<T>(channel: string, payload: unknown): Promise<IpcResult<T>> {
  return (await backend.handle(channel, payload, context)) as IpcResult<T>;
}

/// The answer's value; its error thrown.
async function value<T>(channel: string, payload: unknown): Promise<T> {
  const result = await ask<T>(channel, payload);
  if (!result.ok) throw new Error(`${result.error.message} ${result.error.details?.join("; ") ?? ""}`);
  return result.value;
}

/// A file of the test folder with that text.
function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("Compare with File…", () => {
  it("reads the article the user picks: its title, metadata and document", async () => {
    const { handle } = await value<OpenedDocument>("document:new", {});
    const original = article("US speeds up arms sales to Iraq", "The United States will speed up arms sales.");
    const path = write("reporter.article", serializeArticle(original));
    dialogs.queue({ kind: "open", path });
    const compared = await value<ComparedArticle>("review:compare-file", { handle });
    expect(compared.title).toBe("reporter.article");
    expect(compared.meta.id).toBe(original.meta.id);
    expect(JSON.stringify(compared.doc)).toContain("The United States will speed up arms sales.");
    expect(dialogs.log.at(-1)).toMatchObject({ kind: "open", message: "Compare with file", answered: true });
  });

  it("answers null when the user cancels, and keeps nothing of a file it read (no recent file, no document)", async () => {
    const { handle } = await value<OpenedDocument>("document:new", {});
    expect(await value("review:compare-file", { handle })).toBeNull();
    dialogs.queue({ kind: "open", path: write("reporter.article", serializeArticle(article("Original"))) });
    await value("review:compare-file", { handle });
    expect(await value<unknown[]>("recent:list", {})).toEqual([]);
    expect(backend.documents.store.all()).toHaveLength(1);
  });

  it.each([
    ["a broken file", "broken.article", '{"format": "copydesk-article", "version": 2, "meta": '],
    ["a file that is not an article", "notes.article", "<html><body><p>Not an article</p></body></html>"],
    ["an article whose document is not valid", "bad.article", JSON.stringify({ ...JSON.parse(serializeArticle(article("Bad"))), doc: { type: "doc", content: [{ type: "script" }] } })],
  ])("refuses %s with a message naming it, and says the article is unchanged", async (_what, name, text) => {
    const { handle } = await value<OpenedDocument>("document:new", {});
    dialogs.queue({ kind: "open", path: write(name, text) });
    const result = await ask("review:compare-file", { handle });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("invalid-article");
    expect(result.error.message).toBe(`${name} is not a valid Copydesk article. Nothing was compared, and your article is unchanged.`);
    expect(result.error.details?.length).toBeGreaterThan(0);
  });

  it("refuses a file that has gone with not-found", async () => {
    const { handle } = await value<OpenedDocument>("document:new", {});
    dialogs.queue({ kind: "open", path: join(dir, "gone.article") });
    const result = await ask("review:compare-file", { handle });
    expect(result).toMatchObject({ ok: false, error: { code: "not-found", message: expect.stringMatching(/^Could not open gone\.article: .*Nothing was compared/) } });
  });

  it.each([
    ["a path named by the window", { handle: "h", path: "/etc/passwd" }, "invalid-request"],
    ["no handle", {}, "invalid-request"],
    ["a handle of no document of this window", { handle: "not-mine" }, "unknown-document"],
  ])("validates its request: %s", async (_what, payload, code) => {
    const result = await ask("review:compare-file", payload);
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(dialogs.log).toEqual([]);
  });
});

describe("the version on disk", () => {
  it("is the file as another program left it, and reading it does not answer the question: Save still sees the conflict", async () => {
    const path = write("harbour.article", serializeArticle(article("Harbour reopens", "First paragraph.")));
    dialogs.queue({ kind: "open", path });
    const opened = await value<OpenedDocument>("document:open", {});
    writeFileSync(path, serializeArticle(article("Colleague's version", "Their paragraph.")));
    const disk = await value<ComparedArticle>("document:disk-version", { handle: opened.handle });
    expect(disk.title).toBe("harbour.article");
    expect(JSON.stringify(disk.doc)).toContain("Their paragraph.");
    const doc = backend.documents.store.get(context.windowId, opened.handle);
    expect((await backend.documents.store.diskState(doc)).state).toBe("changed");
    expect(readFileSync(path, "utf8")).toContain("Their paragraph.");
  });

  it("is refused for an article never saved, and for a file broken on disk", async () => {
    const untitled = await value<OpenedDocument>("document:new", {});
    expect(await ask("document:disk-version", { handle: untitled.handle })).toMatchObject({ ok: false, error: { code: "invalid-request", message: expect.stringContaining("not been saved") } });
    const path = write("harbour.article", serializeArticle(article("Harbour reopens")));
    dialogs.queue({ kind: "open", path });
    const opened = await value<OpenedDocument>("document:open", {});
    writeFileSync(path, "half a file {");
    expect(await ask("document:disk-version", { handle: opened.handle })).toMatchObject({ ok: false, error: { code: "invalid-article", message: expect.stringContaining("Nothing was compared") } });
    expect(await ask("document:disk-version", { handle: opened.handle, path })).toMatchObject({ ok: false, error: { code: "invalid-request" } });
  });
});
