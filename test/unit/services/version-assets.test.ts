import { describe, expect, it } from "vitest";
import { createArticle } from "../../../shared/article";
import type { ArticleVersion } from "../../../shared/review/review";
import { referencedAssets } from "../../../electron/services/heavy-tasks";

// An image taken out of the article after a version was taken stays in the file while a version
// shows it, or that version could not be rebuilt when the file is opened again.

const key = (c: string) => c.repeat(64);
const asset = { type: "image/png", data: "iVBORw0KGgo=" };

describe("the images a saved article keeps", () => {
  it("keeps an image only a version shows, and drops one nothing shows", () => {
    const { doc, meta } = createArticle();
    const figure = { type: "figure", content: [{ type: "image", attrs: { src: `asset:${key("a")}`, alt: "A drone" } }] };
    const version: ArticleVersion = { id: "v1", author: "p1", time: "2026-11-29T10:00:00.000Z", name: null, reason: "save", words: 0, meta: { ...meta }, changes: [{ stepType: "replace", from: 20, to: 20, slice: { content: [figure] } }] };
    expect(Object.keys(referencedAssets(doc, { [key("a")]: asset, [key("b")]: asset }, [version]))).toEqual([key("a")]);
    expect(referencedAssets(doc, { [key("a")]: asset })).toEqual({});
  });
});
