import { undo } from "prosemirror-history";
import { EditorState, TextSelection, type Transaction } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { createArticle, emptyDoc } from "../../../shared/article";
import type { Identity } from "../../../shared/ipc";
import { suggestionsIn } from "../../../shared/review/suggestions";
import { schema } from "../../../shared/schema";
import { statePlugins } from "../../../renderer/src/editor/setup";
import { reviewOfState } from "../../../renderer/src/review/review-state";
import { preparePaste } from "../../../renderer/src/editor/paste-plugin";
import { isSuggesting, setSuggesting, settle, suggestingTransaction } from "../../../renderer/src/review/suggest-mode";
import { marksWholeBlocks } from "../../../renderer/src/collab/shared-history";

// Suggest mode in the editor's state: an edit becomes a suggestion by the writer, with its entry
// in the review in the same undo step; accepting or rejecting is one undo step too.

const n = schema.nodes;
const editor: Identity = { id: "p-editor", name: "Sam Desk", initials: "SD" };
const now = new Date("2026-11-29T12:00:00Z");

function start(): EditorState {
  const base = emptyDoc();
  const doc = base.copy(base.content.replaceChild(5, n.body.create(null, [n.paragraph.create(null, schema.text("Forces will stay."))])));
  return EditorState.create({ doc, plugins: statePlugins(createArticle().meta) });
}
const bodyText = (state: EditorState) => state.doc.child(5).textContent;
const bodyStart = (state: EditorState) => {
  let pos = 0;
  for (let i = 0; i < 5; i++) pos += state.doc.child(i).nodeSize;
  return pos + 2;
};
/// What the editor's dispatch does: the transaction as suggest mode makes it, applied.
const dispatchIn = (state: EditorState, tr: Transaction) => state.apply(suggestingTransaction(state, tr, editor, now));
const run = (state: EditorState, command: (s: EditorState, d: (tr: Transaction) => void) => boolean) => {
  let next = state;
  command(state, (tr) => (next = dispatchIn(state, tr)));
  return next;
};

describe("suggest mode", () => {
  it("tells a suggestion on a whole block (kind changed, block added) from one on words, which a shared story refuses and keeps", () => {
    const state = run(start(), setSuggesting(true));
    const at = bodyStart(state) + "Forces".length;
    expect(marksWholeBlocks(suggestingTransaction(state, state.tr.insertText(" now", at), editor, now))).toBe(false);
    expect(marksWholeBlocks(suggestingTransaction(state, state.tr.split(at), editor, now))).toBe(false);
    const kind = state.tr.setBlockType(at, at, n.subheading);
    expect(marksWholeBlocks(suggestingTransaction(state, kind, editor, now))).toBe(true);
    const end = bodyStart(state) + "Forces will stay.".length + 1;
    const added = state.tr.insert(end, n.paragraph.create(null, schema.text("A new paragraph.")));
    expect(marksWholeBlocks(suggestingTransaction(state, added, editor, now))).toBe(true);
  });

  it("makes typing a suggestion by the writer, and undo takes the words and the entry away together", () => {
    let state = run(start(), setSuggesting(true));
    expect(isSuggesting(state)).toBe(true);
    const at = bodyStart(state) + "Forces will".length;
    state = dispatchIn(state, state.tr.insertText(" not", at));
    expect(bodyText(state)).toBe("Forces will not stay.");
    const [suggestion] = suggestionsIn(state.doc);
    expect(suggestion).toMatchObject({ kind: "insert", inserted: " not" });
    expect(reviewOfState(state).suggestions[suggestion.id]).toEqual({ author: "p-editor", time: now.toISOString(), kind: "insert" });
    expect(reviewOfState(state).people["p-editor"]?.name).toBe("Sam Desk");
    undo(state, (tr) => (state = state.apply(tr)));
    expect(bodyText(state)).toBe("Forces will stay.");
    expect(reviewOfState(state).suggestions).toEqual({});
  });

  it("keeps deleted words in the article, struck through, until the suggestion is accepted", () => {
    let state = run(start(), setSuggesting(true));
    const at = bodyStart(state) + "Forces ".length;
    state = dispatchIn(state, state.tr.delete(at, at + "will ".length));
    expect(bodyText(state)).toBe("Forces will stay.");
    expect(suggestionsIn(state.doc)[0]).toMatchObject({ kind: "delete", deleted: "will " });
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at + 2)));
    state = run(state, settle(true, "selection"));
    expect(bodyText(state)).toBe("Forces stay.");
    expect(suggestionsIn(state.doc)).toEqual([]);
    expect(reviewOfState(state).suggestions).toEqual({});
    undo(state, (tr) => (state = state.apply(tr)));
    expect(bodyText(state)).toBe("Forces will stay.");
    expect(suggestionsIn(state.doc)).toHaveLength(1);
  });

  it("rejects all, in one undo step, and leaves edits made outside suggest mode as they are", () => {
    let state = run(start(), setSuggesting(true));
    state = dispatchIn(state, state.tr.insertText("Tonight: ", bodyStart(state)));
    state = dispatchIn(state, state.tr.insertText(" for now", bodyStart(state) + "Tonight: Forces will stay".length));
    expect(bodyText(state)).toBe("Tonight: Forces will stay for now.");
    state = run(state, setSuggesting(false));
    state = dispatchIn(state, state.tr.insertText("!", state.doc.child(5).nodeSize + bodyStart(state) - 4));
    state = run(state, settle(false, "all"));
    expect(bodyText(state)).toBe("Forces will stay.!");
    expect(reviewOfState(state).suggestions).toEqual({});
  });

  it("accepts all by one author only", () => {
    let state = run(start(), setSuggesting(true));
    state = dispatchIn(state, state.tr.insertText("Tonight: ", bodyStart(state)));
    const other = { ...editor, id: "p-other", name: "Other" };
    state = state.apply(suggestingTransaction(state, state.tr.insertText(" now", bodyStart(state) + "Tonight: Forces will stay".length), other, now));
    state = run(state, settle(true, { author: "p-other" }));
    expect(suggestionsIn(state.doc).map((s) => s.inserted)).toEqual(["Tonight: "]);
    expect(bodyText(state)).toBe("Tonight: Forces will stay now.");
  });
});

