import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { base64ToBytes } from "../../../shared/asset-policy";
import { parseArticleFile, serializeArticle } from "../../../shared/article-file";
import { articleToYDoc, yDocToArticle } from "../../../shared/collab/y-article";
import { bytesToBase64, type SharedPart } from "../../../shared/collab/shared-part";
import { seedArticlePath } from "../../support/seed-article";

// The `shared` part of a shared story's local file: written last, read back as it was, and a broken
// one never costs the article, which opens as a story of one's own and says why.

function seed() {
  const parsed = parseArticleFile(readFileSync(seedArticlePath, "utf8"));
  if (!parsed.ok) throw new Error(parsed.errors.join());
  return parsed.article;
}

function sharedSeed(): { text: string; part: SharedPart } {
  const article = seed();
  const ydoc = new Y.Doc();
  articleToYDoc(article, ydoc);
  const part = { server: "wss://newsroom.example:8443/collab", story: "iraq-arms-0107", state: bytesToBase64(Y.encodeStateAsUpdate(ydoc)) };
  return { text: serializeArticle(article, part), part };
}

/// The file with its `shared` part replaced.
function withShared(shared: unknown): string {
  const file = JSON.parse(sharedSeed().text) as Record<string, unknown>;
  return `${JSON.stringify({ ...file, shared }, null, 2)}\n`;
}

describe("the shared part of an article file", () => {
  it("is written last and read back as it was, the file byte for byte", () => {
    const { text, part } = sharedSeed();
    expect(Object.keys(JSON.parse(text)).at(-1)).toBe("shared");
    const parsed = parseArticleFile(text);
    if (!parsed.ok) throw new Error(parsed.errors.join());
    expect(parsed.shared).toEqual(part);
    expect(parsed.sharedDropped).toBeUndefined();
    expect(serializeArticle(parsed.article, parsed.shared)).toBe(text);
  });

  it("holds the whole story: its state alone gives the article back", () => {
    const parsed = parseArticleFile(sharedSeed().text);
    if (!parsed.ok || !parsed.shared) throw new Error("not read");
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, base64ToBytes(parsed.shared.state));
    expect(serializeArticle(yDocToArticle(ydoc).article)).toBe(serializeArticle(seed()));
  });

  it("is absent for a story of one's own", () => {
    const parsed = parseArticleFile(serializeArticle(seed()));
    expect(parsed.ok && [parsed.shared, parsed.sharedDropped]).toEqual([undefined, undefined]);
    expect(serializeArticle(seed())).not.toContain('"shared"');
  });

  const { part } = sharedSeed();
  const broken: [string, unknown, RegExp][] = [
    ["not an object", "wss://newsroom.example", /^shared: not an object/],
    ["an http address", { ...part, server: "https://newsroom.example" }, /^shared\.server: "https:\/\/newsroom\.example" is not a newsroom server's address/],
    ["a password in the address", { ...part, server: "wss://ann:secret@newsroom.example" }, /^shared\.server: .* without a user name or password/],
    ["a story id with a slash", { ...part, story: "../users" }, /^shared\.story: "\.\.\/users" is not a story id/],
    ["a state that is not base64", { ...part, state: "not base64!" }, /^shared\.state: not the story's shared state/],
    ["an empty state", { ...part, state: "" }, /^shared\.state:/],
    ["a field it does not know", { ...part, token: "abc" }, /^shared: unknown field "token"/],
  ];
  for (const [what, shared, message] of broken) {
    it(`with ${what} is left out, and the article opens with every word`, () => {
      const parsed = parseArticleFile(withShared(shared));
      if (!parsed.ok) throw new Error(parsed.errors.join());
      expect(parsed.shared).toBeUndefined();
      expect(parsed.sharedDropped).toMatch(message);
      expect(parsed.sharedDropped).toMatch(/opens as a story of your own/);
      expect(serializeArticle(parsed.article)).toBe(serializeArticle(seed()));
    });
  }
});
