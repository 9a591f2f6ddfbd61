import { describe, expect, it } from "vitest";
import { redo, undo, undoDepth } from "prosemirror-history";
import { slugFromText } from "../../../shared/slug";
import { isRightToLeft, metaOf, replaceMeta, setMeta } from "../../../renderer/src/editor/meta";
import { apply, article, run, stateOf } from "./builders";

describe("metadata in editor state", () => {
  it("a change is a transaction that changes the article and is undone and redone like typing", () => {
    const state = stateOf(article());
    let tr = state.tr;
    setMeta("status", "ready")(state, (t) => (tr = t));
    expect(tr.docChanged).toBe(true);
    let next = state.apply(tr);
    expect(metaOf(next).status).toBe("ready");
    expect(undoDepth(next)).toBe(1);
    next = run(next, undo);
    expect(metaOf(next).status).toBe("draft");
    next = run(next, redo);
    expect(metaOf(next).status).toBe("ready");
  });

  it("each field change is its own undo step, even in quick succession", () => {
    let state = stateOf(article());
    state = run(state, setMeta("tags", ["IRAQ"]));
    state = run(state, setMeta("wordTarget", 800));
    state = run(state, undo);
    expect(metaOf(state)).toMatchObject({ tags: ["IRAQ"], wordTarget: null });
  });

  it("setting the same value does not apply", () => {
    expect(apply(stateOf(article()), setMeta("language", "en"))).toBeNull();
  });

  it("replacing after a save leaves no undo step", () => {
    const state = run(stateOf(article()), replaceMeta({ ...metaOf(stateOf(article())), updated: "2025-01-01T00:00:00.000Z" }));
    expect(metaOf(state).updated).toBe("2025-01-01T00:00:00.000Z");
    expect(undoDepth(state)).toBe(0);
  });
});

describe("slugs and direction", () => {
  it("suggests a slug from the headline", () => {
    expect(slugFromText("US speeds up arms sales to Iraq amid jihadist resurgence")).toBe("us-speeds-up-arms-sales-to-iraq-amid-jihadist-resurgence");
    expect(slugFromText("  Élection à Paris : « le jour J »  ")).toBe("election-a-paris-le-jour-j");
  });

  it("knows the right-to-left languages", () => {
    expect(["ar", "he", "fa-IR"].map(isRightToLeft)).toEqual([true, true, true]);
    expect(["en", "fr", "de"].map(isRightToLeft)).toEqual([false, false, false]);
  });
});
