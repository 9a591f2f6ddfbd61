import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { articleToJSON } from "../../../shared/article";
import { parseArticleFile, serializeArticle } from "../../../shared/article-file";
import { channels, type Channel, type IpcResult } from "../../../shared/ipc";
import { fuzzSeed } from "../../support/fuzz";
import { fuzzRequests, type FuzzRequest, type PayloadContext } from "../../support/ipc-payloads";
import { pngBase64 } from "../../support/hostile-html";
import { longRun, rounds, timeoutFor } from "../../support/long-tests";
import { seedArticlePath } from "../../support/seed-article";
import { article } from "../../unit/services/helpers";
import { expect, test } from "../support/fixtures";
import type { Copydesk } from "../support/copydesk";

// Random requests on every IPC channel, sent by the page through `window.copydesk.invoke` as a
// compromised renderer would (test/support/ipc-payloads.ts): any JSON, wrong types, and requests
// built from each channel's contract with real handles and tokens, then changed (fields removed,
// retyped, added, oversized, nested too deep, paths outside the test's folder). At least 2,000 per
// channel under `npm run test:long`, fewer in `npm test`. Each answers a typed error or a correct
// result: no exception escapes, no request hangs, the host keeps answering, and nothing is written
// outside the test's folder. Dialogs are answered by nobody (cancelled), so requests that would
// ask stop there; the export folder main remembered (inside the test's folder) is the one token
// that lets an export write.

const perChannel = rounds(25, 2000);
/// Requests per channel in one round trip to the page (with 20, 480 requests at once, the page was closed under the test).
const perBatch = 5;
/// Longest a request may take before it counts as hung: generous, for a busy machine.
const hangMs = 60_000;
const errorCodes = ["invalid-request", "invalid-article", "unknown-channel", "unknown-document", "not-found", "io", "conflict"];

type Answer = IpcResult<unknown> | { hung: true } | { threw: string };

