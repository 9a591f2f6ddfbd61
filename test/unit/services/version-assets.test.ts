import { describe, expect, it } from "vitest";
import { createArticle } from "../../../shared/article";
import type { ArticleVersion } from "../../../shared/review/review";
import { readArticle, referencedAssets } from "../../../electron/services/heavy-tasks";
import { serializeArticle } from "../../../shared/article-file";
import { personFrom } from "../../../shared/review/people";
import { emptyReview } from "../../../shared/review/review";

// Reading a file whose version is broken gives the article and says which versions were left out.
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

describe("reading a file with a version that cannot be read", () => {
  it("gives the article, and says the version was left out", () => {
    const article = createArticle();
    const broken: ArticleVersion = { id: "v1", author: "p1", time: "2026-11-29T10:00:00.000Z", name: "Filed", reason: "named", words: 0, meta: { ...article.meta }, changes: [{ stepType: "teleport" }] };
    const text = serializeArticle({ ...article, review: { ...emptyReview(), people: { p1: personFrom("Amira Haddad", "AH") }, versions: [broken] } });
    const result = readArticle(new TextEncoder().encode(text));
    if (!result.ok) throw new Error(result.errors.join("\n"));
    expect(result.article.review?.versions ?? []).toEqual([]);
    expect(result.versionsDropped).toEqual([expect.stringMatching(/^versions\.0: changes\.0: not a step Copydesk reads .*left out/)]);
  });
});
