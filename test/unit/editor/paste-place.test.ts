import { Plugin, TextSelection, type EditorState, type Transaction } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { schema } from "../../../shared/schema";
import { holdPastePlace, pastePlace, pastePlaces, pastePlacesState, releasePastePlace, replacePlace } from "../../../renderer/src/editor/paste-place";
import { article, fieldStart, p, stateOf } from "./builders";

// A paste still being read (a whole page) goes where the caret was when it was pasted: the words
// typed meanwhile stay together after it, and the caret stays with them.

const places = new Plugin({ key: pastePlaces, state: pastePlacesState });

function pastedAt(text: string, offset: number): { state: EditorState; id: number } {
  const doc = article({ body: [p(text)] });
  const start = stateOf(doc, { plugins: [places] });
  const state = start.apply(start.tr.setSelection(TextSelection.create(doc, fieldStart(doc, "body") + 1 + offset)));
  const held = holdPastePlace(state);
  return { state: state.apply(held.tr), id: held.id };
}

const insert = (text: string) => (tr: Transaction) => tr.replaceSelectionWith(schema.text(text), false);

describe("where a paste still being read goes", () => {
  it("goes where it was pasted, before the words typed since, and leaves the caret after them", () => {
    const { state, id } = pastedAt("Council votes.", 8);
    const typed = state.apply(state.tr.insertText("today "));
    expect(typed.doc.textContent).toBe("Council today votes.");
    const place = pastePlace(typed, id)!;
    const done = typed.apply(releasePastePlace(replacePlace(typed.tr, place, insert("[pasted] ")), id));
    expect(done.doc.textContent).toBe("Council [pasted] today votes.");
    expect(done.selection.$from.parent.textBetween(0, done.selection.$from.parentOffset)).toBe("Council [pasted] today ");
    expect(pastePlace(done, id)).toBeNull();
  });

  it("leaves the caret after what was pasted when nothing was typed meanwhile", () => {
    const { state, id } = pastedAt("Council votes.", 8);
    const done = state.apply(replacePlace(state.tr, pastePlace(state, id)!, insert("[pasted] ")));
    expect(done.selection.$from.parent.textBetween(0, done.selection.$from.parentOffset)).toBe("Council [pasted] ");
  });

  it("follows its place when text before it is deleted", () => {
    const { state, id } = pastedAt("Council votes.", 8);
    const edited = state.apply(state.tr.delete(fieldStart(state.doc, "body") + 1, fieldStart(state.doc, "body") + 9));
    const place = pastePlace(edited, id)!;
    expect(edited.doc.resolve(place.from).parentOffset).toBe(0);
  });
});
