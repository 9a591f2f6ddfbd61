import fc from "fast-check";
import type { Node as PMNode } from "prosemirror-model";
import { Transform } from "prosemirror-transform";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createArticle, type Article } from "../../../shared/article";
import { articleFromJSON, parseArticleFile, serializeArticle } from "../../../shared/article-file";
import { articleToYDoc, editSharedArticle, unsharedParts, yDocToArticle } from "../../../shared/collab/y-article";
import { schema } from "../../../shared/schema";
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

describe("edits made without an editor", () => {
  it("write only what changed: another replica's concurrent typing stays", () => {
    const parsed = parseArticleFile(readFileSync(seedArticlePath, "utf8"));
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const server = new Y.Doc();
    articleToYDoc(parsed.article, server);
    const reporter = new Y.Doc();
    Y.applyUpdate(reporter, Y.encodeStateAsUpdate(server));
    const beforeEdit = Y.encodeStateVector(server);

    editSharedArticle(server, (article) => ({ ...article, meta: { ...article.meta, urgency: 1, tags: [...article.meta.tags, "arms"] } }));
    editSharedArticle(reporter, (article) => {
      const headlineEnd = article.doc.child(0).nodeSize + 1 + article.doc.child(1).content.size;
      return { ...article, doc: new Transform(article.doc).insert(headlineEnd, schema.text(" (update)")).doc };
    });
    Y.applyUpdate(server, Y.encodeStateAsUpdate(reporter, beforeEdit));
    Y.applyUpdate(reporter, Y.encodeStateAsUpdate(server));

    const [a, b] = [yDocToArticle(server).article, yDocToArticle(reporter).article];
    expect(serializeArticle(a)).toBe(serializeArticle(b));
    expect(a.meta.urgency).toBe(1);
    expect(a.meta.tags).toContain("arms");
    expect(a.doc.child(1).textContent).toBe("US speeds up arms sales to Iraq amid jihadist resurgence (update)");
  });

  it("name what a shared story cannot hold: suggested edits on whole blocks", () => {
    const article = createArticle();
    const body = schema.nodes.body.create(null, [schema.nodes.paragraph.create(null, schema.text("Proposed."), [schema.marks.insertion.create({ id: "s1" })])]);
    const fields: PMNode[] = [];
    article.doc.forEach((field) => fields.push(field.type === schema.nodes.body ? body : field));
    const withBlockMark = schema.nodes.doc.create(null, fields);
    expect(unsharedParts(withBlockMark)).toEqual([expect.stringMatching(/^1 suggested edit on whole blocks .*accept or reject it before sharing/)]);
    expect(unsharedParts(article.doc)).toEqual([]);
  });
});

describe("a shared story read before anything is in it", () => {
  it("is a new, empty article, and says so", () => {
    const { article, repairs } = yDocToArticle(new Y.Doc());
    expect(repairs).toEqual(["the shared story holds nothing yet: it reads as a new, empty article"]);
    expect(parseArticleFile(serializeArticle(article)).ok).toBe(true);
  });
});
