import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../cli/copydesk";
import { readArticleFile } from "../../../electron/services/article-io";
import { readImageFile } from "../../../electron/services/image-files";
import { importFile } from "../../../electron/services/import-files";
import { parseArticleFile, serializeArticle } from "../../../shared/article-file";
import { assetKey } from "../../../shared/asset-policy";
import { maxDocDepth } from "../../../shared/doc-check";
import { nestedListFile } from "../../support/hostile-articles";
import { article, tempFolder } from "../services/helpers";

// Files that are not what they claim: a link to /dev/zero, a FIFO, a socket, a folder. Opening,
// importing, choosing an image and `copydesk validate` each refuse them at once with a clear
// reason, without hanging on the FIFO or reading /dev/zero forever. A file nested 10,000 levels
// deep is refused with a message, never a stack overflow.

const posix = process.platform !== "win32";
const { dir, cleanup } = tempFolder("copydesk-hostile-");
const repoRoot = join(__dirname, "..", "..", "..");
let socketServer: Server | null = null;

/// The promise, or a failure naming what hung after `ms`.
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const paths = {
  zero: join(dir, "zero.article"),
  fifo: join(dir, "pipe.article"),
  socket: join(dir, "socket.article"),
  folder: join(dir, "folder.article"),
  zeroHtml: join(dir, "zero.html"),
  fifoMd: join(dir, "pipe.md"),
  zeroPng: join(dir, "zero.png"),
  fifoPng: join(dir, "pipe.png"),
  deep: join(dir, "deep.article"),
};

beforeAll(async () => {
  mkdirSync(paths.folder);
  writeFileSync(paths.deep, nestedListFile(10_000));
  if (!posix) return;
  for (const link of [paths.zero, paths.zeroHtml, paths.zeroPng]) symlinkSync("/dev/zero", link);
  for (const fifo of [paths.fifo, paths.fifoMd, paths.fifoPng]) execFileSync("mkfifo", [fifo]);
  socketServer = createServer();
  await new Promise<void>((ok) => socketServer!.listen(paths.socket, ok));
});

afterAll(async () => {
  await new Promise<void>((ok) => (socketServer ? socketServer.close(() => ok()) : ok()));
  cleanup();
});

describe.runIf(posix)("opening reads only regular files", () => {
  it.each([
    ["a link to /dev/zero", "zero", /zero\.article: it is a device, not a file/],
    ["a FIFO", "fifo", /pipe\.article: it is a named pipe \(FIFO\), not a file/],
    ["a socket", "socket", /socket\.article: it is a socket, not a file/],
    ["a folder", "folder", /folder\.article: it is a folder, not a file/],
  ] as const)("refuses %s at once", async (_name, key, message) => {
    await expect(within(5000, "opening", readArticleFile(paths[key]))).rejects.toThrow(message);
  });

  it("importing refuses a link to /dev/zero and a FIFO at once", async () => {
    expect(await within(5000, "importing", importFile(paths.zeroHtml))).toEqual({ ok: false, errors: ["it is a device, not a file"] });
    expect(await within(5000, "importing", importFile(paths.fifoMd))).toEqual({ ok: false, errors: ["it is a named pipe (FIFO), not a file"] });
  });

  it("choosing an image refuses a link to /dev/zero and a FIFO at once", async () => {
    await expect(within(5000, "reading the image", readImageFile(paths.zeroPng))).rejects.toThrow("Could not use zero.png: it is a device, not a file.");
    await expect(within(5000, "reading the image", readImageFile(paths.fifoPng))).rejects.toThrow("Could not use pipe.png: it is a named pipe (FIFO), not a file.");
  });

  it("copydesk validate says what each one is, one line each, exit 1", async () => {
    const err: string[] = [];
    const code = await within(5000, "validate", runCli(["validate", paths.zero, paths.fifo, paths.socket], () => undefined, (l) => err.push(l)));
    expect(code).toBe(1);
    expect(err).toEqual([
      `${paths.zero}: it is a device, not a file`,
      `${paths.fifo}: it is a named pipe (FIFO), not a file`,
      `${paths.socket}: it is a socket, not a file`,
    ]);
  });

  it("the built command does not hang on a FIFO", () => {
    const run = spawnSync(process.execPath, [join(repoRoot, "bin", "copydesk.cjs"), "validate", paths.fifo, paths.zero], { encoding: "utf8", timeout: 20_000 });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`${paths.fifo}: it is a named pipe (FIFO), not a file\n${paths.zero}: it is a device, not a file\n`);
  });
});

describe("documents nested too deep", () => {
  it(`refuses a list nested 10,000 levels deep with a message (the limit is ${maxDocDepth})`, () => {
    const result = parseArticleFile(nestedListFile(10_000));
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual([
      expect.stringMatching(new RegExp(`^doc\\.content\\[5\\](\\.content\\[\\d\\]|…\\(\\d+ levels\\)…)+ \\((bullet_list|list_item)\\): nested more than ${maxDocDepth} levels deep`)),
    ]);
  });

  it("opens one nested just within the limit", () => {
    const levels = Math.floor((maxDocDepth - 3) / 2);
    const result = parseArticleFile(nestedListFile(levels));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it("copydesk validate prints the message, no stack trace", () => {
    const run = spawnSync(process.execPath, [join(repoRoot, "bin", "copydesk.cjs"), "validate", paths.deep], { encoding: "utf8", timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^${paths.deep.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: doc\\.content\\[5\\].*nested more than ${maxDocDepth} levels deep`));
    expect(run.stderr).not.toMatch(/\n\s+at |RangeError|Maximum call stack/);
  });
});

describe("embedded images", () => {
  const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

  it("are keyed by the SHA-256 of their bytes, and a file whose key is not is refused", () => {
    const file = JSON.parse(serializeArticle(article("Harbour"))) as Record<string, unknown>;
    const key = assetKey(png);
    file.assets = { [key]: { type: "image/png", data: png } };
    expect(parseArticleFile(JSON.stringify(file)).ok).toBe(true);

    const other = "0".repeat(64);
    file.assets = { [other]: { type: "image/png", data: png } };
    expect(parseArticleFile(JSON.stringify(file))).toEqual({
      ok: false,
      errors: ["assets.000000000000…: the key is not the SHA-256 of the image's bytes (was the image changed after it was added?)"],
    });
  });
});

describe("problem lists stay short", () => {
  it("lists the first 50 problems and counts the rest", () => {
    const file = JSON.parse(serializeArticle(article("Harbour"))) as { doc: { content: { content?: unknown[] }[] } };
    file.doc.content[5].content = Array.from({ length: 5000 }, () => ({ type: "no-such-node" }));
    const result = parseArticleFile(JSON.stringify(file));
    expect(result.ok ? [] : result.errors).toHaveLength(51);
    expect(result.ok ? "" : result.errors[50]).toMatch(/^… and \d+ more problems$/);
  });
});
