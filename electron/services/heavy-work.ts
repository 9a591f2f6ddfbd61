import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { measure } from "../../shared/payload-size";
import { heavyTasks, type HeavyTasks } from "./heavy-tasks";

// Where the heavy tasks (heavy-tasks.ts) run. In the app, in worker threads: main's event loop
// keeps answering every window (saves, recovery copies, typing reports) while a 50 MB file is
// parsed or a long story exported. Small articles are checked in main itself, where that takes
// less than the trip to a worker. Without a built worker (unit tests, the command line) all of it
// runs in-process.

/// The heavy tasks, each answering a promise.
export type HeavyWork = { [K in keyof HeavyTasks]: (...args: Parameters<HeavyTasks[K]>) => Promise<Awaited<ReturnType<HeavyTasks[K]>>> } & {
  /// Stops the workers (tasks under way are refused).
  dispose(): Promise<void>;
};

type TaskName = keyof HeavyTasks;
type AnyTask = (...args: unknown[]) => unknown;

/// Every task in the calling thread.
export function inProcessWork(): HeavyWork {
  const run =
    (task: TaskName) =>
    async (...args: unknown[]) =>
      (heavyTasks[task] as AnyTask)(...args);
  return {
    readArticle: run("readArticle"),
    checkArticle: run("checkArticle"),
    salvage: run("salvage"),
    importArticle: run("importArticle"),
    renderExports: run("renderExports"),
    dispose: async () => undefined,
  } as HeavyWork;
}

/// Below this size (characters of JSON, bytes of a file) an article is read or checked in main itself.
export const inlineLimit = 256 * 1024;
/// A task that takes longer than this is stopped (its worker with it) and refused with a message.
export const taskTimeoutMs = 120_000;

interface Job {
  task: TaskName;
  args: unknown[];
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: ReturnType<typeof setTimeout> | null;
}

/// Heavy tasks in up to `size` worker threads running `script` (the built heavy-worker.js); small ones in-process.
export class WorkerPool implements HeavyWork {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private readonly inline = inProcessWork();
  private disposed = false;

  constructor(
    private readonly script: string,
    private readonly size = 2,
    private readonly timeoutMs = taskTimeoutMs,
  ) {}

  readArticle: HeavyWork["readArticle"] = (bytes) => (bytes.byteLength <= inlineLimit ? this.inline.readArticle(bytes) : this.run("readArticle", [bytes]));
  checkArticle: HeavyWork["checkArticle"] = (payload, verified, meta) =>
    small(payload) ? this.inline.checkArticle(payload, verified, meta) : this.run("checkArticle", [payload, verified, meta]);
  salvage: HeavyWork["salvage"] = (payload) => (small(payload) ? this.inline.salvage(payload) : this.run("salvage", [payload]));
  importArticle: HeavyWork["importArticle"] = (bytes, format) => this.run("importArticle", [bytes, format]);
  renderExports: HeavyWork["renderExports"] = (payload, verified, formats, choices) => this.run("renderExports", [payload, verified, formats, choices]);

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error("Copydesk is closing."));
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private run<T>(task: TaskName, args: unknown[]): Promise<T> {
    if (this.disposed) return Promise.reject(new Error("Copydesk is closing."));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ task, args, resolve: resolve as (value: unknown) => void, reject });
      this.next();
    });
  }

  private next(): void {
    const job = this.queue[0];
    if (!job) return;
    let slot = this.slots.find((s) => s.job === null);
    if (!slot && this.slots.length < this.size) slot = this.start();
    if (!slot) return;
    this.queue.shift();
    slot.job = job;
    slot.timer = setTimeout(() => this.fail(slot, new Error(`The work took longer than ${Math.round(this.timeoutMs / 1000)} s and was stopped.`)), this.timeoutMs);
    slot.worker.postMessage({ task: job.task, args: job.args });
  }

  private start(): Slot {
    // A hostile file that makes a task allocate without end takes down its worker, never main.
    const slot: Slot = { worker: new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: 2048 } }), job: null, timer: null };
    slot.worker.unref();
    slot.worker.on("message", (message: { ok: boolean; value?: unknown; message?: string }) => {
      const job = slot.job;
      this.finish(slot);
      if (message.ok) job?.resolve(message.value);
      else job?.reject(new Error(message.message ?? "The work failed."));
      this.next();
    });
    slot.worker.on("error", (error) => this.fail(slot, error));
    slot.worker.on("exit", () => this.fail(slot, new Error("The worker stopped.")));
    this.slots.push(slot);
    return slot;
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
  }

  /// The worker failed or hung: its task is refused, and a new worker takes its place for the next one.
  private fail(slot: Slot, error: Error): void {
    const job = slot.job;
    this.finish(slot);
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    job?.reject(error);
    if (!this.disposed) this.next();
  }
}

function small(payload: unknown): boolean {
  return measure(payload, inlineLimit, 1000).size <= inlineLimit;
}

/// The built worker beside the running main bundle (out/main/heavy-worker.js, this code being in
/// out/main/index.js or one of its chunks), or null when there is none.
export function builtWorkerScript(dir: string = __dirname): string | null {
  return [join(dir, "heavy-worker.js"), join(dir, "..", "heavy-worker.js")].find((script) => existsSync(script)) ?? null;
}

/// Worker threads when the worker is built beside this code, in-process otherwise.
export function defaultHeavyWork(): HeavyWork {
  const script = builtWorkerScript();
  return script ? new WorkerPool(script) : inProcessWork();
}
