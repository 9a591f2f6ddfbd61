import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { articleToJSON, createArticle } from "../../../shared/article";
import { serializeArticle } from "../../../shared/article-file";
import { Backend } from "../../../electron/services/backend";
import { FakeWindows } from "./fake-windows";
import { article, ScriptedDialogs, tempFolder } from "./helpers";

// The window lifecycle that the Electron glue and the e2e host both drive: close and quit ask
// the window for its article before deciding, titles come from the one edited state, and a file
// opens in the window that has it, an empty one, or a new one.

let dir: string;
let cleanup: () => void;
let dialogs: ScriptedDialogs;
let windows: FakeWindows;
let backend: Backend;

beforeEach(() => {
  ({ dir, cleanup } = tempFolder());
  dialogs = new ScriptedDialogs();
  windows = new FakeWindows();
  backend = new Backend({
    userDataDir: join(dir, "user-data"),
    dialogs,
    windows,
    notify: windows.notify,
    appInfo: { name: "Copydesk", version: "test", platform: "test" },
    watchIntervalMs: 0,
  });
  windows.attach({ backend });
});
afterEach(async () => {
  await backend.dispose();
  cleanup();
});

/// A window that starts, gets its untitled article, and shows it, as the renderer does.
async function startWindow(id: string): Promise<string> {
  backend.windows.track(id);
  const result = await backend.handle("document:new", {}, { windowId: id });
  if (!result.ok) throw new Error(result.error.message);
  const { handle } = result.value as { handle: string };
  windows.shows(id, handle, createArticle());
  return handle;
}

describe("closing a window", () => {
  it("closes an unchanged window without asking", async () => {
    await startWindow("w1");
    expect(await backend.windows.requestClose("w1")).toBe(true);
    expect(dialogs.asked).toEqual([]);
    expect(windows.destroyed).toEqual(["w1"]);
  });

  it("asks about changes the window has, even those it has not reported yet; Cancel keeps it open", async () => {
    await startWindow("w1");
    windows.page("w1").article = article("Typed a moment ago");
    windows.page("w1").revision = 1;
    dialogs.answer("Cancel");
    expect(await backend.windows.requestClose("w1")).toBe(false);
    expect(windows.destroyed).toEqual([]);
    expect(backend.windows.mayClose("w1")).toBe(false);

    const path = join(dir, "typed.article");
    dialogs.answer("Save", path);
    expect(await backend.windows.requestClose("w1")).toBe(true);
    expect(windows.destroyed).toEqual(["w1"]);
    expect(JSON.stringify(JSON.parse(readFileSync(path, "utf8")).doc)).toContain("Typed a moment ago");
  });

  it("asks once when the close button is pressed twice", async () => {
    await startWindow("w1");
    await windows.edit("w1", article("Edited"));
    const first = backend.windows.requestClose("w1");
    const second = backend.windows.requestClose("w1");
    expect(await first).toBe(false);
    expect(await second).toBe(false);
    expect(dialogs.asked.filter((d) => d.kind === "ask")).toHaveLength(1);
  });
});

describe("quitting", () => {
  it("asks about each changed window in turn; Cancel stops the quit, agreeing lets every window go", async () => {
    await startWindow("w1");
    await startWindow("w2");
    await windows.edit("w2", article("Second window's words"));
    dialogs.answer("Cancel");
    expect(await backend.windows.requestQuit()).toBe(false);
    expect(backend.windows.quitAgreed).toBe(false);

    dialogs.answer("Don't Save");
    expect(await backend.windows.requestQuit()).toBe(true);
    expect(backend.windows.quitAgreed).toBe(true);
    expect(backend.windows.mayClose("w1")).toBe(true);
    expect(dialogs.asked.filter((d) => d.kind === "ask").map((d) => d.message)).toEqual([
      "Do you want to save the changes you made to “Untitled”?",
      "Do you want to save the changes you made to “Untitled”?",
    ]);
  });
});

describe("titles", () => {
  it("follow the edited state the window reports, from the one title function", async () => {
    const handle = await startWindow("w1");
    expect(windows.titles.get("w1")).toBe("Untitled — Copydesk");
    await backend.handle("document:state", { handle, revision: 1, edited: true }, { windowId: "w1" });
    expect(windows.titles.get("w1")).toBe("• Untitled — Copydesk");
    const path = join(dir, "titled.article");
    dialogs.answer(path);
    await backend.handle("document:save", { handle, article: articleToJSON(article("Titled")), revision: 1 }, { windowId: "w1" });
    expect(windows.titles.get("w1")).toBe("titled.article — Copydesk");
  });

  it("a report older than the save does not mark the window edited again", async () => {
    const handle = await startWindow("w1");
    await backend.handle("document:state", { handle, revision: 3, edited: true }, { windowId: "w1" });
    dialogs.answer(join(dir, "a.article"));
    await backend.handle("document:save", { handle, article: articleToJSON(article("A")), revision: 3 }, { windowId: "w1" });
    await backend.handle("document:state", { handle, revision: 2, edited: true }, { windowId: "w1" });
    expect(backend.documents.store.get("w1", handle).edited).toBe(false);
  });
});

describe("opening a file", () => {
  it("focuses the window that has it, or opens a new window and sends it the article once it is ready", async () => {
    const path = join(dir, "story.article");
    writeFileSync(path, serializeArticle(article("From disk")));
    const opening = backend.windows.openFile(path);
    // The new window starts and asks for its first article, as the renderer does.
    await startWindow("new-window-1");
    await opening;
    const opened = windows.events("document:opened");
    expect(opened).toHaveLength(1);
    expect(opened[0].windowId).toBe("new-window-1");
    expect(opened[0].payload.path).toBe(path);

    await backend.windows.openFile(path);
    expect(windows.focused).toEqual(["new-window-1"]);
  });

  it("says why a file cannot be opened, and closes the window it opened for it", async () => {
    const path = join(dir, "broken.article");
    writeFileSync(path, "{ not an article");
    const opening = backend.windows.openFile(path);
    await startWindow("new-window-1");
    await opening;
    expect(dialogs.asked.at(-1)).toMatchObject({ kind: "tell", message: "broken.article is not a valid Copydesk article." });
    expect(windows.destroyed).toEqual(["new-window-1"]);
  });
});
