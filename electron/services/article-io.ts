import { basename } from "node:path";
import type { Article } from "../../shared/article";
import { articleFromJSON, maxFileBytes, overFileLimit, parseArticleFile, serializeArticle } from "../../shared/article-file";
import { contentHash, realFileSystem, writeFileDurably, type DiskSnapshot, type FileSystemLayer } from "./durable-write";
import { describeFsError, UserFacingError } from "./errors";
import { FileRefused, readRegularFile } from "./regular-file";

// Reading and writing article files, with what was on disk remembered for conflict checks.

/// An article read from disk, with the snapshot of the bytes it came from.
export interface ReadArticle {
  article: Article;
  migratedFrom: number | null;
  disk: DiskSnapshot;
}

/// Reads an article file, refusing anything that is not a valid article with a clear message:
/// only a regular file is read (wherever a symbolic link points), never more than the file limit.
export async function readArticleFile(path: string): Promise<ReadArticle> {
  const { bytes, info } = await readArticleBytes(path);
  const result = parseArticleFile(bytes);
  if (!result.ok) {
    throw new UserFacingError("invalid-article", `${basename(path)} is not a valid Copydesk article.`, result.errors);
  }
  return { article: result.article, migratedFrom: result.migratedFrom, disk: diskSnapshotOf(bytes, info.mtimeMs) };
}

/// The bytes of an article file, with what `stat` said of it; refused with a message naming the file.
export async function readArticleBytes(path: string): Promise<{ bytes: Buffer; info: { mtimeMs: number } }> {
  try {
    return await readRegularFile(path, maxFileBytes, overFileLimit);
  } catch (e) {
    if (!(e instanceof FileRefused)) throw e;
    const code = e.code === "ENOENT" ? "not-found" : e.reason === overFileLimit ? "invalid-article" : "io";
    throw new UserFacingError(code, `Could not open ${basename(path)}: ${e.reason}.`);
  }
}

/// What was read, for the conflict check before the next save.
export function diskSnapshotOf(bytes: Uint8Array, mtimeMs: number): DiskSnapshot {
  return { size: bytes.byteLength, mtimeMs: Number(mtimeMs), hash: contentHash(bytes) };
}

/// Writes an article file atomically and durably; on failure the original is untouched and the error says why in plain words.
export async function writeArticleFile(path: string, article: Article, fs: FileSystemLayer = realFileSystem): Promise<DiskSnapshot> {
  return writeArticleText(path, serializeArticle(article), fs);
}

/// Writes an article file's text (as `serializeArticle` made it) atomically and durably, like `writeArticleFile`.
export async function writeArticleText(path: string, text: string, fs: FileSystemLayer = realFileSystem): Promise<DiskSnapshot> {
  try {
    return await writeFileDurably(path, text, fs);
  } catch (e) {
    const error = describeFsError(e, "save", path);
    throw new UserFacingError(
      error.code,
      `${error.message} Your changes are still in Copydesk (and in its recovery copy); try saving again or use Save As to save elsewhere.`,
    );
  }
}

/// Validates an article received over IPC.
export function articleFromPayload(payload: unknown): Article {
  const result = articleFromJSON(payload);
  if (!result.ok) throw new UserFacingError("invalid-article", "The article could not be saved: it is not valid.", result.errors);
  return result.article;
}

/// Title bar text for a document.
export function titleFor(path: string | null): string {
  return path ? basename(path) : "Untitled";
}
