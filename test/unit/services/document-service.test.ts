import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fieldText } from "../../../shared/article";
import { parseArticleFile, serializeArticle } from "../../../shared/article-file";
import type { EventTypes } from "../../../shared/ipc";
import { DocumentService } from "../../../electron/services/document-service";
import { realFileSystem } from "../../../electron/services/durable-write";
import { article, ScriptedDialogs, tempFolder } from "./helpers";

// The document lifecycle against real files: saving keeps identity, the conflict check asks
// the three questions and each does what it says, a deleted file is recreated, the watcher
// reloads an unchanged document and warns about a changed one.

let dir: string;
let cleanup: () => void;
let dialogs: ScriptedDialogs;
let events: { windowId: string; payload: EventTypes["document:changed-on-disk"] }[];
let docs: DocumentService;
const win = "window-1";

beforeEach(() => {
  ({ dir, cleanup } = tempFolder());
  dialogs = new ScriptedDialogs();
  events = [];
  docs = new DocumentService({
    userDataDir: join(dir, "user-data"),
    dialogs,
    watchIntervalMs: 0,
    notify: (windowId, _event, payload) => events.push({ windowId, payload: payload as EventTypes["document:changed-on-disk"] }),
  });
});
afterEach(async () => {
  await docs.dispose();
  cleanup();
});

const headlineOn = (path: string) => {
  const parsed = parseArticleFile(readFileSync(path, "utf8"));
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  return fieldText(parsed.article.doc, "headline");
};

/// A saved file open in the window, the way a journalist gets one.
async function openStory(headline = "On disk") {
  mkdirSync(join(dir, "desk"), { recursive: true });
  const path = join(dir, "desk", "story.article");
  writeFileSync(path, serializeArticle(article(headline)));
  const opened = await docs.open(win, path);
  if (!opened) throw new Error("not opened");
  return { path, handle: opened.handle, opened };
}

/// Another program rewrites the file.
function colleagueWrites(path: string, headline: string): void {
  writeFileSync(path, serializeArticle(article(headline)));
}

describe("saving", () => {
  it("sets updated and never changes id or created", async () => {
    const { path, handle, opened } = await openStory();
    const forged = article("Mine");
    const saved = await docs.save(win, handle, { ...forged, meta: { ...forged.meta, id: "forged", created: "2020-01-01T00:00:00Z" } });
    expect(saved?.meta.id).toBe(opened.article.meta.id);
    expect(saved?.meta.created).toBe(opened.article.meta.created);
    expect(saved?.meta.updated).not.toBe(opened.article.meta.updated);
    expect(headlineOn(path)).toBe("Mine");
  });

  it("asks for a file when untitled, adding the extension", async () => {
    const { handle } = docs.create(win);
    dialogs.answer(join(dir, "fresh"));
    const saved = await docs.save(win, handle, article("Fresh"));
    expect(saved?.path).toBe(join(dir, "fresh.article"));
    expect(headlineOn(join(dir, "fresh.article"))).toBe("Fresh");
  });

  it("keeps the document changed, with a recovery copy, when the save fails", async () => {
    const { path, handle } = await openStory();
    rmSync(join(dir, "desk"), { recursive: true });
    const error = await docs.save(win, handle, article("Unsaved words")).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/Could not save .*the folder does not exist/);
    expect(docs.store.get(win, handle).edited).toBe(true);
    expect(docs.store.get(win, handle).path).toBe(path);
    expect(await docs.listRecovery()).toEqual([]);
    expect(await docs.recovery.list()).toHaveLength(1);
    const own = await docs.recovery.read(docs.store.get(win, handle).recoveryId);
    expect(fieldText(own.article.doc, "headline")).toBe("Unsaved words");
  });

  it("refuses to save over a file open in another window", async () => {
    const { path } = await openStory();
    const other = docs.create("window-2");
    dialogs.answer(path);
    await expect(docs.save("window-2", other.handle, article("Clash"))).rejects.toThrow(/open in another window/);
    expect(headlineOn(path)).toBe("On disk");
  });
});

