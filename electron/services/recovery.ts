import { mkdir, readdir, unlink } from "node:fs/promises";
import { join } from "node:path";
import type { Article } from "../../shared/article";
import { articleFromFileJSON, maxFileBytes, serializeArticle } from "../../shared/article-file";
import type { SharedPart } from "../../shared/collab/shared-part";
import type { RecoveryEntry } from "../../shared/ipc";
import { wordCount } from "../../shared/word-count";
import { writeFileDurably, type DiskSnapshot } from "./durable-write";
import { UserFacingError } from "./errors";
import { readRegularFile } from "./regular-file";

// Recovery copies: every edit reaches user-data/recovery/<id>.json at most two seconds after it
// was made, written atomically, so a crash loses at most the last two seconds of typing. The
// window tells main that it has edits; when a copy is due, main asks the window for its article
// (the loader given to `schedule`) and writes what it gets.

/// What a recovery copy holds besides the article.
export interface RecoveryInfo {
  path: string | null;
  title: string;
  /// What the file held when the document was last read or saved, for the conflict check after a restore.
  disk: DiskSnapshot | null;
}

/// A recovery copy read back from disk.
export interface RecoveredDocument extends RecoveryInfo {
  id: string;
  savedAt: string;
  article: Article;
  /// A shared story's `shared` part (its whole shared state, with the changes not yet shared).
  shared?: SharedPart;
}

/// How long to wait for a pause in typing, and the longest an edit may wait to be written.
export interface RecoveryTiming {
  quietMs: number;
  maxDelayMs: number;
}

/// A copy is written after 0.75 s without edits, and at most 1.5 s after the first unwritten one,
/// which leaves room for asking the window and writing within the promised two seconds.
export const defaultRecoveryTiming: RecoveryTiming = { quietMs: 750, maxDelayMs: 1500 };

const recoveryFormat = "copydesk.recovery";
const idPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/// An article to keep: the article, or its file text as `serializeArticle` wrote it (checked off main's event loop).
export type KeptArticle = Article | string;

/// What a copy is written from, fetched when it is due; null when there is nothing to keep any more.
export type RecoveryLoader = () => Promise<{ article: KeptArticle; info: RecoveryInfo } | null>;

interface Pending {
  timer: ReturnType<typeof setTimeout>;
  firstAt: number;
  load: RecoveryLoader;
}

