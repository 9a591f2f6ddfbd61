import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { EditorState } from "prosemirror-state";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../../cli/copydesk";
import { Backend } from "../../../electron/services/backend";
import { builtWorkerScript, WorkerPool, type HeavyWork } from "../../../electron/services/heavy-work";
import { parseHtmlInNode } from "../../../electron/services/import-files";
import { AssetStore } from "../../../renderer/src/editor/assets";
import { articlePlugins } from "../../../renderer/src/editor/setup";
import type { ArticleJSON } from "../../../shared/article";
import { articleFromJSON, maxFileBytes, overFileLimit, parseArticleFile, serializeArticle } from "../../../shared/article-file";
import { textOfJSON } from "../../../shared/article-salvage";
import { maxDocDepth } from "../../../shared/doc-check";
import { maxHtmlDepth } from "../../../shared/import/light-dom";
import type { IpcResult, OpenedDocument, SavedDocument } from "../../../shared/ipc";
import { schema } from "../../../shared/schema";
import { fileOfSize, longParagraphFile, nestedListFile, wideBodyFile } from "../../support/hostile-articles";
import { hostilePage } from "../../support/hostile-page";
import { FakeWindows } from "../services/fake-windows";
import { ScriptedDialogs, tempFolder } from "../services/helpers";

// Resource limits (issue 10, item 7): an article of 50 MB (and one just over the file limit), a list
// nested 10,000 levels deep, one paragraph of 5 MB, a body of 100,000 paragraphs. Each is opened
// through the services main uses (the file read in the app's worker threads) and checked by
// `copydesk validate`: it opens and saves again, or it is refused with a message that names the
// limit and what to do, never a stack overflow or a hang. While a worker reads it, main's event
// loop keeps turning. The editor loads the long paragraph and the wide body and takes typing in
// each; a window's save over the file limit or nested 10,000 deep is refused before anything reads
// it; a 1 MB hostile page imports. What these cost is measured by test/bench/hostile-input.bench.ts.

const script = builtWorkerScript(join(__dirname, "..", "..", "..", "out", "main"));
const { dir, cleanup } = tempFolder("copydesk-limits-");
afterAll(cleanup);

const mb = 1024 * 1024;

