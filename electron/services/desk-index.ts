import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { maxFileBytes, overFileLimit, parseArticleFile } from "../../shared/article-file";
import { searchStories } from "../../shared/desk/desk-list";
import { summarizeStory, unreadableStory, type DeskStory } from "../../shared/desk/story";
import { readRegularFile, FileRefused } from "./regular-file";

// The stories of a desk folder: every `.article` in it and its subfolders, each read once and read
// again only when its modification time or size changes. The folder is only ever read. A file
// that cannot be read or is not a valid article is a line of the list saying why, never a failure.
// The app runs this in a worker thread (desk-worker.ts), `copydesk ls` in its own process.

/// The file extension of a story.
export const storyExtension = ".article";

/// What changed on the desk since the last look: stories added or changed, and ids gone.
export interface DeskChange {
  changed: DeskStory[];
  removed: string[];
}

/// How far a look at the folder has got: files read of those it found to read.
export interface ReadProgress {
  done: number;
  total: number;
}

/// The file of a story id (its path relative to the folder, "/" between folders).
export function storyPath(folder: string, id: string): string {
  return join(folder, ...id.split("/"));
}

/// The folder itself could not be read (missing, not a folder, no permission).
export class DeskFolderError extends Error {}

interface Entry {
  mtimeMs: number;
  size: number;
  story: DeskStory;
  searchText: string;
}

/// Reads a story file's bytes (tests count the reads through it).
export type ReadStory = (path: string) => Promise<Uint8Array>;

const readStory: ReadStory = async (path) => (await readRegularFile(path, maxFileBytes, overFileLimit)).bytes;

/// Folders never looked in: hidden ones (.git, .svn, a sync tool's own) and installed packages.
const skipped = (name: string) => name.startsWith(".") || name === "node_modules";

/// The stories of one folder, kept up to date by `scan` and `update`.
export class DeskIndex {
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly folder: string,
    private readonly read: ReadStory = readStory,
  ) {}

  /// Every story, in no particular order.
  stories(): DeskStory[] {
    return [...this.entries.values()].map((e) => e.story);
  }

  /// The story with that id, or undefined.
  story(id: string): DeskStory | undefined {
    return this.entries.get(id)?.story;
  }

  /// The ids of the stories whose headline or text holds every word of the query.
  search(query: string): string[] {
    return searchStories(
      (function* (entries) {
        for (const [id, entry] of entries) yield [id, entry.searchText] as [string, string];
      })(this.entries),
      query,
    );
  }

  /// The file of a story id.
  pathOf(id: string): string {
    return storyPath(this.folder, id);
  }

  /// Looks at the whole folder: reads new and changed files, drops those gone. Throws
  /// DeskFolderError when the folder itself cannot be read.
  async scan(onProgress?: (progress: ReadProgress) => void, onBatch?: (change: DeskChange) => void): Promise<DeskChange> {
    const found = await this.walk();
    const toRead = [...found].filter(([id, info]) => !this.unchanged(id, info));
    const change: DeskChange = { changed: [], removed: [] };
    for (const id of this.entries.keys()) {
      if (!found.has(id)) {
        this.entries.delete(id);
        change.removed.push(id);
      }
    }
    let batch: DeskStory[] = [];
    let done = 0;
    onProgress?.({ done, total: toRead.length });
    for (const [id, info] of toRead) {
      const story = await this.load(id, info);
      change.changed.push(story);
      batch.push(story);
      done += 1;
      if (batch.length === 200) {
        onBatch?.({ changed: batch, removed: [] });
        batch = [];
        onProgress?.({ done, total: toRead.length });
      }
    }
    if (batch.length > 0) onBatch?.({ changed: batch, removed: [] });
    onProgress?.({ done, total: toRead.length });
    return change;
  }

  /// Looks again at some files (the watcher saw them change): reads those that changed, drops those gone.
  async update(paths: readonly string[]): Promise<DeskChange> {
    const change: DeskChange = { changed: [], removed: [] };
    for (const path of new Set(paths)) {
      const id = this.idOf(path);
      if (id === null) continue;
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) {
        if (this.entries.delete(id)) change.removed.push(id);
        continue;
      }
      const file = { mtimeMs: info.mtimeMs, size: info.size };
      if (!this.unchanged(id, file)) change.changed.push(await this.load(id, file));
    }
    return change;
  }

  /// The story id of a path in the folder, or null for one outside it or not a story.
  idOf(path: string): string | null {
    const rel = relative(this.folder, path);
    if (rel === "" || rel.startsWith("..") || !rel.endsWith(storyExtension)) return null;
    const parts = rel.split(sep);
    if (parts.slice(0, -1).some(skipped)) return null;
    return parts.join("/");
  }

  private unchanged(id: string, info: { mtimeMs: number; size: number }): boolean {
    const entry = this.entries.get(id);
    return entry !== undefined && entry.mtimeMs === info.mtimeMs && entry.size === info.size;
  }

  /// Reads one story file; a file that cannot be read or is not an article becomes a line saying why.
  private async load(id: string, info: { mtimeMs: number; size: number }): Promise<DeskStory> {
    const fileTime = new Date(info.mtimeMs).toISOString();
    let entry: Entry;
    try {
      const result = parseArticleFile(await this.read(this.pathOf(id)));
      if (result.ok) {
        const { story, searchText } = summarizeStory(id, result.article);
        entry = { ...info, story, searchText };
      } else {
        entry = { ...info, story: unreadableStory(id, result.errors[0] ?? "it is not a valid article", fileTime), searchText: "" };
      }
    } catch (e) {
      const reason = e instanceof FileRefused ? e.reason : e instanceof Error ? e.message : String(e);
      entry = { ...info, story: unreadableStory(id, reason, fileTime), searchText: "" };
    }
    this.entries.set(id, entry);
    return entry.story;
  }

  /// Every story file under the folder with its time and size; folders that cannot be read are lines saying why.
  private async walk(): Promise<Map<string, { mtimeMs: number; size: number }>> {
    const found = new Map<string, { mtimeMs: number; size: number }>();
    const top = await stat(this.folder).catch((e: NodeJS.ErrnoException) => {
      throw new DeskFolderError(`${this.folder} could not be read: ${e.code === "ENOENT" ? "there is no such folder" : e.message}`);
    });
    if (!top.isDirectory()) throw new DeskFolderError(`${this.folder} is not a folder.`);
    const pending = [this.folder];
    while (pending.length > 0) {
      const dir = pending.pop()!;
      let items: Dirent[];
      try {
        items = await readdir(dir, { withFileTypes: true });
      } catch (e) {
        if (dir === this.folder) throw new DeskFolderError(`${this.folder} could not be read: ${(e as Error).message}`);
        continue;
      }
      for (const item of items) {
        const path = join(dir, item.name);
        // Links to folders are not followed (a link to a parent would never end); links to files are read.
        if (item.isDirectory()) {
          if (!skipped(item.name)) pending.push(path);
        } else if ((item.isFile() || item.isSymbolicLink()) && item.name.endsWith(storyExtension)) {
          const info = await stat(path).catch(() => null);
          const id = this.idOf(path);
          if (id !== null) found.set(id, info ? { mtimeMs: info.mtimeMs, size: info.size } : { mtimeMs: 0, size: -1 });
        }
      }
    }
    return found;
  }
}
