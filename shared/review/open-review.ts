import type { Node as PMNode } from "prosemirror-model";
import { reviewOf, type Article } from "../article";
import type { FieldName } from "../fields";
import type { NoteAnchor, Review, SuggestionKind } from "./review";
import { suggestionsIn } from "./suggestions";

// What of the desk's review is still open in an article: the notes nobody resolved (on the text and
// on the whole story) and the suggested edits nobody accepted or rejected (the suggestion marks the
// document still holds; the file's `suggestions` says who made each and when). The command
// line's `copydesk review` prints it, and the pre-export check counts it.

/// A stretch of text a note is on: its field and, in the body, the block's number (from 1).
export interface NotePlace {
  field: FieldName;
  block: number | null;
  text: string;
}

/// Someone of the review as a report names them (their id when the file does not name them).
export interface ReviewAuthor {
  id: string;
  name: string;
  initials: string;
}

/// An open note with its places, its words and its replies.
export interface OpenNote {
  id: string;
  anchor: NoteAnchor;
  /// Where its marks are now, in document order; none for a desk note or one whose words were deleted.
  places: NotePlace[];
  /// The words it was added on ("" for a desk note).
  quote: string;
  author: ReviewAuthor;
  time: string;
  body: string;
  replies: { author: ReviewAuthor; time: string; body: string }[];
}

/// A suggested edit not yet accepted or rejected.
export interface OpenSuggestion {
  id: string;
  kind: SuggestionKind;
  author: ReviewAuthor;
  time: string;
  /// The words it inserts and deletes ("" for none).
  inserted: string;
  deleted: string;
}

/// The open parts of an article's review.
export interface OpenReview {
  /// Open notes on the text, in document order (those no longer anchored last).
  notes: OpenNote[];
  /// Open desk notes (on the whole story), oldest first.
  deskNotes: OpenNote[];
  suggestions: OpenSuggestion[];
  /// How many notes are resolved (not listed).
  resolved: number;
}

/// Every stretch of text under each note's marks, by note id, in document order.
export function notePlaces(doc: PMNode): Map<string, NotePlace[]> {
  const places = new Map<string, NotePlace[]>();
  doc.forEach((field) => {
    const name = field.type.name as FieldName;
    if (name === "body") field.forEach((block, _offset, index) => collect(block, name, index + 1, places));
    else collect(field, name, null, places);
  });
  return places;
}

/// Adds the noted stretches of a field or body block; a note's adjacent text nodes make one stretch.
function collect(node: PMNode, field: FieldName, block: number | null, places: Map<string, NotePlace[]>): void {
  let open = new Map<string, NotePlace>();
  const close = () => (open = new Map());
  node.descendants((child) => {
    if (child.isTextblock) close();
    if (!child.isText) return true;
    const next = new Map<string, NotePlace>();
    for (const mark of child.marks) {
      if (mark.type.name !== "note") continue;
      const id = mark.attrs.id as string;
      let place = open.get(id);
      if (place) place.text += child.text;
      else {
        place = { field, block, text: child.text ?? "" };
        const earlier = places.get(id);
        if (earlier) earlier.push(place);
        else places.set(id, [place]);
      }
      next.set(id, place);
    }
    open = next;
    return false;
  });
}

/// The open notes and suggestions of an article.
export function openReview(article: Article): OpenReview {
  const review = reviewOf(article);
  const author = authorIn(review);
  const places = notePlaces(article.doc);
  const order = new Map([...places.keys()].map((id, index) => [id, index]));
  const notes: OpenNote[] = [];
  const deskNotes: OpenNote[] = [];
  let resolved = 0;
  for (const [id, thread] of Object.entries(review.notes)) {
    if (thread.resolved) {
      resolved += 1;
      continue;
    }
    const note: OpenNote = {
      id,
      anchor: thread.anchor,
      places: thread.anchor === "text" ? (places.get(id) ?? []) : [],
      quote: thread.quote,
      author: author(thread.author),
      time: thread.time,
      body: thread.body,
      replies: thread.replies.map((r) => ({ author: author(r.author), time: r.time, body: r.body })),
    };
    (thread.anchor === "article" ? deskNotes : notes).push(note);
  }
  const rank = (id: string) => order.get(id) ?? order.size;
  notes.sort((a, b) => rank(a.id) - rank(b.id) || a.time.localeCompare(b.time));
  deskNotes.sort((a, b) => a.time.localeCompare(b.time));
  const suggestions = openSuggestions(review, article.doc, author);
  return { notes, deskNotes, suggestions, resolved };
}

/// The suggestions the document holds, in document order, with who made them and when (a
/// suggestion the file has no entry for shows as by nobody known).
function openSuggestions(review: Review, doc: PMNode, author: (id: string) => ReviewAuthor): OpenSuggestion[] {
  return suggestionsIn(doc).map((s) => {
    const entry = Object.hasOwn(review.suggestions, s.id) ? review.suggestions[s.id] : null;
    return { id: s.id, kind: entry?.kind ?? s.kind, author: author(entry?.author ?? "unknown"), time: entry?.time ?? "", inserted: s.inserted, deleted: s.deleted };
  });
}

const authorIn =
  (review: Review) =>
  (id: string): ReviewAuthor => {
    const person = Object.hasOwn(review.people, id) ? review.people[id] : undefined;
    return { id, name: person?.name ?? id, initials: person?.initials ?? "" };
  };

/// How many notes (on the text and desk notes) and suggestions are open: what the pre-export check counts.
export function openCounts(review: Review): { notes: number; suggestions: number } {
  return { notes: Object.values(review.notes).filter((n) => !n.resolved).length, suggestions: Object.keys(review.suggestions).length };
}

/// The pre-export check's words for the open review: open suggestions block the export (accept or
/// reject them first), open notes are only a warning (no note reaches published copy). When every
/// format chosen carries the review (Word: `reviewCarried`), both go along and are only mentioned;
/// when Word is one of several, the suggestions still block the others.
export function reviewBeforeExport(review: Review, reviewCarried: "all" | "some" | "none" = "none"): { errors: string[]; warnings: string[] } {
  const { notes, suggestions } = openCounts(review);
  const them = suggestions === 1 ? "it" : "them";
  const errors =
    suggestions > 0 && reviewCarried !== "all"
      ? [`The article has ${count(suggestions, "open suggestion")}: accept or reject ${them} before exporting${reviewCarried === "some" ? " (only the Word document can carry them, as tracked changes)" : ""}.`]
      : [];
  const warnings: string[] = [];
  if (suggestions > 0 && reviewCarried === "all") warnings.push(`The article has ${count(suggestions, "open suggestion")}; the Word document carries ${them} as tracked changes.`);
  if (notes > 0) {
    const where = { all: "the Word document carries them as comments", some: "only the Word document carries them, as comments", none: "notes are not exported" }[reviewCarried];
    warnings.push(`The article has ${count(notes, "open note")}; ${where}.`);
  }
  return { errors, warnings };
}

const count = (n: number, thing: string): string => `${n.toLocaleString("en")} ${thing}${n === 1 ? "" : "s"}`;