describe("conflicts when the file changed on disk", () => {
  it("Overwrite replaces the other version", async () => {
    const { path, handle } = await openStory();
    colleagueWrites(path, "Colleague");
    dialogs.answer("Overwrite");
    const saved = await docs.save(win, handle, article("Mine"));
    expect(saved?.path).toBe(path);
    expect(headlineOn(path)).toBe("Mine");
    expect(dialogs.asked[0].buttons).toEqual(["Overwrite", "Save as Copy…", "Reload from Disk", "Cancel"]);
  });

  it("Save as Copy keeps both and the window moves to the copy", async () => {
    const { path, handle } = await openStory();
    colleagueWrites(path, "Colleague");
    dialogs.answer("Save as Copy…", join(dir, "desk", "story copy.article"));
    const saved = await docs.save(win, handle, article("Mine"));
    expect(saved?.path).toBe(join(dir, "desk", "story copy.article"));
    expect(headlineOn(path)).toBe("Colleague");
    expect(headlineOn(join(dir, "desk", "story copy.article"))).toBe("Mine");
  });

  it("Reload from Disk, confirmed, drops local changes and sends the file's version", async () => {
    const { path, handle } = await openStory();
    await docs.changed(win, handle, article("Mine"), true);
    colleagueWrites(path, "Colleague");
    dialogs.answer("Reload from Disk", "Drop Changes and Reload");
    expect(await docs.save(win, handle, article("Mine"))).toBeNull();
    expect(headlineOn(path)).toBe("Colleague");
    expect(events).toHaveLength(1);
    expect(events[0].payload.reloaded?.handle).toBe(handle);
    expect(events[0].payload.reloaded?.article.doc).toEqual(article("Colleague").doc.toJSON());
    expect(docs.store.get(win, handle).edited).toBe(false);
  });

  it("Reload from Disk, not confirmed, changes nothing", async () => {
    const { path, handle } = await openStory();
    colleagueWrites(path, "Colleague");
    dialogs.answer("Reload from Disk", "Cancel");
    expect(await docs.save(win, handle, article("Mine"))).toBeNull();
    expect(headlineOn(path)).toBe("Colleague");
    expect(events).toEqual([]);
  });

  it("Cancel writes nothing; a file only touched (same bytes) is no conflict", async () => {
    const { path, handle } = await openStory();
    colleagueWrites(path, "Colleague");
    expect(await docs.save(win, handle, article("Mine"))).toBeNull();
    expect(headlineOn(path)).toBe("Colleague");
    dialogs.answer("Overwrite");
    await docs.save(win, handle, article("Mine"));
    writeFileSync(path, readFileSync(path));
    expect(await docs.save(win, handle, article("Again"))).not.toBeNull();
    expect(dialogs.asked.filter((d) => d.kind === "ask")).toHaveLength(2);
  });

  it("a deleted or moved file is noticed and Save writes it again", async () => {
    const { path, handle } = await openStory();
    renameSync(path, join(dir, "desk", "elsewhere.article"));
    await docs.checkDisk();
    expect(events[0].payload.message).toMatch(/moved or deleted.*Save will write it again/);
    await docs.save(win, handle, article("Recreated"));
    expect(headlineOn(path)).toBe("Recreated");
  });
});

describe("the disk watcher", () => {
  it("reloads a document without local changes, and tells the window", async () => {
    const { path, handle } = await openStory();
    colleagueWrites(path, "Colleague");
    await docs.checkDisk();
    expect(events).toHaveLength(1);
    expect(events[0].windowId).toBe(win);
    expect(events[0].payload.message).toMatch(/reloaded/);
    expect(events[0].payload.reloaded?.handle).toBe(handle);
    await docs.checkDisk();
    expect(events).toHaveLength(1);
  });

  it("keeps local changes and warns once when the document is changed", async () => {
    const { path, handle } = await openStory();
    await docs.changed(win, handle, article("Mine"), true);
    colleagueWrites(path, "Colleague");
    await docs.checkDisk();
    await docs.checkDisk();
    expect(events).toHaveLength(1);
    expect(events[0].payload.reloaded).toBeNull();
    expect(events[0].payload.message).toMatch(/Your changes are kept/);
  });

  it("polls by itself", async () => {
    await docs.dispose();
    docs = new DocumentService({ userDataDir: join(dir, "ud"), dialogs, watchIntervalMs: 20, notify: (w, _e, p) => events.push({ windowId: w, payload: p as EventTypes["document:changed-on-disk"] }) });
    const { path } = await openStory();
    colleagueWrites(path, "Colleague");
    await expect.poll(() => events.length, { timeout: 2000 }).toBe(1);
  });
});

describe("windows", () => {
  it("opening a file already open focuses its window instead", async () => {
    const focused: string[] = [];
    docs = new DocumentService({ userDataDir: join(dir, "ud"), dialogs, watchIntervalMs: 0, focusWindow: (w) => focused.push(w) });
    const { path } = await openStory();
    expect(await docs.open("window-2", path)).toBeNull();
    expect(focused).toEqual([win]);
  });

  it("close asks Save / Don't Save / Cancel, and Save writes the latest text", async () => {
    const { path, handle } = await openStory();
    await docs.changed(win, handle, article("Latest words"), true);
    expect(await docs.confirmClose(win)).toBe(false);
    dialogs.answer("Don't Save");
    expect(await docs.confirmClose(win)).toBe(true);
    expect(headlineOn(path)).toBe("On disk");
    dialogs.answer("Save");
    expect(await docs.confirmClose(win)).toBe(true);
    expect(headlineOn(path)).toBe("Latest words");
    expect(dialogs.asked[0].buttons).toEqual(["Save", "Don't Save", "Cancel"]);
  });

  it("quit asks for each changed window, and Cancel stops it", async () => {
    const first = await openStory();
    await docs.changed(win, first.handle, article("One"), true);
    const second = docs.create("window-2");
    await docs.changed("window-2", second.handle, article("Two"), true);
    docs.create("window-3");
    dialogs.answer("Don't Save");
    expect(await docs.confirmQuit([win, "window-2", "window-3"])).toBe(false);
    expect(dialogs.asked.map((d) => d.message)).toEqual([
      "Do you want to save the changes you made to “story.article”?",
      "Do you want to save the changes you made to “Untitled”?",
    ]);
  });

  it("a save failure during close keeps the window open and says why", async () => {
    docs = new DocumentService({
      userDataDir: join(dir, "ud"),
      dialogs,
      watchIntervalMs: 0,
      fileSystem: { ...realFileSystem, rename: () => Promise.reject(Object.assign(new Error("full"), { code: "ENOSPC" })) },
    });
    const { path, handle } = await openStory();
    await docs.changed(win, handle, article("Unsaved"), true);
    dialogs.answer("Save");
    expect(await docs.confirmClose(win)).toBe(false);
    expect(dialogs.asked.at(-1)?.message).toMatch(/not saved.*the disk is full/);
    expect(headlineOn(path)).toBe("On disk");
  });
});
