import fc from "fast-check";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../../cli/copydesk";
import { realFileSystem } from "../../../electron/services/durable-write";
import { DocumentStore } from "../../../electron/services/documents";
import { UserFacingError } from "../../../electron/services/errors";
import { builtWorkerScript, inProcessWork, WorkerPool } from "../../../electron/services/heavy-work";
import { articleToJSON } from "../../../shared/article";
import { parseArticleFile, serializeArticle, type ParseResult } from "../../../shared/article-file";
import { maxDocDepth } from "../../../shared/doc-check";
import { assertProperty, fuzzSeed } from "../../support/fuzz";
import { rounds, timeoutFor } from "../../support/long-tests";
import { articleFileWithBody, nestedListFile } from "../../support/hostile-articles";
import { describeMutated, mutatedArticleFile, sourceArticleFiles, type MutatedFile } from "../../support/mutated-articles";
import { tempFolder } from "../services/helpers";

// Mutated `.article` files (test/support/mutated-articles.ts): at least 2,000 under
// `npm run test:long` (fewer in `npm test`), each read through every way Copydesk reads a file:
// the file format's parser (bytes and text), the main process's open (DocumentStore.read, in the
// app's worker threads when they are built, as main runs it) and `copydesk validate`. Each gives
// a valid article, which writes and reads back to the same file, or a clear error: a list of
// readable sentences, the same through every path, never a throw, a crash or a hang.

const runs = rounds(150, 2000);
const seed = fuzzSeed("mutated article files");
/// Longest a file may take through one path before it counts as a hang: generous, for a busy machine.
const hangMs = 60_000;

const { dir, cleanup } = tempFolder("copydesk-fuzz-articles-");
const script = builtWorkerScript(join(__dirname, "..", "..", "..", "out", "main"));
const work = script ? new WorkerPool(script) : inProcessWork();
const store = new DocumentStore(realFileSystem, work);
afterAll(async () => {
  await work.dispose();
  cleanup();
});

