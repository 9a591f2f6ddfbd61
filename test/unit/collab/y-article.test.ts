import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Article } from "../../../shared/article";
import { articleFromJSON, parseArticleFile, serializeArticle } from "../../../shared/article-file";
import { articleToYDoc, yDocToArticle } from "../../../shared/collab/y-article";
import { generatedArticle } from "../../bench/support/articles";
import { schemaArticleArbitrary } from "../../support/schema-arbitrary";
import { seedArticlePath } from "../../support/seed-article";
import { storyWithVersions } from "../../support/versioned-story";
import { reviewedArticle } from "../review/reviewed-article";

// The shared story's mapping: an article put into a Y.Doc, sent to another replica as a Yjs update
// and read back there is the same article, to the byte of its file.

/// The article after a trip through a Y.Doc and a second replica.
function throughYjs(article: Article): { article: Article; repairs: string[] } {
  const first = new Y.Doc();
  articleToYDoc(article, first);
  const second = new Y.Doc();
  Y.applyUpdate(second, Y.encodeStateAsUpdate(first));
  return yDocToArticle(second);
}

function expectSameFile(article: Article): void {
  const back = throughYjs(article);
  expect(back.repairs).toEqual([]);
  expect(serializeArticle(back.article)).toBe(serializeArticle(article));
}

const fromJSON = (json: unknown): Article => {
  const result = articleFromJSON(json);
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.article;
};

describe("an article as a shared story", () => {
  it("keeps the reference article as it is", () => {
    const parsed = parseArticleFile(readFileSync(seedArticlePath, "utf8"));
    if (!parsed.ok) throw new Error(parsed.errors.join());
    expectSameFile(parsed.article);
  });

  it("keeps generated articles, with subheadings and figures", () => {
    for (const paragraphs of [1, 12, 200]) expectSameFile(fromJSON(generatedArticle(paragraphs, { seed: paragraphs, subheadingEvery: 5 })));
  });

  it("keeps the desk's review: notes in every field and block, replies, resolved and desk notes", () => {
    expectSameFile(reviewedArticle().article);
  });

  it("keeps the versions, each rebuilt against the document read back", () => {
    expectSameFile(storyWithVersions().article);
  });
});

describe("generated articles of every node and mark as shared stories", () => {
  it("keep every part", () => {
    fc.assert(
      fc.property(schemaArticleArbitrary, (article) => {
        expectSameFile(article);
      }),
      { numRuns: 100 },
    );
  });
});
