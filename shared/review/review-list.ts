import type { Mark, Node as PMNode } from "prosemirror-model";
import type { Article } from "../article";
import { openReview, type OpenNote, type ReviewAuthor } from "./open-review";
import { personColour } from "./people";
import type { Review, SuggestionKind } from "./review";
import { isSuggestionMark } from "./suggestions";

// The review panel's list: every open note and suggested edit of an article as one list, desk
// notes first, then what is on the text in document order, then the notes whose words are gone;
// and the filters the panel offers over it (by author, notes or suggestions). Built from
// `openReview` (what `copydesk review` prints), with where each one starts in the document.

/// An author as the list shows them: name, initials and colour (their chip, as the margin has it).
export interface ListedAuthor extends ReviewAuthor {
  colour: string;
}

interface ListedBase {
  /// Unique in the list: "note:<id>" or "suggestion:<id>".
  key: string;
  id: string;
  author: ListedAuthor;
  time: string;
  /// Where its first mark starts in the document the list was built from (null: none).
  at: number | null;
}

/// An open note: on text, on the whole article (a desk note), or on words since deleted.
export interface ListedNote extends ListedBase {
  type: "note";
  place: "text" | "desk" | "unanchored";
  body: string;
  /// The words it is on now ("" for a desk note; the words it was added on when they are gone).
  words: string;
  replies: number;
}

/// An open suggested edit and the words it inserts and deletes.
export interface ListedSuggestion extends ListedBase {
  type: "suggestion";
  kind: SuggestionKind;
  inserted: string;
  deleted: string;
}

export type ReviewListItem = ListedNote | ListedSuggestion;

/// Which of the list to show: one author's or everyone's (null), notes, suggestions or both.
export interface ReviewFilter {
  author: string | null;
  show: "all" | "notes" | "suggestions";
}

export const everything: ReviewFilter = { author: null, show: "all" };

/// The list's key of a note or suggestion mark ("note:<id>", "suggestion:<id>"), or null for another mark.
const keyOfMark = (mark: Mark): string | null =>
  mark.type.name === "note" ? `note:${mark.attrs.id as string}` : isSuggestionMark(mark) ? `suggestion:${mark.attrs.id as string}` : null;

/// Where the first mark of each note and suggestion starts, by key ("note:<id>", "suggestion:<id>").
export function firstMarkPositions(doc: PMNode): Map<string, number> {
  const positions = new Map<string, number>();
  doc.descendants((node, pos) => {
    for (const mark of node.marks) {
      const key = keyOfMark(mark);
      if (key && !positions.has(key)) positions.set(key, pos);
    }
    return true;
  });
  return positions;
}

/// Where the cursor goes for an item (by key): one character into the first of its words (at
/// their very edge the cursor would take the marks of the text before, and the margin would not
/// know it is in the note), or the start of the block it marks; null when it has no place in the text.
export function cursorPlace(doc: PMNode, key: string): number | null {
  let found: number | null = null;
  doc.descendants((node, pos) => {
    if (found !== null) return false;
    if (!node.marks.some((mark) => keyOfMark(mark) === key)) return true;
    found = node.isText ? pos + Math.min(1, node.nodeSize - 1) : pos + 1;
    return false;
  });
  return found;
}

/// The open notes and suggestions of an article, in the panel's order.
export function reviewList(article: Article): ReviewListItem[] {
  const review = article.review;
  const open = openReview(article);
  const positions = firstMarkPositions(article.doc);
  const listed = (author: ReviewAuthor): ListedAuthor => ({ ...author, colour: colourOf(review, author.id) });
  const note = (n: OpenNote, place: ListedNote["place"]): ListedNote => ({
    type: "note",
    key: `note:${n.id}`,
    id: n.id,
    author: listed(n.author),
    time: n.time,
    at: positions.get(`note:${n.id}`) ?? null,
    place,
    body: n.body,
    words: n.places.length > 0 ? n.places.map((p) => p.text).join(" … ") : n.quote,
    replies: n.replies.length,
  });
  const onText: ReviewListItem[] = [];
  const unanchored: ListedNote[] = [];
  for (const n of open.notes) {
    const item = note(n, n.places.length > 0 ? "text" : "unanchored");
    (item.at === null ? unanchored : onText).push(item);
  }
  for (const s of open.suggestions) {
    onText.push({ type: "suggestion", key: `suggestion:${s.id}`, id: s.id, author: listed(s.author), time: s.time, at: positions.get(`suggestion:${s.id}`) ?? null, kind: s.kind, inserted: s.inserted, deleted: s.deleted });
  }
  // A stable sort: notes before suggestions at the same place, each in openReview's order.
  onText.sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity));
  return [...open.deskNotes.map((n) => note(n, "desk")), ...onText, ...unanchored];
}

