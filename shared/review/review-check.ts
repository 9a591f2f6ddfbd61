import * as z from "zod/mini";
import { articleStatuses } from "../article";
import { describeIssues } from "../meta-schema";
import { maxInitialsLength, maxNameLength } from "./people";
import { emptyReview, maxNoteBody, maxQuote, noteAnchors, reviewIdPattern, reviewParts, suggestionKinds, versionReasons, type Review, type VersionReason } from "./review";

// Validation of the review parts of an article file (people, notes, suggestions, versions), with
// each problem named by its place as the metadata's are ("notes.n1.author: …"). The document's
// `note` marks are checked against the threads by the document check (shared/doc-check.ts).

const isoDateTime = z.iso.datetime({ offset: true, error: "not an ISO 8601 date-time" });
const text = (max: number) => z.string({ error: "not a string" }).check(z.maxLength(max, { error: `longer than ${max} characters` }));

const id = z.string({ error: "not a string" }).check(z.regex(reviewIdPattern, { error: "not an id (letters, digits, - and _, at most 64)" }));

/// Most entries of each part.
export const reviewLimits = { people: 1_000, notes: 10_000, replies: 1_000, suggestions: 100_000, versions: 10_000, workflow: 10_000 } as const;

const byId = <T extends z.ZodMiniType>(value: T, part: keyof typeof reviewLimits) =>
  z.record(id, value, { error: "not an object of entries by id" }).check(
    z.refine((entries) => Object.keys(entries).length <= reviewLimits[part], { error: `more than ${reviewLimits[part]} entries` }),
  );

const person = z.strictObject({
  name: text(maxNameLength).check(z.minLength(1, { error: "empty" })),
  initials: text(maxInitialsLength * 2).check(z.minLength(1, { error: "empty" })),
  colour: z.string({ error: "not a string" }).check(z.regex(/^#[0-9a-f]{6}$/, { error: "not a colour such as #2b6cb0" })),
});

const reply = z.strictObject({ id, author: id, time: isoDateTime, body: text(maxNoteBody) });

const thread = z.strictObject({
  anchor: z.enum(noteAnchors, { error: `not one of ${noteAnchors.join(", ")}` }),
  quote: text(maxQuote),
  author: id,
  time: isoDateTime,
  body: text(maxNoteBody),
  replies: z.array(reply, { error: "not a list of replies" }).check(z.maxLength(reviewLimits.replies, { error: `more than ${reviewLimits.replies} replies` })),
  resolved: z.nullable(z.strictObject({ by: id, time: isoDateTime })),
});

const suggestion = z.strictObject({
  author: id,
  time: isoDateTime,
  kind: z.enum(suggestionKinds, { error: `not one of ${suggestionKinds.join(", ")}` }),
});

const version = z.strictObject({
  id,
  author: id,
  time: isoDateTime,
  name: z.nullable(text(200)),
  // Optional in the file for versions written before it was kept; filled in from the name.
  reason: z.optional(z.enum(versionReasons, { error: `not one of ${versionReasons.join(", ")}` })),
  words: z.number({ error: "not a number" }).check(z.int({ error: "not a whole number" }), z.minimum(0, { error: "negative" })),
  meta: z.record(z.string(), z.unknown(), { error: "not an object" }),
  changes: z.array(z.record(z.string(), z.unknown(), { error: "not a step" }), { error: "not a list of steps" }),
});

const workflowEntry = z.strictObject({
  status: z.enum(articleStatuses, { error: `not one of ${articleStatuses.join(", ")}` }),
  by: id,
  time: isoDateTime,
  note: z.nullable(id),
});

const partSchemas = {
  people: byId(person, "people"),
  notes: byId(thread, "notes"),
  suggestions: byId(suggestion, "suggestions"),
  versions: z.array(version, { error: "not a list of versions" }).check(z.maxLength(reviewLimits.versions, { error: `more than ${reviewLimits.versions} versions` })),
  workflow: z.array(workflowEntry, { error: "not a list of changes of status" }).check(z.maxLength(reviewLimits.workflow, { error: `more than ${reviewLimits.workflow} changes of status` })),
};

/// Checks the review parts of a file (each may be missing: it is then empty); every problem names its place.
export function reviewFromJSON(parts: Partial<Record<(typeof reviewParts)[number], unknown>>): { review: Review; errors: string[] } {
  const review = emptyReview();
  let errors: string[] = [];
  for (const part of reviewParts) {
    const value = parts[part];
    if (value === undefined) continue;
    const result = partSchemas[part].safeParse(value);
    if (result.success) (review as unknown as Record<string, unknown>)[part] = part === "versions" ? withReasons(result.data as ParsedVersion[]) : result.data;
    else errors = errors.concat(describeIssues(part, result.error, value));
  }
  if (errors.length === 0) errors = authorProblems(review);
  return { review, errors };
}

type ParsedVersion = Omit<Review["versions"][number], "reason"> & { reason?: VersionReason };
/// Versions with their reason: a version without one was named when it has a name, else taken on save.
const withReasons = (versions: ParsedVersion[]): Review["versions"] => versions.map((v) => ({ ...v, reason: v.reason ?? (v.name === null ? "save" : "named") }));

/// Every author named in the review must be one of its people.
function authorProblems(review: Review): string[] {
  const errors: string[] = [];
  const known = (author: string, where: string) => {
    if (!Object.hasOwn(review.people, author)) errors.push(`${where}: ${JSON.stringify(author)} is not one of the people`);
  };
  for (const [noteId, note] of Object.entries(review.notes)) {
    known(note.author, `notes.${noteId}.author`);
    note.replies.forEach((r, i) => known(r.author, `notes.${noteId}.replies.${i}.author`));
    if (note.resolved) known(note.resolved.by, `notes.${noteId}.resolved.by`);
  }
  for (const [suggestionId, s] of Object.entries(review.suggestions)) known(s.author, `suggestions.${suggestionId}.author`);
  review.versions.forEach((v, i) => known(v.author, `versions.${i}.author`));
  review.workflow.forEach((w, i) => known(w.by, `workflow.${i}.by`));
  return errors;
}
