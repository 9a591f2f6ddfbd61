import { watch, type FSWatcher } from "chokidar";
import { DeskIndex, type DeskChange, type ReadProgress, type ReadStory } from "./desk-index";

// A desk folder kept up to date: its index (desk-index.ts), a watcher on the folder, and a look at
// the whole folder now and then. The watcher is chokidar's: Node 20's recursive fs.watch on Linux
// is built in JavaScript over one inotify watch per folder and misses events while it walks the
// tree (nodejs/node#48437, a confirmed bug); chokidar watches each folder itself, says when it is
// ready, and is widely used. A network share may not report changes made from other machines at all, so the whole folder is
// also looked at every `rescanMs` (only files whose time or size changed are read).

/// What a desk folder reports as it changes.
export interface DeskEvents {
  change(change: DeskChange): void;
  progress(progress: ReadProgress & { indexing: boolean }): void;
  /// The folder could not be read (at the start, or later: it went away).
  failed(message: string): void;
}

export interface DeskFolderOptions {
  /// How long to gather the watcher's events before reading the files, in ms.
  settleMs?: number;
  /// How often the whole folder is looked at again, in ms (0: never).
  rescanMs?: number;
  read?: ReadStory;
}

/// A desk folder being indexed and watched.
export class DeskFolder {
  readonly index: DeskIndex;
  private watcher: FSWatcher | null = null;
  private pending = new Set<string>();
  /// A folder came or went since the last look: the whole folder is looked at.
  private folderChanged = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private rescanTimer: ReturnType<typeof setInterval> | null = null;
  /// Updates run one at a time, in order.
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    folder: string,
    private readonly events: DeskEvents,
    private readonly options: DeskFolderOptions = {},
  ) {
    this.index = new DeskIndex(folder, options.read);
  }

  /// Starts watching, then reads the whole folder; resolves once the first look is done.
  async start(): Promise<void> {
    this.watcher = watch(this.index.folder, {
      ignoreInitial: true,
      followSymlinks: false,
      ignored: (path, stats) => (stats?.isFile() === true && !path.endsWith(".article")) || /[\\/](\.[^\\/]*|node_modules)$/u.test(path),
    });
    const touched = (path: string) => this.touched(path);
    this.watcher.on("add", touched).on("change", touched).on("unlink", touched);
    // A folder added, moved in or removed: look at the whole folder once the files in it have landed
    // (its stories came or went with it, and some may be written before the folder is watched).
    const folderChanged = () => this.touched(null);
    this.watcher.on("addDir", folderChanged).on("unlinkDir", folderChanged);
    this.watcher.on("error", () => this.rescan());
    // Changes are seen once the watcher is on every folder. The first look runs meanwhile, and a
    // second once the watcher is ready reads whatever was saved while it was starting (only what
    // changed is read), so nothing falls between the two.
    const watching = new Promise<void>((resolve) => this.watcher!.once("ready", () => resolve()));
    await Promise.all([watching, this.run(() => this.scan())]);
    await this.run(() => this.scan());
    const every = this.options.rescanMs ?? 15_000;
    if (every > 0 && !this.closed) {
      this.rescanTimer = setInterval(() => this.rescan(), every);
      this.rescanTimer.unref?.();
    }
  }

  /// Stops watching.
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.rescanTimer) clearInterval(this.rescanTimer);
    await this.watcher?.close();
    await this.queue;
  }

  /// Looks at the whole folder again.
  rescan(): void {
    void this.run(() => this.scan());
  }

  /// A file changed (or, for null, a folder): its story is read after a pause that gathers the others.
  private touched(path: string | null): void {
    if (path === null) this.folderChanged = true;
    else this.pending.add(path);
    this.timer ??= setTimeout(() => {
      this.timer = null;
      const paths = [...this.pending];
      const whole = this.folderChanged;
      this.pending.clear();
      this.folderChanged = false;
      void this.run(async () => (whole ? this.scan() : this.report(await this.index.update(paths))));
    }, this.options.settleMs ?? 100);
  }

  private async scan(): Promise<void> {
    let indexing = false;
    const change = await this.index.scan(
      (progress) => {
        // A look that reads nothing (nothing changed) is not shown as indexing.
        indexing ||= progress.total > 0;
        if (indexing) this.events.progress({ ...progress, indexing: progress.done < progress.total });
      },
      (batch) => this.report(batch),
    );
    if (change.removed.length > 0) this.report({ changed: [], removed: change.removed });
  }

  private report(change: DeskChange): void {
    if (!this.closed && (change.changed.length > 0 || change.removed.length > 0)) this.events.change(change);
  }

  private run(task: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(async () => {
      if (this.closed) return;
      try {
        await task();
      } catch (e) {
        this.events.failed(e instanceof Error ? e.message : String(e));
      }
    });
    return this.queue;
  }
}
