import type { Browser, Page } from "@playwright/test";
import { setTimeout as sleep } from "node:timers/promises";
import type { ArticleJSON } from "../../shared/article";
import { editorLabels, editors as comparedEditors, openEditor, paragraphSelectors, type BenchServer, type EditorName } from "./browser";
import { generatedArticle } from "./support/articles";
import type { KeyTiming, LongTask } from "./pages/probe";
import { quantile } from "./stats";
import { startTrace, type CpuSplit, type TraceEvents } from "./trace";

// Typing: the same keys into the middle of the body of the same article, in each editor in turn
// (one burst in each, then the next burst), so that a noisy machine slows them alike. Each run
// loads fresh pages; its figures are those of its 200 keys.

/// What is typed: 200 keys in 4 bursts of 50, letters and spaces (no replacement rule applies).
export const bursts = [
  "the talks will resume on monday in the capital and",
  " officials said the border would stay open to aid ",
  "workers while the envoy met rebel leaders in the no",
  "rth and the council is expected to vote on the pla",
];
/// The time between two keys (a fast typist's burst, about 28 keys a second). The driver does not wait
/// for a key's frame: the page times it, as it would for a journalist who types on.
const cadenceMs = 35;

/// One editor's figures for one run at one size.
export interface TypingRun {
  editableMs: number;
  keys: KeyTiming[];
  /// Main-thread time per key during the traced burst.
  cpuPerKey: CpuSplit;
  longTasksTyping: LongTask[];
  longTasksPauses: LongTask[];
  /// JS heap (MB) and DOM nodes after loading, before typing.
  heapMB: number;
  domNodes: number;
}

async function footprint(page: Page): Promise<{ heapMB: number; domNodes: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("Performance.enable");
  const { metrics } = await cdp.send("Performance.getMetrics");
  await cdp.detach();
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { heapMB: metric("JSHeapUsedSize") / 2 ** 20, domNodes: metric("Nodes") };
}

/// Types the text at the cadence, as a keyboard does (keydown, keypress, keyup through CDP, like
/// Playwright's keyboard). The next key goes when the page has handled the last one's events (so a
/// slow editor is not buried under a queue of keys a busy machine could not deliver) and the cadence
/// has passed; the driver never waits for a frame: the page times that.
async function typeBurst(page: Page, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  for (const key of text) {
    const started = Date.now();
    const code = key === " " ? "Space" : `Key${key.toUpperCase()}`;
    const keyCode = key.toUpperCase().charCodeAt(0);
    await Promise.all([
      cdp.send("Input.dispatchKeyEvent", { type: "keyDown", key, code, text: key, unmodifiedText: key, windowsVirtualKeyCode: keyCode }),
      cdp.send("Input.dispatchKeyEvent", { type: "keyUp", key, code, windowsVirtualKeyCode: keyCode }),
    ]);
    await sleep(Math.max(0, cadenceMs - (Date.now() - started)));
  }
  await cdp.detach();
}

/// A quantile of a run's keys, keydown to the editor's DOM updated or to the end of the next frame (ms).
export function keyLatency(run: TypingRun, to: "dom" | "frame", q: number): number {
  return quantile(run.keys.map((k) => (k[to] === null ? NaN : k[to] - k.keydown)), q);
}

/// Which editors type and the article each opens, and what is done to an editor's page once it is
/// editable (turning suggest mode on), before the runs.
export interface TypingSetup {
  editors: EditorName[];
  article(editor: EditorName): ArticleJSON;
  prepare?(editor: EditorName, page: Page): Promise<void>;
  /// Whether what was typed landed as the editor should have it (the keys reached the article already).
  typedAsMeant?(editor: EditorName, page: Page): Promise<boolean>;
}

/// The paragraph (from the top, as a fraction of the body) each run types into: 3 runs, 3 places.
const runPlaces = [0.5, 0.4, 0.6];

/// The burst of each run whose main-thread time is traced (a trace of all four would take longer
/// to collect than to type).
const tracedBurst = 1;

