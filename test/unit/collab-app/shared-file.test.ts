import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { articleToJSON } from "../../../shared/article";
import { parseArticleFile, serializeArticle } from "../../../shared/article-file";
import { articleToYDoc } from "../../../shared/collab/y-article";
import { bytesToBase64, type SharedPart } from "../../../shared/collab/shared-part";
import { DocumentService } from "../../../electron/services/document-service";
import { FakeWindows } from "../services/fake-windows";
import { article, ScriptedDialogs, tempFolder } from "../services/helpers";

// A shared story's local file (issue 16): main saves the `shared` part the window sends with the
// article (the whole Y.Doc state), gives it back when the file is opened again, and a recovery
// copy keeps it, so changes not yet shared survive a save, a close and a crash.

let dir: string;
let cleanup: () => void;
let docs: DocumentService;
let windows: FakeWindows;
const win = "window-1";

beforeEach(() => {
  ({ dir, cleanup } = tempFolder());
  windows = new FakeWindows();
  docs = new DocumentService({ userDataDir: join(dir, "user-data"), dialogs: new ScriptedDialogs(), watchIntervalMs: 0, notify: windows.notify, focusWindow: (w) => windows.focus(w) });
  windows.attach({ docs });
});
afterEach(async () => {
  await docs.dispose();
  cleanup();
});

function sharedPartOf(headline: string): SharedPart {
  const ydoc = new Y.Doc();
  articleToYDoc(article(headline, "Typed while offline."), ydoc);
  return { server: "ws://127.0.0.1:4321", story: "storm-1", state: bytesToBase64(Y.encodeStateAsUpdate(ydoc)) };
}

async function openedStory() {
  mkdirSync(join(dir, "desk"), { recursive: true });
  const path = join(dir, "desk", "storm.article");
  writeFileSync(path, serializeArticle(article("Storm closes the harbour")));
  const opened = await docs.open(win, path);
  if (!opened) throw new Error("not opened");
  return { path, opened };
}

describe("a shared story's local file", () => {
  it("keeps the shared part the window saves, and gives it back on opening", async () => {
    const { path, opened } = await openedStory();
    expect(opened.shared).toBeUndefined();
    const shared = sharedPartOf("Storm closes the harbour");
    await docs.save(win, opened.handle, { ...articleToJSON(article("Storm closes the harbour")), shared }, 1);
    const parsed = parseArticleFile(readFileSync(path, "utf8"));
    expect(parsed.ok && parsed.shared).toEqual(shared);
    await docs.close(win, opened.handle);
    const again = await docs.open(win, path);
    expect(again?.shared).toEqual(shared);
  });

  it("refuses a save whose shared part is broken, saying why, and loses no word", async () => {
    const { path, opened } = await openedStory();
    const broken = { server: "http://not-a-newsroom", story: "storm-1", state: "AAAA" };
    await expect(docs.save(win, opened.handle, { ...articleToJSON(article("Storm closes the harbour")), shared: broken as SharedPart }, 1)).rejects.toThrow();
    expect(parseArticleFile(readFileSync(path, "utf8")).ok).toBe(true);
  });

  it("is kept by a recovery copy, and restored with it", async () => {
    const { opened } = await openedStory();
    const shared = sharedPartOf("Storm closes the harbour");
    windows.shows(win, opened.handle, article("Storm closes the harbour, ferries stay in port"));
    const doc = docs.store.get(win, opened.handle);
    const checked = await docs.store.check(doc, { ...articleToJSON(article("Storm closes the harbour, ferries stay in port")), shared });
    if (!checked.ok) throw new Error(checked.errors.join("; "));
    await docs.recovery.keep(doc.recoveryId, checked.text, { path: null, title: "storm.article", disk: null });
    const copy = await docs.recovery.read(doc.recoveryId);
    expect(copy.shared).toEqual(shared);
  });
});
