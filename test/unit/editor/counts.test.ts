import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { undo } from "prosemirror-history";
import { TextSelection } from "prosemirror-state";
import { countBody, countsOf, countText, lengthLevel, readingMinutes } from "../../../renderer/src/editor/counts";
import { replaceAll, setFindQuery, emptyQuery } from "../../../renderer/src/editor/find";
import { schema } from "../../../shared/schema";
import { article, fieldStart, h2, p, quote, run, stateOf } from "./builders";

describe("counting", () => {
  it("counts words and characters", () => {
    expect(countText("We'll not be sending forces to Iraq, he said.")).toEqual({ words: 9, characters: 45 });
    expect(countText("al Qaeda-linked $14 billion 150,000")).toEqual({ words: 5, characters: 35 });
    expect(countText("  ")).toEqual({ words: 0, characters: 2 });
  });

  it("counts the story's blocks, not the other fields", () => {
    const state = stateOf(article({ headline: "Not counted here", body: [p("One two"), h2("Three"), quote([p("Four five")], "Six")] }));
    expect(countsOf(state).words).toBe(6);
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
  const doc = article({ body: [p("Alpha beta"), p("Gamma delta epsilon"), h2("Zeta"), p("Eta theta")] });

  it("stay equal to a full count through any sequence of edits, undo included", () => {
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
          expect(countsOf(state)).toEqual(countBody(state.doc));
        }
        while (undo(state, (tr) => (state = state.apply(tr)))) expect(countsOf(state)).toEqual(countBody(state.doc));
      }),
      { numRuns: 150 },
    );
  });

  it("follow a replace-all across many blocks", () => {
    let state = stateOf(doc);
    state = run(state, setFindQuery({ ...emptyQuery, text: "a", replace: "a a" }));
    state = run(state, replaceAll);
    expect(countsOf(state)).toEqual(countBody(state.doc));
    expect(state.doc.child(5).firstChild!.type).toBe(schema.nodes.paragraph);
  });
});