const colourOf = (review: Review | undefined, id: string): string => (review && Object.hasOwn(review.people, id) ? review.people[id].colour : personColour(id));

/// The items a filter lets through, in the list's order.
export function filterReviewList(items: readonly ReviewListItem[], filter: ReviewFilter): ReviewListItem[] {
  return items.filter(
    (item) =>
      (filter.author === null || item.author.id === filter.author) &&
      (filter.show === "all" || (filter.show === "notes" ? item.type === "note" : item.type === "suggestion")),
  );
}

/// Everyone with something open, by name.
export function authorsInList(items: readonly ReviewListItem[]): ListedAuthor[] {
  const byId = new Map<string, ListedAuthor>();
  for (const item of items) if (!byId.has(item.author.id)) byId.set(item.author.id, item.author);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/// "4 notes, 7 suggestions open", or "Nothing open".
export function openCountText(items: readonly ReviewListItem[]): string {
  const notes = items.filter((i) => i.type === "note").length;
  const suggestions = items.length - notes;
  if (items.length === 0) return "Nothing open";
  const count = (n: number, thing: string) => `${n} ${thing}${n === 1 ? "" : "s"}`;
  return `${count(notes, "note")}, ${count(suggestions, "suggestion")} open`;
}

/// What a suggestion proposes in words, when it is not words inserted or deleted (a block change).
const kindWords: Record<SuggestionKind, string> = {
  insert: "Inserts a block",
  delete: "Deletes a block",
  format: "Changes the kind of block",
  move: "Moves a block",
  field: "Changes the block's details",
};

/// What a suggestion does, as the list shows it: the words it deletes ("–") and inserts ("+"),
/// or, for a change of a block's kind or details, that change in words.
export function suggestionParts(item: ListedSuggestion): { sign: "–" | "+" | null; text: string }[] {
  const words = (text: string) => text.replace(/\s+/g, " ").trim() || "¶";
  const parts: { sign: "–" | "+" | null; text: string }[] = [];
  if (item.deleted) parts.push({ sign: "–", text: words(item.deleted) });
  if (item.inserted) parts.push({ sign: "+", text: words(item.inserted) });
  return parts.length > 0 ? parts : [{ sign: null, text: kindWords[item.kind] }];
}

/// What an item is, in a few words: "Note", "Desk note", "Note (its words are gone)", "Suggestion: replace".
export function itemKindName(item: ReviewListItem): string {
  if (item.type === "note") return { text: "Note", desk: "Desk note", unanchored: "Note (its words are gone)" }[item.place];
  const what = item.inserted && item.deleted ? "replace" : item.deleted ? "delete" : item.inserted ? "insert" : "change";
  return `Suggestion: ${what}`;
}

/// An item's accessible name: what it is, by whom, and its words.
export function itemLabel(item: ReviewListItem): string {
  if (item.type === "note") {
    const kind = itemKindName(item);
    const on = item.words ? ` on “${item.words}”` : "";
    const replies = item.replies > 0 ? ` (${item.replies} ${item.replies === 1 ? "reply" : "replies"})` : "";
    return `${kind} by ${item.author.name}${on}: ${item.body}${replies}`;
  }
  const parts = suggestionParts(item).map((p) => (p.sign === "–" ? `delete “${p.text}”` : p.sign === "+" ? `insert “${p.text}”` : p.text));
  return `Suggestion by ${item.author.name}: ${parts.join(", ")}`;
}