describe("suggestions copied and pasted", () => {
  it("come back from the clipboard's HTML within the article; those of another article lose their marks, not their words", async () => {
    const { parseHTML } = await import("linkedom");
    const { DOMParser, DOMSerializer } = await import("prosemirror-model");
    let state = run(start(), setSuggesting(true));
    const at = bodyStart(state) + "Forces ".length;
    state = dispatchIn(state, state.tr.delete(at, at + "will ".length));
    state = dispatchIn(state, state.tr.insertText("may ", at + "will ".length));
    const [suggestion] = suggestionsIn(state.doc);

    // Copy "will may stay" as the clipboard carries it (HTML), and read it back.
    const { document } = parseHTML("<!doctype html><html><body></body></html>");
    const copied = state.doc.slice(at, at + "will may stay".length);
    const html = DOMSerializer.fromSchema(schema).serializeFragment(copied.content, { document: document as unknown as Document });
    const holder = document.createElement("div");
    holder.appendChild(html as unknown as Node);
    expect(holder.innerHTML).toMatch(new RegExp(`<del [^>]*data-suggestion="${suggestion.id}"[^>]*>will </del>`));
    const parsed = DOMParser.fromSchema(schema).parseSlice(holder as unknown as HTMLElement);
    const plugin = state.plugins.find((pl) => pl.props.transformPasted)!;
    const paste = (slice: typeof parsed, from: EditorState) => plugin.props.transformPasted!.call(plugin, slice, { state: from } as never, true);
    const kept = paste(parsed, state);
    const marksOf = (slice: typeof parsed) => {
      const names: string[] = [];
      slice.content.descendants((node) => void names.push(...node.marks.map((m) => `${m.type.name}:${node.text}`)));
      return names;
    };
    expect(marksOf(kept)).toEqual(["deletion:will ", "insertion:may "]);

    // The editor's own paste (sanitized HTML, as the clipboard gives it) keeps them too.
    const notes: string[] = [];
    const prepared = preparePaste(state, holder.innerHTML, "", (h) => parseHTML(h).document as unknown as Document, notes);
    expect(marksOf(prepared.slice)).toEqual(["deletion:will ", "insertion:may "]);
    expect(marksOf(preparePaste(start(), holder.innerHTML, "", (h) => parseHTML(h).document as unknown as Document, notes).slice)).toEqual([]);

    // Pasted into another article, which holds no such suggestion: the words come, the marks do not.
    const elsewhere = start();
    expect(marksOf(paste(parsed, elsewhere))).toEqual([]);
    expect(paste(parsed, elsewhere).content.textBetween(0, paste(parsed, elsewhere).content.size)).toBe("will may stay");
  });
});