/// One size: fresh pages of the editors (their load and footprint), then `runs` runs, each
/// the four bursts typed into each editor in turn at another place in the middle of the body.
/// By default the editors compared, each with the generated article of `paragraphs`.
export async function typingAtSize(
  browser: Browser,
  server: BenchServer,
  paragraphs: number,
  runs = 3,
  setup: TypingSetup = { editors: comparedEditors, article: () => generatedArticle(paragraphs) },
): Promise<Record<EditorName, TypingRun[]>> {
  const { editors } = setup;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const began = Date.now();
  const phase = (name: string) => process.env.BENCH_PROFILE && console.error(`${paragraphs}: ${name} at ${((Date.now() - began) / 1000).toFixed(1)} s`);
  try {
    const pages = {} as Record<EditorName, { page: Page; editableMs: number; heapMB: number; domNodes: number }>;
    for (const editor of editors) {
      server.setArticle(setup.article(editor));
      const opened = await openEditor(context, server, editor);
      await setup.prepare?.(editor, opened.page);
      pages[editor] = { ...opened, ...(await footprint(opened.page)) };
    }
    phase("loaded");
    const windows = Object.fromEntries(editors.map((e) => [e, []])) as unknown as Record<EditorName, { from: number; to: number }[][]>;
    const keysBefore = Object.fromEntries(editors.map((e) => [e, []])) as unknown as Record<EditorName, number[]>;
    const traces: TraceEvents[] = [];
    for (let run = 0; run < runs; run++) {
      for (const editor of editors) {
        const { page } = pages[editor];
        keysBefore[editor].push(await page.evaluate(() => window.benchProbe.keyCount()));
        await page.evaluate(([selector, at]) => window.benchProbe.placeCaret(selector, at), [paragraphSelectors[editor], runPlaces[run % runPlaces.length]] as const);
        windows[editor].push([]);
      }
      // Each run starts with another editor, so none is always the first after a pause.
      const order = editors.map((_, i) => editors[(i + run) % editors.length]);
      for (const [b, text] of bursts.entries()) {
        const trace = b === tracedBurst ? await startTrace(browser) : null;
        for (const editor of order) {
          const { page } = pages[editor];
          await page.bringToFront();
          const from = await page.evaluate((name) => window.benchProbe.mark(name), `${editor}:${run}:${b}:start`);
          await typeBurst(page, text);
          await page.evaluate(() => window.benchProbe.settled());
          const to = await page.evaluate((name) => window.benchProbe.mark(name), `${editor}:${run}:${b}:end`);
          windows[editor][run].push({ from, to });
        }
        if (trace) traces.push(await trace.stop());
      }
      phase(`run ${run + 1} typed`);
    }
    // The last burst's pause: as long as the others typed after it.
    await sleep(1500);
    const result = {} as Record<EditorName, TypingRun[]>;
    for (const editor of editors) {
      // The keys must have reached the article (not a dialog or a field that took the focus).
      const landed = await pages[editor].page.evaluate((text) => document.querySelector(".ProseMirror")?.textContent?.includes(text) ?? false, bursts[0]);
      if (!landed) throw new Error(`${editorLabels[editor]}: the keys typed did not reach the article`);
      if (setup.typedAsMeant && !(await setup.typedAsMeant(editor, pages[editor].page))) throw new Error(`${editorLabels[editor]}: the keys typed did not land as they should`);
    }
    for (const editor of editors) {
      const { page, editableMs, heapMB, domNodes } = pages[editor];
      const allKeys = await page.evaluate(() => window.benchProbe.keys());
      const longTasks = await page.evaluate(() => window.benchProbe.longTasks());
      result[editor] = [];
      for (let run = 0; run < runs; run++) {
        const runWindows = windows[editor][run];
        const keys = allKeys.slice(keysBefore[editor][run], run + 1 < runs ? keysBefore[editor][run + 1] : undefined);
        const runEnd = run + 1 < runs ? windows[editor][run + 1][0].from : Infinity;
        const inRun = longTasks.filter((task) => task.start > runWindows[0].from && task.start < runEnd);
        const inBurst = (task: LongTask) => runWindows.some((w) => task.start < w.to && task.start + task.duration > w.from);
        const events = traces[run];
        const start = events?.mark(`${editor}:${run}:${tracedBurst}:start`);
        const end = events?.mark(`${editor}:${run}:${tracedBurst}:end`);
        const tracedKeys = bursts[tracedBurst].length;
        const split = start && end ? events.split(start.pid, start.tid, [[start.ts, end.ts]]) : { script: NaN, style: NaN, layout: NaN, paint: NaN, other: NaN, total: NaN };
        if (process.env.BENCH_PROFILE && start && end && run === 0) {
          console.error(editor, JSON.stringify(events.top(start.pid, start.tid, [[start.ts, end.ts]]).map(([n, ms]) => [n, +(ms / tracedKeys).toFixed(2)])));
        }
        result[editor].push({
          editableMs,
          keys,
          cpuPerKey: Object.fromEntries(Object.entries(split).map(([k, v]) => [k, v / tracedKeys])) as CpuSplit,
          longTasksTyping: inRun.filter(inBurst),
          longTasksPauses: inRun.filter((task) => !inBurst(task)),
          heapMB,
          domNodes,
        });
      }
    }
    return result;
  } finally {
    await context.close();
  }
}
