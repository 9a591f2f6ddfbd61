import { chmodSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeArticleFile } from "../../../electron/services/article-io";
import { realFileSystem, writeFileDurably, type FileSystemLayer } from "../../../electron/services/durable-write";
import { UserFacingError } from "../../../electron/services/errors";
import { article, temporaryFiles, tempFolder } from "./helpers";

// Atomic, durable saves: every failure leaves the original byte for byte and no temporary file.
// Tests run as root, so "permission denied" and "disk full" come from a stubbed file-system
// layer; "folder removed" and "path is now a folder" are real.

let dir: string;
let cleanup: () => void;
let file: string;
const original = "the original, byte for byte\n";

beforeEach(() => {
  ({ dir, cleanup } = tempFolder());
  file = join(dir, "story.article");
  writeFileSync(file, original);
});
afterEach(() => cleanup());

/// The real file system with one call replaced by a failure carrying an errno code.
function failing(step: "open" | "write" | "sync" | "rename", code: string): FileSystemLayer {
  const error = () => Object.assign(new Error(`${code}: simulated`), { code });
  const wrapHandle = (handle: FileHandle): FileHandle =>
    new Proxy(handle, {
      get(target, key) {
        if (step === "write" && key === "writeFile") return () => Promise.reject(error());
        if (step === "sync" && key === "sync") return () => Promise.reject(error());
        const value = Reflect.get(target, key) as unknown;
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  return {
    ...realFileSystem,
    open: async (path, flags, mode) => {
      if (step === "open" && path.endsWith(".tmp")) throw error();
      return wrapHandle(await realFileSystem.open(path, flags, mode));
    },
    rename: async (from, to) => {
      if (step === "rename") throw error();
      return realFileSystem.rename(from, to);
    },
  };
}

async function saveFails(fs: FileSystemLayer): Promise<UserFacingError> {
  const error = await writeArticleFile(file, article("New headline"), fs).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserFacingError);
  return error as UserFacingError;
}

describe("writeFileDurably", () => {
  it("replaces the file and keeps its permissions", async () => {
    chmodSync(file, 0o640);
    const snapshot = await writeFileDurably(file, "new text\n");
    expect(readFileSync(file, "utf8")).toBe("new text\n");
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(snapshot.size).toBe(9);
    expect(temporaryFiles(dir)).toEqual([]);
  });

  it("creates a file that does not exist yet", async () => {
    await writeFileDurably(join(dir, "new.article"), "fresh\n");
    expect(readFileSync(join(dir, "new.article"), "utf8")).toBe("fresh\n");
  });

  it("writes through a symbolic link, keeping the link", async () => {
    const link = join(dir, "link.article");
    symlinkSync(file, link);
    await writeFileDurably(link, "via link\n");
    expect(readFileSync(file, "utf8")).toBe("via link\n");
  });

  it("removes temporary files left by a killed save once a save succeeds", async () => {
    writeFileSync(join(dir, ".story.article.dead01.tmp"), "half a save");
    await writeFileDurably(file, "next\n");
    expect(temporaryFiles(dir)).toEqual([]);
  });
});

describe("a failed save leaves the original untouched", () => {
  it("disk full while writing (stubbed write, ENOSPC)", async () => {
    const error = await saveFails(failing("write", "ENOSPC"));
    expect(error.message).toMatch(/the disk is full/);
    expect(error.message).toMatch(/Your changes are still in Copydesk/);
    expect(readFileSync(file, "utf8")).toBe(original);
    expect(temporaryFiles(dir)).toEqual([]);
  });

  it("permission denied (stubbed open, EACCES: root ignores chmod)", async () => {
    const error = await saveFails(failing("open", "EACCES"));
    expect(error.message).toMatch(/you do not have permission to write there/);
    expect(readFileSync(file, "utf8")).toBe(original);
    expect(temporaryFiles(dir)).toEqual([]);
  });

  it("fsync fails (stubbed, EIO)", async () => {
    const error = await saveFails(failing("sync", "EIO"));
    expect(error.message).toMatch(/Could not save/);
    expect(readFileSync(file, "utf8")).toBe(original);
    expect(temporaryFiles(dir)).toEqual([]);
  });

  it("rename refused (stubbed, EPERM)", async () => {
    const error = await saveFails(failing("rename", "EPERM"));
    expect(error.message).toMatch(/the system does not allow it/);
    expect(readFileSync(file, "utf8")).toBe(original);
    expect(temporaryFiles(dir)).toEqual([]);
  });

  it("the folder was removed (real)", async () => {
    const folder = join(dir, "gone");
    mkdirSync(folder);
    file = join(folder, "story.article");
    rmSync(folder, { recursive: true });
    const error = await saveFails(realFileSystem);
    expect(error.code).toBe("not-found");
    expect(error.message).toMatch(/the folder does not exist/);
  });

  it("the path is now a folder (real)", async () => {
    rmSync(file);
    mkdirSync(file);
    writeFileSync(join(file, "inside.txt"), "kept");
    const error = await saveFails(realFileSystem);
    expect(error.message).toMatch(/there is a folder with that name/);
    expect(readFileSync(join(file, "inside.txt"), "utf8")).toBe("kept");
    expect(temporaryFiles(dir)).toEqual([]);
  });
});
