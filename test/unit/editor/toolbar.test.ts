import { parseHTML } from "linkedom";
import { toggleMark } from "prosemirror-commands";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caretContext, toolbar } from "../../../renderer/src/app/toolbar";
import { schema } from "../../../shared/schema";
import { article, h2, p, posOf, select, stateOf } from "./builders";

// The toolbar re-checks its buttons only when the caret's context changes: typing inside a
// paragraph does not, moving into a subheading, turning bold on or having something to undo does.

const globals = globalThis as unknown as { document?: Document };
let saved: Document | undefined;
beforeAll(() => {
  saved = globals.document;
  globals.document = parseHTML("<!doctype html><html><body><div></div></body></html>").document;
});
afterAll(() => {
  globals.document = saved;
});

describe("the toolbar", () => {
  const doc = article({ body: [p("Ferries stayed in port."), h2("Later"), p("Roads reopened.")] });
  const typed = (state: ReturnType<typeof stateOf>, text: string) => {
    for (const key of text) state = state.apply(state.tr.insertText(key));
    return state;
  };

  it("keeps the caret's context while typing in the middle of a paragraph, after the first change", () => {
    let state = typed(select(stateOf(doc), posOf(doc, "stayed")), "x");
    const context = caretContext(state);
    state = typed(state, "yz and more");
    expect(caretContext(state)).toBe(context);
  });

  it("sees a move into another kind of block, a mark to type with, a selection, and undo", () => {
    const start = select(stateOf(doc), posOf(doc, "stayed"));
    const inHeading = select(start, posOf(doc, "Later") + 2);
    expect(caretContext(inHeading)).not.toBe(caretContext(start));
    let bold = start;
    toggleMark(schema.marks.strong)(start, (tr) => (bold = start.apply(tr)));
    expect(caretContext(bold)).not.toBe(caretContext(start));
    expect(caretContext(select(start, posOf(doc, "stayed"), posOf(doc, "port")))).toBeNull();
    expect(caretContext(typed(start, "x"))).not.toBe(caretContext(start));
  });

  it("checks its buttons again only when the context changed, or when asked", () => {
    let checks = 0;
    const refresh = toolbar(document.querySelector("div")!, [
      { label: "Text", items: [{ id: "bold", label: "Bold", title: "Bold", run: () => undefined, active: () => (checks++, false), enabled: () => true }] },
    ]);
    let state = typed(select(stateOf(doc), posOf(doc, "stayed")), "x");
    refresh(state);
    expect(checks).toBe(1);
    for (const key of "abc") {
      state = typed(state, key);
      refresh(state);
    }
    expect(checks).toBe(1);
    refresh(select(state, posOf(state.doc, "Later") + 1));
    expect(checks).toBe(2);
    refresh(select(state, posOf(state.doc, "Later") + 1), true);
    expect(checks).toBe(3);
  });
});
