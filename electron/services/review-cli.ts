import { parseArgs } from "node:util";
import type { Article } from "../../shared/article";
import { openReview, type NotePlace, type OpenNote, type ReviewAuthor } from "../../shared/review/open-review";
import { readArticleFile } from "./article-io";
import { UserFacingError } from "./errors";

// `copydesk diff A B` and `copydesk review FILE`: the desk's review from the command line. Both
// exit 0 when there is nothing to report (the same articles; nothing open), 1 when there is (so a
// pipeline can stop on it), and 2 when the command was misused or a file could not be read.

type Print = (line: string) => void;

export const diffUsage = `  copydesk diff A B [--json]       print a redline of two articles: fields, metadata, related links
                                   and body ([-deleted-] {+inserted+}); exit 0 when they are the
                                   same, 1 when they differ`;
export const reviewUsage = `  copydesk review FILE [--json]    print the open notes, desk notes and suggested edits of an
                                   article; exit 1 when any is open, 0 when none is`;

function parse(command: string, args: string[], err: Print) {
  try {
    return parseArgs({ args, options: { json: { type: "boolean" } }, allowPositionals: true, strict: true });
  } catch (e) {
    err(`copydesk ${command}: ${(e as Error).message}`);
    return null;
  }
}

/// Reads an article file; on failure says why on `err` (one line per problem) and gives null.
async function readOrSay(command: string, file: string, err: Print): Promise<Article | null> {
  try {
    return (await readArticleFile(file)).article;
  } catch (e) {
    const message = e instanceof UserFacingError ? e.message : `could not be read (${(e as Error)?.message ?? String(e)})`;
    err(`copydesk ${command}: ${file}: ${message}`);
    if (e instanceof UserFacingError) for (const detail of e.details ?? []) err(`  ${detail}`);
    return null;
  }
}

/// `copydesk diff A B [--json]`; `colour` marks deletions red and insertions green (a terminal that wants colour).
export async function diffCommand(args: string[], out: Print, err: Print, options: { colour?: boolean } = {}): Promise<number> {
  const parsed = parse("diff", args, err);
  if (!parsed) return 2;
  if (parsed.positionals.length !== 2) {
    err("copydesk diff: name two article files");
    return 2;
  }
  const [first, second] = parsed.positionals;
  const older = await readOrSay("diff", first, err);
  const newer = older && (await readOrSay("diff", second, err));
  if (!older || !newer) return 2;
  // The word-diff library is loaded here, so `review` does without it.
  const [{ compareArticles }, { redlineText }] = await Promise.all([import("../../shared/review/compare"), import("../../shared/review/redline-text")]);
  const redline = compareArticles(older, newer);
  if (parsed.values.json) out(JSON.stringify({ from: first, to: second, ...redline }, null, 2));
  else for (const line of redlineText(redline, { colour: options.colour === true })) out(line);
  return redline.equal ? 0 : 1;
}

/// `copydesk review FILE [--json]`.
export async function reviewCommand(args: string[], out: Print, err: Print): Promise<number> {
  const parsed = parse("review", args, err);
  if (!parsed) return 2;
  if (parsed.positionals.length !== 1) {
    err("copydesk review: name one article file");
    return 2;
  }
  const [file] = parsed.positionals;
  const article = await readOrSay("review", file, err);
  if (!article) return 2;
  const open = openReview(article);
  const openCount = open.notes.length + open.deskNotes.length + open.suggestions.length;
  if (parsed.values.json) out(JSON.stringify({ file, open: openCount, ...open }, null, 2));
  else {
    for (const note of [...open.notes, ...open.deskNotes]) for (const line of noteLines(note)) out(line);
    for (const s of open.suggestions) out(`suggestion ${s.id} (${s.kind}) — ${who(s.author)}, ${s.time}${suggestedWords(s)}`);
    out(summary(open.notes.length, open.deskNotes.length, open.suggestions.length, open.resolved));
  }
  return openCount > 0 ? 1 : 0;
}

const who = (author: ReviewAuthor): string => (author.initials ? `${author.name} (${author.initials})` : author.name);

/// "headline", "body 3"; with the noted words.
const placeText = (place: NotePlace): string => `${place.block === null ? place.field : `${place.field} ${place.block}`} “${place.text}”`;

/// A note as the command prints it: where it is and who wrote it when, then its words and replies, indented.
function noteLines(note: OpenNote): string[] {
  const where =
    note.anchor === "article" ? "desk note" : note.places.length > 0 ? `on ${note.places.map(placeText).join("; ")}` : `no longer anchored (was on “${note.quote}”)`;
  const lines = [`note ${note.id} ${where} — ${who(note.author)}, ${note.time}`, ...indent(note.body, "  ")];
  for (const reply of note.replies) lines.push(`  reply — ${who(reply.author)}, ${reply.time}`, ...indent(reply.body, "    "));
  return lines;
}

const indent = (text: string, by: string): string[] => text.split("\n").map((line) => `${by}${line}`);

/// What a suggestion inserts and deletes, as the redline shows it: ' [-old-]{+new+}'.
const suggestedWords = (s: { inserted: string; deleted: string }): string =>
  (s.deleted ? ` [-${s.deleted.slice(0, 200)}-]` : "") + (s.inserted ? `${s.deleted ? "" : " "}{+${s.inserted.slice(0, 200)}+}` : "");

function summary(notes: number, deskNotes: number, suggestions: number, resolved: number): string {
  const plural = (n: number, thing: string) => `${n} ${thing}${n === 1 ? "" : "s"}`;
  const open = `${plural(notes, "open note")}, ${plural(deskNotes, "open desk note")}, ${plural(suggestions, "open suggestion")}`;
  return resolved > 0 ? `${open} (${plural(resolved, "resolved note")} not shown)` : open;
}
