import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { maxAssetBytes } from "../../shared/article-file";
import { sniffImageType } from "../../shared/image-type";
import type { FileFilter } from "./dialogs";
import { describeFsError, UserFacingError } from "./errors";

/// The files the figure dialog's "Choose image…" offers.
export const imageFilter: FileFilter = { name: "Images", extensions: ["png", "jpg", "jpeg", "gif", "webp", "avif"] };

/// Reads an image for embedding: at most 10 MB, and really a PNG, JPEG, GIF, WebP or AVIF (by its bytes).
export async function readImageFile(path: string): Promise<{ name: string; type: string; data: string }> {
  const name = basename(path);
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UserFacingError("invalid-request", `${name} is not a file.`);
    if (info.size > maxAssetBytes) throw new UserFacingError("invalid-request", `${name} is larger than 10 MB, the limit for an image in an article.`);
    const data = (await readFile(path)).toString("base64");
    const type = sniffImageType(data);
    if (!type) throw new UserFacingError("invalid-request", `${name} is not a PNG, JPEG, GIF, WebP or AVIF image.`);
    return { name, type, data };
  } catch (e) {
    throw e instanceof UserFacingError ? e : describeFsError(e, "read", path);
  }
}
