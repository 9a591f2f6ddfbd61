import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { runLoad, type LoadResult } from "./server-load";

// `npm run bench:server`: the newsroom server under a bounded load on loopback. Simulated
// journalists (the real provider, in this process) on 50 stories, 4 to a story, each typing 3
// characters a second for 60 s: against one instance, then two sharing the stories through Redis.
// Then a search for how many clients one instance holds with edits reaching the others within
// 100 ms at the 95th percentile. One Markdown table on stdout (the same as JSON with --json FILE).
// A benchmark, not a test: nothing fails on a slow figure.
//
// Options: --seconds 60, --stories 50, --per-story 4, --rate 3, --search-seconds 20,
// --search 40,80,…,1000 (clients, in steps; "none" skips the search), --only one,two,search.

const { values: options } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    stories: { type: "string", default: "50" },
    "per-story": { type: "string", default: "4" },
    rate: { type: "string", default: "3" },
    "search-seconds": { type: "string", default: "20" },
    search: { type: "string", default: "40,80,120,160,200,300,400,600,800,1000" },
    only: { type: "string", default: "one,two,search" },
    json: { type: "string" },
  },
});
const seconds = Number(options.seconds);
const stories = Number(options.stories);
const perStory = Number(options["per-story"]);
const rate = Number(options.rate);
const parts = new Set(options.only!.split(","));
const repo = resolve(import.meta.dirname, "../..");
const bin = join(repo, "bin", "copydesk.cjs");
const started = Date.now();
const log = (line: string) => process.stderr.write(`[bench:server ${((Date.now() - started) / 1000).toFixed(0)} s] ${line}\n`);

interface Proc {
  child: ChildProcess;
  output: string;
}

async function start(command: string, args: string[], ready: RegExp): Promise<Proc & { match: RegExpMatchArray }> {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
  const proc: Proc = { child, output: "" };
  child.stdout!.on("data", (c: Buffer) => (proc.output = (proc.output + c.toString()).slice(-20_000)));
  child.stderr!.on("data", (c: Buffer) => (proc.output = (proc.output + c.toString()).slice(-20_000)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const match = ready.exec(proc.output);
    if (match) return { ...proc, match };
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${command} did not start:\n${proc.output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function stop(proc: Proc): Promise<void> {
  if (proc.child.exitCode !== null) return;
  const exited = new Promise((r) => proc.child.once("exit", r));
  proc.child.kill("SIGTERM");
  await exited;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

const startServer = async (dataDir: string, extra: string[] = []) => {
  const proc = await start(process.execPath, [bin, "server", "--data", dataDir, "--port", "0", ...extra], /listening on (ws:\/\/\S+)/);
  return { ...proc, url: proc.match[1] };
};

interface Line {
  name: string;
  result: LoadResult;
}
const lines: Line[] = [];

async function scenario(name: string, instances: 1 | 2, clients: { stories: number; perStory: number; seconds: number }): Promise<LoadResult> {
  const dataDir = await mkdtemp(join(tmpdir(), "copydesk-bench-server-"));
  const token = execFileSync(process.execPath, [bin, "server", "add-user", "Bench", "--data", dataDir], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  const procs: Proc[] = [];
  try {
    let urls: string[];
    const pids: number[] = [];
    if (instances === 1) {
      const server = await startServer(dataDir);
      procs.push(server);
      urls = [server.url];
      pids.push(server.child.pid!);
    } else {
      const redisPort = await freePort();
      procs.push(await start("redis-server", ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], /Ready to accept connections/));
      const redis = ["--redis", `redis://127.0.0.1:${redisPort}`];
      const first = await startServer(dataDir, [...redis, "--instance", "first"]);
      const second = await startServer(dataDir, [...redis, "--instance", "second"]);
      procs.push(first, second);
      urls = [first.url, second.url];
      pids.push(first.child.pid!, second.child.pid!);
    }
    log(`${name}: ${clients.stories * clients.perStory} clients, ${clients.seconds} s of typing`);
    const result = await runLoad({ urls, token, stories: clients.stories, perStory: clients.perStory, rate, seconds: clients.seconds, storyPrefix: "story", log, serverPids: pids });
    log(`${name}: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, server CPU ${result.serverCpu.toFixed(0)} %, clients' CPU ${result.clientCpu.toFixed(0)} %, converged ${result.convergedStories}/${result.stories}`);
    lines.push({ name, result });
    return result;
  } finally {
    for (const proc of procs.reverse()) await stop(proc);
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(repo, "out", "main", "cli", "copydesk.cjs"))) throw new Error("build first: npm run build (npm run bench:server does)");

  if (parts.has("one")) await scenario("one instance", 1, { stories, perStory, seconds });
  if (parts.has("two")) await scenario("two instances + Redis", 2, { stories, perStory, seconds });
  let holds: number | null = null;
  if (parts.has("search") && options.search !== "none") {
    for (const clients of options.search!.split(",").map(Number)) {
      const result = await scenario(`one instance, ${clients} clients`, 1, { stories: Math.ceil(clients / perStory), perStory, seconds: Number(options["search-seconds"]) });
      if (!(result.p95 < 100) || result.convergedStories < result.stories) break;
      holds = clients;
    }
  }

  const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "–");
  const table = [
    `newsroom server load: ${perStory} clients a story, ${rate} characters a second each; ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}`,
    "",
    "| run | clients | edits | arrivals | p50 (ms) | p95 (ms) | p99 (ms) | server CPU (% of a core) | server RSS (MB) | server peak (MB) | clients' CPU (%) | converged |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ...lines.map(({ name, result: r }) =>
      `| ${name} | ${r.clients} | ${r.edits.toLocaleString("en")} | ${r.arrivals.toLocaleString("en")} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.serverCpu.toFixed(0)} | ${r.serverRssMB.toFixed(0)} | ${r.serverPeakMB.toFixed(0)} | ${r.clientCpu.toFixed(0)} | ${r.convergedStories === r.stories ? "yes" : `**${r.convergedStories}/${r.stories}**`} |`,
    ),
    "",
    parts.has("search") ? `One instance holds ${holds ?? "fewer than the first step of"} clients with p95 under 100 ms (the largest step tried that met it).` : "",
  ].join("\n");
  process.stdout.write(`${table}\n`);
  if (options.json) await writeFile(options.json, JSON.stringify({ date: new Date().toISOString(), lines, holds }, null, 2));
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

void main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
  process.exitCode = 1;
});
