import type { ArticleVersion, NoteThread, Person, Review, Suggestion, WorkflowEntry } from "./review";

// The review as the file writes it: entries sorted by id and each entry's keys in a fixed order,
// so saving the same review twice gives the same bytes (docs/article-model.md, "File format").

const sortedById = <T, U>(entries: Record<string, T>, write: (entry: T) => U): Record<string, U> =>
  Object.fromEntries(
    Object.keys(entries)
      .sort()
      .map((id) => [id, write(entries[id])]),
  );

const person = (p: Person) => ({ name: p.name, initials: p.initials, colour: p.colour });

const thread = (t: NoteThread) => ({
  anchor: t.anchor,
  quote: t.quote,
  author: t.author,
  time: t.time,
  body: t.body,
  replies: t.replies.map((r) => ({ id: r.id, author: r.author, time: r.time, body: r.body })),
  resolved: t.resolved ? { by: t.resolved.by, time: t.resolved.time } : null,
});

const suggestion = (s: Suggestion) => ({ author: s.author, time: s.time, kind: s.kind });

const version = (v: ArticleVersion) => ({ id: v.id, author: v.author, time: v.time, name: v.name, reason: v.reason, words: v.words, meta: v.meta, changes: v.changes });

const change = (w: WorkflowEntry) => ({ status: w.status, by: w.by, time: w.time, note: w.note });

/// The review parts of the file, in the order they are written.
export function reviewFileParts(review: Review): Record<string, unknown> {
  return {
    people: sortedById(review.people, person),
    notes: sortedById(review.notes, thread),
    suggestions: sortedById(review.suggestions, suggestion),
    versions: review.versions.map(version),
    workflow: review.workflow.map(change),
  };
}
