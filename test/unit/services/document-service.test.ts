import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { articleToJSON, fieldText, type Article } from "../../../shared/article";
import { parseArticleFile, serializeArticle } from "../../../shared/article-file";
import { DocumentService } from "../../../electron/services/document-service";
import { realFileSystem } from "../../../electron/services/durable-write";
import { FakeWindows } from "./fake-windows";
import { article, ScriptedDialogs, tempFolder } from "./helpers";

// The document lifecycle against real files: saving keeps identity, the conflict check asks
// the three questions and each does what it says, a deleted file is recreated, the watcher
// tells the window about changes on disk, and close asks the window for its article first.

let dir: string;
let cleanup: () => void;
let dialogs: ScriptedDialogs;
let windows: FakeWindows;
let docs: DocumentService;
const win = "window-1";

function service(options: Partial<ConstructorParameters<typeof DocumentService>[0]> = {}): DocumentService {
  windows = new FakeWindows();
  const created = new DocumentService({
    userDataDir: join(dir, "user-data"),
    dialogs,
    watchIntervalMs: 0,
    notify: windows.notify,
    focusWindow: (w) => windows.focus(w),
    ...options,
  });
  windows.attach({ docs: created });
  return created;
}

beforeEach(() => {
  ({ dir, cleanup } = tempFolder());
  dialogs = new ScriptedDialogs();
  docs = service();
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

/// What a window sends when it saves that article at that revision.
const save = (handle: string, a: Article, revision = 1, windowId = win) => docs.save(windowId, handle, articleToJSON(a), revision);

/// A saved file open in the window, the way a journalist gets one.
async function openStory(headline = "On disk") {
  mkdirSync(join(dir, "desk"), { recursive: true });
  const path = join(dir, "desk", "story.article");
  writeFileSync(path, serializeArticle(article(headline)));
  const opened = await docs.open(win, path);
  if (!opened) throw new Error("not opened");
  windows.shows(win, opened.handle, article(headline));
  return { path, handle: opened.handle, opened };
}

/// Another program rewrites the file.
function colleagueWrites(path: string, headline: string): void {
  writeFileSync(path, serializeArticle(article(headline)));
}

const diskEvents = () => windows.events("document:changed-on-disk");

describe("saving", () => {
  it("sets updated and never changes id or created", async () => {
    const { path, handle, opened } = await openStory();
    const forged = article("Mine");
    const saved = await save(handle, { ...forged, meta: { ...forged.meta, id: "11111111-2222-4333-8444-555555555555", created: "2020-01-01T00:00:00.000Z" } });
    expect(saved?.meta.id).toBe(opened.article.meta.id);
    expect(saved?.meta.created).toBe(opened.article.meta.created);
    expect(saved?.meta.updated).not.toBe(opened.article.meta.updated);
    expect(headlineOn(path)).toBe("Mine");
  });

  it("asks for a file when untitled, adding the extension", async () => {
    const { handle } = docs.create(win);
    dialogs.answer(join(dir, "fresh"));
    const saved = await save(handle, article("Fresh"));
    expect(saved?.path).toBe(join(dir, "fresh.article"));
    expect(headlineOn(join(dir, "fresh.article"))).toBe("Fresh");
  });

  it("keeps the document changed, with a recovery copy, when the save fails", async () => {
    const { path, handle } = await openStory();
    rmSync(join(dir, "desk"), { recursive: true });
    const error = await save(handle, article("Unsaved words")).catch((e: Error) => e);
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
    await expect(save(other.handle, article("Clash"), 1, "window-2")).rejects.toThrow(/open in another window/);
    expect(headlineOn(path)).toBe("On disk");
  });
});

describe("conflicts when the file changed on disk", () => {
  it("Overwrite replaces the other version", async () => {
    const { path, handle } = await openStory();
    colleagueWrites(path, "Colleague");
    dialogs.answer("Overwrite");
    const saved = await save(handle, article("Mine"));
    expect(saved?.path).toBe(path);
    expect(headlineOn(path)).toBe("Mine");
    expect(dialogs.asked[0].buttons).toEqual(["Overwrite", "Save as Copy…", "Reload from Disk", "Cancel"]);
  });

  it("Save as Copy keeps both and the window moves to the copy", async () => {
    const { path, handle } = await openStory();
    colleagueWrites(path, "Colleague");
    dialogs.answer("Save as Copy…", join(dir, "desk", "story copy.article"));
    const saved = await save(handle, article("Mine"));
    expect(saved?.path).toBe(join(dir, "desk", "story copy.article"));
    expect(headlineOn(path)).toBe("Colleague");
    expect(headlineOn(join(dir, "desk", "story copy.article"))).toBe("Mine");
  });

  it("Reload from Disk, confirmed, writes nothing and tells the window to reload, which gets the file's version", async () => {
    const { path, handle } = await openStory();
    await windows.edit(win, article("Mine"));
    colleagueWrites(path, "Colleague");
    dialogs.answer("Reload from Disk", "Drop Changes and Reload");
    expect(await save(handle, article("Mine"))).toBeNull();
    expect(headlineOn(path)).toBe("Colleague");
    expect(diskEvents()).toEqual([{ windowId: win, payload: expect.objectContaining({ handle, change: "reload" }) }]);
    const reloaded = await docs.reload(win, handle);
    expect(reloaded.article.doc).toEqual(article("Colleague").doc.toJSON());
    expect(docs.store.get(win, handle).edited).toBe(false);
  });

  it("Reload from Disk, not confirmed, changes nothing", async () => {
    const { path, handle } = await openStory();
    colleagueWrites(path, "Colleague");
    dialogs.answer("Reload from Disk", "Cancel");
    expect(await save(handle, article("Mine"))).toBeNull();
    expect(headlineOn(path)).toBe("Colleague");
    expect(diskEvents()).toEqual([]);
  });

  it("Cancel writes nothing; a file only touched (same bytes) is no conflict", async () => {
    const { path, handle } = await openStory();
    colleagueWrites(path, "Colleague");
    expect(await save(handle, article("Mine"))).toBeNull();
    expect(headlineOn(path)).toBe("Colleague");
    dialogs.answer("Overwrite");
    await save(handle, article("Mine"));
    writeFileSync(path, readFileSync(path));
    expect(await save(handle, article("Again"))).not.toBeNull();
    expect(dialogs.asked.filter((d) => d.kind === "ask")).toHaveLength(2);
  });

  it("a deleted or moved file is noticed and Save writes it again", async () => {
    const { path, handle } = await openStory();
    renameSync(path, join(dir, "desk", "elsewhere.article"));
    await docs.checkDisk();
    expect(diskEvents()[0].payload).toMatchObject({ change: "missing", message: expect.stringMatching(/moved or deleted.*Save will write it again/) });
    await save(handle, article("Recreated"));
    expect(headlineOn(path)).toBe("Recreated");
  });
});

describe("the disk watcher", () => {
  it("tells the window once that its file changed; the window decides (main reloads nothing by itself)", async () => {
    const { path, handle } = await openStory();
    colleagueWrites(path, "Colleague");
    await docs.checkDisk();
    await docs.checkDisk();
    expect(diskEvents()).toEqual([{ windowId: win, payload: { handle, change: "changed", message: "story.article was changed by another program." } }]);
    expect(docs.store.get(win, handle).disk?.hash).not.toBe(undefined);
    // Until the window reloads, a save still asks which version to keep.
    dialogs.answer("Cancel");
    expect(await save(handle, article("Mine"))).toBeNull();
    expect(dialogs.asked[0].buttons).toEqual(["Overwrite", "Save as Copy…", "Reload from Disk", "Cancel"]);
  });

  it("polls by itself", async () => {
    await docs.dispose();
    docs = service({ userDataDir: join(dir, "ud"), watchIntervalMs: 20 });
    const { path } = await openStory();
    colleagueWrites(path, "Colleague");
    await expect.poll(() => diskEvents().length, { timeout: 5000 }).toBe(1);
  });
});

describe("windows", () => {
  it("opening a file already open focuses its window instead", async () => {
    const { path } = await openStory();
    expect(await docs.open("window-2", path)).toBeNull();
    expect(windows.focused).toEqual([win]);
  });

  it("close asks the window for its article, then Save / Don't Save / Cancel, and Save writes what the window has now", async () => {
    const { path } = await openStory();
    // The window has edits it has not even reported yet: main must ask, not trust a copy.
    windows.page(win).article = article("Latest words");
    windows.page(win).revision = 7;
    expect(await docs.confirmClose(win)).toBe(false);
    dialogs.answer("Don't Save");
    expect(await docs.confirmClose(win)).toBe(true);
    expect(headlineOn(path)).toBe("On disk");
    dialogs.answer("Save");
    expect(await docs.confirmClose(win)).toBe(true);
    expect(headlineOn(path)).toBe("Latest words");
    expect(dialogs.asked[0].buttons).toEqual(["Save", "Don't Save", "Cancel"]);
    expect(windows.events("document:snapshot-request")).toHaveLength(3);
  });

  it("closing a window whose article is saved asks nothing", async () => {
    await openStory();
    expect(await docs.confirmClose(win)).toBe(true);
    expect(dialogs.asked).toEqual([]);
  });

  it("a window that does not answer is reported, and closes only if the user says so", async () => {
    await docs.dispose();
    docs = service({ snapshotTimeoutMs: 50 });
    await openStory();
    windows.hang(win);
    dialogs.answer("Cancel");
    expect(await docs.confirmClose(win)).toBe(false);
    expect(dialogs.asked[0]).toMatchObject({ kind: "ask", message: "“story.article” is not responding.", buttons: ["Close Anyway", "Cancel"] });
    expect(dialogs.asked[0].detail).toMatch(/did not answer within 0 s/);
    dialogs.answer("Close Anyway");
    expect(await docs.confirmClose(win)).toBe(true);
  });

  it("quit asks for each changed window, and Cancel stops it", async () => {
    const first = await openStory();
    await windows.edit(win, article("One"));
    const second = docs.create("window-2");
    windows.shows("window-2", second.handle, article("Two"), true);
    const third = docs.create("window-3");
    windows.shows("window-3", third.handle, article(""));
    dialogs.answer("Don't Save");
    expect(await docs.confirmQuit([win, "window-2", "window-3"])).toBe(false);
    expect(dialogs.asked.map((d) => d.message)).toEqual([
      "Do you want to save the changes you made to “story.article”?",
      "Do you want to save the changes you made to “Untitled”?",
    ]);
    expect(first.handle).toBeTruthy();
  });

  it("a save failure during close keeps the window open, says why, and keeps every word in the recovery copy", async () => {
    await docs.dispose();
    docs = service({
      userDataDir: join(dir, "ud"),
      fileSystem: { ...realFileSystem, rename: () => Promise.reject(Object.assign(new Error("full"), { code: "ENOSPC" })) },
    });
    const { path, handle } = await openStory();
    await windows.edit(win, article("Unsaved"));
    dialogs.answer("Save");
    expect(await docs.confirmClose(win)).toBe(false);
    const told = dialogs.asked.at(-1)!;
    expect(`${told.message} ${told.detail}`).toMatch(/not saved.*the disk is full/);
    expect(headlineOn(path)).toBe("On disk");
    const copy = await docs.recovery.read(docs.store.get(win, handle).recoveryId);
    expect(fieldText(copy.article.doc, "headline")).toBe("Unsaved");
  });
});

describe("what the window owns", () => {
  it("a save made while the window goes on typing leaves it edited, and the recovery copy stays", async () => {
    const { path, handle } = await openStory();
    await windows.edit(win, article("Saved part"));
    const saving = windows.save(win);
    await windows.edit(win, article("Saved part and more"));
    await saving;
    expect(headlineOn(path)).toBe("Saved part");
    expect(docs.store.get(win, handle).edited).toBe(true);
    await docs.recovery.flushAll();
    const copy = await docs.recovery.read(docs.store.get(win, handle).recoveryId);
    expect(fieldText(copy.article.doc, "headline")).toBe("Saved part and more");
  });

  it("the recovery copy is written from what the window holds when it is due, not from an old report", async () => {
    const { handle } = await openStory();
    await windows.edit(win, article("First words"));
    windows.page(win).article = article("First words and the latest");
    await docs.recovery.flushAll();
    const copy = await docs.recovery.read(docs.store.get(win, handle).recoveryId);
    expect(fieldText(copy.article.doc, "headline")).toBe("First words and the latest");
  });

  it("images are kept by main once: a save names them by key and the file has them", async () => {
    const { path, handle } = await openStory();
    const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
    const added = docs.addAsset(win, handle, png);
    expect(added.key).toMatch(/^[0-9a-f]{64}$/);
    const json = articleToJSON(article("Pictured")) as unknown as { meta: Article["meta"]; doc: { content: { type: string; content?: unknown[] }[] } };
    const body = json.doc.content.find((field) => field.type === "body")!;
    body.content = [{ type: "figure", content: [{ type: "image", attrs: { src: `asset:${added.key}`, alt: "A dot" } }] }];
    const payload = { meta: json.meta, doc: json.doc as unknown as Record<string, unknown> };
    expect(await docs.save(win, handle, payload, 1)).not.toBeNull();
    const saved = parseArticleFile(readFileSync(path));
    expect(saved.ok && Object.keys(saved.article.assets)).toEqual([added.key]);
  });

  it("an image that is not one, or too big, is refused when added", () => {
    return openStory().then(({ handle }) => {
      expect(() => docs.addAsset(win, handle, Buffer.from("<svg onload=alert(1)>").toString("base64"))).toThrow(/could not be added: it is not a .* image/);
      expect(() => docs.addAsset(win, handle, "not base64!")).toThrow(/not base64 data/);
    });
  });
});
