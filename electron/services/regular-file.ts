import type { Stats } from "node:fs";
import { constants } from "node:fs";
import { open, realpath, stat } from "node:fs/promises";

// Reading a file that arrived from anywhere (an email attachment, a download, a path on a
// command line) without letting it hang or flood the process: only regular files are read, after
// symbolic links are resolved and the target checked, never more than a limit. A FIFO would block
// `open` until something writes to it and /dev/zero never ends, so neither is ever opened for reading.

/// Why a path cannot be read as a file, in words for a message ("it is a named pipe (FIFO), not a file").
export class FileRefused extends Error {
  constructor(
    readonly reason: string,
    /// The errno code, when the file system said no.
    readonly code?: string,
  ) {
    super(reason);
    this.name = "FileRefused";
  }
}

/// A regular file's bytes, with what `stat` said of it.
export interface RegularFile {
  bytes: Buffer;
  info: Stats;
  /// The file's path with every symbolic link resolved.
  realPath: string;
}

/// What a path is, for a refusal: "a folder", "a device", "a named pipe (FIFO)", "a socket".
export function kindOf(info: Stats): string {
  if (info.isDirectory()) return "a folder";
  if (info.isFIFO()) return "a named pipe (FIFO)";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  return "not a regular file";
}

const fsReasons: Record<string, string> = {
  ENOENT: "no such file",
  EACCES: "you do not have permission to read it",
  EPERM: "the system does not allow it",
  EISDIR: "it is a folder",
  ELOOP: "it is a loop of symbolic links",
  ENAMETOOLONG: "the name is too long",
  ENOTDIR: "part of the path is not a folder",
  EMFILE: "too many files are open",
};

/// A file-system error as a refusal in plain words.
function refusal(e: unknown): FileRefused {
  if (e instanceof FileRefused) return e;
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return new FileRefused((code && fsReasons[code]) ?? (e instanceof Error ? e.message : String(e)), code);
}

/// Reads at most `maxBytes` of a regular file; refuses (FileRefused) folders, devices, FIFOs and
/// sockets, wherever a symbolic link points, a file over the limit, and one swapped while it is opened.
export async function readRegularFile(path: string, maxBytes: number, tooLarge: string): Promise<RegularFile> {
  let realPath: string;
  let info: Stats;
  try {
    realPath = await realpath(path);
    info = await stat(realPath);
  } catch (e) {
    throw refusal(e);
  }
  if (!info.isFile()) throw new FileRefused(`it is ${kindOf(info)}, not a file`);
  if (info.size > maxBytes) throw new FileRefused(tooLarge);

  // Non-blocking and without following links: what is opened is what was checked, or the open fails.
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  try {
    handle = await open(realPath, flags);
    const opened = await handle.stat();
    if (!opened.isFile() || opened.ino !== info.ino || opened.dev !== info.dev) {
      throw new FileRefused("it was replaced while it was being opened; try again");
    }
    const bytes = await readAtMost(handle, maxBytes);
    if (bytes === null) throw new FileRefused(tooLarge);
    return { bytes, info: opened, realPath };
  } catch (e) {
    throw refusal(e);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/// The file's bytes, or null when it holds more than `maxBytes` (it may have grown since `stat`).
async function readAtMost(handle: Awaited<ReturnType<typeof open>>, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) return null;
  }
  return Buffer.concat(chunks, total);
}
