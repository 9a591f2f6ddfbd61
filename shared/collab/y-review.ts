import * as Y from "yjs";
import type { ArticleVersion, NoteReply, NoteThread, Review, WorkflowEntry } from "../review/review";
import { replyKey, yNames } from "./y-names";

// The desk's review in a shared story: people, notes and suggestions by id in Y.Maps (a whole entry
// is the unit: the last writer of an entry wins), each reply an entry of its own (two people replying
// at once both stay), versions and the workflow log appended to Y.Arrays. A version is kept whole
// (its document as JSON), not as the file's steps back from the next newer: those hold only while
// nobody else edits, and the file's form is made from these when the article is read (y-article.ts).

type JSONValue = Record<string, unknown>;

/// A version as the shared story keeps it: the file's entry with its whole document instead of steps.
export interface SharedVersion extends Omit<ArticleVersion, "changes"> {
  doc: JSONValue;
}

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const map = (ydoc: Y.Doc, name: string): Y.Map<unknown> => ydoc.getMap(name);
const array = <T>(ydoc: Y.Doc, name: string): Y.Array<T> => ydoc.getArray<T>(name);

/// A thread as its entry in `notes` holds it: without its replies.
function threadEntry(thread: NoteThread): JSONValue {
  const { replies: _replies, ...rest } = thread;
  return plain(rest);
}

/// Writes entries of one map that differ from `before` (taken out when gone).
function writeEntries<T>(target: Y.Map<unknown>, before: Record<string, T>, after: Record<string, T>, entry: (value: T) => unknown = plain): void {
  for (const id of Object.keys(before)) if (!Object.hasOwn(after, id)) target.delete(id);
  for (const [id, value] of Object.entries(after)) {
    if (Object.hasOwn(before, id) && same(entry(before[id]), entry(value))) continue;
    target.set(id, entry(value));
  }
}

/// The replies of all threads by their key in `replies`.
function repliesByKey(notes: Record<string, NoteThread>): Record<string, NoteReply> {
  const replies: Record<string, NoteReply> = {};
  for (const [noteId, thread] of Object.entries(notes)) for (const reply of thread.replies) replies[replyKey(noteId, reply.id)] = reply;
  return replies;
}

/// Writes what differs between two reviews (people, notes, replies, suggestions, the workflow log);
/// versions are written apart, whole (`writeVersions`). Call it inside a Y transaction.
export function writeReviewEdit(ydoc: Y.Doc, before: Review, after: Review): void {
  writeEntries(map(ydoc, yNames.people), before.people, after.people);
  writeEntries(map(ydoc, yNames.notes), before.notes, after.notes, threadEntry);
  writeEntries(map(ydoc, yNames.replies), repliesByKey(before.notes), repliesByKey(after.notes));
  writeEntries(map(ydoc, yNames.suggestions), before.suggestions, after.suggestions);
  const workflow = array<WorkflowEntry>(ydoc, yNames.workflow);
  const known = before.workflow.length;
  if (after.workflow.length >= known && same(after.workflow.slice(0, known), before.workflow)) {
    if (after.workflow.length > known) workflow.push(plain(after.workflow.slice(known)));
  } else {
    // The log was rewritten (not something the app does): the shared one becomes this one.
    workflow.delete(0, workflow.length);
    workflow.push(plain(after.workflow));
  }
}

/// Writes the versions of `after` whose ids were not `before`'s at the end, and takes out those gone (thinned).
export function writeVersions(ydoc: Y.Doc, before: ReadonlySet<string>, after: SharedVersion[]): void {
  const shared = array<SharedVersion>(ydoc, yNames.versions);
  const kept = new Set(after.map((v) => v.id));
  for (let i = shared.length - 1; i >= 0; i--) if (before.has(shared.get(i).id) && !kept.has(shared.get(i).id)) shared.delete(i, 1);
  const added = after.filter((v) => !before.has(v.id));
  if (added.length > 0) shared.push(plain(added));
}

/// The review as the shared story holds it, without versions (`readVersions`); replies whose
/// thread was deleted while they were written become desk notes, said in `repairs`.
export function readReview(ydoc: Y.Doc, repairs: string[]): Omit<Review, "versions"> {
  const notes = map(ydoc, yNames.notes).toJSON() as Record<string, NoteThread>;
  for (const thread of Object.values(notes)) thread.replies = [];
  const replies = Object.entries(map(ydoc, yNames.replies).toJSON() as Record<string, NoteReply>);
  replies.sort(([a, x], [b, y]) => Date.parse(x.time) - Date.parse(y.time) || (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, reply] of replies) {
    const noteId = key.slice(0, key.indexOf("/"));
    if (Object.hasOwn(notes, noteId)) notes[noteId].replies.push(reply);
    else {
      notes[noteId] = { anchor: "article", quote: "", author: reply.author, time: reply.time, body: reply.body, replies: [], resolved: null };
      repairs.push(`a reply written while its note "${noteId}" was deleted was kept as a desk note`);
    }
  }
  return {
    people: map(ydoc, yNames.people).toJSON() as Review["people"],
    notes,
    suggestions: map(ydoc, yNames.suggestions).toJSON() as Review["suggestions"],
    workflow: array<WorkflowEntry>(ydoc, yNames.workflow).toJSON() as WorkflowEntry[],
  };
}

/// The versions as the shared story holds them, in its order.
export function readVersions(ydoc: Y.Doc): SharedVersion[] {
  return array<SharedVersion>(ydoc, yNames.versions).toJSON() as SharedVersion[];
}
