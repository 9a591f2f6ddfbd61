import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DeskFolderError, DeskIndex, type ReadStory } from "../../../electron/services/desk-index";
import { tempFolder } from "../services/helpers";
import { story, writeStory } from "./stories";

// The desk's index of a folder: every story in it and its subfolders, read once and again only
// when its time or size changes; files that are not stories are lines saying why; the folder is
// never written to.

let cleanup = () => undefined as void;
afterEach(() => cleanup());

function folder(): string {
  const temp = tempFolder("copydesk-desk-");
  cleanup = temp.cleanup;
  return temp.dir;
}

/// Reads files and remembers which it read.
function countingReader(): { read: ReadStory; reads: string[] } {
  const reads: string[] = [];
  return { reads, read: async (path) => (reads.push(path), readFile(path)) };
}

/// Every file and folder under `dir` with a hash of its bytes and its time.
function contents(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(path);
      found[relative(dir, path)] = info.isDirectory() ? `folder ${info.mtimeMs}` : `${createHash("sha256").update(readFileSync(path)).digest("hex")} ${info.mtimeMs}`;
    }
  };
  walk(dir);
  return found;
}

describe("the desk's index", () => {
  it("lists every story in the folder and its subfolders, by its path in the folder", async () => {
    const dir = folder();
    writeStory(dir, "budget.article", story("Budget passes"));
    writeStory(dir, "north/floods/rain.article", story("Rain in the north"));
    writeStory(dir, ".git/objects/old.article", story("Hidden"));
    writeStory(dir, "node_modules/pkg/x.article", story("Package"));
    writeFileSync(join(dir, "notes.txt"), "not a story");
    const index = new DeskIndex(dir);
    const change = await index.scan();
    expect(change.changed.map((s) => s.id).sort()).toEqual(["budget.article", "north/floods/rain.article"]);
    expect(index.story("north/floods/rain.article")?.headline).toBe("Rain in the north");
    expect(index.pathOf("north/floods/rain.article")).toBe(join(dir, "north", "floods", "rain.article"));
  });

  it("reads a file again only when its time or size changed", async () => {
    const dir = folder();
    const first = writeStory(dir, "a.article", story("First"));
    writeStory(dir, "b.article", story("Second"));
    const { read, reads } = countingReader();
    const index = new DeskIndex(dir, read);
    await index.scan();
    expect(reads).toHaveLength(2);

    expect(await index.scan()).toEqual({ changed: [], removed: [] });
    expect(reads).toHaveLength(2);

    writeStory(dir, "a.article", story("First, longer headline"));
    utimesSync(first, new Date(), new Date(Date.now() + 5000));
    const change = await index.scan();
    expect(change.changed.map((s) => s.headline)).toEqual(["First, longer headline"]);
    expect(reads.slice(2)).toEqual([first]);
  });

  it("drops stories whose file has gone, and updates single files the watcher names", async () => {
    const dir = folder();
    const a = writeStory(dir, "a.article", story("First"));
    const index = new DeskIndex(dir);
    await index.scan();
    const b = writeStory(dir, "desk/b.article", story("Second"));
    expect((await index.update([b])).changed.map((s) => s.id)).toEqual(["desk/b.article"]);
    expect(await index.update([b])).toEqual({ changed: [], removed: [] });
    writeFileSync(a, "");
    utimesSync(a, new Date(), new Date(Date.now() + 5000));
    expect((await index.update([a, join(dir, "..", "outside.article")])).changed[0]).toMatchObject({ id: "a.article", problem: "could not be read: the file is empty" });
    const { rmSync } = await import("node:fs");
    rmSync(b);
    expect(await index.scan()).toEqual({ changed: [], removed: ["desk/b.article"] });
  });

  it("makes a line saying why for each file that is not a valid story, and goes on", async () => {
    const dir = folder();
    writeStory(dir, "good.article", story("Good"));
    writeFileSync(join(dir, "empty.article"), "");
    writeFileSync(join(dir, "json.article"), "{ not json");
    writeFileSync(join(dir, "other.article"), JSON.stringify({ format: "something-else" }));
    mkdirSync(join(dir, "folder.article"));
    const index = new DeskIndex(dir);
    await index.scan();
    const problems = Object.fromEntries(index.stories().map((s) => [s.id, s.problem ?? "ok"]));
    expect(problems["good.article"]).toBe("ok");
    expect(problems["empty.article"]).toBe("could not be read: the file is empty");
    expect(problems["json.article"]).toMatch(/^could not be read: the file is not valid JSON/);
    expect(problems["other.article"]).toMatch(/^could not be read: /);
    expect(problems).not.toHaveProperty("folder.article");
  });

  it("says so when the folder itself cannot be read", async () => {
    const dir = folder();
    await expect(new DeskIndex(join(dir, "missing")).scan()).rejects.toThrow(DeskFolderError);
    writeFileSync(join(dir, "file"), "");
    await expect(new DeskIndex(join(dir, "file")).scan()).rejects.toThrow(/is not a folder/);
  });

  it("never writes into the folder", async () => {
    const dir = folder();
    for (let i = 0; i < 20; i++) writeStory(dir, `d${i % 3}/s${i}.article`, story(`Story ${i}`));
    writeFileSync(join(dir, "broken.article"), "{");
    const before = contents(dir);
    const index = new DeskIndex(dir);
    await index.scan();
    await index.scan();
    index.search("story");
    expect(contents(dir)).toEqual(before);
  });

  it("searches the headlines and bodies of its stories", async () => {
    const dir = folder();
    writeStory(dir, "a.article", story("Budget passes", ["The minister said the vote was close."]));
    writeStory(dir, "b.article", story("Floods", ["Rain fell in Zürich."]));
    const index = new DeskIndex(dir);
    await index.scan();
    expect(index.search("budget")).toEqual(["a.article"]);
    expect(index.search("zurich rain")).toEqual(["b.article"]);
    expect(index.search("minister zurich")).toEqual([]);
  });
});
