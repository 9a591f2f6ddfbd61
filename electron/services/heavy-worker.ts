import { parentPort } from "node:worker_threads";
import { heavyTasks, type HeavyTasks } from "./heavy-tasks";

// A worker thread of heavy-work.ts's pool: runs one task at a time and answers with its result,
// or with the error's message (a task never takes the worker down with it).

const port = parentPort;
if (!port) throw new Error("heavy-worker.ts runs as a worker thread");

port.on("message", ({ task, args }: { task: keyof HeavyTasks; args: unknown[] }) => {
  void (async () => {
    try {
      const value = await (heavyTasks[task] as (...a: unknown[]) => unknown)(...args);
      port.postMessage({ ok: true, value });
    } catch (e) {
      port.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e) });
    }
  })();
});
