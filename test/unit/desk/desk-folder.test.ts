import { renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DeskFolder } from "../../../electron/services/desk-folder";
import type { DeskChange } from "../../../electron/services/desk-index";
import { tempFolder } from "../services/helpers";
import { story, writeStory } from "./stories";

// A desk folder watched: a story another program saves into it, in the folder or a new subfolder,
// comes onto the list, and one removed goes, without anyone asking.

const stops: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

/// A watched folder and a way to wait for the change that satisfies a condition.
async function watched(setup: (dir: string) => void = () => undefined) {
  const temp = tempFolder("copydesk-desk-watch-");
  stops.push(temp.cleanup);
  setup(temp.dir);
  const changes: DeskChange[] = [];
  const waiters: { test: (c: DeskChange) => boolean; resolve: (c: DeskChange) => void }[] = [];
  const failures: string[] = [];
  const desk = new DeskFolder(
    temp.dir,
    {
      change: (change) => {
        changes.push(change);
        for (const w of waiters.splice(0)) if (w.test(change)) w.resolve(change);
        else waiters.push(w);
      },
      progress: () => undefined,
      failed: (message) => failures.push(message),
    },
    { settleMs: 50, rescanMs: 0 },
  );
  stops.push(() => desk.close());
  await desk.start();
  const changeWhere = (test: (c: DeskChange) => boolean) => new Promise<DeskChange>((resolve) => waiters.push({ test, resolve }));
  return { dir: temp.dir, desk, changes, failures, changeWhere };
}

describe("a watched desk folder", () => {
  it("reads what is there at the start", async () => {
    const { desk, changes } = await watched((dir) => writeStory(dir, "a.article", story("First")));
    expect(desk.index.stories().map((s) => s.headline)).toEqual(["First"]);
    expect(changes.flatMap((c) => c.changed.map((s) => s.id))).toEqual(["a.article"]);
  });

  it("picks up a story saved into the folder, into a new subfolder, and one removed", async () => {
    const { dir, desk, changeWhere, failures } = await watched();
    const added = changeWhere((c) => c.changed.some((s) => s.id === "new.article"));
    // Saved the way an editor saves: written beside, then renamed into place.
    writeStory(dir, "new.tmp", story("Saved by another journalist"));
    renameSync(join(dir, "new.tmp"), join(dir, "new.article"));
    expect((await added).changed.find((s) => s.id === "new.article")?.headline).toBe("Saved by another journalist");

    const nested = changeWhere((c) => c.changed.some((s) => s.id === "sport/late/score.article"));
    writeStory(dir, "sport/late/score.article", story("Late score"));
    await nested;

    const removed = changeWhere((c) => c.removed.includes("new.article"));
    const { rmSync } = await import("node:fs");
    rmSync(join(dir, "new.article"));
    await removed;
    expect(desk.index.stories().map((s) => s.id)).toEqual(["sport/late/score.article"]);
    writeFileSync(join(dir, "ignored.txt"), "not a story");
    expect(failures).toEqual([]);
  });
});
