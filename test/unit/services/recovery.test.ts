import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fieldText } from "../../../shared/article";
import { Backend } from "../../../electron/services/backend";
import { RecoveryStore } from "../../../electron/services/recovery";
import { article, ScriptedDialogs, tempFolder } from "./helpers";

// Recovery copies: written at most two seconds after an edit (after a one-second pause in
// typing), removed on save and on close, listed and restored after a crash.

let dir: string;
let cleanup: () => void;
const id = "0b5e2a0c-6a51-4c1e-9d7e-3f7f4f0a1b2c";
const info = { path: null, title: "Untitled", disk: null };

beforeEach(() => ({ dir, cleanup } = tempFolder()));
afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

describe("the recovery debounce", () => {
  it("waits for a pause in typing, but never more than two seconds after the first unwritten edit", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const store = new RecoveryStore(dir);
    const file = join(store.folder, `${id}.json`);
    store.schedule(id, article("a"), info);
    await vi.advanceTimersByTimeAsync(900);
    expect(existsSync(file)).toBe(false);
    for (let t = 0; t < 3; t++) {
      store.schedule(id, article(`typing ${t}`), info);
      await vi.advanceTimersByTimeAsync(300);
    }
    await vi.advanceTimersByTimeAsync(200);
    await store.flush(id);
    expect(existsSync(file)).toBe(true);
    expect(fieldText((await store.read(id)).article.doc, "headline")).toBe("typing 2");

    store.schedule(id, article("last words"), info);
    await vi.advanceTimersByTimeAsync(999);
    expect(fieldText((await store.read(id)).article.doc, "headline")).toBe("typing 2");
    await vi.advanceTimersByTimeAsync(1);
    await store.flush(id);
    expect(fieldText((await store.read(id)).article.doc, "headline")).toBe("last words");
  });

  it("a removal cancels a pending write and is never overtaken by one", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    const store = new RecoveryStore(dir);
    store.schedule(id, article("a"), info);
    const writing = store.flush(id);
    store.schedule(id, article("b"), info);
    await store.remove(id);
    await writing;
    await vi.advanceTimersByTimeAsync(5000);
    expect(existsSync(join(store.folder, `${id}.json`))).toBe(false);
  });

  it("skips files that are not recovery copies and refuses ids that are not its own", async () => {
    const store = new RecoveryStore(dir);
    store.schedule(id, article("kept"), info);
    await store.flush(id);
    writeFileSync(join(store.folder, "notes.txt"), "x");
    writeFileSync(join(store.folder, "11111111-2222-3333-4444-555555555555.json"), "{broken");
    expect((await store.list()).map((e) => e.id)).toEqual([id]);
    await expect(store.read("../settings")).rejects.toThrow(/no such recovery copy/);
  });
});

describe("recovery through the backend", () => {
  const backend = (dialogs = new ScriptedDialogs()) =>
    new Backend({
      userDataDir: join(dir, "user-data"),
      dialogs,
      appInfo: { name: "Copydesk", version: "test", platform: "test" },
      watchIntervalMs: 0,
      recoveryTiming: { quietMs: 10, maxDelayMs: 20 },
    });
  const call = async <T>(b: Backend, channel: string, payload: unknown, windowId = "w1"): Promise<T> => {
    const result = await b.handle(channel, payload, { windowId });
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  };
  const json = (a: ReturnType<typeof article>) => ({ meta: a.meta, doc: a.doc.toJSON(), assets: a.assets });

  it("an untitled document survives a crash: listed with title and word count, restored as changed", async () => {
    const before = backend();
    const opened = await call<{ handle: string }>(before, "document:new", {});
    await call(before, "document:changed", { handle: opened.handle, article: json(article("Crash", "four words of body")), edited: true });
    await before.documents.recovery.flushAll();
    // The process "crashes": the first backend is simply abandoned.
    const after = backend();
    const entries = await call<{ id: string; title: string; path: string | null; words: number }[]>(after, "recovery:list", {});
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ title: "Untitled", path: null, words: 5 });
    const restored = await call<{ edited: boolean; article: { doc: unknown } }>(after, "recovery:restore", { id: entries[0].id });
    expect(restored.edited).toBe(true);
    expect(restored.article.doc).toEqual(article("Crash", "four words of body").doc.toJSON());
    expect(await call(after, "recovery:list", {})).toEqual([]);
    await before.dispose();
    await after.dispose();
  });

  it("saving or closing without saving removes the copy; discard removes a listed one", async () => {
    const dialogs = new ScriptedDialogs();
    const b = backend(dialogs);
    const folder = join(dir, "user-data", "recovery");
    const first = await call<{ handle: string }>(b, "document:new", {});
    await call(b, "document:changed", { handle: first.handle, article: json(article("Saved")), edited: true });
    await b.documents.recovery.flushAll();
    expect(readdirSync(folder)).toHaveLength(1);
    dialogs.answer(join(dir, "saved.article"));
    await call(b, "document:save", { handle: first.handle, article: json(article("Saved")) });
    expect(readdirSync(folder)).toEqual([]);

    const second = await call<{ handle: string }>(b, "document:new", {});
    await call(b, "document:changed", { handle: second.handle, article: json(article("Dropped")), edited: true });
    await b.documents.recovery.flushAll();
    await call(b, "document:close", { handle: second.handle });
    expect(readdirSync(folder)).toEqual([]);

    const third = await call<{ handle: string }>(b, "document:new", {}, "w2");
    await call(b, "document:changed", { handle: third.handle, article: json(article("Left")), edited: true }, "w2");
    await b.documents.recovery.flushAll();
    const fresh = backend();
    const [entry] = await call<{ id: string }[]>(fresh, "recovery:list", {});
    await call(fresh, "recovery:discard", { id: entry.id });
    expect(readdirSync(folder)).toEqual([]);
    await b.dispose();
    await fresh.dispose();
  });
});
