import { open, readdir, readFile, type FileHandle } from "node:fs/promises";
import { dirname, join } from "node:path";
import { crc32 } from "node:zlib";

// A story's append-only update log: each Yjs update the server is about to acknowledge is
// written and fsynced here first. A record is [length: u32 LE][crc32: u32 LE][update bytes]; a
// crash can leave a torn last record (never acknowledged, since its fsync had not returned),
// which reading stops at and opening for append cuts off.

const headerBytes = 8;

/// Encodes updates as log records, back to back.
export function encodeRecords(updates: readonly Uint8Array[]): Buffer {
  const total = updates.reduce((sum, u) => sum + headerBytes + u.byteLength, 0);
  const out = Buffer.allocUnsafe(total);
  let at = 0;
  for (const update of updates) {
    out.writeUInt32LE(update.byteLength, at);
    out.writeUInt32LE(crc32(update), at + 4);
    out.set(update, at + headerBytes);
    at += headerBytes + update.byteLength;
  }
  return out;
}

/// The whole records at the start of a log, and how many bytes they take (the rest is a torn tail).
export function decodeRecords(bytes: Uint8Array): { updates: Uint8Array[]; validBytes: number } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const updates: Uint8Array[] = [];
  let at = 0;
  while (at + headerBytes <= buffer.byteLength) {
    const length = buffer.readUInt32LE(at);
    const end = at + headerBytes + length;
    if (end > buffer.byteLength) break;
    const update = buffer.subarray(at + headerBytes, end);
    if (crc32(update) !== buffer.readUInt32LE(at + 4)) break;
    updates.push(update);
    at = end;
  }
  return { updates, validBytes: at };
}

/// Reads every log and state file in a story's folder (all instances'): Yjs updates merge in any
/// order, so this is everything the story was ever acknowledged to hold. Logs first: an instance
/// that compacts meanwhile writes its new state before it empties its log, so whatever a log held
/// when it was read is in the state read after it.
export async function readStoryFolder(folder: string): Promise<Uint8Array[]> {
  const list = () =>
    readdir(folder).catch((e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT") return [] as string[];
      throw e;
    });
  const updates: Uint8Array[] = [];
  for (const name of (await list()).filter((n) => n.endsWith(".log")).sort()) {
    updates.push(...decodeRecords(await readFile(join(folder, name))).updates);
  }
  // Listed again: a state first written while the logs were read is in it.
  for (const name of (await list()).filter((n) => n.endsWith(".state")).sort()) {
    const state = await readFile(join(folder, name)).catch((e: NodeJS.ErrnoException) => {
      // A state file an instance has not written yet (listed by its log) is not there.
      if (e.code === "ENOENT") return null;
      throw e;
    });
    if (state) updates.push(state);
  }
  return updates;
}

/// The log this server instance appends to. Appends are grouped: those that arrive while an
/// fsync runs are written together by the next one, so a busy story costs one fsync per batch.
export class UpdateLog {
  private handle: FileHandle | null = null;
  /// Bytes of whole records in the file: a write that fails half-way is cut back to this.
  private size = 0;
  private waiting: { update: Uint8Array; done: () => void; failed: (e: unknown) => void }[] = [];
  private flushScheduled = false;

  constructor(
    readonly path: string,
    /// Runs each step after the previous one (the story's queue): appends, compaction and closing never overlap.
    private readonly enqueue: (step: () => Promise<void>) => Promise<void>,
  ) {}

  /// Opens the log for appending, first cutting off a torn record a crash may have left.
  async open(): Promise<void> {
    const handle = await open(this.path, "a+");
    // A log just made must still be there after a power cut: its folder's entry is synced too.
    await syncFolder(dirname(this.path));
    try {
      const { validBytes } = decodeRecords(await handle.readFile());
      const { size } = await handle.stat();
      if (validBytes < size) {
        await handle.truncate(validBytes);
        await handle.datasync();
      }
      this.size = validBytes;
    } catch (e) {
      await handle.close();
      throw e;
    }
    this.handle = handle;
  }

  /// Resolves once the update is on disk (written and fsynced).
  append(update: Uint8Array): Promise<void> {
    return new Promise((done, failed) => {
      this.waiting.push({ update, done, failed });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        void this.enqueue(() => this.flush());
      }
    });
  }

  /// Empties the log once its updates are safely in the state file.
  async clear(): Promise<void> {
    if (!this.handle) return;
    await this.handle.truncate(0);
    await this.handle.datasync();
    this.size = 0;
  }

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = null;
  }

  private async flush(): Promise<void> {
    this.flushScheduled = false;
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    try {
      if (!this.handle) throw new Error("the story's log is not open");
      const records = encodeRecords(batch.map((b) => b.update));
      await this.handle.write(records);
      await this.handle.datasync();
      this.size += records.byteLength;
      for (const b of batch) b.done();
    } catch (e) {
      // Nothing of the batch is acknowledged; a half-written record must not hide later ones.
      await this.handle?.truncate(this.size).catch(() => undefined);
      for (const b of batch) b.failed(e);
    }
  }
}

/// Makes a folder's entries durable (as durable-write.ts does after a rename); a system that cannot
/// sync a folder has the file's data synced all the same.
export async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, "r").catch(() => null);
  await handle?.sync().catch(() => undefined);
  await handle?.close();
}
