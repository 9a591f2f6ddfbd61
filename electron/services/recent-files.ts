import { mkdir, readFile, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { RecentFile } from "../../shared/ipc";
import { titleFor } from "./article-io";
import { writeFileDurably } from "./durable-write";

// The recent-files list: the last ten articles opened or saved, newest first, kept in
// user-data/recent-files.json. Files that no longer exist are left out when the list is read.

/// How many files the list keeps.
export const recentFilesLimit = 10;

/// The recent-files list in user-data.
export class RecentFiles {
  readonly path: string;
  private paths: string[] | null = null;
  private readonly listeners = new Set<(files: RecentFile[]) => void>();

  constructor(userDataDir: string) {
    this.path = join(userDataDir, "recent-files.json");
  }

  /// The files that still exist, newest first; missing ones are pruned from the stored list.
  async list(): Promise<RecentFile[]> {
    const paths = await this.load();
    const present = (await Promise.all(paths.map(async (p) => ((await isFile(p)) ? p : null)))).filter((p): p is string => p !== null);
    if (present.length !== paths.length) await this.store(present);
    return present.map(toRecent);
  }

  /// Puts a file at the top of the list.
  async add(path: string): Promise<void> {
    const absolute = resolve(path);
    const paths = await this.load();
    await this.store([absolute, ...paths.filter((p) => p !== absolute)].slice(0, recentFilesLimit));
  }

  /// Empties the list.
  async clear(): Promise<void> {
    await this.store([]);
  }

  /// Calls `listener` with the new list whenever it changes; returns a function that stops it.
  onChange(listener: (files: RecentFile[]) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private async load(): Promise<string[]> {
    if (this.paths) return this.paths;
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(this.path, "utf8"));
    } catch {
      raw = null;
    }
    const files = (raw as { files?: unknown } | null)?.files;
    this.paths = Array.isArray(files) ? files.filter((p): p is string => typeof p === "string" && p.length > 0).slice(0, recentFilesLimit) : [];
    return this.paths;
  }

  private async store(paths: string[]): Promise<void> {
    const changed = JSON.stringify(paths) !== JSON.stringify(this.paths);
    this.paths = paths;
    if (!changed) return;
    try {
      await mkdir(dirname(this.path), { recursive: true });
      await writeFileDurably(this.path, `${JSON.stringify({ files: paths }, null, 2)}\n`);
    } catch {
      // The list is a convenience: an unwritable user-data folder must not stop an open or a save.
    }
    const files = paths.map(toRecent);
    for (const listener of this.listeners) listener(files);
  }
}

function toRecent(path: string): RecentFile {
  return { path, title: titleFor(path) };
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}
