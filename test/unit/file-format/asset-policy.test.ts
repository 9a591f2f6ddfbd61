import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { DOMParser as LinkedomParser } from "linkedom";
import { describe, expect, it } from "vitest";
import { createArticle, type Article } from "../../../shared/article";
import { parseArticleFile, serializeArticle } from "../../../shared/article-file";
import {
  assetFromDataUrl,
  assetTypes,
  imageDataProblem,
  imageOrigin,
  imageTypeNames,
  isAssetType,
  isStoredImageSrc,
  maxAssetBytes,
} from "../../../shared/asset-policy";
import { importHtml } from "../../../shared/import/html";
import { importMarkdown } from "../../../shared/import/markdown";
import { schema } from "../../../shared/schema";
import { imageFilter, readImageFile } from "../../../electron/services/image-files";
import { parseHtmlInNode } from "../../../electron/services/import-files";
import { AssetStore } from "../../../renderer/src/editor/assets";
import { imageSources, parseSlice, sanitizeHTML } from "../../../renderer/src/editor/paste";
import { avifImage } from "../../support/avif-image";
import { leadImage } from "../../support/seed-article";
import { article as articleDoc, fieldStart, p } from "../editor/builders";

// One asset policy (shared/asset-policy.ts): which image types, how large, and where an image may
// come from, the same for the file format, paste and drop, the figure dialog and import.

const b64 = (bytes: number[] | string | Buffer) => Buffer.from(typeof bytes === "string" ? Buffer.from(bytes, "latin1") : Uint8Array.from(bytes)).toString("base64");
const sha256 = (base64: string) => createHash("sha256").update(Buffer.from(base64, "base64")).digest("hex");

