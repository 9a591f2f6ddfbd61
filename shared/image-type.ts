import type { ImageType } from "./asset-policy";

/// The image type that base64 data really is, from its first bytes (the types of shared/asset-policy.ts), or null.
export function sniffImageType(base64: string): ImageType | null {
  let head: string;
  try {
    head = atob(base64.slice(0, 24));
  } catch {
    return null;
  }
  const at = (offset: number, signature: string) => head.slice(offset, offset + signature.length) === signature;
  if (at(0, "\x89PNG\r\n\x1a\n")) return "image/png";
  if (at(0, "\xff\xd8\xff")) return "image/jpeg";
  if (at(0, "GIF87a") || at(0, "GIF89a")) return "image/gif";
  if (at(0, "RIFF") && at(8, "WEBP")) return "image/webp";
  if (at(4, "ftypavif") || at(4, "ftypavis")) return "image/avif";
  return null;
}
