import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { docToJSON } from "../../../renderer/src/editor/doc-json";
import { parseArticleFile } from "../../../shared/article-file";
import { seedArticlePath } from "../../support/seed-article";
import { article, h2, p, posOf, quote, related, stateOf, ul } from "./builders";

// The article the window sends is the document's JSON, built again only for the blocks that changed.

describe("the document's JSON", () => {
  it("is what ProseMirror gives, for the reference article and for every kind of block", () => {
    const seed = parseArticleFile(readFileSync(seedArticlePath));
    if (!seed.ok) throw new Error(seed.errors.join());
    expect(docToJSON(seed.article.doc)).toEqual(seed.article.doc.toJSON());
    const doc = article({ headline: "Storm", date: "2014-01-07", source: "AFP", body: [p("One"), h2("Two"), quote([p("Three")], "Four"), ul("Five")], related: [related("Six")] });
    expect(docToJSON(doc)).toEqual(doc.toJSON());
    expect(docToJSON(article())).toEqual(article().toJSON());
  });

  it("keeps the JSON of the blocks a keystroke left alone", () => {
    const before = stateOf(article({ headline: "Storm", body: [p("Ferries stayed in port."), p("Roads reopened.")] }));
    const first = docToJSON(before.doc) as { content: { content?: unknown[] }[] };
    const after = before.apply(before.tr.insertText("x", posOf(before.doc, "Roads")));
    const second = docToJSON(after.doc) as { content: { content?: unknown[] }[] };
    expect(second).toEqual(after.doc.toJSON());
    expect(second.content[1]).toBe(first.content[1]);
    expect(second.content[5].content![0]).toBe(first.content[5].content![0]);
    expect(second.content[5].content![1]).not.toBe(first.content[5].content![1]);
  });
});
