import { writeFile } from "node:fs/promises";
import { cpus, loadavg, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { buildPages, compareWithBuild, editors, launchBrowser, openEditor, startServer, type EditorName } from "./browser";
import { commandLine } from "./command-line";
import { desk } from "./desk";
import { exports, openAndSave } from "./documents";
import { baselineBundle, rendererBundle } from "./footprint";
import { formatTable, type Report, type Row } from "./report";
import { figure, quantile, type Figure } from "./stats";
import { compareVersions, openWithVersions, typingUnderReview } from "./review";
import { generatedArticle } from "./support/articles";
import { keyLatency, typingAtSize, type TypingRun } from "./typing";

// `npm run bench`: Copydesk beside bare ProseMirror and Tiptap in one Debian Chromium, then
// documents, the command line and the footprint; one table on stdout, the same as JSON with
// `-- --json FILE`. A benchmark, not a test: nothing here fails on a slow figure.
//
// Options (for working on one part): --only typing,documents,exports,cli,footprint,review,desk;
// --sizes 300,1000,5000; --runs 3; --before DIR adds an earlier build of the renderer (an
// out/renderer folder) as a fourth editor, typed in turn with the others.

const { values: options } = parseArgs({
  options: {
    json: { type: "string" },
    only: { type: "string" },
    sizes: { type: "string", default: "300,1000,5000" },
    runs: { type: "string", default: "3" },
    before: { type: "string" },
  },
});
if (options.before) compareWithBuild(options.before);
const parts = new Set((options.only ?? "typing,footprint,documents,review,exports,cli,desk").split(","));
const sizes = options.sizes!.split(",").map(Number);
const runs = Math.max(1, Number(options.runs));
const started = Date.now();
const log = (line: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)} s] ${line}\n`);

const rows: Row[] = [];
const all = <T>(f: (editor: EditorName) => T) => Object.fromEntries(editors.map((e) => [e, f(e)])) as Record<EditorName, T>;
const within = (copydesk: Figure, prosemirror: Figure, tiptap: Figure) => copydesk.median <= 1.1 * prosemirror.median && copydesk.median < tiptap.median;
const compareTarget = "≤ 1.1× ProseMirror and < Tiptap";

/// The typing rows of one size.
function typingRows(paragraphs: number, results: Record<EditorName, TypingRun[]>): void {
  const section = `Typing, ${paragraphs.toLocaleString("en")} paragraphs (per key, ${results.copydesk[0].keys.length} keys a run)`;
  const perRun = (f: (run: TypingRun) => number) => all((e) => figure(results[e].map(f)));
  const latency = (pick: (k: TypingRun["keys"][number]) => number | null, q: number) => (run: TypingRun) =>
    quantile(run.keys.map((k) => pick(k) ?? NaN), q);
  const add = (name: string, unit: Row["unit"], values: Partial<Record<EditorName, Figure>>, extra: Partial<Row> = {}) =>
    rows.push({ section, name, unit, values, compare: true, ...extra });

  // Event Timing reports only events of 16 ms or more: a key without an entry counts as 0 (shown "< 16").
  const event = (k: TypingRun["keys"][number]) => k.eventDuration ?? 0;
  add("keydown → DOM updated, median", "ms", perRun((run) => keyLatency(run, "dom", 0.5)));
  const domP95 = perRun((run) => keyLatency(run, "dom", 0.95));
  add("keydown → DOM updated, p95", "ms", domP95, paragraphs === 1000 ? { target: "< 16.7 ms (idle machine)", met: domP95.copydesk.median < 16.7 } : {});
  add("keydown → next frame, median", "ms", perRun((run) => keyLatency(run, "frame", 0.5)));
  const frameP95 = perRun((run) => keyLatency(run, "frame", 0.95));
  add("keydown → next frame, p95", "ms", frameP95, { target: compareTarget, met: within(frameP95.copydesk, frameP95.prosemirror, frameP95.tiptap) });
  if (paragraphs === 1000 && frameP95.unchecked) {
    // The house-style and spelling checks' cost: the same renderer with Check as You Type off.
    const checks = { copydesk: frameP95.copydesk, unchecked: frameP95.unchecked };
    add("  … checks on beside checks off", "ms", checks, { compare: false, target: "≤ 1.1× checks off", met: checks.copydesk.median <= 1.1 * checks.unchecked.median });
  }
  add("Event Timing duration, median (0 = under 16)", "ms", perRun(latency(event, 0.5)));
  add("Event Timing duration, p95 (0 = under 16)", "ms", perRun(latency(event, 0.95)));
  const cpu = perRun((run) => run.cpuPerKey.total);
  add("main-thread time per key, all", "ms", cpu, { target: compareTarget, met: within(cpu.copydesk, cpu.prosemirror, cpu.tiptap) });
  for (const kind of ["script", "style", "layout", "paint", "other"] as const) add(`  … ${kind}`, "ms", perRun((run) => run.cpuPerKey[kind]));
  const longest = (tasks: { duration: number }[]) => Math.max(0, ...tasks.map((t) => t.duration));
  const typingTasks = perRun((run) => run.longTasksTyping.length);
  add("long tasks > 50 ms while typing", "tasks", typingTasks, { compare: false, target: "0", met: typingTasks.copydesk.max === 0 });
  add("  … the longest", "ms", perRun((run) => longest(run.longTasksTyping)), { compare: false });
  const pauseTasks = perRun((run) => run.longTasksPauses.length);
  add("long tasks > 50 ms in the pauses", "tasks", pauseTasks, { compare: false, target: "0", met: pauseTasks.copydesk.max === 0 });
  add("  … the longest", "ms", perRun((run) => longest(run.longTasksPauses)), { compare: false });
}

/// Runs one part; a part that fails is reported and the others still run.
async function part(name: string, body: () => Promise<void>): Promise<void> {
  if (!parts.has(name)) return;
  log(name);
  try {
    await body();
  } catch (e) {
    log(`${name} failed: ${(e as Error).stack ?? String(e)}`);
    process.exitCode = 1;
  }
}

async function main(): Promise<void> {
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, load average ${loadavg()[0].toFixed(1)} at start`;
  await buildPages();
  const server = await startServer();
  const browser = await launchBrowser();
  const chromium = browser.version();
  const loads: Partial<Record<number, Record<EditorName, Figure>>> = {};
  const memory: Partial<Record<EditorName, { heapMB: number; domNodes: number }>> = {};
  try {
    await part("typing", async () => {
      for (const paragraphs of sizes) {
        log(`typing at ${paragraphs} paragraphs`);
        const results = await typingAtSize(browser, server, paragraphs, runs);
        typingRows(paragraphs, results);
        loads[paragraphs] = all((e) => figure([results[e][0].editableMs]));
        if (paragraphs === Math.max(...sizes)) for (const e of editors) memory[e] = { heapMB: results[e][0].heapMB, domNodes: results[e][0].domNodes };
      }
    });
    await part("footprint", async () => {
      const section = "Footprint";
      const renderer = await rendererBundle();
      const pm = await baselineBundle("prosemirror");
      const tiptap = await baselineBundle("tiptap");
      const one = (v: number) => figure([v]);
      rows.push({
        section,
        name: "bundle the first frame loads, minified + gzipped",
        unit: "KB",
        values: { copydesk: one(renderer.initialKB), prosemirror: one(pm.initialKB), tiptap: one(tiptap.initialKB) },
        compare: true,
        target: "< 150 KB",
        met: renderer.initialKB < 150,
      });
      rows.push({ section, name: "  … minified, not gzipped", unit: "KB", values: { copydesk: one(renderer.initialRawKB), prosemirror: one(pm.initialRawKB), tiptap: one(tiptap.initialRawKB) }, compare: true });
      rows.push({ section, name: "  … loaded on demand (dialogs, export…), gzipped", unit: "KB", values: { copydesk: one(renderer.lazyKB) } });
      if (options.before) {
        const before = await rendererBundle(options.before);
        rows[rows.length - 3].values.before = one(before.initialKB);
        rows[rows.length - 2].values.before = one(before.initialRawKB);
        rows[rows.length - 1].values.before = one(before.lazyKB);
      }
      // Load → editable at 300 paragraphs: fresh pages, `runs` times each.
      server.setArticle(generatedArticle(300));
      const editable = all<number[]>(() => []);
      for (let r = 0; r < runs; r++) {
        for (const editor of editors) {
          const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
          editable[editor].push((await openEditor(context, server, editor)).editableMs);
          await context.close();
        }
      }
      const at300 = all((e) => figure(editable[e]));
      rows.push({ section, name: "load → editable, 300 paragraphs", unit: "ms", values: at300, compare: true, target: "< 300 ms", met: at300.copydesk.median < 300 });
      for (const [paragraphs, values] of Object.entries(loads)) {
        if (Number(paragraphs) !== 300) rows.push({ section, name: `load → editable, ${Number(paragraphs).toLocaleString("en")} paragraphs (one load)`, unit: "ms", values: values!, compare: true });
      }
      if (memory.copydesk) {
        const biggest = Math.max(...sizes).toLocaleString("en");
        rows.push({ section, name: `JS heap after loading ${biggest} paragraphs`, unit: "MB", values: all((e) => one(memory[e]!.heapMB)), compare: true });
        rows.push({ section, name: `DOM nodes after loading ${biggest} paragraphs`, unit: "nodes", values: all((e) => one(memory[e]!.domNodes)), compare: true });
      }
    });
    await part("documents", async () => {
      const figures = await openAndSave(browser, server, runs);
      for (const [name, value] of Object.entries(figures)) {
        const target = name.startsWith("open 1 MB (") && name.endsWith("total") ? { target: "< 200 ms", met: value.median < 200 } : name.startsWith("save 1 MB (") && name.endsWith("total") ? { target: "< 100 ms", met: value.median < 100 } : {};
        rows.push({ section: "Documents (Copydesk: main process and renderer)", name, unit: "ms", values: { copydesk: value }, ...target });
      }
    });
    await part("review", async () => {
      rows.push(...(await openWithVersions(browser, server, runs)));
      rows.push(...compareVersions(runs));
      log("typing under review");
      rows.push(...(await typingUnderReview(browser, server, runs)));
    });
  } finally {
    await browser.close();
    await server.close();
  }
  await part("exports", async () => {
    for (const [name, value] of Object.entries(await exports(runs))) {
      const target = name.endsWith("reference article") ? { target: "< 10 ms", met: value.median < 10 } : {};
      rows.push({ section: "Exports (in process)", name, unit: "ms", values: { copydesk: value }, ...target });
    }
  });
  await part("cli", async () => {
    for (const [name, value] of Object.entries(await commandLine({ runs }))) {
      const target = name === "copydesk --version" || name === "copydesk validate small.article" ? { target: "< 150 ms", met: value.median < 150 } : {};
      rows.push({ section: "Command line (wall time)", name, unit: "ms", values: { copydesk: value }, ...target });
    }
  });
  await part("desk", async () => {
    rows.push(...(await desk({ runs })));
  });
  const report: Report = {
    command: "npm run bench",
    date: new Date().toISOString(),
    machine: `${machine}; Chromium ${chromium} (headless, software rendering)`,
    durationS: Math.round((Date.now() - started) / 1000),
    rows,
  };
  log(`done in ${report.durationS} s`);
  process.stdout.write(`Copydesk benchmark, ${report.date}\n${report.machine}\nEach figure: median of ${runs} runs (range of the runs in brackets).\n\n${formatTable(report)}\n`);
  if (options.json) await writeFile(options.json, `${JSON.stringify(report, null, 2)}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
