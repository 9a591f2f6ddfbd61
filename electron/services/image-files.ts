import { basename } from "node:path";
import { imageAsset, imageExtensions, imageTypeNames, maxAssetBytes, maxAssetSize } from "../../shared/asset-policy";
import type { FileFilter } from "./dialogs";
import { UserFacingError } from "./errors";
import { FileRefused, readRegularFile } from "./regular-file";

/// The files the figure dialog's "Choose image…" offers.
export const imageFilter: FileFilter = { name: "Images", extensions: [...imageExtensions] };

/// Reads an image for embedding as the asset policy allows: within its size limit, and of one of its types by the bytes.
export async function readImageFile(path: string): Promise<{ name: string; type: string; data: string }> {
  const name = basename(path);
  let bytes: Buffer;
  try {
    bytes = (await readRegularFile(path, maxAssetBytes, `it is larger than ${maxAssetSize}, the limit for an image in an article`)).bytes;
  } catch (e) {
    if (e instanceof FileRefused) throw new UserFacingError(e.code === "ENOENT" ? "not-found" : "invalid-request", `Could not use ${name}: ${e.reason}.`);
    throw e;
  }
  const asset = imageAsset(bytes.toString("base64"));
  if (!asset) throw new UserFacingError("invalid-request", `${name} is not a ${imageTypeNames} image.`);
  return { name, ...asset };
}
