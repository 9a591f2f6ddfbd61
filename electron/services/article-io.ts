import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import type { Article } from "../../shared/article";
import { articleFromJSON, maxFileBytes, parseArticleFile, serializeArticle } from "../../shared/article-file";
import { contentHash, realFileSystem, writeFileDurably, type DiskSnapshot, type FileSystemLayer } from "./durable-write";
import { describeFsError, UserFacingError } from "./errors";

// Reading and writing article files, with what was on disk remembered for conflict checks.

/// An article read from disk, with the snapshot of the bytes it came from.
export interface ReadArticle {
  article: Article;
  migratedFrom: number | null;
  disk: DiskSnapshot;
}

/// Reads an article file, refusing anything that is not a valid article with a clear message.
export async function readArticleFile(path: string): Promise<ReadArticle> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (e) {
    throw describeFsError(e, "open", path);
  }
  if (info.isDirectory()) throw new UserFacingError("io", `Could not open ${path}: it is a folder, not an article file.`);
  if (info.size > maxFileBytes) {
    throw new UserFacingError("invalid-article", `Could not open ${basename(path)}: the file is over the 50 MB limit for an article.`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw describeFsError(e, "open", path);
  }
  const result = parseArticleFile(bytes);
  if (!result.ok) {
    throw new UserFacingError("invalid-article", `${basename(path)} is not a valid Copydesk article.`, result.errors);
  }
  const disk = { size: bytes.byteLength, mtimeMs: Number(info.mtimeMs), hash: contentHash(bytes) };
  return { article: result.article, migratedFrom: result.migratedFrom, disk };
}

/// Writes an article file atomically and durably; on failure the original is untouched and the error says why in plain words.
export async function writeArticleFile(path: string, article: Article, fs: FileSystemLayer = realFileSystem): Promise<DiskSnapshot> {
  try {
    return await writeFileDurably(path, serializeArticle(article), fs);
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
