import fc from "fast-check";
import type { Node as PMNode } from "prosemirror-model";
import { describe, expect, it } from "vitest";
import { fieldNode, type Article } from "../../../shared/article";
import { compareArticles, textOf, type Redline, type TextPiece } from "../../../shared/review/compare";
import { articleArbitrary } from "../../support/arbitrary-article";
import { assertProperty, fuzzSeed } from "../../support/fuzz";
import { rounds, timeoutFor } from "../../support/long-tests";

// The redline loses no word and invents none, whatever the two articles: for random articles
// (every node and mark, awkward text, right-to-left scripts, emoji) and edits of them (blocks
// dropped, others inserted, two swapped), the redline's pieces give back both versions' text,
// every body block that is not listed has its twin in the other version, and an article
// compared with itself is equal.

/// The text a redline gives for the older (`deleted` kept) or the newer (`inserted` kept) version.
const side = (pieces: TextPiece[], keep: "deleted" | "inserted") => pieces.filter((p) => p.change === "same" || p.change === keep).map((p) => p.text).join("");
/// White space aside: word diffs may carry a space to either side of a change.
const squeezed = (text: string) => text.replace(/\s+/g, "");

const bodyBlocks = (a: Article): PMNode[] => {
  const blocks: PMNode[] = [];
  fieldNode(a.doc, "body")?.forEach((b) => blocks.push(b));
  return blocks;
};

/// An edit of an article: some body blocks dropped, blocks of another article put in, two swapped, the headline changed.
const editedPair = fc
  .record({ older: articleArbitrary, other: articleArbitrary, keep: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), swap: fc.boolean(), headline: fc.boolean() })
  .map(({ older, other, keep, swap, headline }) => {
    const blocks = bodyBlocks(older).filter((_, i) => keep[i % keep.length]);
    bodyBlocks(other).forEach((block, i) => blocks.splice((i * 3) % (blocks.length + 1), 0, block));
    if (swap && blocks.length > 2) [blocks[0], blocks[blocks.length - 1]] = [blocks[blocks.length - 1], blocks[0]];
    if (blocks.length === 0) blocks.push(older.doc.type.schema.nodes.paragraph.create());
    const children: PMNode[] = [];
    older.doc.forEach((field) => {
      if (field.type.name === "body") children.push(field.type.create(null, blocks));
      else if (field.type.name === "headline" && headline) children.push(fieldNode(other.doc, "headline")!);
      else children.push(field);
    });
    const newer: Article = { ...older, doc: older.doc.type.create(null, children) };
    return { older, newer };
  });

function checkRedline(older: Article, newer: Article, redline: Redline): void {
  for (const field of redline.fields) {
    expect(squeezed(side(field.pieces, "deleted"))).toBe(squeezed(fieldNode(older.doc, field.field)!.textContent));
    expect(squeezed(side(field.pieces, "inserted"))).toBe(squeezed(fieldNode(newer.doc, field.field)!.textContent));
  }
  const before = bodyBlocks(older);
  const after = bodyBlocks(newer);
  for (const block of redline.body) {
    if (block.before !== null) expect(squeezed(side(block.pieces, "deleted")), `older block ${block.before}`).toBe(squeezed(textOf(before[block.before - 1])));
    if (block.after !== null) expect(squeezed(side(block.pieces, "inserted")), `newer block ${block.after}`).toBe(squeezed(textOf(after[block.after - 1])));
  }
  // A block the redline does not list is in both versions.
  const key = (b: PMNode) => JSON.stringify(b.toJSON());
  const listedBefore = new Set(redline.body.map((b) => b.before));
  const listedAfter = new Set(redline.body.map((b) => b.after));
  const afterKeys = new Set(after.map(key));
  const beforeKeys = new Set(before.map(key));
  before.forEach((b, i) => {
    if (!listedBefore.has(i + 1)) expect(afterKeys.has(key(b)), `older block ${i + 1} vanished`).toBe(true);
  });
  after.forEach((b, j) => {
    if (!listedAfter.has(j + 1)) expect(beforeKeys.has(key(b)), `newer block ${j + 1} came from nowhere`).toBe(true);
  });
  expect(redline.equal).toBe(JSON.stringify(older.doc.toJSON()) === JSON.stringify(newer.doc.toJSON()) && JSON.stringify(older.meta) === JSON.stringify(newer.meta));
}

describe("compareArticles on random articles", () => {
  const runs = rounds(60, 1_000);

  it("an article compared with itself is equal", { timeout: timeoutFor(runs, 100) }, async () => {
    await assertProperty(fc.property(articleArbitrary, (a) => {
        expect(compareArticles(a, a).equal).toBe(true);
      }), { numRuns: runs, seed: fuzzSeed("compare itself") });
  });

  it("the redline of an edit gives back both versions' words, and lists every block that changed", { timeout: timeoutFor(runs, 200) }, async () => {
    await assertProperty(
      fc.property(editedPair, ({ older, newer }) => checkRedline(older, newer, compareArticles(older, newer))),
      { numRuns: runs, seed: fuzzSeed("compare edits") },
    );
  });

  it("so does the redline of two unrelated articles", { timeout: timeoutFor(runs, 200) }, async () => {
    await assertProperty(
      fc.property(articleArbitrary, articleArbitrary, (older, newer) => checkRedline(older, newer, compareArticles(older, newer))),
      { numRuns: runs, seed: fuzzSeed("compare unrelated") },
    );
  });
});
