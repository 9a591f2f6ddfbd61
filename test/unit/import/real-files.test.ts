import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Node } from "prosemirror-model";
import { describe, expect, it } from "vitest";
import { fieldText } from "../../../shared/article";
import { importFile } from "../../../electron/services/import-files";
import { realFiles } from "./real-files.expected";

// The corpus of real files (test/fixtures/real/): each imports, with the expected headline, byline,
// date and language, and a body that keeps at least 98% of the reference body's words in order
// and holds at most 2% words that are not in the article (page furniture, captions read as text…).

const root = join(__dirname, "../../fixtures/real");

/// Words as the checks count them: runs of letters and digits, lower case.
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/// The length of the longest common subsequence of two word lists: the words of `a` kept in order in `b`.
export function wordsInOrder(a: string[], b: string[]): number {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/// The body's text blocks (figures aside: their caption and credit are not body words, as the word count has it).
function bodyParagraphs(body: Node): string[] {
  const paragraphs: string[] = [];
  const walk = (node: Node) => {
    if (node.type.name === "figure") return;
    if (node.isTextblock) {
      const text = node.textContent.replace(/\s+/g, " ").trim();
      if (text) paragraphs.push(text);
      return;
    }
    node.forEach(walk);
  };
  walk(body);
  return paragraphs;
}

describe("the word measures", () => {
  it("count words kept in order, not words present out of order", () => {
    expect(wordsInOrder(wordsOf("a b c d"), wordsOf("a x b c y d"))).toBe(4);
    expect(wordsInOrder(wordsOf("a b c d"), wordsOf("d c b a"))).toBe(1);
    expect(wordsOf("Don't stop, Mr. O'Neil — 150,000!")).toEqual(["don", "t", "stop", "mr", "o", "neil", "150", "000"]);
  });
});

describe("real files import with their parts in place", () => {
  it("names 25 files or more, every one of the corpus", () => {
    expect(realFiles.length).toBeGreaterThanOrEqual(25);
    const listed = readFileSync(join(root, "SOURCES.md"), "utf8");
    for (const { file } of realFiles) expect(listed).toContain(`\`${file}\``);
  });

  for (const expected of realFiles) {
    it(expected.file, { timeout: 60_000 }, async () => {
      const result = await importFile(join(root, expected.file));
      if (!result.ok) throw new Error(result.errors.join("\n"));
      const { doc, meta } = result.article;
      expect(fieldText(doc, "headline")).toBe(expected.headline);
      expect(fieldText(doc, "byline")).toBe(expected.byline);
      expect(meta.language).toBe(expected.language);
      if (expected.date === null) expect(result.found.some((line) => line.startsWith("date from"))).toBe(false);
      else expect([doc.child(4).attrs.date, meta.created]).toContain(expected.date);

      const reference = readFileSync(join(root, "expected", `${expected.file.replace("/", "--")}.txt`), "utf8").trim().split(/\n\n+/).filter(Boolean);
      expect(reference).toHaveLength(expected.paragraphs);
      const paragraphs = bodyParagraphs(doc.child(5));
      const allowance = Math.max(1, Math.ceil(expected.paragraphs * 0.05));
      expect(paragraphs.length).toBeGreaterThanOrEqual(expected.paragraphs);
      expect(paragraphs.length).toBeLessThanOrEqual(expected.paragraphs + allowance);
      if (expected.paragraphs > 0) {
        expect(paragraphs[0].startsWith(expected.first) || paragraphs.slice(0, allowance + 1).some((p) => p.startsWith(expected.first))).toBe(true);
        expect(paragraphs.slice(-1 - allowance).some((p) => p.endsWith(expected.last))).toBe(true);
      }

      const want = wordsOf(reference.join(" "));
      const got = wordsOf(paragraphs.join(" "));
      const inOrder = wordsInOrder(want, got);
      const kept = want.length === 0 ? 1 : inOrder / want.length;
      const extra = got.length === 0 ? 0 : (got.length - inOrder) / got.length;
      expect(kept, `${expected.file}: share of the body's words kept in order`).toBeGreaterThanOrEqual(0.98);
      expect(extra, `${expected.file}: share of imported words not in the article`).toBeLessThanOrEqual(0.02);
    });
  }
});
