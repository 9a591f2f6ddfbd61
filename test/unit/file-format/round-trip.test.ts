import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Article } from "../../../shared/article";
import { parseArticleFile, serializeArticle } from "../../../shared/article-file";
import { schema } from "../../../shared/schema";
import { rounds, timeoutFor } from "../../support/long-tests";
import { schemaArticleArbitrary } from "../../support/schema-arbitrary";
import { seedArticlePath } from "../../support/seed-article";

// parse(serialize(a)) equals a, and serialize is byte-stable, for the seed and for generated
// articles that reach every node and mark type of the schema.

function roundTrip(article: Article): Article {
  const result = parseArticleFile(serializeArticle(article));
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.article;
}

function expectSameArticle(a: Article, b: Article): void {
  expect(b.meta).toEqual(a.meta);
  expect(b.assets).toEqual(a.assets);
  expect(b.doc.eq(a.doc), `documents differ:\n${JSON.stringify(a.doc.toJSON())}\n${JSON.stringify(b.doc.toJSON())}`).toBe(true);
}

/// Generated articles per run: 150 in `npm test`, 300 under `npm run test:long`.
const generated = rounds(150, 300);

describe("round trip through the file format", () => {
  it("keeps the reference article as it is, byte for byte", () => {
    const text = readFileSync(seedArticlePath, "utf8");
    const parsed = parseArticleFile(text);
    if (!parsed.ok) throw new Error(parsed.errors.join());
    expect(serializeArticle(parsed.article)).toBe(text);
    expectSameArticle(parsed.article, roundTrip(parsed.article));
  });

  it(`keeps ${generated} generated articles, and writes each twice the same`, { timeout: timeoutFor(generated, 300) }, () => {
    fc.assert(
      fc.property(schemaArticleArbitrary, (article) => {
        const back = roundTrip(article);
        expectSameArticle(article, back);
        expect(serializeArticle(back)).toBe(serializeArticle(article));
      }),
      { numRuns: generated },
    );
  });

  it("generates every node and mark type of the schema", () => {
    const seen = new Set<string>();
    for (const article of fc.sample(schemaArticleArbitrary, { numRuns: 300, seed: 7 })) {
      article.doc.descendants((node) => {
        seen.add(node.type.name);
        for (const mark of node.marks) seen.add(mark.type.name);
      });
      seen.add("doc");
    }
    expect([...seen].sort()).toEqual([...Object.keys(schema.nodes), ...Object.keys(schema.marks)].sort());
  });
});