/// The recovery folder: debounced writes, listing, reading and removing copies.
export class RecoveryStore {
  readonly folder: string;
  private readonly pending = new Map<string, Pending>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    userDataDir: string,
    private readonly timing: RecoveryTiming = defaultRecoveryTiming,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    this.folder = join(userDataDir, "recovery");
  }

  /// Notes an edit; the copy is written after a pause in typing, and never later than `maxDelayMs` after the first unwritten edit.
  schedule(id: string, load: RecoveryLoader): void {
    checkId(id);
    const now = Date.now();
    const previous = this.pending.get(id);
    if (previous) clearTimeout(previous.timer);
    const firstAt = previous?.firstAt ?? now;
    const due = Math.min(now + this.timing.quietMs, firstAt + this.timing.maxDelayMs);
    const timer = setTimeout(() => void this.flush(id), Math.max(0, due - now));
    this.pending.set(id, { timer, firstAt, load });
  }

  /// Writes a scheduled copy now; resolves when it is on disk.
  async flush(id: string): Promise<void> {
    const pending = this.pending.get(id);
    if (!pending) return this.queues.get(id)?.then(() => undefined);
    clearTimeout(pending.timer);
    this.pending.delete(id);
    await this.enqueue(id, async () => {
      const content = await pending.load();
      if (content) await this.write(id, content.article, content.info);
    }).catch(this.onError);
  }

  /// Drops every scheduled copy (the app is going and its windows with it).
  cancelAll(): void {
    for (const pending of this.pending.values()) clearTimeout(pending.timer);
    this.pending.clear();
  }

  /// Resolves once every write and removal under way has finished.
  async settled(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queued) => queued.catch(() => undefined)));
  }

  /// Writes a copy of this article now (a save failed: its words must survive).
  async keep(id: string, article: KeptArticle, info: RecoveryInfo): Promise<void> {
    checkId(id);
    const pending = this.pending.get(id);
    if (pending) clearTimeout(pending.timer);
    this.pending.delete(id);
    await this.enqueue(id, () => this.write(id, article, info));
  }

  /// Writes every scheduled copy now.
  async flushAll(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((id) => this.flush(id)));
  }

  /// Removes a copy (and any write still waiting for it).
  async remove(id: string): Promise<void> {
    checkId(id);
    const pending = this.pending.get(id);
    if (pending) clearTimeout(pending.timer);
    this.pending.delete(id);
    await this.enqueue(id, () => unlink(this.fileOf(id)).catch(() => undefined));
  }

  /// The copies on disk, newest first, leaving out those in `inUse`.
  async list(inUse: ReadonlySet<string> = new Set()): Promise<RecoveryEntry[]> {
    const names = await readdir(this.folder).catch(() => [] as string[]);
    const entries: RecoveryEntry[] = [];
    for (const name of names) {
      const id = name.replace(/\.json$/, "");
      if (!name.endsWith(".json") || !idPattern.test(id) || inUse.has(id)) continue;
      const copy = await this.read(id).catch(() => null);
      if (copy) entries.push({ id, title: copy.title, path: copy.path, savedAt: copy.savedAt, words: wordCount(copy.article.doc) });
    }
    return entries.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  /// Reads one copy back, validating the article in it.
  async read(id: string): Promise<RecoveredDocument> {
    checkId(id);
    let raw: Record<string, unknown>;
    try {
      // A copy may hold more than an article file (a save refused for its size): twice the file limit.
      const { bytes } = await readRegularFile(this.fileOf(id), 2 * maxFileBytes, "too large");
      raw = JSON.parse(bytes.toString("utf8")) as Record<string, unknown>;
    } catch {
      throw new UserFacingError("not-found", "That recovery copy is gone or unreadable.");
    }
    if (raw.format !== recoveryFormat) throw new UserFacingError("invalid-article", "That recovery copy is not one Copydesk wrote.");
    const parsed = articleFromFileJSON(raw.article);
    if (!parsed.ok) throw new UserFacingError("invalid-article", "That recovery copy is damaged.", parsed.errors);
    return {
      id,
      path: typeof raw.path === "string" ? raw.path : null,
      title: typeof raw.title === "string" ? raw.title : "Untitled",
      savedAt: typeof raw.savedAt === "string" ? raw.savedAt : new Date(0).toISOString(),
      disk: isSnapshot(raw.disk) ? raw.disk : null,
      article: parsed.article,
      ...(parsed.shared ? { shared: parsed.shared } : {}),
    };
  }

  private async write(id: string, article: KeptArticle, info: RecoveryInfo): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const header = { format: recoveryFormat, version: 1, id, path: info.path, title: info.title, savedAt: new Date().toISOString(), disk: info.disk };
    // The article's file text goes in as it is: no second parse and stringify of a long story.
    const text = typeof article === "string" ? article : serializeArticle(article);
    await writeFileDurably(this.fileOf(id), `${JSON.stringify(header).slice(0, -1)},"article":${text.trimEnd()}}\n`);
  }

  /// Runs writes and removals of one copy in order, so a removal is never overtaken by a late write.
  private enqueue<T>(id: string, step: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(id) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(step);
    this.queues.set(id, next);
    void next.finally(() => {
      if (this.queues.get(id) === next) this.queues.delete(id);
    }).catch(() => undefined);
    return next;
  }

  private fileOf(id: string): string {
    return join(this.folder, `${id}.json`);
  }
}

function checkId(id: string): void {
  if (!idPattern.test(id)) throw new UserFacingError("not-found", "There is no such recovery copy.");
}

function isSnapshot(value: unknown): value is DiskSnapshot {
  const v = value as DiskSnapshot | null;
  return typeof v === "object" && v !== null && typeof v.size === "number" && typeof v.mtimeMs === "number" && typeof v.hash === "string";
}
