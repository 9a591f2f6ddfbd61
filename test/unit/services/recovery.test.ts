import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createArticle, fieldText } from "../../../shared/article";
import { Backend } from "../../../electron/services/backend";
import { RecoveryStore } from "../../../electron/services/recovery";
import { FakeWindows } from "./fake-windows";
import { article, ScriptedDialogs, tempFolder } from "./helpers";

// Recovery copies: written at most 1.5 s after an edit (after a 0.75 s pause in typing) from
// what the window holds then, removed on save and on close, listed and restored after a crash.

let dir: string;
let cleanup: () => void;
const id = "0b5e2a0c-6a51-4c1e-9d7e-3f7f4f0a1b2c";
const info = { path: null, title: "Untitled", disk: null };
/// A loader that answers this article, as the window would when the copy is due.
const from = (a: ReturnType<typeof article>) => async () => ({ article: a, info });

beforeEach(() => ({ dir, cleanup } = tempFolder()));
afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

describe("the recovery debounce", () => {
  it("waits for a pause in typing, but never more than two seconds after the first unwritten edit", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const store = new RecoveryStore(dir, { quietMs: 1000, maxDelayMs: 2000 });
    const file = join(store.folder, `${id}.json`);
    store.schedule(id, from(article("a")));
    await vi.advanceTimersByTimeAsync(900);
    expect(existsSync(file)).toBe(false);
    for (let t = 0; t < 3; t++) {
      store.schedule(id, from(article(`typing ${t}`)));
      await vi.advanceTimersByTimeAsync(300);
    }
    await vi.advanceTimersByTimeAsync(200);
    await store.flush(id);
    expect(existsSync(file)).toBe(true);
    expect(fieldText((await store.read(id)).article.doc, "headline")).toBe("typing 2");

    store.schedule(id, from(article("last words")));
    await vi.advanceTimersByTimeAsync(999);
    expect(fieldText((await store.read(id)).article.doc, "headline")).toBe("typing 2");
    await vi.advanceTimersByTimeAsync(1);
    await store.flush(id);
    expect(fieldText((await store.read(id)).article.doc, "headline")).toBe("last words");
  });

  it("a removal cancels a pending write and is never overtaken by one", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const store = new RecoveryStore(dir);
    store.schedule(id, from(article("a")));
    const writing = store.flush(id);
    store.schedule(id, from(article("b")));
    await store.remove(id);
    await writing;
    await vi.advanceTimersByTimeAsync(5000);
    expect(existsSync(join(store.folder, `${id}.json`))).toBe(false);
  });

  it("skips files that are not recovery copies and refuses ids that are not its own", async () => {
    const store = new RecoveryStore(dir);
    store.schedule(id, from(article("kept")));
    await store.flush(id);
    writeFileSync(join(store.folder, "notes.txt"), "x");
    writeFileSync(join(store.folder, "11111111-2222-3333-4444-555555555555.json"), "{broken");
    expect((await store.list()).map((e) => e.id)).toEqual([id]);
    await expect(store.read("../settings")).rejects.toThrow(/no such recovery copy/);
  });
});

describe("recovery through the backend", () => {
  const backend = (dialogs = new ScriptedDialogs()) => {
    const windows = new FakeWindows();
    const b = new Backend({
      userDataDir: join(dir, "user-data"),
      dialogs,
      windows,
      notify: windows.notify,
      appInfo: { name: "Copydesk", version: "test", platform: "test" },
      watchIntervalMs: 0,
      recoveryTiming: { quietMs: 10, maxDelayMs: 20 },
    });
    windows.attach({ backend: b });
    return { b, windows };
  };
  const call = async <T>(b: Backend, channel: string, payload: unknown, windowId = "w1"): Promise<T> => {
    const result = await b.handle(channel, payload, { windowId });
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  };
  /// A new untitled document in a window, typed into.
  const typed = async (app: ReturnType<typeof backend>, text: ReturnType<typeof article>, windowId = "w1") => {
    const opened = await call<{ handle: string }>(app.b, "document:new", {}, windowId);
    app.windows.shows(windowId, opened.handle, createArticle());
    await app.windows.edit(windowId, text);
    return opened;
  };

  it("an untitled document survives a crash: listed with title and word count, restored as changed", async () => {
    const before = backend();
    await typed(before, article("Crash", "four words of body"));
    await before.b.documents.recovery.flushAll();
    // The process "crashes": the first backend is simply abandoned.
    const after = backend();
    const entries = await call<{ id: string; title: string; path: string | null; words: number }[]>(after.b, "recovery:list", {});
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ title: "Untitled", path: null, words: 5 });
    const restored = await call<{ edited: boolean; article: { doc: unknown } }>(after.b, "recovery:restore", { id: entries[0].id });
    expect(restored.edited).toBe(true);
    expect(restored.article.doc).toEqual(article("Crash", "four words of body").doc.toJSON());
    expect(await call(after.b, "recovery:list", {})).toEqual([]);
    await before.b.dispose();
    await after.b.dispose();
  });

  it("saving or closing without saving removes the copy; discard removes a listed one", async () => {
    const dialogs = new ScriptedDialogs();
    const app = backend(dialogs);
    const folder = join(dir, "user-data", "recovery");
    await typed(app, article("Saved"));
    await app.b.documents.recovery.flushAll();
    expect(readdirSync(folder)).toHaveLength(1);
    dialogs.answer(join(dir, "saved.article"));
    await app.windows.save("w1");
    expect(readdirSync(folder)).toEqual([]);

    const second = await typed(app, article("Dropped"), "w2");
    await app.b.documents.recovery.flushAll();
    await call(app.b, "document:close", { handle: second.handle }, "w2");
    expect(readdirSync(folder)).toEqual([]);

    await typed(app, article("Left"), "w3");
    await app.b.documents.recovery.flushAll();
    const fresh = backend();
    const [entry] = await call<{ id: string }[]>(fresh.b, "recovery:list", {});
    await call(fresh.b, "recovery:discard", { id: entry.id });
    expect(readdirSync(folder)).toEqual([]);
    await app.b.dispose();
    await fresh.b.dispose();
  });

  it("the window reporting that it matches its file again removes the copy", async () => {
    const app = backend();
    const folder = join(dir, "user-data", "recovery");
    const opened = await typed(app, article("Typed, then undone"));
    await app.b.documents.recovery.flushAll();
    expect(readdirSync(folder)).toHaveLength(1);
    await call(app.b, "document:state", { handle: opened.handle, revision: 2, edited: false });
    expect(readdirSync(folder)).toEqual([]);
    await app.b.dispose();
  });
});
