import { describe, expect, it } from "vitest";
import { articleFromJSON, parseArticleFile, serializeArticle } from "../../../shared/article-file";
import { openReview } from "../../../shared/review/open-review";
import { reviewedArticle } from "../../bench/support/reviewed-article";

// The benchmark's story under review (`npm run bench -- --only review`) must be an article the
// file format accepts, with every suggestion and note it claims open and in its text.

describe("the benchmark's story under review", () => {
  const json = reviewedArticle(1000, { suggestions: 200, notes: 50 });

  it("is an article the file format accepts, through a save and an open", () => {
    const checked = articleFromJSON(json);
    if (!checked.ok) throw new Error(checked.errors.slice(0, 5).join("\n"));
    const reopened = parseArticleFile(serializeArticle(checked.article));
    if (!reopened.ok) throw new Error(reopened.errors.slice(0, 5).join("\n"));
    expect(reopened.article.doc.eq(checked.article.doc)).toBe(true);
  });

  it("holds 200 open suggestions and 50 open notes, each on words of its own paragraph", () => {
    const checked = articleFromJSON(json);
    if (!checked.ok) throw new Error(checked.errors.join("\n"));
    const open = openReview(checked.article);
    expect(open.suggestions).toHaveLength(200);
    expect(open.notes).toHaveLength(50);
    for (const note of open.notes) expect(note.places).toEqual([{ field: "body", block: expect.any(Number), text: note.quote }]);
    const marked = new Map<string, number>();
    checked.article.doc.descendants((node) => {
      for (const mark of node.marks) if (mark.type.name === "insertion" || mark.type.name === "deletion") marked.set(mark.attrs.id as string, (marked.get(mark.attrs.id as string) ?? 0) + 1);
    });
    expect([...marked.keys()].sort()).toEqual(Object.keys(json.review!.suggestions).sort());
    const blocks = new Set(open.notes.map((note) => note.places[0].block));
    expect(blocks.size).toBe(50);
  });

  it("refuses more marks than it has paragraphs for", () => {
    expect(() => reviewedArticle(100, { suggestions: 90, notes: 20 })).toThrow(/do not fit/);
  });
});
