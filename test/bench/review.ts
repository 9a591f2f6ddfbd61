import type { Browser, Page } from "@playwright/test";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Article } from "../../shared/article";
import { serializeArticle } from "../../shared/article-file";
import { compareArticles } from "../../shared/review/compare";
import { DocumentStore } from "../../electron/services/documents";
import { storyWithVersions } from "../support/versioned-story";
import { openEditor, type BenchServer, type EditorName } from "./browser";
import { openInRenderer } from "./documents";
import type { Row } from "./report";
import { figure, median, quantile, type Figure } from "./stats";
import { generatedArticle } from "./support/articles";
import { deskEditPair } from "./support/desk-edit";
import { reviewedArticle } from "./support/reviewed-article";
import { bursts, keyLatency, typingAtSize, type TypingRun } from "./typing";

// The desk's review (issue 12): opening a story with 100 versions, comparing two versions of a
// 1,000-paragraph story, and typing in suggest mode in a story under review. Each beside its
// baseline: the story without versions, the story compared with itself, normal typing.

const section = "Review (Copydesk)";

/// Opening the story of README's file-size figure (30 paragraphs, 100 versions of small edits),
/// beside the same story without its versions: main's half as File > Open runs it (the services'
/// DocumentStore.open: read, parse, check, every version rebuilt and checked) and the renderer's
/// (the article as main sends it, the editor built with its versions rebuilt for History, first frame).
export async function openWithVersions(browser: Browser, server: BenchServer, runs: number): Promise<Row[]> {
  const { article } = storyWithVersions();
  const stories: [string, Article][] = [
    ["a story with 100 versions", article],
    ["the same story without versions", { ...article, review: { ...article.review!, versions: [] } }],
  ];
  const folder = await mkdtemp(join(tmpdir(), "copydesk-bench-review-"));
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const rows: Row[] = [];
  try {
    server.setArticle(generatedArticle(10));
    const { page } = await openEditor(context, server, "copydesk");
    const store = new DocumentStore();
    for (const [name, story] of stories) {
      const path = join(folder, `${rows.length}.article`);
      await writeFile(path, serializeArticle(story));
      const size = `${((await stat(path)).size / 1000).toFixed(0)} KB file`;
      // Each run the median of 5 opens: one open is a few ms, below the machine's noise.
      const main: number[] = [];
      await store.open("bench", path);
      for (let r = 0; r < runs; r++) {
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          const start = performance.now();
          await store.open("bench", path);
          times.push(performance.now() - start);
        }
        main.push(median(times));
      }
      const opened = await store.open("bench", path);
      if (opened.versionsDropped) throw new Error(`${name}: versions left out on open: ${opened.versionsDropped.join("; ")}`);
      const render = await openInRenderer(page, opened.article, runs);
      const add = (what: string, values: number[], extra: Partial<Row> = {}) =>
        rows.push({ section, name: `open ${name} (${size}): ${what}`, unit: "ms", values: { copydesk: figure(values) }, ...extra });
      add("main reads, checks, rebuilds versions", main);
      add("renderer builds, first frame", render);
      add("total", main.map((v, i) => v + render[i]));
    }
  } finally {
    await context.close();
    await rm(folder, { recursive: true, force: true });
  }
  return rows;
}

/// Comparing the desk edit of a 1,000-paragraph story with the original (what History's redline
/// and "Compare with File…" run), beside the story compared with itself: median and p95 of 10
/// compares a run, each figure over the runs.
export function compareVersions(runs: number): Row[] {
  const { older, newer } = deskEditPair();
  const pairs: [string, Article, Article][] = [
    ["compare two 1,000-paragraph versions (a desk edit)", older, newer],
    ["compare the 1,000-paragraph story with itself", older, older],
  ];
  const rows: Row[] = [];
  for (const [name, a, b] of pairs) {
    compareArticles(a, b);
    const medians: number[] = [];
    const p95s: number[] = [];
    for (let r = 0; r < runs; r++) {
      const times: number[] = [];
      for (let i = 0; i < 10; i++) {
        const start = performance.now();
        compareArticles(a, b);
        times.push(performance.now() - start);
      }
      medians.push(quantile(times, 0.5));
      p95s.push(quantile(times, 0.95));
    }
    rows.push({ section, name: `${name}, median`, unit: "ms", values: { copydesk: figure(medians) } });
    rows.push({ section, name: `${name}, p95`, unit: "ms", values: { copydesk: figure(p95s) } });
  }
  return rows;
}