/// What is in a folder: each file's path and a hash of its bytes, each folder's path.
function snapshot(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  const stack = [dir];
  while (stack.length > 0) {
    const at = stack.pop()!;
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      const info = statSync(path);
      if (info.isDirectory()) {
        found[`${relative(dir, path)}/`] = "folder";
        stack.push(path);
      } else found[relative(dir, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  }
  return found;
}

/// The entries of shared folders (the temporary folder, home, the project) whose names carry `marker`.
function marked(folders: string[], marker: string): string[] {
  return folders.flatMap((folder) => readdirSync(folder).filter((name) => name.includes(marker)).map((name) => join(folder, name)));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/// Why a successful answer is not a correct result for its channel, or null.
function resultProblem(channel: Channel, value: unknown, inside: (path: unknown) => boolean): string | null {
  const opened = (v: unknown) => isObject(v) && typeof v.handle === "string" && isObject(v.article) && (v.path === null || inside(v.path));
  const compared = (v: unknown) => isObject(v) && typeof v.title === "string" && isObject(v.meta) && isObject(v.doc);
  const settings = (v: unknown) => isObject(v) && ["system", "light", "dark"].includes(v.theme as string) && Array.isArray(v.exportFormats) && (v.styleGuideFolder === null || inside(v.styleGuideFolder));
  const templates = (v: unknown) =>
    isObject(v) && (v.folder === null || inside(v.folder)) && Array.isArray(v.templates) && v.templates.every((t) => isObject(t) && typeof t.id === "string" && Array.isArray(t.problems));
  const desk = (v: unknown) => isObject(v) && typeof v.desk === "string" && inside(v.path) && Array.isArray(v.stories);
  const ok: Record<Channel, (v: unknown) => boolean> = {
    "document:new": (v) => opened(v) && (v as { path: unknown }).path === null,
    "document:open": (v) => v === null || opened(v),
    "document:save": (v) => v === null || (isObject(v) && inside(v.path) && isObject(v.meta)),
    "document:save-as": (v) => v === null || (isObject(v) && inside(v.path) && isObject(v.meta)),
    "document:state": (v) => v === null,
    "document:snapshot": (v) => v === null,
    "document:close": (v) => v === null,
    "document:reload": opened,
    "document:disk-version": compared,
    "review:compare-file": (v) => v === null || compared(v),
    "document:import": (v) => v === null || opened(v),
    "template:list": templates,
    "template:new": (v) => opened(v) && (v as { path: unknown }).path === null,
    "template:choose-folder": templates,
    "export:run": (v) =>
      v === null ||
      (isObject(v) && Array.isArray(v.files) && v.files.every(inside)) ||
      (isObject(v) && Array.isArray(v.existing) && v.existing.every((name) => typeof name === "string" && !/[\\/]/.test(name)) && typeof v.folder === "string"),
    "export:show-in-folder": (v) => v === null,
    "recovery:list": (v) => Array.isArray(v) && v.every((e) => isObject(e) && typeof e.id === "string"),
    "recovery:restore": opened,
    "recovery:discard": (v) => v === null,
    "recent:list": (v) => Array.isArray(v) && v.every((e) => isObject(e) && inside(e.path) && typeof e.id === "string"),
    "recent:clear": (v) => v === null,
    "settings:get": settings,
    "settings:set": settings,
    "app:info": (v) => isObject(v) && typeof v.name === "string" && typeof v.version === "string",
    "asset:choose-image": (v) => v === null,
    "asset:add": (v) => isObject(v) && /^[0-9a-f]{64}$/.test(String(v.key)) && typeof v.data === "string",
    "link:open": (v) => v === null,
    "style:choose-guide-folder": settings,
    "style:guide": (v) => isObject(v) && Array.isArray(v.files) && Array.isArray(v.errors),
    "desk:open": (v) => v === null || desk(v),
    "desk:stories": desk,
    "desk:search": (v) => isObject(v) && Array.isArray(v.ids),
    "desk:open-story": (v) => v === null || opened(v),
    "desk:close": (v) => v === null,
    "newsroom:stories": (v) => Array.isArray(v),
  };
  return ok[channel](value) ? null : `not a correct ${channel} result`;
}

/// Why an answer is neither a typed error nor a correct result, or null.
function answerProblem(channel: Channel, answer: Answer, inside: (path: unknown) => boolean): string | null {
  if ("hung" in answer) return `no answer in ${hangMs / 1000} s`;
  if ("threw" in answer) return `the request threw: ${answer.threw}`;
  if (answer.ok === true) return resultProblem(channel, answer.value, inside);
  if (answer.ok !== false || !isObject(answer.error)) return "not an IpcResult";
  const { code, message, details } = answer.error;
  if (!errorCodes.includes(code)) return `error code ${String(code)} (a handler threw, or the answer is untyped)`;
  if (typeof message !== "string" || message.trim() === "" || /undefined|\[object Object\]|\n\s+at /.test(message)) return "the error has no readable message";
  if (details !== undefined && !(Array.isArray(details) && details.every((d) => typeof d === "string" && d.trim() !== "" && !/\[object Object\]|\n\s+at /.test(d)))) {
    return "the error's details are not readable";
  }
  return null;
}

/// Sends requests from the page, four at a time (the page's own answers to main, such as the article
/// for a recovery copy, need a free connection too), each answered, refused, or marked hung or thrown.
/// They cross into the page as JSON text (Playwright's own serializer recurses, and requests nest
/// 3,000 deep), as the bridge sends them on.
async function sendAll(copydesk: Copydesk, requests: FuzzRequest[]): Promise<Answer[]> {
  return copydesk.page.evaluate(
    async ({ json, hangMs }) => {
      const queue = (JSON.parse(json) as FuzzRequest[]).map((request, index) => ({ ...request, index }));
      const answers: unknown[] = [];
      const send = async ({ channel, payload }: FuzzRequest) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const hung = new Promise<{ hung: true }>((ok) => (timer = setTimeout(() => ok({ hung: true }), hangMs)));
        try {
          return await Promise.race([window.copydesk.invoke(channel, payload as never), hung]);
        } catch (e) {
          return { threw: String((e as Error)?.stack ?? e) };
        } finally {
          clearTimeout(timer);
        }
      };
      const sender = async () => {
        for (let next = queue.shift(); next; next = queue.shift()) answers[next.index] = await send(next);
      };
      await Promise.all([sender(), sender(), sender(), sender()]);
      return answers;
    },
    { json: JSON.stringify(requests), hangMs },
  ) as Promise<Answer[]>;
}

/// One request from the page, expected to succeed.
async function invoke<T>(copydesk: Copydesk, channel: Channel, payload: unknown): Promise<T> {
  const [answer] = await sendAll(copydesk, [{ channel, payload }]);
  if (!("ok" in answer) || !answer.ok) throw new Error(`${channel} failed: ${JSON.stringify(answer).slice(0, 500)}`);
  return answer.value as T;
}

test("every channel answers random requests with a typed error or a correct result, and nothing is written outside the test's folder", async ({ copydesk, workDir }) => {
  const total = perChannel * channels.length;
  // Room for a busy machine, and for a hung request to be reported as one.
  test.setTimeout(timeoutFor(total, 150) + hangMs);
  const seed = fuzzSeed("IPC requests per channel");
  const marker = `ipc-fuzz-${seed}`;

  // The test's own folders: a document's file, where exports go; and a folder nothing may touch.
  const docs = join(workDir, "docs");
  const exports = join(workDir, "exports");
  const elsewhere = join(workDir, "elsewhere");
  for (const dir of [docs, exports, elsewhere]) mkdirSync(dir);
  const docFile = join(docs, "story.article");
  writeFileSync(docFile, serializeArticle(article("The story the fuzz may save", "Words")));
  const victim = join(elsewhere, "victim.article");
  writeFileSync(victim, serializeArticle(article("Someone else's story")));
  writeFileSync(join(elsewhere, "page.html"), "<h1>Imported without asking</h1>");
  const inside = (path: unknown) => typeof path === "string" && (path.startsWith(docs + sep) || path.startsWith(exports + sep) || path === exports);
  const shared = [tmpdir(), homedir(), dirname(workDir), process.cwd(), "/"];
  const elsewhereBefore = snapshot(elsewhere);
  expect(marked(shared, marker)).toEqual([]);

  const seedFile = parseArticleFile(readFileSync(seedArticlePath));
  if (!seedFile.ok) throw new Error("the reference article does not open");
  const current = await copydesk.documentJson();
  const articles = [{ meta: current.meta, doc: current.doc }, articleToJSON(seedFile.article) as unknown as Record<string, unknown>];
  const outsidePaths = [
    victim,
    elsewhere,
    join(elsewhere, marker),
    join(tmpdir(), marker),
    join(homedir(), `${marker}.article`),
    `../../${marker}`,
    `../${marker}.article`,
    `${workDir}/user-data/../../${marker}`,
    `file://${victim}`,
    `~/${marker}`,
    `C:\\${marker}`,
    `\\\\server\\share\\${marker}`,
    "/dev/zero",
    "/proc/self/environ",
    "/etc/passwd",
  ];

  // The export folder main remembers, chosen in its dialog: inside the test's folder.
  const first = await invoke<{ handle: string }>(copydesk, "document:new", {});
  await copydesk.target.answerDialogs({ kind: "folder", path: exports });
  await invoke(copydesk, "export:run", { handle: first.handle, article: articles[1], formats: ["txt"] });

  /// Names the next batch may use: new untitled documents, the document with a file (opened again if a request closed it), tokens, recovery copies.
  let fileHandle: string | null = null;
  async function context(): Promise<PayloadContext> {
    const untitled = [await invoke<{ handle: string }>(copydesk, "document:new", {}), await invoke<{ handle: string }>(copydesk, "document:new", {})];
    const [still] = fileHandle ? await sendAll(copydesk, [{ channel: "document:state", payload: { handle: fileHandle, revision: 0, edited: false } }]) : [null];
    if (!still || !("ok" in still) || !still.ok) {
      await copydesk.target.answerDialogs({ kind: "open", path: docFile });
      fileHandle = (await invoke<{ handle: string } | null>(copydesk, "document:open", {}))?.handle ?? null;
    }
    const recent = await invoke<{ id: string }[]>(copydesk, "recent:list", {});
    const settings = await invoke<{ exportFolder: { token: string } | null }>(copydesk, "settings:get", {});
    const recovery = await invoke<{ id: string }[]>(copydesk, "recovery:list", {});
    const templates = await invoke<{ templates: { id: string }[] }>(copydesk, "template:list", {});
    return {
      handles: [...untitled.map((d) => d.handle), ...(fileHandle ? [fileHandle] : [])],
      tokens: [...recent.map((r) => r.id), ...(settings.exportFolder ? [settings.exportFolder.token] : []), ...templates.templates.slice(0, 2).map((t) => t.id)],
      recoveryIds: recovery.map((r) => r.id),
      articles,
      outsidePaths,
      imageBase64: pngBase64,
    };
  }

  const tally = new Map<Channel, Map<string, number>>(channels.map((c) => [c, new Map()]));
  for (let batch = 0; batch * perBatch < perChannel; batch++) {
    const count = Math.min(perBatch, perChannel - batch * perBatch);
    const requests = fuzzRequests(channels, count, await context(), seed + batch * channels.length);
    const answers = await sendAll(copydesk, requests);
    const failures = requests.flatMap((request, i) => {
      const answer = answers[i];
      const outcome = "ok" in answer ? (answer.ok ? "ok" : answer.error?.code) : "broken";
      const counts = tally.get(request.channel)!;
      counts.set(String(outcome), (counts.get(String(outcome)) ?? 0) + 1);
      const problem = answerProblem(request.channel, answer, inside);
      const shown = (v: unknown) => (JSON.stringify(v) ?? String(v)).slice(0, 400);
      return problem ? [`${request.channel} ${shown(request.payload)}: ${problem}: ${shown(answer)}`] : [];
    });
    expect(failures, `batch ${batch} (seed ${seed}; replay with COPYDESK_FUZZ_SEED=${seed})`).toEqual([]);
    if (longRun && batch % 40 === 39) console.log(`fuzz IPC: ${(batch + 1) * perBatch} requests per channel answered`);
  }
  for (const [channel, counts] of tally) console.log(`fuzz ${channel}: ${[...counts].map(([outcome, n]) => `${n} ${outcome}`).join(", ")}`);

  // The host still answers, and nothing was written where the page named.
  expect(await invoke(copydesk, "app:info", {})).toMatchObject({ name: "Copydesk" });
  expect(snapshot(elsewhere)).toEqual(elsewhereBefore);
  expect(marked(shared, marker)).toEqual([]);
  expect(readdirSync(workDir).sort()).toEqual(["docs", "elsewhere", "exports", "user-data"]);
  expect(readdirSync(docs).filter((name) => !name.endsWith(".article"))).toEqual([]);
  expect(Object.keys(snapshot(exports)).every((name) => !name.includes(sep) && !name.endsWith("/"))).toBe(true);
});