/// Resolves as `promise` does, or fails when it takes longer than a hang.
async function within<T>(what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<never>((_ok, fail) => {
    timer = setTimeout(() => fail(new Error(`${what} did not answer in ${hangMs / 1000} s`)), hangMs);
  });
  try {
    return await Promise.race([promise, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/// Runs a synchronous read, failing when it took longer than a hang (it cannot be stopped meanwhile).
function timed<T>(what: string, read: () => T): T {
  const started = performance.now();
  const result = read();
  const ms = performance.now() - started;
  if (ms > hangMs) throw new Error(`${what} took ${Math.round(ms / 1000)} s`);
  return result;
}

/// The problems a refused file is reported with: sentences a journalist can read.
function expectReadable(errors: unknown, what: string): void {
  expect(Array.isArray(errors), `${what}: errors is not a list`).toBe(true);
  const list = errors as unknown[];
  expect(list.length, `${what}: no problem named`).toBeGreaterThan(0);
  for (const error of list) {
    expect(typeof error, `${what}: a problem is not text`).toBe("string");
    const message = error as string;
    expect(message.trim(), `${what}: an empty problem`).not.toBe("");
    // A message names a field or shows a value, shortened: never the whole of a huge string.
    expect(message.length, `${what}: a problem of ${message.length} characters`).toBeLessThanOrEqual(600);
    expect(message, what).not.toMatch(/undefined|\[object Object\]|\n\s+at |Something went wrong/);
  }
}

/// A valid article writes a file that reads back to the same article, and writes the same file again.
function expectRoundTrip(result: ParseResult & { ok: true }): void {
  const written = serializeArticle(result.article);
  const again = parseArticleFile(written);
  if (!again.ok) throw new Error(`an article read from a file was written as a file that does not open: ${again.errors.join("; ")}`);
  expect(again.article.doc.eq(result.article.doc)).toBe(true);
  expect(again.article.meta).toEqual(result.article.meta);
  expect(again.article.assets).toEqual(result.article.assets);
  expect(serializeArticle(again.article)).toBe(written);
}

let count = 0;
let valid = 0;

/// Reads one mutated file every way Copydesk does and checks the paths agree.
async function readEveryWay(file: MutatedFile): Promise<void> {
  const label = describeMutated(file);
  const parsed = timed("parseArticleFile", () => parseArticleFile(file.bytes));
  if (parsed.ok) expectRoundTrip(parsed);
  else expectReadable(parsed.errors, `parseArticleFile (${label})`);

  // The same file as text, where it is UTF-8: the same answer.
  let text: string | null = null;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(file.bytes);
  } catch {
    text = null;
  }
  if (text !== null) {
    const fromText = timed("parseArticleFile (text)", () => parseArticleFile(text));
    expect(fromText.ok, label).toBe(parsed.ok);
    if (!fromText.ok && !parsed.ok) expect(fromText.errors).toEqual(parsed.errors);
  }

  const path = join(dir, `fuzz-${count++ % 8}.article`);
  writeFileSync(path, file.bytes);

  // Main's open (DocumentStore.read: the bytes read as only regular files are, then checked in a worker
  // when large): the same article, or the same problems under a message naming the file.
  const opened = await within(
    "opening the file",
    store.read(path).then(
      (read) => ({ ok: true as const, article: read.article }),
      (e: unknown) => ({ ok: false as const, error: e }),
    ),
  );
  if (opened.ok) {
    expect(parsed.ok, `main opened a file the format refuses (${label})`).toBe(true);
    if (parsed.ok) expect(opened.article).toEqual(articleToJSON(parsed.article));
  } else {
    const error = opened.error;
    if (!(error instanceof UserFacingError)) throw new Error(`opening threw ${String((error as Error)?.stack ?? error)} (${label})`);
    expect(parsed.ok, `main refused a file the format accepts: ${error.message} ${error.details?.join("; ")} (${label})`).toBe(false);
    expect(error.message).toMatch(/^fuzz-\d\.article is not a valid Copydesk article\.$/);
    if (!parsed.ok) expect(error.details).toEqual(parsed.errors);
  }

  // `copydesk validate`, in-process: "ok FILE", or one "FILE: problem" line per problem.
  const out: string[] = [];
  const err: string[] = [];
  const code = await within("copydesk validate", runCli(["validate", path], (l) => out.push(l), (l) => err.push(l)));
  if (parsed.ok) {
    expect({ code, out, err }).toEqual({ code: 0, out: [`ok ${path}`], err: [] });
    valid++;
  } else expect({ code, out, err }).toEqual({ code: 1, out: [], err: parsed.errors.map((problem) => `${path}: ${problem}`) });
}

describe("mutated article files", () => {
  const sources = sourceArticleFiles();

  it("the files mutations start from are valid articles", () => {
    for (const source of sources) expect(parseArticleFile(source.text).ok, source.name).toBe(true);
  });

  it(
    `each of ${runs} mutated files opens as a valid article or is refused with a clear message, the same everywhere`,
    async () => {
      await assertProperty(fc.asyncProperty(mutatedArticleFile(sources), readEveryWay), { numRuns: runs, seed });
      console.log(`fuzz mutated article files: ${count} files, ${valid} of them still valid articles`);
      // Most mutations break the file; some must leave it valid, or the round trip is never tried.
      expect(valid).toBeGreaterThan(0);
    },
    timeoutFor(runs, 1_500),
  );
});

describe("what the fuzz found", () => {
  it("a problem deep in a document names its place in a few steps, not one per level", () => {
    const result = parseArticleFile(nestedListFile(maxDocDepth));
    expect(result.ok).toBe(false);
    const [problem] = (result as { errors: string[] }).errors;
    expect(problem).toMatch(/^doc\.content\[5\](\.content\[\d+\]){4}…\(\d+ levels\)…(\.content\[\d+\]){5} \(list_item\): nested more than 64 levels deep/);
    expect(problem.length).toBeLessThan(400);
    // A node a few levels down is still named in full.
    const shallow = parseArticleFile(articleFileWithBody('[{"type":"blockquote","content":[{"type":"paragraph","content":[{"type":"text"}]}]}]'));
    expect(shallow).toEqual({ ok: false, errors: ["doc.content[5].content[0].content[0].content[0]: text node without text"] });
  });

  it("a field whose type is a megabyte of text is named by the type's first words", () => {
    const file = JSON.parse(nestedListFile(2)) as { doc: { content: { type: string }[] } };
    const [tagline, related] = file.doc.content.slice(6);
    file.doc.content.splice(6, 2, { type: "word ".repeat(200_000) }, related, tagline);
    const result = parseArticleFile(JSON.stringify(file));
    expect(result).toEqual({
      ok: false,
      errors: [`doc.content[6]: expected the tagline field here, found ${"word ".repeat(12)}…`],
    });
  });

  it("a field named by a megabyte of text is named by its first letters, and a long list of unknown fields is counted", () => {
    const file = JSON.parse(nestedListFile(2)) as { meta: Record<string, unknown> };
    file.meta["k".repeat(100_000)] = "draft";
    expect(parseArticleFile(JSON.stringify(file))).toEqual({ ok: false, errors: [`meta: unknown field "${"k".repeat(40)}…"`] });
    for (let i = 0; i < 8; i++) file.meta[`extra${i}`] = i;
    const [problem] = (parseArticleFile(JSON.stringify(file)) as { errors: string[] }).errors;
    expect(problem).toBe(`meta: unknown fields "${"k".repeat(40)}…", "extra0", "extra1", "extra2", "extra3" and 4 more`);
  });

  it("marks on the document or on a block are named as a problem, not left to ProseMirror (\"There is no mark type undefined\")", () => {
    const file = JSON.parse(nestedListFile(2)) as { doc: { marks?: unknown; content: { marks?: unknown }[] } };
    file.doc.marks = [-321021277];
    expect(parseArticleFile(JSON.stringify(file))).toEqual({ ok: false, errors: ["doc: marks are not allowed here"] });
    delete file.doc.marks;
    for (const [marks, problem] of [
      [[7], "a mark has no type"],
      [[{ type: "strong" }], "marks are not allowed here"],
      [{ type: "em" }, "marks is not a list"],
    ] as const) {
      file.doc.content[5].marks = marks;
      expect(parseArticleFile(JSON.stringify(file))).toEqual({ ok: false, errors: [`doc (doc): ${problem}`] });
    }
  });

  it("metadata that is not an object is called that, not \"Invalid input\"", () => {
    for (const meta of [[], "draft", 7, true]) {
      const file = JSON.parse(nestedListFile(2)) as Record<string, unknown>;
      file.meta = meta;
      const result = parseArticleFile(JSON.stringify(file));
      expect(result).toEqual({ ok: false, errors: ["meta: not an object"] });
    }
  });
});