/// How many paragraphs the story under review has, and what is open in it.
export const underReview = { paragraphs: 1000, suggestions: 200, notes: 50 };

/// The budget of a key in suggest mode: one frame.
const frameMs = 16;

/// Turns suggest mode on in a Copydesk page, as a journalist does (its shortcut), and waits until the window says it is on.
async function suggestMode(page: Page): Promise<void> {
  await page.locator(".article-editor .body").first().click();
  await page.keyboard.press("Control+Alt+Shift+S");
  // The window's own sign (its class on the body, which the suggestion styles read).
  await page.locator("body.suggesting").waitFor({ state: "attached" });
}

/// Whether the first burst typed is in the article as a suggested insertion.
function typedAsSuggestions(page: Page): Promise<boolean> {
  return page.evaluate((typed) => [...document.querySelectorAll(".article-editor ins.suggest-ins")].some((ins) => ins.textContent!.includes(typed)), bursts[0].slice(0, 20));
}

/// Typing at 1,000 paragraphs in the story under review (200 open suggestions, 50 notes): in suggest
/// mode, and editing as usual, beside normal typing in the same story without its review.
export async function typingUnderReview(browser: Browser, server: BenchServer, runs: number): Promise<Row[]> {
  const { paragraphs, suggestions, notes } = underReview;
  const reviewed = reviewedArticle(paragraphs, { suggestions, notes });
  const results = await typingAtSize(browser, server, paragraphs, runs, {
    editors: ["copydesk", "reviewed", "suggesting"],
    article: (editor) => (editor === "copydesk" ? generatedArticle(paragraphs) : reviewed),
    prepare: (editor, page) => (editor === "suggesting" ? suggestMode(page) : Promise.resolve()),
    typedAsMeant: async (editor, page) => (editor === "suggesting" ? typedAsSuggestions(page) : true),
  });
  const keys = results.copydesk[0].keys.length;
  const typing = `Typing under review, ${paragraphs.toLocaleString("en")} paragraphs, ${suggestions} open suggestions and ${notes} notes (per key, ${keys} keys a run)`;
  const perRun = (f: (run: TypingRun) => number) =>
    Object.fromEntries((Object.keys(results) as EditorName[]).map((e) => [e, figure(results[e].map(f))])) as Partial<Record<EditorName, Figure>>;
  const rows: Row[] = [];
  const add = (name: string, values: Partial<Record<EditorName, Figure>>, extra: Partial<Row> = {}) => rows.push({ section: typing, name, unit: "ms", values, compare: true, ...extra });
  add("keydown → DOM updated, median", perRun((run) => keyLatency(run, "dom", 0.5)));
  const domP95 = perRun((run) => keyLatency(run, "dom", 0.95));
  add("keydown → DOM updated, p95", domP95, { target: `suggesting < ${frameMs} ms (idle machine)`, met: domP95.suggesting!.median < frameMs });
  add("keydown → next frame, median", perRun((run) => keyLatency(run, "frame", 0.5)));
  add("keydown → next frame, p95", perRun((run) => keyLatency(run, "frame", 0.95)));
  add("main-thread time per key, all", perRun((run) => run.cpuPerKey.total));
  for (const kind of ["script", "style", "layout", "paint", "other"] as const) add(`  … ${kind}`, perRun((run) => run.cpuPerKey[kind]));
  const tasks = perRun((run) => run.longTasksTyping.length);
  rows.push({ section: typing, name: "long tasks > 50 ms while typing", unit: "tasks", values: tasks });
  return rows;
}
