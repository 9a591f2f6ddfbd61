import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { readFileSync } from "node:fs";
import WebSocket from "ws";
import * as Y from "yjs";
import { createArticle } from "../../shared/article";
import { articleToYDoc } from "../../shared/collab/y-article";
import { yNames } from "../../shared/collab/y-names";
import { quantile } from "./stats";

// Simulated journalists for the newsroom server's load bench: each a real @hocuspocus/provider on
// its own WebSocket, typing into its story's body at a steady rate. Every client lives in this one
// process, so an edit's send time is known where it arrives: the latency of an edit is from the
// moment its sender typed it to the moment each other client of the story has applied it.

export interface LoadOptions {
  /// Server URLs; the clients of each story are spread over them in turn.
  urls: string[];
  token: string;
  stories: number;
  perStory: number;
  /// Characters a second each client types.
  rate: number;
  seconds: number;
  /// Prefix of the story ids (each run its own stories).
  storyPrefix: string;
  log: (line: string) => void;
  /// Processes whose CPU time and memory to report (the server instances).
  serverPids: number[];
}

export interface LoadResult {
  clients: number;
  edits: number;
  arrivals: number;
  p50: number;
  p95: number;
  p99: number;
  /// Server CPU, percent of one core, summed over instances, while typing.
  serverCpu: number;
  /// Resident memory of the instances at the end (sum), MB, and the largest any reached.
  serverRssMB: number;
  serverPeakMB: number;
  /// This process's CPU (the clients), percent of one core: a figure near 100 means the clients, not the server, were the limit.
  clientCpu: number;
  convergedStories: number;
  stories: number;
}

interface Journalist {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
}

const clockTicks = 100; // USER_HZ on Linux

/// CPU ticks (user + system) a process has used so far.
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

function memoryMB(pid: number, field: "VmRSS" | "VmHWM"): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith(`${field}:`));
  return line ? Number(/(\d+)/.exec(line)![1]) / 1024 : NaN;
}

function paragraphOf(doc: Y.Doc): Y.XmlText | null {
  const body = doc.getXmlFragment(yNames.doc).toArray().find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === "body");
  const paragraph = body?.toArray().find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === "paragraph");
  return (paragraph?.toArray().find((n) => n instanceof Y.XmlText) as Y.XmlText | undefined) ?? null;
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/// Runs one load: connects every client, types for `seconds`, waits for convergence, measures.
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const journalists: Journalist[][] = [];
  let edits = 0;

  const join = (story: string, url: string, seed: boolean): Journalist => {
    const doc = new Y.Doc();
    if (seed) {
      articleToYDoc(createArticle(), doc);
      const paragraph = doc.getXmlFragment(yNames.doc).toArray().find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === "body")!.get(0) as Y.XmlElement;
      paragraph.insert(0, [new Y.XmlText()]);
    }
    const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket, delay: 200, minDelay: 200, maxDelay: 2000 });
    const provider = new HocuspocusProvider({ websocketProvider: socket, name: story, document: doc, token: options.token });
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== provider) return;
      const now = performance.now();
      for (const struct of Y.decodeUpdate(update).structs) {
        for (let clock = struct.id.clock; clock < struct.id.clock + struct.length; clock++) {
          const sent = sentAt.get(`${struct.id.client}:${clock}`);
          if (sent !== undefined) latencies.push(now - sent);
        }
      }
    });
    provider.attach();
    return { doc, provider, socket };
  };

  // Connect: the first client of each story shares it, the others join once it is on the server.
  options.log(`connecting ${options.stories * options.perStory} clients to ${options.urls.length} instance(s)`);
  for (let s = 0; s < options.stories; s++) {
    const story = `${options.storyPrefix}-${s}`;
    journalists.push([join(story, options.urls[0], true)]);
  }
  await until(() => journalists.every(([first]) => first.provider.isSynced && !first.provider.hasUnsyncedChanges), 120_000);
  for (let s = 0; s < options.stories; s++) {
    for (let c = 1; c < options.perStory; c++) journalists[s].push(join(`${options.storyPrefix}-${s}`, options.urls[c % options.urls.length], false));
  }
  const everyone = journalists.flat();
  const connected = await until(() => everyone.every((j) => j.provider.isSynced && paragraphOf(j.doc) !== null), 180_000);
  if (!connected) options.log(`only ${everyone.filter((j) => j.provider.isSynced && paragraphOf(j.doc)).length} of ${everyone.length} clients got in`);

  // Type: each client a character every 1/rate s, started at a random phase.
  const cpuBefore = options.serverPids.map(cpuTicks);
  const ownBefore = process.cpuUsage();
  const started = performance.now();
  const timers: NodeJS.Timeout[] = [];
  const letters = "abcdefghijklmnopqrstuvwxyz ";
  for (const journalist of everyone) {
    const type = () => {
      const paragraph = paragraphOf(journalist.doc);
      if (!paragraph) return;
      const client = journalist.doc.clientID;
      const clock = Y.getState(journalist.doc.store, client);
      sentAt.set(`${client}:${clock}`, performance.now());
      paragraph.insert(Math.floor(Math.random() * (paragraph.length + 1)), letters[edits++ % letters.length]);
    };
    const phase = setTimeout(() => timers.push(setInterval(type, 1000 / options.rate)), Math.random() * (1000 / options.rate));
    timers.push(phase);
  }
  await new Promise((r) => setTimeout(r, options.seconds * 1000));
  for (const timer of timers) clearInterval(timer);
  const elapsed = (performance.now() - started) / 1000;
  const serverCpu = options.serverPids.reduce((sum, pid, i) => sum + ((cpuTicks(pid) - cpuBefore[i]) / clockTicks / elapsed) * 100, 0);
  const own = process.cpuUsage(ownBefore);
  const clientCpu = ((own.user + own.system) / 1e6 / elapsed) * 100;

  // Converged: every client of a story holds the same text, with nothing left to send.
  const storyConverged = (clients: Journalist[]) => {
    const text = paragraphOf(clients[0].doc)?.toString();
    return clients.every((j) => !j.provider.hasUnsyncedChanges && paragraphOf(j.doc)?.toString() === text);
  };
  await until(() => journalists.every(storyConverged), 120_000);
  const convergedStories = journalists.filter(storyConverged).length;
  const result: LoadResult = {
    clients: everyone.length,
    edits,
    arrivals: latencies.length,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
    serverCpu,
    serverRssMB: options.serverPids.reduce((sum, pid) => sum + memoryMB(pid, "VmRSS"), 0),
    serverPeakMB: Math.max(...options.serverPids.map((pid) => memoryMB(pid, "VmHWM"))),
    clientCpu,
    convergedStories,
    stories: journalists.length,
  };
  for (const journalist of everyone) {
    journalist.provider.destroy();
    journalist.socket.destroy();
    journalist.doc.destroy();
  }
  return result;
}
