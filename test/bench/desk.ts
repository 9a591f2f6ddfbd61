import { readFile, mkdir, mkdtemp, rm, stat, writeFile, rename } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { articleStatuses, type ArticleJSON } from "../../shared/article";
import { articleFromJSON, serializeArticle } from "../../shared/article-file";
import { filterStories, sortStories } from "../../shared/desk/desk-list";
import { DeskFolder } from "../../electron/services/desk-folder";
import { DeskIndex } from "../../electron/services/desk-index";
import { builtDeskWorker, workerDesk } from "../../electron/services/desk-runner";
import { repoRoot } from "../e2e/support/targets";
import type { Row } from "./report";
import { figure, median, timeRuns } from "./stats";
import { generatedArticle } from "./support/articles";

// The desk over a folder of 5,000 generated stories (3 to 12 paragraphs each, a tenth in
// subfolders): reading them all the first time (in-process and in the app's worker thread), looking
// again when nothing changed, the full-text search, sorting and filtering the list, and how long a
// story another program saves takes to reach the list. Reading and looking again are beside what
// they cannot be faster than: reading the files' bytes, and stat'ing them.

const reporters = ["Amira Haddad", "Tom Reyes", "Jo Bloggs", "Li Wei", "Sara Novak"];

/// An article file's text.
function fileText(json: ArticleJSON): string {
  const result = articleFromJSON(json);
  if (!result.ok) throw new Error(result.errors.join("; "));
  return serializeArticle(result.article);
}

/// Writes `count` stories into a new folder; answers the folder.
async function storyFolder(count: number): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "copydesk-bench-desk-"));
  for (let i = 0; i < count; i++) {
    const json = generatedArticle(3 + (i % 10), { seed: 5000 + i });
    json.meta = {
      ...json.meta,
      id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      status: articleStatuses[i % articleStatuses.length],
      urgency: (i % 9) + 1,
      updated: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
      authors: [{ name: reporters[i % reporters.length], role: "writer", jobTitle: "", email: "" }],
    };
    const dir = i % 10 === 0 ? join(folder, `section-${i % 7}`) : folder;
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `story-${i}.article`), fileText(json));
  }
  return folder;
}

/// The desk's rows, by name.
export async function desk(options: { stories?: number; runs?: number } = {}): Promise<Row[]> {
  const { stories = 5000, runs = 3 } = options;
  const section = `Desk, ${stories.toLocaleString("en")} stories (main process, no window)`;
  const rows: Row[] = [];
  const add = (name: string, values: number[] | ReturnType<typeof figure>, extra: Partial<Row> = {}) =>
    rows.push({ section, name, unit: "ms", values: { copydesk: Array.isArray(values) ? figure(values) : values }, ...extra });
  const folder = await storyFolder(stories);
  try {
    const first = new DeskIndex(folder);
    await first.scan();
    const paths = first.stories().map((s) => first.pathOf(s.id));
    if (paths.length !== stories || first.stories().some((s) => s.problem)) throw new Error("the generated stories were not all read");

    add("read every file's bytes, nothing else (baseline)", await timeRuns(() => Promise.all(paths.map((p) => readFile(p))), { runs, warmup: 0 }));
    add("index the folder the first time, in-process", await timeRuns(() => new DeskIndex(folder).scan(), { runs, warmup: 0 }));
    const script = builtDeskWorker(join(repoRoot, "out", "main"));
    if (script) {
      const times: number[] = [];
      for (let r = 0; r < runs; r++) {
        const start = performance.now();
        const runner = workerDesk(script, folder, { change: () => undefined, progress: () => undefined, failed: () => undefined });
        await runner.ready;
        times.push(performance.now() - start);
        await runner.close();
      }
      add("  … in the app's worker thread, with its watcher", times);
    }
    add("stat every file (baseline)", await timeRuns(() => Promise.all(paths.map((p) => stat(p))), { runs, warmup: 0 }));
    add("look again, nothing changed (nothing read)", await timeRuns(() => first.scan(), { runs, warmup: 0 }));

    const queries = ["minister", "ceasefire talks resume", "zzzz-not-there", "the"];
    const perQuery = (search: (q: string) => unknown) => async () => {
      for (const q of queries) await search(q);
    };
    const searches = await timeRuns(perQuery((q) => first.search(q)), { runs, repeat: 5 });
    add(`full-text search, per query (${queries.length} queries), in-process`, figure(searches.runs.map((ms) => ms / queries.length)), {
      target: "< 200 ms",
      met: searches.median / queries.length < 200,
    });
    if (script) {
      const runner = workerDesk(script, folder, { change: () => undefined, progress: () => undefined, failed: () => undefined });
      await runner.ready;
      const round = await timeRuns(perQuery((q) => runner.search(q)), { runs, repeat: 5 });
      await runner.close();
      add("  … asked of the worker thread, as the window asks", figure(round.runs.map((ms) => ms / queries.length)), { target: "< 200 ms", met: round.median / queries.length < 200 });
    }
    const list = first.stories();
    add("sort the list by headline, then filter it to one status", await timeRuns(() => filterStories(sortStories(list, "headline", "ascending"), { status: "filed" }), { runs, repeat: 5 }));

    // A story saved by another program: written beside, renamed into place, until the desk reports it.
    const pickups: number[] = [];
    let seen: ((id: string) => void) | null = null;
    const watched = new DeskFolder(folder, { change: (c) => c.changed.forEach((s) => seen?.(s.id)), progress: () => undefined, failed: () => undefined }, { rescanMs: 0 });
    await watched.start();
    for (let r = 0; r < Math.max(runs, 5); r++) {
      const id = `late-${r}.article`;
      const arrived = new Promise<void>((resolve) => (seen = (got) => got === id && resolve()));
      const start = performance.now();
      await writeFile(join(folder, `${id}.tmp`), fileText(generatedArticle(5, { seed: r })));
      await rename(join(folder, `${id}.tmp`), join(folder, id));
      await arrived;
      pickups.push(performance.now() - start);
    }
    await watched.close();
    add("a story saved into the folder → on the list", pickups, { target: "< 2,000 ms", met: median(pickups) < 2000 });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  return rows;
}
