import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { imageAsset, imageExtensions, imageTypeNames, maxAssetBytes, maxAssetSize } from "../../shared/asset-policy";
import type { FileFilter } from "./dialogs";
import { describeFsError, UserFacingError } from "./errors";

/// The files the figure dialog's "Choose image…" offers.
export const imageFilter: FileFilter = { name: "Images", extensions: [...imageExtensions] };

/// Reads an image for embedding as the asset policy allows: within its size limit, and of one of its types by the bytes.
export async function readImageFile(path: string): Promise<{ name: string; type: string; data: string }> {
  const name = basename(path);
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UserFacingError("invalid-request", `${name} is not a file.`);
    if (info.size > maxAssetBytes) throw new UserFacingError("invalid-request", `${name} is larger than ${maxAssetSize}, the limit for an image in an article.`);
    const asset = imageAsset((await readFile(path)).toString("base64"));
    if (!asset) throw new UserFacingError("invalid-request", `${name} is not a ${imageTypeNames} image.`);
    return { name, ...asset };
  } catch (e) {
    throw e instanceof UserFacingError ? e : describeFsError(e, "read", path);
  }
}
