import type { ArticleStatus } from "../article";
// The desk's review of an article as the file keeps it beside the document (docs/article-model.md,
// "Review"): who took part, the note threads, the suggested edits and the named versions. The
// document carries only ids (a `note` mark names its thread); everything else is here, by id.

/// Someone who wrote a note, a reply, a suggestion or a version, as the file names them.
export interface Person {
  name: string;
  /// One to four letters shown on their notes, e.g. "AM".
  initials: string;
  /// Their colour in the margin, "#rrggbb", derived from the name (`personColour`).
  colour: string;
}

/// One answer in a note's thread.
export interface NoteReply {
  id: string;
  /// The id of a person in `Review.people`.
  author: string;
  /// When it was written (ISO 8601 date-time).
  time: string;
  body: string;
}

/// Where a note is: on text (the `note` marks carrying the thread's id), or on the whole article (a desk note).
export const noteAnchors = ["text", "article"] as const;
export type NoteAnchor = (typeof noteAnchors)[number];

/// A note and its replies. A note on text whose marks are all gone (its words were deleted) is
/// kept, shown as no longer anchored, with the words it was on (`quote`).
export interface NoteThread {
  anchor: NoteAnchor;
  /// The text the note was added on (up to `maxQuote` characters), "" for a desk note.
  quote: string;
  author: string;
  time: string;
  body: string;
  replies: NoteReply[];
  /// Who resolved it and when, or null while it is open.
  resolved: { by: string; time: string } | null;
}

/// What a suggested edit proposes (the marks that show them come with suggested edits).
export const suggestionKinds = ["insert", "delete", "format", "move", "field"] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];

/// A suggested edit, by the id its marks carry.
export interface Suggestion {
  author: string;
  time: string;
  kind: SuggestionKind;
}

/// Why a version was taken: an explicit save that changed the text, a change of status, or "Save Version…".
export const versionReasons = ["save", "status", "named"] as const;
export type VersionReason = (typeof versionReasons)[number];

/// A named or automatic version of the article, oldest first in `Review.versions`. It stores only
/// what differs from the next newer version (the current article for the newest): the steps
/// (ProseMirror step JSON) that turn that one's document into this one's, and this one's metadata.
export interface ArticleVersion {
  id: string;
  author: string;
  time: string;
  /// Its name ("Sent to the desk"), or null for a version taken on save.
  name: string | null;
  reason: VersionReason;
  /// Its word count (shared/word-count.ts).
  words: number;
  meta: Record<string, unknown>;
  changes: Record<string, unknown>[];
}

/// A change of the article's status: to what, who and when, and the desk note that went with it
/// ("File to desk", "Send back to reporter"), if any.
export interface WorkflowEntry {
  status: ArticleStatus;
  by: string;
  time: string;
  /// The id of the desk note written with the change, or null.
  note: string | null;
}

/// The review parts of an article.
export interface Review {
  people: Record<string, Person>;
  notes: Record<string, NoteThread>;
  suggestions: Record<string, Suggestion>;
  versions: ArticleVersion[];
  /// Every change of status, oldest first (shared/workflow.ts).
  workflow: WorkflowEntry[];
}

/// The parts of the file that hold the review, in the order they are written.
export const reviewParts = ["people", "notes", "suggestions", "versions", "workflow"] as const;

/// Ids of people, notes, replies, suggestions and versions: letters, digits, "-" and "_", at most 64.
export const reviewIdPattern = /^[A-Za-z0-9_-]{1,64}$/;
/// True for a string that can be a review id.
export const isReviewId = (value: unknown): value is string => typeof value === "string" && reviewIdPattern.test(value);

/// Longest quote a note keeps of the text it is on.
export const maxQuote = 200;
/// Longest note or reply, in characters.
export const maxNoteBody = 10_000;

/// A review with nothing in it: what an article without notes has.
export function emptyReview(): Review {
  return { people: {}, notes: {}, suggestions: {}, versions: [], workflow: [] };
}

/// True when the review holds nothing.
export function isEmptyReview(review: Review): boolean {
  return (
    Object.keys(review.people).length === 0 &&
    Object.keys(review.notes).length === 0 &&
    Object.keys(review.suggestions).length === 0 &&
    review.versions.length === 0 &&
    review.workflow.length === 0
  );
}
