import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { undo } from "prosemirror-history";
import { TextSelection } from "prosemirror-state";
import { countArticle, countsOf, readingMinutes } from "../../../renderer/src/editor/counts";
import { replaceAll, setFindQuery, emptyQuery } from "../../../renderer/src/editor/find";
import { lengthLevel } from "../../../shared/fields";
import { schema } from "../../../shared/schema";
import { articleCounts, countText } from "../../../shared/word-count";
import { article, fieldStart, h2, p, quote, related, run, stateOf } from "./builders";

describe("counting", () => {
  it("counts words and characters", () => {
    expect(countText("We'll not be sending forces to Iraq, he said.")).toEqual({ words: 9, characters: 45 });
    expect(countText("al Qaeda-linked $14 billion 150,000")).toEqual({ words: 5, characters: 35 });
    expect(countText("  ")).toEqual({ words: 0, characters: 2 });
  });

  it("counts every field a reader reads, the body's blocks included, as shared/word-count.ts does", () => {
    const doc = article({ kicker: "Iraq", headline: "Counted here too", byline: "By AFP", body: [p("One two"), h2("Three"), quote([p("Four five")], "Six")], related: [related("Not counted")] });
    expect(countsOf(stateOf(doc)).words).toBe(1 + 3 + 2 + 6);
    expect(countsOf(stateOf(doc))).toEqual(articleCounts(doc));
  });

  it("a story with only a headline has the headline's words", () => {
    expect(countsOf(stateOf(article({ headline: "Storm closes the harbour" }))).words).toBe(4);
  });

  it("reading time and length levels", () => {
    expect([0, 1, 230, 1000].map(readingMinutes)).toEqual([0, 1, 1, 4]);
    expect([lengthLevel("headline", 70), lengthLevel("headline", 71), lengthLevel("headline", 121), lengthLevel("kicker", 41), lengthLevel("byline", 500)]).toEqual([
      "ok",
      "warn",
      "error",
      "warn",
      "ok",
    ]);
  });
});

describe("incremental counts", () => {
  const doc = article({ kicker: "Iota", headline: "Kappa lambda", standfirst: ["Mu nu"], tagline: "Xi", body: [p("Alpha beta"), p("Gamma delta epsilon"), h2("Zeta"), p("Eta theta")] });
  const fullCount = (state: ReturnType<typeof stateOf>) => {
    expect(countArticle(state.doc)).toEqual(articleCounts(state.doc));
    return countArticle(state.doc);
  };

  it("stay equal to a full count through any sequence of edits in the body, undo included", () => {
    const edit = fc.record({ at: fc.nat(), len: fc.nat({ max: 12 }), text: fc.constantFrom("", "x", "new words here", " ", "a-b"), split: fc.boolean() });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 25 }), (edits) => {
        let state = stateOf(doc);
        for (const e of edits) {
          const body = state.doc.child(5);
          const start = fieldStart(state.doc, "body");
          const from = start + (e.at % body.content.size);
          const to = Math.min(from + e.len, start + body.content.size - 1);
          const tr = state.tr;
          try {
            if (e.split) tr.setSelection(TextSelection.near(tr.doc.resolve(from))).split(tr.selection.from);
            else if (e.text) tr.insertText(e.text, from, to);
            else tr.delete(from, to);
          } catch {
            continue;
          }
          if (!tr.doc.child(5).childCount) continue;
          state = state.apply(tr);
          expect(countsOf(state)).toEqual(fullCount(state));
        }
        while (undo(state, (tr) => (state = state.apply(tr)))) expect(countsOf(state)).toEqual(fullCount(state));
      }),
      { numRuns: 150 },
    );
  });

  it("stay equal to a full count through edits anywhere in the article", () => {
    const edit = fc.record({ at: fc.nat(), len: fc.nat({ max: 12 }), text: fc.constantFrom("", "x", "new words here", " ", "a-b") });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 25 }), (edits) => {
        let state = stateOf(doc);
        for (const e of edits) {
          const from = e.at % state.doc.content.size;
          const to = Math.min(from + e.len, state.doc.content.size);
          const tr = state.tr;
          try {
            if (e.text) tr.insertText(e.text, from, to);
            else tr.delete(from, to);
          } catch {
            continue;
          }
          if (tr.doc.childCount !== doc.childCount || !tr.doc.child(5).childCount) continue;
          state = state.apply(tr);
          expect(countsOf(state)).toEqual(fullCount(state));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("follow a replace-all across many blocks", () => {
    let state = stateOf(doc);
    state = run(state, setFindQuery({ ...emptyQuery, text: "a", replace: "a a" }));
    state = run(state, replaceAll);
    expect(countsOf(state)).toEqual(fullCount(state));
    expect(state.doc.child(5).firstChild!.type).toBe(schema.nodes.paragraph);
  });
});
