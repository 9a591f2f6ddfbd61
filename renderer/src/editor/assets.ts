import type { Node as PMNode } from "prosemirror-model";
import { assetScheme, type Asset } from "../../../shared/article";
import { assetFromDataUrl } from "../../../shared/asset-policy";
import { schema } from "../../../shared/schema";

// Images embedded in the article: kept by SHA-256, referenced from figures as `asset:<sha256>`.
// Which images are accepted is the asset policy's (shared/asset-policy.ts).

/// The SHA-256 of some bytes, in hex.
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/// Where images go when they enter the article: the main process checks and keeps each one once
/// (`asset:add`, `asset:choose-image`), so it never crosses again. Without one (unit tests) the
/// editor keys images itself.
export interface AssetHost {
  /// Main keeps the image; answers its key.
  add(asset: Asset): Promise<string>;
  /// Main lets the user pick an image file and keeps it; null when cancelled.
  choose(): Promise<{ key: string; asset: Asset; name: string } | null>;
}

/// The article's embedded images, as the editor holds them.
export class AssetStore {
  private readonly assets = new Map<string, Asset>();

  constructor(
    initial: Record<string, Asset> = {},
    private readonly host?: AssetHost,
  ) {
    for (const [hash, asset] of Object.entries(initial)) this.assets.set(hash, asset);
  }

  /// True when the editor holds the image of that key (a figure may refer to it).
  has(key: string): boolean {
    return this.assets.has(key);
  }

  /// Holds an image main already has (one a colleague added to a shared story), under its key.
  hold(key: string, asset: Asset): void {
    this.assets.set(key, asset);
  }

  /// Stores an image and answers the `src` a figure uses for it.
  async add(asset: Asset): Promise<string> {
    const hash = this.host ? await this.host.add(asset) : await sha256Hex(base64ToBytes(asset.data));
    this.assets.set(hash, asset);
    return assetScheme + hash;
  }

  /// Lets the user pick an image file; answers the `src` and the file's name, or null when cancelled.
  async choose(): Promise<{ src: string; name: string } | null> {
    if (!this.host) return null;
    const chosen = await this.host.choose();
    if (!chosen) return null;
    this.assets.set(chosen.key, chosen.asset);
    return { src: assetScheme + chosen.key, name: chosen.name };
  }

  /// Stores the image of a data: URL; null when it is not an accepted image.
  async addDataUrl(url: string): Promise<string | null> {
    const asset = assetFromDataUrl(url);
    return asset ? this.add(asset) : null;
  }

  /// What an `<img>` shows for a figure's `src`: embedded images as data: URLs.
  displayUrl(src: string): string {
    if (!src.startsWith(assetScheme)) return src;
    const asset = this.assets.get(src.slice(assetScheme.length));
    return asset ? `data:${asset.type};base64,${asset.data}` : "";
  }

  /// The assets the document refers to (unused ones are left out of the saved article).
  referencedBy(doc: PMNode): Record<string, Asset> {
    const used: Record<string, Asset> = {};
    doc.descendants((node) => {
      if (node.type !== schema.nodes.image) return !node.isTextblock;
      const src = node.attrs.src as string;
      const asset = src.startsWith(assetScheme) ? this.assets.get(src.slice(assetScheme.length)) : undefined;
      if (asset) used[src.slice(assetScheme.length)] = asset;
      return false;
    });
    return Object.fromEntries(Object.entries(used).sort(([a], [b]) => a.localeCompare(b)));
  }
}
