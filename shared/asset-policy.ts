import { assetScheme, type Asset } from "./article";
import { sniffImageType } from "./image-type";
import { sha256Hex } from "./sha256";
import { isWebHref } from "./urls";

// Which images an article may hold, decided once. The file format, paste and drop, the figure
// dialog, the main process's image files and every importer ask this module.
//
// Types: PNG, JPEG, GIF, WebP and AVIF, always as the bytes' own signature says, whatever a
// label or file name claims (never SVG, which can carry scripts). Size: at most 10 MB decoded.
// Where from: a figure's image is an https address, or `asset:<sha256>` naming an image embedded
// in the article; a base64 `data:` URL (pasted, dropped, imported) is only a way in, turned into
// an embedded asset before it reaches the document.

const kinds = [
  { type: "image/png", name: "PNG", extensions: ["png"] },
  { type: "image/jpeg", name: "JPEG", extensions: ["jpg", "jpeg"] },
  { type: "image/gif", name: "GIF", extensions: ["gif"] },
  { type: "image/webp", name: "WebP", extensions: ["webp"] },
  { type: "image/avif", name: "AVIF", extensions: ["avif"] },
] as const;

/// The MIME type of an image an article may embed.
export type ImageType = (typeof kinds)[number]["type"];

/// The image types an article may embed.
export const assetTypes: readonly ImageType[] = kinds.map((kind) => kind.type);

/// The file name extensions of those types, for the file chooser.
export const imageExtensions: readonly string[] = kinds.flatMap((kind) => kind.extensions);

/// The types as people name them: "PNG, JPEG, GIF, WebP or AVIF".
export const imageTypeNames = `${kinds.slice(0, -1).map((kind) => kind.name).join(", ")} or ${kinds[kinds.length - 1].name}`;

/// Largest image an article may embed, in bytes (decoded).
export const maxAssetBytes = 10 * 1024 * 1024;

/// A size in megabytes for messages, e.g. "10 MB" or "10.5 MB".
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}

/// The size limit in words: "10 MB".
export const maxAssetSize = megabytes(maxAssetBytes);

/// True for a type an article may embed.
export function isAssetType(type: string): type is ImageType {
  return (assetTypes as readonly string[]).includes(type);
}

/// True for padded base64 text (no white space).
export function isBase64(data: string): boolean {
  return data.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(data);
}

/// How many bytes padded base64 data decodes to.
export function base64Bytes(data: string): number {
  return (data.length / 4) * 3 - (data.endsWith("==") ? 2 : data.endsWith("=") ? 1 : 0);
}

/// The bytes of base64 text.
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/// The key an embedded image is stored under: the SHA-256 of its bytes, in hex.
export function assetKey(data: string): string {
  return sha256Hex(base64ToBytes(data));
}

/// Why base64 data cannot be embedded, in words ("it is over the 10 MB limit"), or null when it can.
export function imageDataProblem(data: string): string | null {
  if (!isBase64(data)) return "it is not base64 data";
  if (base64Bytes(data) > maxAssetBytes) return `it is over the ${maxAssetSize} limit`;
  if (!sniffImageType(data)) return `it is not a ${imageTypeNames} image`;
  return null;
}

/// Base64 data as an embeddable image, typed by its bytes; null when it is not one or is too large.
export function imageAsset(data: string): Asset | null {
  if (imageDataProblem(data)) return null;
  return { type: sniffImageType(data)!, data };
}

const dataUrlPattern = /^data:image\/[a-z0-9.+-]+(?:;[^,;]*)*;base64,([A-Za-z0-9+/=\s]*)$/i;

/// The image of a base64 `data:` URL as an embeddable asset (typed by its bytes, not its label), or null.
export function assetFromDataUrl(url: string): Asset | null {
  const match = dataUrlPattern.exec(url.trim());
  return match ? imageAsset(match[1].replace(/\s+/g, "")) : null;
}

/// Where a figure's image comes from.
export type ImageOrigin = "https" | "asset" | "data";

/// Where a `src` points: an https address (one the link policy accepts, as written: a host, no
/// white space, credentials, control or invisible characters), an embedded asset (`asset:<sha256>`),
/// a data: URL still to be made into an asset; null for anything else.
export function imageOrigin(src: string): ImageOrigin | null {
  if (src.startsWith(assetScheme)) return /^[0-9a-f]{64}$/.test(src.slice(assetScheme.length)) ? "asset" : null;
  if (/^https:\/\//i.test(src) && src === src.trim() && isWebHref(src)) return "https";
  if (/^data:/i.test(src)) return "data";
  return null;
}

/// True for a `src` a document may hold: an https address, or an asset that `assets` holds.
export function isStoredImageSrc(src: string, assets: Record<string, Asset>): boolean {
  const origin = imageOrigin(src);
  return origin === "https" || (origin === "asset" && Object.hasOwn(assets, src.slice(assetScheme.length)));
}
