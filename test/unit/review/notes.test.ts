import type { Node as PMNode } from "prosemirror-model";
import { redo, undo } from "prosemirror-history";
import type { EditorState } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { describe, expect, it } from "vitest";
import { articleFromJSON, parseArticleFile, serializeArticle } from "../../../shared/article-file";
import type { Identity } from "../../../shared/ipc";
import { schema } from "../../../shared/schema";
import { savableGuardPlugin, unsavableChange } from "../../../renderer/src/editor/savable";
import { addDeskNote, addNote, deleteNote, noteRanges, replyToNote, resolveNote } from "../../../renderer/src/review/note-commands";
import { notesAfter, reviewOfState } from "../../../renderer/src/review/review-state";
import { article, meta, p, posOf, run, select, stateOf } from "../editor/builders";

// Notes on the text: a `note` mark naming a thread kept beside the document. They survive edits
// around them, undo and redo, copy and paste within the article, and saving and opening again.

const editor: Identity = { id: "p-editor", name: "Amira Haddad", initials: "AH" };
const reporter: Identity = { id: "p-reporter", name: "Tom Reyes", initials: "TR" };
const at = new Date("2026-11-29T10:00:00Z");

const doc = () => article({ headline: "Arms sales to Iraq", body: [p("The United States will speed up arms sales."), p("He said so on Tuesday.")] });
/// A state with the savable guard, as the editor has it, and "speed up" selected.
function withSelection(text = "speed up"): EditorState {
  const d = doc();
  const guard = savableGuardPlugin(() => false, (message) => { throw new Error(message); }, notesAfter);
  return select(stateOf(d, { plugins: [guard] }), posOf(d, text), posOf(d, text, text.length));
}

const notedText = (d: PMNode, id: string) => noteRanges(d, id).map(({ from, to }) => d.textBetween(from, to));

