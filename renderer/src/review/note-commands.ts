import type { Mark, Node as PMNode } from "prosemirror-model";
import { closeHistory } from "prosemirror-history";
import type { Command, EditorState, Transaction } from "prosemirror-state";
import type { Identity } from "../../../shared/ipc";
import { personFrom } from "../../../shared/review/people";
import { maxQuote, type NoteThread } from "../../../shared/review/review";
import { schema } from "../../../shared/schema";
import { reviewOfState, SetReviewEntryStep } from "./review-state";

// The notes' commands: add a note on the selected text or on the whole article (a desk note),
// reply, resolve and re-open, delete. Each is one undo step, and each records who and when; the
// author's entry in the article's people is written (or brought up to date) with it.

/// A new id for a note or a reply.
export function newReviewId(): string {
  return globalThis.crypto.randomUUID();
}

/// The transaction with the author's person entry set, when the article does not have it as it is.
export function withAuthor(tr: Transaction, state: EditorState, author: Identity): Transaction {
  const person = personFrom(author.name, author.initials);
  const previous = reviewOfState(state).people[author.id] ?? null;
  if (previous && previous.name === person.name && previous.initials === person.initials && previous.colour === person.colour) return tr;
  return tr.step(new SetReviewEntryStep("people", author.id, person, previous));
}

function setThread(state: EditorState, id: string, thread: NoteThread | null, author: Identity): Transaction {
  const previous = reviewOfState(state).notes[id] ?? null;
  return closeHistory(withAuthor(state.tr, state, author).step(new SetReviewEntryStep("notes", id, thread, previous)));
}

/// True when the selection holds text a note can go on.
export function canAddNote(state: EditorState): boolean {
  const { from, to, empty } = state.selection;
  return !empty && state.doc.textBetween(from, to, " ", " ").trim() !== "";
}

/// Adds a note on the selected text (every stretch of text in it), by `author`, now; false when nothing is selected.
export function addNote(author: Identity, body: string, id = newReviewId(), now = new Date()): Command {
  return (state, dispatch) => {
    if (!canAddNote(state)) return false;
    if (dispatch) {
      const { from, to } = state.selection;
      const quote = state.doc.textBetween(from, to, " ", " ").replace(/\s+/g, " ").trim().slice(0, maxQuote);
      const thread: NoteThread = { anchor: "text", quote, author: author.id, time: now.toISOString(), body, replies: [], resolved: null };
      const tr = setThread(state, id, thread, author).addMark(from, to, schema.marks.note.create({ id }));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/// Adds a desk note: a note on the whole article, with no place in the text.
export function addDeskNote(author: Identity, body: string, id = newReviewId(), now = new Date()): Command {
  return (state, dispatch) => {
    const thread: NoteThread = { anchor: "article", quote: "", author: author.id, time: now.toISOString(), body, replies: [], resolved: null };
    dispatch?.(setThread(state, id, thread, author));
    return true;
  };
}

/// Adds a reply to a note.
export function replyToNote(noteId: string, author: Identity, body: string, now = new Date()): Command {
  return (state, dispatch) => {
    const thread = reviewOfState(state).notes[noteId];
    if (!thread || body.trim() === "") return false;
    const reply = { id: newReviewId(), author: author.id, time: now.toISOString(), body };
    dispatch?.(setThread(state, noteId, { ...thread, replies: [...thread.replies, reply] }, author));
    return true;
  };
}

/// Resolves a note (by `author`, now), or re-opens it with `resolved` false.
export function resolveNote(noteId: string, author: Identity, resolved: boolean, now = new Date()): Command {
  return (state, dispatch) => {
    const thread = reviewOfState(state).notes[noteId];
    if (!thread || Boolean(thread.resolved) === resolved) return false;
    dispatch?.(setThread(state, noteId, { ...thread, resolved: resolved ? { by: author.id, time: now.toISOString() } : null }, author));
    return true;
  };
}

/// The stretches of text a note is on, in document order.
export function noteRanges(doc: PMNode, noteId: string): { from: number; to: number; mark: Mark }[] {
  const ranges: { from: number; to: number; mark: Mark }[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    const mark = node.marks.find((m) => m.type === schema.marks.note && m.attrs.id === noteId);
    if (!mark) return false;
    const last = ranges.at(-1);
    if (last && last.to === pos) last.to = pos + node.nodeSize;
    else ranges.push({ from: pos, to: pos + node.nodeSize, mark });
    return false;
  });
  return ranges;
}

/// Deletes a note: its thread and its marks (the text stays).
export function deleteNote(noteId: string): Command {
  return (state, dispatch) => {
    if (!reviewOfState(state).notes[noteId]) return false;
    if (dispatch) {
      const previous = reviewOfState(state).notes[noteId];
      let tr = closeHistory(state.tr);
      for (const { from, to, mark } of noteRanges(state.doc, noteId)) tr = tr.removeMark(from, to, mark);
      dispatch(tr.step(new SetReviewEntryStep("notes", noteId, null, previous)));
    }
    return true;
  };
}
