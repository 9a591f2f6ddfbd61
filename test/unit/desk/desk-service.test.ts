import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Backend } from "../../../electron/services/backend";
import type { EventTypes } from "../../../shared/ipc";
import { FakeWindows } from "../services/fake-windows";
import { ScriptedDialogs, tempFolder } from "../services/helpers";
import { story, writeStory } from "./stories";

// The desk behind the IPC contract: main asks for the folder, answers the window's list, its
// searches and its changes, and opens only stories on the list, by their path in the folder.

const stops: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function backendWithDesk() {
  const temp = tempFolder("copydesk-desk-ipc-");
  stops.push(temp.cleanup);
  const folder = join(temp.dir, "share");
  writeStory(folder, "budget.article", story("Budget passes", ["The minister said the vote was close."], { status: "filed" }));
  writeStory(folder, "world/floods.article", story("Floods in the north", ["Rain fell in Zürich."]));
  writeFileSync(join(folder, "broken.article"), "");
  const dialogs = new ScriptedDialogs();
  const events: EventTypes["desk:changed"][] = [];
  const backend = new Backend({
    userDataDir: join(temp.dir, "user-data"),
    dialogs,
    windows: new FakeWindows(),
    appInfo: { name: "Copydesk", version: "test", platform: process.platform },
    notify: (_windowId, event, payload) => {
      if (event === "desk:changed") events.push(payload as EventTypes["desk:changed"]);
    },
    watchIntervalMs: 0,
    deskWorker: null,
  });
  stops.push(() => backend.dispose());
  return { backend, dialogs, folder, events };
}

const ok = <T>(result: { ok: boolean; value?: T; error?: unknown }): T => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
};

describe("the desk's channels", () => {
  it("opens the folder main's dialog chose and lists its stories once they are read", async () => {
    const { backend, dialogs, folder, events } = await backendWithDesk();
    expect(await backend.handle("desk:open", {}, { windowId: "w1" })).toEqual({ ok: true, value: null });
    dialogs.queue({ kind: "folder", path: folder });
    const opened = ok(await backend.handle("desk:open", {}, { windowId: "w1" })) as { desk: string; path: string };
    expect(opened.path).toBe(folder);
    await expect.poll(() => events.at(-1)?.progress.indexing, { timeout: 30_000 }).toBe(false);
    const snapshot = ok(await backend.handle("desk:stories", { desk: opened.desk }, { windowId: "w1" })) as { stories: { id: string; problem?: string }[]; seq: number };
    expect(snapshot.stories.map((s) => s.id).sort()).toEqual(["broken.article", "budget.article", "world/floods.article"]);
    expect(snapshot.seq).toBe(events.at(-1)!.seq);
    expect(ok(await backend.handle("desk:search", { desk: opened.desk, query: "zurich" }, { windowId: "w1" }))).toEqual({ ids: ["world/floods.article"] });
  });

  it("opens a story of the list, and nothing else", async () => {
    const { backend, dialogs, folder, events } = await backendWithDesk();
    dialogs.queue({ kind: "folder", path: folder });
    const { desk } = ok(await backend.handle("desk:open", {}, { windowId: "w1" })) as { desk: string };
    await expect.poll(() => events.at(-1)?.progress.indexing, { timeout: 30_000 }).toBe(false);
    const opened = ok(await backend.handle("desk:open-story", { desk, story: "world/floods.article" }, { windowId: "w1" })) as { path: string };
    expect(opened.path).toBe(join(folder, "world", "floods.article"));
    for (const story of ["../outside.article", "/etc/passwd", "missing.article"]) {
      const refused = await backend.handle("desk:open-story", { desk, story }, { windowId: "w1" });
      expect(refused).toMatchObject({ ok: false, error: { code: "not-found" } });
    }
    expect(await backend.handle("desk:open-story", { desk, story: "broken.article" }, { windowId: "w1" })).toMatchObject({ ok: false, error: { code: "invalid-article" } });
    // Another window has not opened the desk: it cannot name it.
    expect(await backend.handle("desk:stories", { desk }, { windowId: "w2" })).toMatchObject({ ok: false, error: { code: "invalid-request" } });
    expect(await backend.handle("desk:close", { desk }, { windowId: "w1" })).toEqual({ ok: true, value: null });
    expect(await backend.handle("desk:stories", { desk }, { windowId: "w1" })).toMatchObject({ ok: false });
    expect(await backend.handle("desk:close", { desk }, { windowId: "w1" })).toMatchObject({ ok: false, error: { code: "invalid-request" } });
  });

  it("lets go of a desk when the last window showing it goes", async () => {
    const { backend, dialogs, folder } = await backendWithDesk();
    dialogs.queue({ kind: "folder", path: folder }, { kind: "folder", path: folder });
    const first = ok(await backend.handle("desk:open", {}, { windowId: "w1" })) as { desk: string };
    const second = ok(await backend.handle("desk:open", {}, { windowId: "w2" })) as { desk: string };
    expect(second.desk).toBe(first.desk);
    await backend.desks.closeWindow("w1");
    expect(ok(await backend.handle("desk:stories", { desk: first.desk }, { windowId: "w2" }))).toMatchObject({ desk: first.desk });
    await backend.desks.closeWindow("w2");
    expect(await backend.handle("desk:stories", { desk: first.desk }, { windowId: "w2" })).toMatchObject({ ok: false });
  });
});