describe("notes", () => {
  it("adds a note on the selection: the mark on the text, the thread with author and time, the author among the people", () => {
    const state = run(withSelection(), addNote(editor, "Source?", "n1", at));
    expect(notedText(state.doc, "n1")).toEqual(["speed up"]);
    const review = reviewOfState(state);
    expect(review.notes.n1).toEqual({ anchor: "text", quote: "speed up", author: "p-editor", time: at.toISOString(), body: "Source?", replies: [], resolved: null });
    expect(review.people["p-editor"]).toMatchObject({ name: "Amira Haddad", initials: "AH" });
  });

  it("does not grow when typing at its end, and moves with text typed before it", () => {
    let state = run(withSelection(), addNote(editor, "Source?", "n1", at));
    const end = posOf(state.doc, "speed up", "speed up".length);
    state = state.apply(state.tr.insertText("!!", end));
    state = state.apply(state.tr.insertText("Breaking: ", posOf(state.doc, "The United")));
    expect(notedText(state.doc, "n1")).toEqual(["speed up"]);
  });

  it("overlaps another note and other marks", () => {
    let state = run(withSelection("speed up arms"), addNote(editor, "One", "n1", at));
    state = state.apply(state.tr.addMark(posOf(state.doc, "arms"), posOf(state.doc, "arms", 4), schema.marks.strong.create()));
    state = run(select(state, posOf(state.doc, "up "), posOf(state.doc, " sales.", 6)), addNote(reporter, "Two", "n2", at));
    expect(notedText(state.doc, "n1")).toEqual(["speed up arms"]);
    expect(notedText(state.doc, "n2")).toEqual(["up arms sales"]);
    expect(Object.keys(reviewOfState(state).people).sort()).toEqual(["p-editor", "p-reporter"]);
  });

  it("is taken away by one undo, mark and thread together, and brought back by redo", () => {
    const before = withSelection();
    const added = run(before, addNote(editor, "Source?", "n1", at));
    const undone = run(added, undo);
    expect(notedText(undone.doc, "n1")).toEqual([]);
    expect(reviewOfState(undone).notes).toEqual({});
    const redone = run(undone, redo);
    expect(notedText(redone.doc, "n1")).toEqual(["speed up"]);
    expect(reviewOfState(redone).notes.n1.body).toBe("Source?");
  });

  it("keeps replies, resolving and re-opening, each one undo step", () => {
    let state = run(withSelection(), addNote(editor, "Source?", "n1", at));
    state = run(state, replyToNote("n1", reporter, "AFP, Tuesday.", at));
    state = run(state, resolveNote("n1", editor, true, at));
    expect(reviewOfState(state).notes.n1.replies.map((r) => [r.author, r.body])).toEqual([["p-reporter", "AFP, Tuesday."]]);
    expect(reviewOfState(state).notes.n1.resolved).toEqual({ by: "p-editor", time: at.toISOString() });
    state = run(state, resolveNote("n1", reporter, false, at));
    expect(reviewOfState(state).notes.n1.resolved).toBe(null);
    state = run(state, undo);
    expect(reviewOfState(state).notes.n1.resolved).not.toBe(null);
  });

  it("is deleted with its marks; the text stays", () => {
    let state = run(withSelection(), addNote(editor, "Source?", "n1", at));
    state = run(state, deleteNote("n1"));
    expect(notedText(state.doc, "n1")).toEqual([]);
    expect(reviewOfState(state).notes).toEqual({});
    expect(state.doc.textContent).toContain("speed up");
  });

  it("is kept as a thread when its words are deleted, and comes back with them on undo", () => {
    let state = run(withSelection(), addNote(editor, "Source?", "n1", at));
    state = state.apply(state.tr.delete(posOf(state.doc, "speed up"), posOf(state.doc, "speed up", 8)));
    expect(reviewOfState(state).notes.n1.quote).toBe("speed up");
    state = run(state, undo);
    expect(notedText(state.doc, "n1")).toEqual(["speed up"]);
  });

  it("survives copy and paste within the article; a pasted note of another article loses its mark, not its words", () => {
    let state = run(withSelection(), addNote(editor, "Source?", "n1", at));
    const copied = state.doc.slice(posOf(state.doc, "speed up"), posOf(state.doc, "speed up", 8));
    const plugin = state.plugins.find((pl) => pl.props.transformPasted)!;
    const paste = (slice: typeof copied) => plugin.props.transformPasted!.call(plugin, slice, { state } as unknown as EditorView, true);
    const pasted = paste(copied);
    const end = posOf(state.doc, "Tuesday", 7);
    state = state.apply(state.tr.replace(end, end, pasted));
    expect(notedText(state.doc, "n1")).toEqual(["speed up", "speed up"]);

    const foreign = schema.text("other words", [schema.marks.note.create({ id: "elsewhere" })]);
    const cleaned = paste(new (copied.constructor as typeof import("prosemirror-model").Slice)(p(foreign).content, 0, 0));
    expect(cleaned.content.firstChild!.marks).toEqual([]);
    expect(cleaned.content.firstChild!.text).toBe("other words");
  });

  it("refuses a note mark whose thread the article does not hold", () => {
    const state = withSelection();
    const tr = state.tr.addMark(state.selection.from, state.selection.to, schema.marks.note.create({ id: "ghost" }));
    expect(unsavableChange(tr, () => false, notesAfter(state, tr))).toBe('note "ghost" has no thread in the article\'s notes');
  });

  it("is saved with the article and opened again, desk notes too", () => {
    let state = run(withSelection(), addNote(editor, "Source?", "n1", at));
    state = run(state, addDeskNote(reporter, "Cut to 600 words.", "d1", at));
    const checked = articleFromJSON({ meta: meta(), doc: state.doc.toJSON(), assets: {}, review: reviewOfState(state) });
    if (!checked.ok) throw new Error(checked.errors.join("\n"));
    const reopened = parseArticleFile(serializeArticle(checked.article));
    if (!reopened.ok) throw new Error(reopened.errors.join("\n"));
    expect(notedText(reopened.article.doc, "n1")).toEqual(["speed up"]);
    expect(reopened.article.review?.notes.d1).toMatchObject({ anchor: "article", body: "Cut to 600 words.", author: "p-reporter" });
  });
});
