import { createHash, randomBytes } from "node:crypto";
import type { Stats } from "node:fs";
import * as nodeFs from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { FileRefused, readRegularFile } from "./regular-file";

// Atomic, durable file replacement: a temporary file in the same folder, fsynced, renamed over
// the original, then the folder fsynced. write-file-atomic 7 does not fsync the folder, takes
// no injectable file system and leaves a crashed save's temporary file behind, so this is the
// few lines it takes by hand.

/// The file-system calls a durable write makes; tests pass a stub to simulate failures.
export interface FileSystemLayer {
  realpath(path: string): Promise<string>;
  stat(path: string): Promise<Stats>;
  open(path: string, flags: string, mode?: number): Promise<nodeFs.FileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
}

/// The real file system.
export const realFileSystem: FileSystemLayer = {
  realpath: (path) => nodeFs.realpath(path),
  stat: (path) => nodeFs.stat(path),
  open: (path, flags, mode) => nodeFs.open(path, flags, mode),
  rename: (from, to) => nodeFs.rename(from, to),
  unlink: (path) => nodeFs.unlink(path),
  readdir: (path) => nodeFs.readdir(path),
};

/// What a file held when it was last read or written: enough to notice that it changed.
export interface DiskSnapshot {
  size: number;
  mtimeMs: number;
  /// SHA-256 of the content, in hex.
  hash: string;
}

/// SHA-256 of some bytes or text, in hex.
export function contentHash(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/// True for the temporary files a durable write of `fileName` creates.
export function isTemporaryFileOf(fileName: string, candidate: string): boolean {
  return candidate.startsWith(`.${fileName}.`) && candidate.endsWith(".tmp");
}

/// The temporary files of writes under way in this process: a write's clean-up of stale ones leaves these alone.
const writesUnderWay = new Set<string>();

/// Replaces `path` with `data` so that a crash or failure at any step leaves either the old or the new file.
/// On failure the temporary file is removed and the error (with its errno `code`) is rethrown.
export async function writeFileDurably(
  path: string,
  data: string | Uint8Array,
  fs: FileSystemLayer = realFileSystem,
): Promise<DiskSnapshot> {
  const target = await fs.realpath(path).catch(() => path);
  const existing = await fs.stat(target).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return null;
    throw e;
  });
  if (existing?.isDirectory()) throw Object.assign(new Error(`${target} is a folder`), { code: "EISDIR" });

  const folder = dirname(target);
  const temporary = join(folder, `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  let handle: nodeFs.FileHandle | null = null;
  writesUnderWay.add(temporary);
  try {
    handle = await fs.open(temporary, "wx", existing ? existing.mode & 0o7777 : 0o666);
    if (existing) await keepOwnerAndMode(handle, existing);
    await handle.writeFile(bytes);
    await handle.sync();
    const written = await handle.stat();
    await handle.close();
    handle = null;
    await fs.rename(temporary, target);
    await syncFolder(folder, fs);
    await removeStaleTemporaries(folder, basename(target), fs);
    return { size: written.size, mtimeMs: written.mtimeMs, hash: contentHash(bytes) };
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.unlink(temporary).catch(() => undefined);
    throw e;
  } finally {
    writesUnderWay.delete(temporary);
  }
}

/// Largest file `readSnapshot` reads; a larger one is only known by its size (it differs from anything written).
const maxSnapshotBytes = 64 * 1024 * 1024;

/// What is on disk at `path` now, or null when there is no regular file there.
export async function readSnapshot(path: string): Promise<DiskSnapshot | null> {
  try {
    const { bytes, info } = await readRegularFile(path, maxSnapshotBytes, "too large");
    return { size: bytes.byteLength, mtimeMs: info.mtimeMs, hash: contentHash(bytes) };
  } catch (e) {
    if (e instanceof FileRefused && e.reason === "too large") {
      const info = await nodeFs.stat(path).catch(() => null);
      return info ? { size: info.size, mtimeMs: info.mtimeMs, hash: `larger than ${maxSnapshotBytes} bytes` } : null;
    }
    return null;
  }
}

async function keepOwnerAndMode(handle: nodeFs.FileHandle, original: Stats): Promise<void> {
  await handle.chmod(original.mode & 0o7777);
  if (process.getuid?.() === 0 && (original.uid !== 0 || original.gid !== 0)) {
    await handle.chown(original.uid, original.gid).catch(() => undefined);
  }
}

/// Makes the rename itself durable. Some systems (Windows, some network drives) cannot open or
/// sync a folder; the file is already in place then, so this step never fails the save.
async function syncFolder(folder: string, fs: FileSystemLayer): Promise<void> {
  let handle: nodeFs.FileHandle | null = null;
  try {
    handle = await fs.open(folder, "r");
    await handle.sync();
  } catch {
    // Not supported here: the data itself was fsynced before the rename.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/// Removes temporary files left by saves that were killed before they could clean up (never those of
/// a write of the same file still under way, which would then fail).
async function removeStaleTemporaries(folder: string, fileName: string, fs: FileSystemLayer): Promise<void> {
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  const stale = names.filter((name) => isTemporaryFileOf(fileName, name) && !writesUnderWay.has(join(folder, name)));
  await Promise.all(stale.map((name) => fs.unlink(join(folder, name)).catch(() => undefined)));
}