/// Main's event loop, counted: one per turn of a chain of timers, for as long as the probe runs.
class LoopProbe {
  turns = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  start(): void {
    const tick = () => {
      this.turns += 1;
      this.timer = setTimeout(tick, 1);
    };
    this.timer = setTimeout(tick, 1);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}

/// The pool, noting how often main's event loop turned while a worker read each article file.
/// Read in main itself, an article would resolve without a single turn.
function probedWork(pool: WorkerPool, probe: LoopProbe, turnsPerRead: number[]): HeavyWork {
  return {
    readArticle: async (bytes) => {
      const before = probe.turns;
      try {
        return await pool.readArticle(bytes);
      } finally {
        turnsPerRead.push(probe.turns - before);
      }
    },
    checkArticle: (payload, verified, meta) => pool.checkArticle(payload, verified, meta),
    salvage: (payload) => pool.salvage(payload),
    importArticle: (bytes, format) => pool.importArticle(bytes, format),
    renderExports: (payload, verified, formats, choices) => pool.renderExports(payload, verified, formats, choices),
    dispose: () => pool.dispose(),
  };
}

/// An article as Copydesk writes it, with body paragraphs until the file is about `bytes` long.
function copydeskFileOfSize(bytes: number): string {
  // The generator writes the body compactly; Copydesk writes it indented, about 5% longer.
  const parsed = parseArticleFile(fileOfSize(Math.floor(bytes / 1.06)));
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  return serializeArticle(parsed.article);
}

/// The end of the text of the body's last block.
function bodyEnd(state: EditorState): number {
  let before = 0;
  for (let i = 0; i < 5; i++) before += state.doc.child(i).nodeSize;
  return before + 1 + state.doc.child(5).content.size - 1;
}

/// The article loaded into the editor the way a window loads it, with every plugin the editor runs.
function loadInEditor(article: ArticleJSON): EditorState {
  const assets = new AssetStore(article.assets);
  const hooks = { editFigure: () => undefined, editRelatedLink: () => undefined, addRelatedLink: () => undefined, editDateline: () => undefined };
  return EditorState.create({
    doc: schema.nodeFromJSON(article.doc),
    plugins: articlePlugins({ meta: article.meta, assets, hooks, keys: {}, smartQuotes: () => true, openLink: () => undefined }),
  });
}

interface LimitCase {
  name: string;
  file: string;
  make: () => string;
  /// What opening it gives: how the opened article looks, or the refusal's words and whether the file was read first.
  opens: ((article: ArticleJSON) => void) | { refused: string; read: boolean };
}

const body = (article: ArticleJSON) => (article.doc.content as { type: string; content?: { content?: { text?: string }[] }[] }[])[5].content ?? [];

const cases: LimitCase[] = [
  {
    name: "a 50 MB article, just under the file limit",
    file: "fifty.article",
    make: () => copydeskFileOfSize(maxFileBytes - 256 * 1024),
    opens: (article) => expect(body(article).length).toBeGreaterThan(20_000),
  },
  {
    name: "an article just over the 50 MB file limit",
    file: "over.article",
    make: () => fileOfSize(maxFileBytes + 1),
    opens: { refused: overFileLimit, read: false },
  },
  {
    name: "a list nested 10,000 levels deep",
    file: "nested.article",
    make: () => nestedListFile(10_000),
    opens: { refused: `nested more than ${maxDocDepth} levels deep (lists within lists, quotes within quotes); Copydesk reads at most ${maxDocDepth}`, read: true },
  },
  {
    name: "one paragraph of 5 MB",
    file: "long-paragraph.article",
    make: () => longParagraphFile(5 * mb),
    opens: (article) => expect(body(article)[0].content?.[0].text?.length).toBeGreaterThanOrEqual(5 * mb - 64),
  },
  {
    name: "a body of 100,000 paragraphs",
    file: "wide.article",
    make: () => wideBodyFile(100_000),
    opens: (article) => expect(body(article)).toHaveLength(100_000),
  },
];

describe.runIf(script !== null)("resource limits", () => {
  const pool = new WorkerPool(script!);
  const probe = new LoopProbe();
  const turnsPerRead: number[] = [];
  const dialogs = new ScriptedDialogs();
  const windows = new FakeWindows();
  const backend = new Backend({
    userDataDir: join(dir, "user-data"),
    dialogs,
    windows,
    notify: windows.notify,
    appInfo: { name: "Copydesk", version: "0", platform: "linux" },
    heavyWork: probedWork(pool, probe, turnsPerRead),
    recoveryTiming: { quietMs: 10, maxDelayMs: 20 },
  });
  windows.attach({ backend });
  probe.start();
  afterAll(async () => {
    probe.stop();
    await backend.dispose();
  });

  /// Articles opened by the cases, for the editor's tests below.
  const opened = new Map<string, ArticleJSON>();

  it.each(cases)("$name: opened or refused with a message, main turning meanwhile, and copydesk validate agrees", async ({ file, make, opens }) => {
    const path = join(dir, file);
    writeFileSync(path, make());
    turnsPerRead.length = 0;
    dialogs.queue({ kind: "open", path });
    const result = (await backend.handle("document:open", {}, { windowId: file })) as IpcResult<OpenedDocument>;

    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(["validate", path], (line) => out.push(line), (line) => err.push(line));

    if (typeof opens === "function") {
      expect(result.ok ? null : result.error).toBeNull();
      const document = (result as { ok: true; value: OpenedDocument }).value;
      opens(document.article);
      opened.set(file, document.article);
      expect(turnsPerRead, "main's event loop did not turn while a worker read the file").toEqual([expect.any(Number)]);
      expect(turnsPerRead[0]).toBeGreaterThan(0);
      const saved = (await backend.handle("document:save", { handle: document.handle, article: document.article, revision: 1 }, { windowId: file })) as IpcResult<SavedDocument>;
      expect(saved.ok ? null : saved.error).toBeNull();
      expect([code, out, err]).toEqual([0, [`ok ${path}`], []]);
      return;
    }
    expect(result.ok).toBe(false);
    const error = result.ok ? null : result.error;
    expect([error?.message, ...(error?.details ?? [])].some((line) => line?.includes(opens.refused)), JSON.stringify(error).slice(0, 400)).toBe(true);
    if (opens.read) {
      expect(turnsPerRead, "main's event loop did not turn while a worker read the file").toEqual([expect.any(Number)]);
      expect(turnsPerRead[0]).toBeGreaterThan(0);
    } else expect(turnsPerRead, "the file was read, not refused by its size").toEqual([]);
    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0].startsWith(`${path}: `)).toBe(true);
    expect(err[0].endsWith(opens.refused)).toBe(true);
  }, 300_000);

