import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { DeskFolder, type DeskEvents } from "./desk-folder";
import type { DeskChange, ReadProgress } from "./desk-index";

// Where a desk folder is read and watched: in a worker thread of its own when the worker is built
// beside this code (the app, the e2e host), otherwise in the calling thread (unit tests).

/// A desk folder being read and watched somewhere.
export interface DeskRunner {
  /// Resolves once the whole folder has been read the first time.
  readonly ready: Promise<void>;
  search(query: string): Promise<string[]>;
  close(): Promise<void>;
}

/// What main sends a desk worker.
export type DeskWorkerRequest = { type: "search"; id: number; query: string } | { type: "close" };

/// What a desk worker sends main.
export type DeskWorkerReply =
  | { type: "change"; change: DeskChange }
  | { type: "progress"; progress: ReadProgress & { indexing: boolean } }
  | { type: "failed"; message: string }
  | { type: "ready" }
  | { type: "found"; id: number; ids: string[] }
  | { type: "closed" };

/// The folder read and watched in this thread.
export function inProcessDesk(folder: string, events: DeskEvents): DeskRunner {
  const desk = new DeskFolder(folder, events);
  return { ready: desk.start(), search: async (query) => desk.index.search(query), close: () => desk.close() };
}

/// The folder read and watched in a worker thread running `script` (the built desk-worker.js).
export function workerDesk(script: string, folder: string, events: DeskEvents): DeskRunner {
  const worker = new Worker(script, { workerData: { folder } });
  worker.unref();
  const searches = new Map<number, (ids: string[]) => void>();
  let nextId = 0;
  let markReady = () => undefined as void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let closed: (() => void) | null = null;
  const stopped = (message: string) => {
    events.failed(message);
    markReady();
    for (const answer of searches.values()) answer([]);
    searches.clear();
  };
  worker.on("message", (reply: DeskWorkerReply) => {
    if (reply.type === "change") events.change(reply.change);
    else if (reply.type === "progress") events.progress(reply.progress);
    else if (reply.type === "failed") events.failed(reply.message);
    else if (reply.type === "ready") markReady();
    else if (reply.type === "found") {
      searches.get(reply.id)?.(reply.ids);
      searches.delete(reply.id);
    } else closed?.();
  });
  worker.on("error", (error) => stopped(`Reading the desk folder stopped: ${error.message}`));
  worker.on("exit", () => closed?.());
  const post = (request: DeskWorkerRequest) => worker.postMessage(request);
  return {
    ready,
    search: (query) =>
      new Promise((resolve) => {
        const id = nextId++;
        searches.set(id, resolve);
        post({ type: "search", id, query });
      }),
    close: async () => {
      const done = new Promise<void>((resolve) => (closed = resolve));
      post({ type: "close" });
      // A worker that does not answer within a few seconds is stopped anyway.
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
      await worker.terminate();
    },
  };
}

/// The built desk worker beside the running main bundle (out/main/desk-worker.js), or null when there is none.
export function builtDeskWorker(dir: string = __dirname): string | null {
  return [join(dir, "desk-worker.js"), join(dir, "..", "desk-worker.js")].find((script) => existsSync(script)) ?? null;
}
