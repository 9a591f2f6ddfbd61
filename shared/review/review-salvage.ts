import { personColour } from "./people";
import { emptyReview, isReviewId, maxNoteBody, maxQuote, reviewParts, type NoteThread, type Review } from "./review";
import { reviewFromJSON } from "./review-check";

// When the file format refuses the review of an article the window sent (a note thread with a
// broken field, an author who is not one of the people…), its words must still reach the disk, as
// the document's do (shared/article-salvage.ts). Every entry the format accepts on its own is kept
// as it is. A note thread it refuses becomes a thread it accepts with every word of the note and
// its replies, each with who wrote it and when, and opened again. A suggestion or version it
// refuses is dropped: they hold no words of their own (a suggestion's words are in the document,
// a version's are older text), and a version is dropped with the older ones, which depend on it.

type JSON = Record<string, unknown>;
const isObject = (v: unknown): v is JSON => typeof v === "object" && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === "string";

/// The person a recovered thread is by when its author is not one of the people.
const recoveredAuthor = "recovered";
const recoveredName = "Unknown (recovered note)";

const accepted = (parts: Partial<Record<(typeof reviewParts)[number], unknown>>) => reviewFromJSON(parts).errors.length === 0;

/// A review the file format accepts, made from `value`, keeping the words of every note; what it
/// had to change goes into `changes`.
export function salvageReview(value: unknown, now: Date, changes: string[]): Review {
  if (value === undefined) return emptyReview();
  if (!isObject(value)) {
    changes.push("the review (notes) was not readable and was left out");
    return emptyReview();
  }
  const whole = reviewFromJSON(Object.fromEntries(reviewParts.map((p) => [p, value[p]])));
  if (whole.errors.length === 0) return whole.review;

  const review = emptyReview();
  for (const [id, person] of entries(value.people)) {
    if (isReviewId(id) && accepted({ people: { [id]: person } })) review.people[id] = reviewFromJSON({ people: { [id]: person } }).review.people[id];
  }
  for (const [id, thread] of entries(value.notes)) {
    if (isReviewId(id) && accepted({ people: review.people, notes: { [id]: thread } })) {
      review.notes[id] = reviewFromJSON({ people: review.people, notes: { [id]: thread } }).review.notes[id];
      continue;
    }
    const recovered = recoverThread(thread, review, now);
    if (!recovered) continue;
    recovered.forEach((part, i) => {
      review.notes[i === 0 && isReviewId(id) ? id : freshId(review, `recovered-${i + 1}`)] = part;
    });
    changes.push(`the note ${isReviewId(id) ? `"${id}"` : "with a broken id"} was kept as an open note holding its words`);
  }
  let droppedSuggestions = 0;
  for (const [id, suggestion] of entries(value.suggestions)) {
    if (isReviewId(id) && accepted({ people: review.people, suggestions: { [id]: suggestion } })) {
      review.suggestions[id] = reviewFromJSON({ people: review.people, suggestions: { [id]: suggestion } }).review.suggestions[id];
    } else droppedSuggestions++;
  }
  if (droppedSuggestions > 0) changes.push(`${droppedSuggestions} suggested edit${droppedSuggestions === 1 ? " was" : "s were"} not readable and left out (their words stay in the story)`);
  const versions = Array.isArray(value.versions) ? value.versions : [];
  // Newest last: keep the newest versions up to the first one refused.
  let kept = 0;
  for (let i = versions.length - 1; i >= 0 && accepted({ people: review.people, versions: [versions[i]] }); i--) kept++;
  review.versions = reviewFromJSON({ people: review.people, versions: versions.slice(versions.length - kept) }).review.versions;
  if (kept < versions.length) changes.push(`${versions.length - kept} older version${versions.length - kept === 1 ? " was" : "s were"} not readable and left out`);
  // The log of status changes: each readable change kept, in order (the status itself is in the metadata).
  const log = Array.isArray(value.workflow) ? value.workflow : [];
  for (const entry of log) {
    const read = reviewFromJSON({ people: review.people, workflow: [entry] });
    if (read.errors.length === 0) review.workflow.push(...read.review.workflow);
  }
  if (review.workflow.length < log.length) changes.push(`${log.length - review.workflow.length} change${log.length - review.workflow.length === 1 ? "" : "s"} of status in the log ${log.length - review.workflow.length === 1 ? "was" : "were"} not readable and left out`);
  return review;
}

function entries(value: unknown): [string, unknown][] {
  return isObject(value) ? Object.entries(value) : [];
}

function freshId(review: Review, base: string): string {
  let id = base;
  for (let n = 2; Object.hasOwn(review.notes, id); n++) id = `${base}-${n}`;
  return id;
}

/// The words of a refused thread (its note and replies, each with who wrote it and when) as threads the format accepts, or null when it had none.
function recoverThread(thread: unknown, review: Review, now: Date): NoteThread[] | null {
  const input = isObject(thread) ? thread : {};
  const nameOf = (author: unknown) => (isString(author) && Object.hasOwn(review.people, author) ? review.people[author].name : isString(author) ? author : "someone");
  const lines: string[] = [];
  if (isString(input.body) && input.body.trim()) lines.push(input.body);
  for (const reply of Array.isArray(input.replies) ? input.replies : []) {
    if (isObject(reply) && isString(reply.body) && reply.body.trim()) lines.push(`Reply by ${nameOf(reply.author)}${isString(reply.time) ? ` (${reply.time})` : ""}: ${reply.body}`);
  }
  if (lines.length === 0) return null;
  const author = isString(input.author) && Object.hasOwn(review.people, input.author) ? input.author : recovered(review);
  const time = isString(input.time) && accepted({ people: review.people, notes: { x: { anchor: "article", quote: "", author, time: input.time, body: "", replies: [], resolved: null } } }) ? input.time : now.toISOString();
  const anchor = input.anchor === "text" ? "text" : "article";
  const quote = isString(input.quote) ? input.quote.slice(0, maxQuote) : "";
  const text = lines.join("\n\n");
  const parts: NoteThread[] = [];
  for (let at = 0; at < text.length; at += maxNoteBody) {
    parts.push({ anchor: parts.length === 0 ? anchor : "article", quote: parts.length === 0 ? quote : "", author, time, body: text.slice(at, at + maxNoteBody), replies: [], resolved: null });
  }
  return parts;
}

/// The id of the person recovered threads are by, added to the people when first needed.
function recovered(review: Review): string {
  review.people[recoveredAuthor] ??= { name: recoveredName, initials: "?", colour: personColour(recoveredName) };
  return recoveredAuthor;
}