/// A picture of each type the policy names, as the bytes' signature makes it.
const samples: Record<string, string> = {
  "image/png": leadImage(4, 3).base64,
  "image/jpeg": b64([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]),
  "image/gif": b64("GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
  "image/webp": b64("RIFF\x24\x00\x00\x00WEBPVP8 \x00\x00\x00\x00"),
  "image/avif": avifImage().base64,
};

/// An article whose one figure shows this embedded image.
function withFigure(asset: { type: string; data: string }): Article {
  const n = schema.nodes;
  const base = createArticle({ id: "00000000-0000-4000-8000-000000000001", now: new Date("2024-01-01T00:00:00Z") });
  const key = sha256(asset.data);
  const body = n.body.create(null, [n.figure.create(null, [n.image.create({ src: `asset:${key}`, alt: "A picture" })])]);
  const content: (typeof base.doc)[] = [];
  base.doc.forEach((field) => content.push(field.type === n.body ? body : field));
  return { ...base, doc: base.doc.type.create(null, content), assets: { [key]: asset } };
}

describe("image types", () => {
  it("are PNG, JPEG, GIF, WebP and AVIF, named so in messages", () => {
    expect([...assetTypes].sort()).toEqual(Object.keys(samples).sort());
    expect(imageTypeNames).toBe("PNG, JPEG, GIF, WebP or AVIF");
    expect(imageFilter.extensions).toEqual(["png", "jpg", "jpeg", "gif", "webp", "avif"]);
  });

  it.each(Object.entries(samples))("%s is taken by its bytes, whatever its data: URL says", (type, data) => {
    expect(assetFromDataUrl(`data:${type};base64,${data}`)).toEqual({ type, data });
    expect(assetFromDataUrl(`data:image/png;base64,${data}`)).toEqual({ type, data });
    expect(assetFromDataUrl(`data:image/x-whatever;name=a.bin;base64,${data.replace(/(.{8})/g, "$1\n")}`)).toEqual({ type, data });
  });

  it.each([
    ["an SVG", `data:image/svg+xml;base64,${b64('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')}`],
    ["an HTML page labelled PNG", `data:image/png;base64,${b64("<html><script>alert(1)</script>")}`],
    ["text that is not base64", "data:image/png;base64,@@@@"],
    ["base64 cut short", `data:image/png;base64,${samples["image/png"].slice(0, -1)}`],
    ["a URL-encoded data: URL", "data:image/png,%89PNG"],
    ["a data: URL of another kind", `data:text/html;base64,${samples["image/png"]}`],
  ])("%s is refused", (_what, url) => {
    expect(assetFromDataUrl(url)).toBeNull();
  });

  it("are at most 10 MB", () => {
    const png = Buffer.from(samples["image/png"], "base64");
    const ofSize = (bytes: number) => Buffer.concat([png, Buffer.alloc(bytes - png.length)]).toString("base64");
    expect(imageDataProblem(ofSize(maxAssetBytes))).toBeNull();
    expect(imageDataProblem(ofSize(maxAssetBytes + 1))).toBe("it is over the 10 MB limit");
    expect(assetFromDataUrl(`data:image/png;base64,${ofSize(maxAssetBytes + 1)}`)).toBeNull();
  });

  it("whatever the policy accepts from a data: URL, the file format keeps", () => {
    const accepted = fc.tuple(fc.constantFrom(...Object.values(samples)), fc.uint8Array({ maxLength: 64 })).map(([data, tail]) => {
      const bytes = Buffer.concat([Buffer.from(data, "base64"), Buffer.from(tail)]);
      return assetFromDataUrl(`data:image/png;base64,${bytes.toString("base64")}`);
    });
    fc.assert(
      fc.property(accepted, (asset) => {
        expect(asset).not.toBeNull();
        const parsed = parseArticleFile(new TextEncoder().encode(serializeArticle(withFigure(asset!))));
        expect(parsed.ok ? [] : parsed.errors).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe("where an image may come from", () => {
  const key = "a".repeat(64);

  it.each([
    ["https://images.example.com/harbour.jpg?w=800&h=600", "https"],
    ["HTTPS://IMAGES.EXAMPLE.COM/A.JPG", "https"],
    [`asset:${key}`, "asset"],
    [`data:image/avif;base64,${samples["image/avif"]}`, "data"],
    ["http://images.example.com/a.jpg", null],
    ["https://", null],
    [" https://images.example.com/a.jpg", null],
    ["https://images.example.com/a b.jpg", null],
    ["asset:not-a-hash", null],
    ["javascript:alert(1)", null],
    ["file:///etc/passwd", null],
    ["blob:https://example.com/1", null],
    ["", null],
  ])("%s: %s", (src, origin) => {
    expect(imageOrigin(src)).toBe(origin);
  });

  it("a stored article holds https addresses and the assets it embeds, never a data: URL", () => {
    const assets = { [key]: { type: "image/png", data: samples["image/png"] } };
    expect(isStoredImageSrc("https://images.example.com/a.jpg", assets)).toBe(true);
    expect(isStoredImageSrc(`asset:${key}`, assets)).toBe(true);
    expect(isStoredImageSrc(`asset:${"b".repeat(64)}`, assets)).toBe(false);
    expect(isStoredImageSrc(`data:image/png;base64,${samples["image/png"]}`, assets)).toBe(false);
    expect(isStoredImageSrc("asset:__proto__", assets)).toBe(false);
  });

  it("opening a file refuses an image from anywhere else, naming its place", () => {
    const file = JSON.parse(serializeArticle(withFigure({ type: "image/png", data: samples["image/png"] }))) as { doc: { content: { content?: { content?: { attrs: { src: string } }[] }[] }[] } };
    const image = file.doc.content[5].content![0].content![0];
    for (const [src, problem] of [
      ["http://images.example.com/a.jpg", 'image src "http://images.example.com/a.jpg" is neither https nor an embedded asset'],
      [`asset:${"b".repeat(64)}`, "image refers to asset bbbbbbbbbbbb…, which the file does not hold"],
      [`data:image/png;base64,${samples["image/png"]}`, "is neither https nor an embedded asset"],
    ]) {
      image.attrs.src = src;
      const parsed = parseArticleFile(new TextEncoder().encode(JSON.stringify(file)));
      expect(parsed.ok ? [] : parsed.errors.join("\n")).toContain(problem);
    }
  });
});

describe("paste and drop", () => {
  const parse = (html: string) => new LinkedomParser().parseFromString(html, "text/html") as unknown as Document;
  const doc = articleDoc({ body: [p("")] });
  const inBody = doc.resolve(fieldStart(doc, "body") + 1);
  const avif = avifImage();

  it("an AVIF pasted as a data: URL is kept, then stored as an asset by its hash", async () => {
    const url = `data:image/avif;base64,${avif.base64}`;
    const slice = parseSlice(sanitizeHTML(`<figure><img src="${url}" alt="Harbour"></figure>`, parse), inBody);
    expect(imageSources(slice, "data")).toEqual([url]);
    const store = new AssetStore();
    const src = await store.addDataUrl(url);
    expect(src).toBe(`asset:${avif.hash}`);
    expect(store.displayUrl(src!)).toBe(url);
  });

  it("an AVIF file dropped or pasted is taken (the file's type, then its bytes as FileReader gives them)", async () => {
    expect(isAssetType("image/avif")).toBe(true);
    expect(isAssetType("image/svg+xml")).toBe(false);
    const store = new AssetStore();
    expect(await store.addDataUrl(`data:image/avif;base64,${avif.base64}`)).toBe(`asset:${avif.hash}`);
    expect(await store.addDataUrl(`data:image/avif;base64,${b64("<svg/>")}`)).toBeNull();
  });

  it("pasted images keep https addresses, article images and accepted data: URLs, and drop the rest", () => {
    const html = [
      `<img src=" https://images.example.com/a.jpg " alt="kept, trimmed">`,
      `<img src="http://images.example.com/b.jpg" alt="plain http">`,
      `<img src="data:image/svg+xml;base64,${b64("<svg/>")}" alt="svg">`,
      `<img src="asset:${"c".repeat(64)}" alt="copied from an article">`,
      `<img src="asset:not-a-hash" alt="broken">`,
    ].join("");
    const kept = Array.from(sanitizeHTML(html, parse).querySelectorAll("img")).map((img) => img.getAttribute("src"));
    expect(kept).toEqual(["https://images.example.com/a.jpg", `asset:${"c".repeat(64)}`]);
  });
});

describe("the figure dialog's image files", () => {
  it("reads an AVIF file as AVIF, and refuses files over the limit or of another type by their bytes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "copydesk-asset-policy-"));
    try {
      writeFileSync(join(dir, "photo.avif"), avifImage().bytes);
      expect(await readImageFile(join(dir, "photo.avif"))).toEqual({ name: "photo.avif", type: "image/avif", data: avifImage().base64 });
      writeFileSync(join(dir, "photo.png"), "<svg/>");
      await expect(readImageFile(join(dir, "photo.png"))).rejects.toThrow("photo.png is not a PNG, JPEG, GIF, WebP or AVIF image.");
      writeFileSync(join(dir, "big.png"), Buffer.alloc(maxAssetBytes + 1));
      await expect(readImageFile(join(dir, "big.png"))).rejects.toThrow("Could not use big.png: it is larger than 10 MB, the limit for an image in an article.");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("import", () => {
  it("embeds data: images by their bytes' type, AVIF included, keeps https ones, and an http one at https with a warning", async () => {
    const avif = avifImage();
    const jpeg = samples["image/jpeg"];
    const page = `<html><body><article><h1>Harbour</h1>
      <figure><img src="data:image/avif;base64,${avif.base64}" alt="AVIF"></figure>
      <figure><img src="data:image/png;base64,${jpeg}" alt="JPEG labelled PNG"></figure>
      <figure><img src="https://images.example.com/a.jpg" alt="Remote"></figure>
      <figure><img src="http://images.example.com/b.jpg" alt="Plain http"><figcaption>Boats at dawn</figcaption></figure>
    </article></body></html>`;
    const result = await importHtml(page, parseHtmlInNode);
    if (!result.ok) throw new Error(result.errors.join("\n"));
    expect(result.article.assets).toEqual({ [avif.hash]: { type: "image/avif", data: avif.base64 }, [sha256(jpeg)]: { type: "image/jpeg", data: jpeg } });
    const sources: string[] = [];
    result.article.doc.descendants((node) => void (node.type.name === "image" && sources.push(node.attrs.src as string)));
    expect(sources).toEqual([`asset:${avif.hash}`, `asset:${sha256(jpeg)}`, "https://images.example.com/a.jpg", "https://images.example.com/b.jpg"]);
    expect(result.article.doc.child(5).lastChild!.lastChild!.textContent).toBe("Boats at dawn");
    expect(result.warnings).toContain(
      "A picture (\"Plain http\") was offered only over http: it is kept at https://images.example.com/b.jpg; check that it loads before publishing.",
    );
  });

  it("Markdown: an image from anywhere but https or an embedded picture is left out with a warning", async () => {
    const result = await importMarkdown("# Harbour\n\n![Boats](http://images.example.com/b.jpg)\n\n![Ferries](https://images.example.com/a.jpg)\n");
    if (!result.ok) throw new Error(result.errors.join("\n"));
    expect(JSON.stringify(result.article.doc.toJSON())).toContain("https://images.example.com/a.jpg");
    expect(JSON.stringify(result.article.doc.toJSON())).not.toContain("http://images.example.com/b.jpg");
    expect(result.warnings.join("\n")).toContain("only https and embedded images are kept");
  });
});
