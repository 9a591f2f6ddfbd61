import { describe, expect, it } from "vitest";
import { undo } from "prosemirror-history";
import { emptyQuery, findNext, findStateOf, queryPattern, replaceAll, replaceMatch, setFindQuery, type FindQuery } from "../../../renderer/src/editor/find";
import { article, p, run, stateOf } from "./builders";

const doc = article({ headline: "Iraq speeds up", body: [p("Iraq and iraq; Iraqi forces in Iraq."), p("The IRAQ desk.")] });
const search = (query: Partial<FindQuery>) => run(stateOf(doc), setFindQuery({ ...emptyQuery, ...query }));
const texts = (query: Partial<FindQuery>) => {
  const state = search(query);
  return findStateOf(state).matches.map((m) => state.doc.textBetween(m.from, m.to));
};

describe("find", () => {
  it("finds in every field, ignoring case by default", () => {
    expect(texts({ text: "iraq" })).toEqual(["Iraq", "Iraq", "iraq", "Iraq", "Iraq", "IRAQ"]);
  });

  it("matches case and whole words when asked", () => {
    expect(texts({ text: "Iraq", caseSensitive: true })).toHaveLength(4);
    expect(texts({ text: "iraq", wholeWord: true })).toHaveLength(5);
    expect(texts({ text: "iraq", wholeWord: true, caseSensitive: true })).toEqual(["iraq"]);
  });

  it("takes regular expressions and reports invalid ones", () => {
    expect(texts({ text: "Iraq(i)?\\b", regex: true, caseSensitive: true })).toEqual(["Iraq", "Iraq", "Iraqi", "Iraq"]);
    expect(queryPattern({ ...emptyQuery, text: "(", regex: true })).toMatch(/Not a valid regular expression/);
    expect(findStateOf(search({ text: "(", regex: true })).error).toMatch(/Not a valid/);
  });

  it("moves to the next and previous match, wrapping around", () => {
    let state = search({ text: "desk" });
    state = run(state, findNext(1));
    expect(state.doc.textBetween(state.selection.from, state.selection.to)).toBe("desk");
    const only = state.selection.from;
    state = run(state, findNext(1));
    expect(state.selection.from).toBe(only);
    state = run(search({ text: "iraq" }), findNext(-1));
    expect(state.doc.textBetween(state.selection.from - 4, state.selection.to)).toBe("The IRAQ");
  });
});

describe("replace", () => {
  it("replaces all matches in one undo step", () => {
    let state = search({ text: "iraq", wholeWord: true, replace: "Iraq" });
    state = run(state, replaceAll);
    expect(state.doc.child(5).textContent).toBe("Iraq and Iraq; Iraqi forces in Iraq.The Iraq desk.");
    expect(state.doc.child(1).textContent).toBe("Iraq speeds up");
    state = run(state, undo);
    expect(state.doc.eq(doc)).toBe(true);
  });

  it("replaces one match at a time, with regex groups", () => {
    let state = search({ text: "(I)raq(i?)", regex: true, caseSensitive: true, replace: "$1RAQ$2" });
    state = run(state, replaceMatch);
    state = run(state, replaceMatch);
    expect(state.doc.child(1).textContent).toBe("IRAQ speeds up");
  });
});