  it.each([
    ["one paragraph of 5 MB", "long-paragraph.article"],
    ["a body of 100,000 paragraphs", "wide.article"],
  ])("the editor loads %s and takes typing at its end, and the article stays savable", (_name, file) => {
    const article = opened.get(file);
    expect(article, "the file's case above did not open it").toBeDefined();
    const state = loadInEditor(article!);
    const typed = state.apply(state.tr.insertText(" Typed at the end.", bodyEnd(state)));
    expect(typed.doc.child(5).lastChild!.textContent.endsWith("Typed at the end.")).toBe(true);
    const checked = articleFromJSON({ meta: article!.meta, doc: typed.doc.toJSON(), assets: article!.assets });
    expect(checked.ok ? [] : checked.errors).toEqual([]);
  }, 120_000);

  it("a window's save of an article over the file limit, or nested 10,000 levels deep, is refused unread with a message", async () => {
    const window = { windowId: "sender" };
    const draft = (await backend.handle("document:new", {}, window)) as { ok: true; value: OpenedDocument };
    const { meta } = draft.value.article;
    let nested: Record<string, unknown> = { type: "paragraph" };
    for (let i = 0; i < 10_000; i++) nested = { type: "blockquote", content: [nested] };
    const huge = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x".repeat(maxFileBytes + 2 * mb) }] }] };
    const save = (doc: unknown) => backend.handle("document:save", { handle: draft.value.handle, article: { meta, doc, assets: {} }, revision: 1 }, window);

    expect(await save(huge)).toEqual({
      ok: false,
      error: { code: "invalid-request", message: "The request to document:save was refused unread: it is larger than 51 MB, the limit for document:save." },
    });
    expect(await save({ type: "doc", content: [nested] })).toEqual({
      ok: false,
      error: { code: "invalid-request", message: expect.stringMatching(/^The request to document:save was refused unread: it nests more than \d+ levels deep\.$/) },
    });
  }, 120_000);

  it("imports a 1 MB hostile page in a worker as an article the file format accepts, main turning meanwhile", async () => {
    const page = hostilePage(mb);
    expect(page.length).toBeGreaterThanOrEqual(mb);
    const before = probe.turns;
    const imported = await pool.importArticle(new TextEncoder().encode(page), "html");
    expect(probe.turns - before, "main's event loop did not turn while the worker imported").toBeGreaterThan(0);
    expect(imported.ok ? [] : imported.errors).toEqual([]);
    const article = (imported as { ok: true; article: ArticleJSON }).article;
    // The importer keeps what it takes for the story (Readability's choice), as an article the file
    // format accepts: every link http, https or mailto, every image https or embedded.
    expect(textOfJSON((article.doc.content as unknown[])[5]).length).toBeGreaterThan(1000);
    const checked = articleFromJSON(article);
    expect(checked.ok ? [] : checked.errors).toEqual([]);
  }, 120_000);
});

describe("HTML nested too deep to import as it is", () => {
  /// How deeply elements nest under the page's root element, counted without recursion.
  function depthOf(root: { children: ArrayLike<unknown> }): number {
    let deepest = 0;
    const stack = [{ element: root, depth: 0 }];
    while (stack.length > 0) {
      const { element, depth } = stack.pop()!;
      deepest = Math.max(deepest, depth);
      for (const child of Array.from(element.children)) stack.push({ element: child as { children: ArrayLike<unknown> }, depth: depth + 1 });
    }
    return deepest;
  }

  it(`is parsed no deeper than the importers read (${maxHtmlDepth} levels), the deeper elements' words kept as text`, () => {
    // Readability asks every element for its text: left 10,000 deep, a 1 MB hostile page took 30 s to import.
    const page = `<html><body>${"<div>".repeat(10_000)}<p>Deepest words of the page</p>${"</div>".repeat(10_000)}<p>After the nesting</p></body></html>`;
    const root = (parseHtmlInNode(page) as unknown as { documentElement: { children: ArrayLike<unknown>; textContent: string } }).documentElement;
    expect(depthOf(root)).toBeLessThanOrEqual(maxHtmlDepth);
    expect(root.textContent.replace(/\s+/g, " ")).toContain("Deepest words of the page After the nesting");
  });
});
