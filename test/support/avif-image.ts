import { createHash } from "node:crypto";

// A tiny AVIF for the tests: an ISO-BMFF file-type box with the `avif` brand, which is what
// AVIF readers and shared/image-type.ts look for first. It carries no picture to decode; the
// tests check that AVIF data is accepted and kept, not how it looks.

/// The bytes of the AVIF, its base64 and its SHA-256 (the key an article stores it under).
export function avifImage(): { hash: string; base64: string; bytes: Buffer } {
  const brands = Buffer.from("avif\x00\x00\x00\x00avifmif1miaf", "latin1");
  const size = Buffer.alloc(4);
  size.writeUInt32BE(8 + brands.length);
  const bytes = Buffer.concat([size, Buffer.from("ftyp", "latin1"), brands]);
  return { hash: createHash("sha256").update(bytes).digest("hex"), base64: bytes.toString("base64"), bytes };
}
