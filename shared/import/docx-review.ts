import type { Mark } from "prosemirror-model";
import { canSplit, Transform } from "prosemirror-transform";
import { articleToJSON, type Article } from "../article";
import { articleFromJSON } from "../article-file";
import { personFrom, suggestedInitials, maxInitialsLength, maxNameLength } from "../review/people";
import { emptyReview, maxNoteBody, maxQuote, type NoteReply, type NoteThread, type Review } from "../review/review";
import { schema } from "../schema";
import { placeParagraphs, type Placed } from "./docx-review-place";
import { readWordCommentExtras, readWordComments, readWordParagraphs, type WordComment, type WordParagraph, type WordRevision } from "./docx-review-read";

// A Word document's review brought into the article mammoth made of it (docs/import.md, "Word"):
// comments become notes (replies threaded as Word threads them, a comment on no words a desk
// note), tracked insertions and deletions become suggested edits by their Word authors. Each is
// placed by text: a Word paragraph is found among the article's text blocks by its words, and
// offsets in it become positions there. What cannot be placed becomes a desk note that says so
// and quotes the words, so nothing of the review is lost.

/// The XML parts of a Word file that hold its review (null when the file has none).
export interface WordReviewParts {
  document: string | null;
  comments: string | null;
  commentsExtended: string | null;
}

/// The article with the Word review placed on it, and what the import report says of it.
export interface PlacedReview {
  article: Article;
  found: string[];
  warnings: string[];
}

/// The people of the review, made from Word's author names as they come.
class People {
  readonly people: Review["people"] = {};
  private readonly byName = new Map<string, string>();

  id(name: string, initials = ""): string {
    const shown = name.trim().slice(0, maxNameLength) || "Word user";
    const known = this.byName.get(shown);
    if (known) return known;
    const id = `word-${this.byName.size + 1}`;
    const given = [...initials.trim()].slice(0, maxInitialsLength).join("");
    this.people[id] = personFrom(shown, given || suggestedInitials(shown) || "?");
    this.byName.set(shown, id);
    return id;
  }
}

/// An ISO date-time from Word's w:date, or `now` when it gave none that reads.
const isoTime = (date: string, now: Date): string => (Number.isNaN(Date.parse(date)) ? now.toISOString() : new Date(date).toISOString());

/// A note's words in pieces a note may hold: the first its body, the rest replies by the same author.
function splitBody(body: string): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < body.length || pieces.length === 0; i += maxNoteBody) pieces.push(body.slice(i, i + maxNoteBody));
  return pieces;
}

/// A note from a Word comment: its words as the body (what a note cannot hold going on in replies
/// by the same author), then the comment's replies.
function threadOf(note: Omit<NoteThread, "body" | "replies">, body: string, replies: NoteReply[]): NoteThread {
  const [first, ...rest] = splitBody(body);
  return { ...note, body: first, replies: [...rest.map((piece) => ({ id: newId(), author: note.author, time: note.time, body: piece })), ...replies] };
}

const newId = (): string => globalThis.crypto.randomUUID();
const quoted = (text: string): string => (text.length > 60 ? `${text.slice(0, 60)}…` : text);
const plural = (n: number, thing: string): string => `${n} ${thing}${n === 1 ? "" : "s"}`;

/// Where the comments start and end, and which paragraph each part is in.
interface CommentPlace {
  paragraph: number;
  offset: number;
  order: number;
}

/// The words between two places of the document's paragraphs (paragraphs joined by a space).
function wordsBetween(paragraphs: WordParagraph[], start: CommentPlace, end: CommentPlace): string {
  if (start.paragraph === end.paragraph) return paragraphs[start.paragraph].text.slice(start.offset, end.offset);
  const parts = [paragraphs[start.paragraph].text.slice(start.offset)];
  for (let p = start.paragraph + 1; p < end.paragraph; p++) parts.push(paragraphs[p].text);
  parts.push(paragraphs[end.paragraph].text.slice(0, end.offset));
  return parts.join(" ");
}

/// Places the review of a Word file on the article mammoth made of it. Without a comments part or
/// a review in the document, the article comes back as it was; a review that cannot be read at all
/// (XML nested beyond what the reader walks) leaves the article as mammoth made it, and says so.
export function placeWordReview(article: Article, parts: WordReviewParts, now = new Date()): PlacedReview {
  try {
    return placeReview(article, parts, now);
  } catch (e) {
    return { article, found: [], warnings: [`The Word document's comments and tracked changes could not be read (${(e as Error).message}); the text is imported without them.`] };
  }
}

function placeReview(article: Article, parts: WordReviewParts, now: Date): PlacedReview {
  const found: string[] = [];
  const warnings: string[] = [];
  if (parts.document === null) return { article, found, warnings };
  // Most Word files have no review: their document is not read a second time.
  if (parts.comments === null && !/<(\w+:)?(ins|del|moveTo|moveFrom|commentRangeStart|commentRangeEnd|commentReference)[\s/>]/.test(parts.document)) return { article, found, warnings };
  const read = readWordParagraphs(parts.document);
  if (!read.ok) {
    warnings.push(`The Word document's comments and tracked changes could not be read (word/document.xml: ${read.error}).`);
    return { article, found, warnings };
  }
  const paragraphs = read.paragraphs;
  const hasComments = paragraphs.some((p) => p.comments.length > 0);
  const hasChanges = paragraphs.some((p) => p.insertions.length > 0 || p.deletions.length > 0 || p.markInserted || p.joins);
  if (!hasComments && !hasChanges && parts.comments === null) return { article, found, warnings };

  let comments: WordComment[] = [];
  if (parts.comments !== null) {
    const readComments = readWordComments(parts.comments);
    if (readComments.ok) comments = readComments.comments;
    else warnings.push(`The Word comments could not be read (word/comments.xml: ${readComments.error}); the text is imported without them.`);
  } else if (hasComments) warnings.push("The Word document marks comments in its text but has no comments part (word/comments.xml); the text is imported without them.");

  const people = new People();
  const review = emptyReview();
  const tr = new Transform(article.doc);
  const placed = placeParagraphs(article.doc, paragraphs);
  // A place in the text as it is now (deleted words back in): before the deleted words Word wrote after it, after those before.
  const position = (place: CommentPlace | undefined): number | null => {
    const pos = place ? (placed[place.paragraph]?.at(place.offset) ?? null) : null;
    return place && pos !== null ? tr.mapping.map(pos, sideOf(paragraphs[place.paragraph], place.offset, place.order)) : null;
  };
  const deskNote = (body: string, author: string, time: string, replies: NoteReply[] = []) => {
    review.notes[newId()] = threadOf({ anchor: "article", quote: "", author, time, resolved: null }, body, replies);
  };

  // Tracked changes first: deleted words go back into the text, which moves what follows.
  const changes = placeChanges(tr, paragraphs, placed, people, review, now, deskNote);

  // Comments: where each starts and ends, then threads (a reply names its parent's last paragraph).
  const starts = new Map<string, CommentPlace>();
  const ends = new Map<string, CommentPlace>();
  const references = new Map<string, CommentPlace>();
  paragraphs.forEach((p, paragraph) => {
    for (const mark of p.comments) {
      const table = mark.kind === "start" ? starts : mark.kind === "end" ? ends : references;
      if (!table.has(mark.comment)) table.set(mark.comment, { paragraph, offset: mark.offset, order: mark.order });
    }
  });
  const extras = readWordCommentExtras(parts.commentsExtended);
  const byParaId = new Map(comments.filter((c) => c.paraId).map((c) => [c.paraId!, c]));
  // The thread's first comment, up the chain of parents (a loop ends where it comes round), each found once.
  const roots = new Map<WordComment, WordComment>();
  const rootOf = (comment: WordComment): WordComment => {
    const chain = new Set<WordComment>();
    let current = comment;
    for (;;) {
      const known = roots.get(current);
      if (known) {
        current = known;
        break;
      }
      if (chain.has(current)) break;
      chain.add(current);
      const parentId = current.paraId ? extras.get(current.paraId)?.parent : null;
      const parent = parentId ? byParaId.get(parentId) : undefined;
      if (!parent) break;
      current = parent;
    }
    for (const link of chain) roots.set(link, current);
    return current;
  };
  const replies = new Map<WordComment, WordComment[]>();
  for (const comment of comments) {
    const root = rootOf(comment);
    if (root === comment) continue;
    const thread = replies.get(root);
    if (thread) thread.push(comment);
    else replies.set(root, [comment]);
  }

  let onText = 0;
  let onArticle = 0;
  let unplaced = 0;
  for (const comment of comments) {
    if (rootOf(comment) !== comment) continue;
    const author = people.id(comment.author, comment.initials);
    const time = isoTime(comment.date, now);
    const threadReplies: NoteReply[] = (replies.get(comment) ?? []).flatMap((reply) =>
      splitBody(reply.body).map((body) => ({ id: newId(), author: people.id(reply.author, reply.initials), time: isoTime(reply.date, now), body })),
    );
    const done = comment.paraId ? extras.get(comment.paraId)?.done === true : false;
    const resolved = done ? { by: author, time } : null;
    const start = starts.get(comment.id);
    const end = ends.get(comment.id);
    const words = start && end && (end.paragraph > start.paragraph || (end.paragraph === start.paragraph && end.offset >= start.offset)) ? wordsBetween(paragraphs, start, end) : null;
    if (words !== null && words.trim() === "") {
      // A comment on no words: a desk note (Copydesk writes its desk notes so).
      review.notes[newId()] = threadOf({ anchor: "article", quote: "", author, time, resolved }, comment.body, threadReplies);
      onArticle += 1;
      continue;
    }
    const from = position(start);
    const to = position(end);
    if (words !== null && from !== null && to !== null && from < to) {
      const id = newId();
      review.notes[id] = threadOf({ anchor: "text", quote: words.slice(0, maxQuote), author, time, resolved }, comment.body, threadReplies);
      tr.addMark(from, to, schema.marks.note.create({ id }));
      onText += 1;
      continue;
    }
    unplaced += 1;
    const reference = references.get(comment.id);
    const why =
      words !== null
        ? `Comment on "${quoted(words)}" from Word could not be placed.`
        : reference
          ? `Comment from Word near "${quoted(paragraphs[reference.paragraph].text.slice(Math.max(0, reference.offset - 40), reference.offset))}" marks no words, so it could not be placed.`
          : "Comment from Word with no place in the text.";
    deskNote(`${why}\n${comment.body}`, author, time, threadReplies);
  }

  const repliesIn = [...replies.values()].reduce((n, list) => n + list.length, 0);
  if (comments.length > 0) {
    const kinds = [onText > 0 ? `${onText} on the text` : "", onArticle > 0 ? `${onArticle} on the whole article (desk notes)` : "", unplaced > 0 ? `${unplaced} that could not be placed, as desk notes saying so` : ""].filter(Boolean);
    found.push(`${plural(onText + onArticle + unplaced, "comment")} from Word as notes (${kinds.join(", ")})${repliesIn > 0 ? `, with ${repliesIn} ${repliesIn === 1 ? "reply" : "replies"}` : ""}`);
  }
  if (unplaced > 0) warnings.push(`${plural(unplaced, "Word comment")} could not be placed on the text: ${unplaced === 1 ? "it is a desk note" : "they are desk notes"} quoting the words.`);
  found.push(...changes.found);
  warnings.push(...changes.warnings);

  review.people = people.people;
  const reviewed: Article = { ...article, doc: tr.doc, review };
  const checked = articleFromJSON(articleToJSON(reviewed));
  if (checked.ok) return { article: checked.article, found, warnings };
  // Not expected: the file format refuses what was placed. The text comes in without the review, and says why.
  warnings.push(`The comments and tracked changes from Word were left out: the article with them is not valid (${checked.errors.slice(0, 3).join("; ")}).`);
  return { article, found: [], warnings };
}

type DeskNote = (body: string, author: string, time: string) => void;

/// Puts a paragraph Word deleted whole back before the block of the next paragraph placed, as
/// suggest mode marks one (the deletion on the block and on its words); false when that block
/// is not one a paragraph can stand before.
function placeDeletedParagraph(
  tr: Transform,
  p: WordParagraph,
  paragraphs: WordParagraph[],
  placed: (Placed | null)[],
  index: number,
  suggestion: (revision: WordRevision, kind: "delete", paragraph: number) => string,
): boolean {
  const { deletion } = schema.marks;
  let next = index + 1;
  while (next < paragraphs.length && !placed[next]) next++;
  const following = placed[next];
  if (!following || following.at(0) !== following.blockStart) return false;
  const $block = tr.doc.resolve(tr.mapping.map(following.blockStart, -1));
  if ($block.depth < 2) return false;
  const parent = $block.node($block.depth - 1);
  const at = $block.index($block.depth - 1);
  if (!parent.canReplaceWith(at, at, schema.nodes.paragraph) || !parent.type.allowsMarkType(deletion)) return false;
  const id = suggestion(p.markDeleted ?? p.deletions[0], "delete", index);
  const words = p.deletions.map((d) => schema.text(d.text.replace(/[\t\n]/g, " "), [deletion.create({ id: suggestion(d, "delete", index) })]));
  tr.insert($block.before(), schema.nodes.paragraph.create(null, words, [deletion.create({ id })]));
  return true;
}

/// Which way a place at an offset goes when deleted words are put back there: before the deleted
/// words Word wrote after it (-1), after those it wrote before (1). Where two Word paragraphs were
/// joined (a paragraph mark deleted), what Word wrote before the join goes to the end of the first
/// paragraph, what it wrote after to the start of the second.
function sideOf(p: WordParagraph, offset: number, order: number): -1 | 1 {
  const join = p.joins?.find((j) => j.offset === offset);
  if (join) return order < join.order ? -1 : 1;
  return p.deletions.some((d) => d.offset === offset && d.order > order) ? -1 : 1;
}

/// Places the tracked insertions and deletions as suggested edits: inserted words get an
/// `insertion` mark, deleted words go back into the text with a `deletion` mark, a paragraph
/// inserted whole gets the mark on the block too. Returns the report's lines.
function placeChanges(tr: Transform, paragraphs: WordParagraph[], placed: (Placed | null)[], people: People, review: Review, now: Date, deskNote: DeskNote): { found: string[]; warnings: string[] } {
  const { insertion, deletion } = schema.marks;
  const ids = new Map<string, string>();
  // Word gives each run of one edit its own w:id: the changes of one kind by one author at one time
  // in one paragraph are one suggestion.
  const suggestion = (revision: WordRevision, kind: "insert" | "delete", paragraph: number): string => {
    const key = JSON.stringify([kind, revision.author, revision.date, paragraph]);
    let id = ids.get(key);
    if (!id) {
      id = newId();
      ids.set(key, id);
      review.suggestions[id] = { author: people.id(revision.author), time: isoTime(revision.date, now), kind };
    }
    return id;
  };
  let inserted = 0;
  let deleted = 0;
  let unplaced = 0;
  const notPlaced = (what: string, revision: WordRevision, text: string, asItStands = "") => {
    unplaced += 1;
    deskNote(`${what} "${quoted(text)}" by ${revision.author || "someone"} from Word could not be placed${asItStands}.`, people.id(revision.author), isoTime(revision.date, now));
  };

  // Paragraph marks deleted: mammoth joined the two paragraphs; they are split again, the break
  // marked deleted as suggest mode marks it (a zero-width space carrying the deletion at the end of
  // the first). Only a body paragraph splits so; elsewhere the join stays, and a desk note says so.
  paragraphs.forEach((p, index) => {
    for (const join of p.joins ?? []) {
      const pos = placed[index]?.at(join.offset) ?? null;
      const at = pos === null ? null : tr.mapping.map(pos, -1);
      const $at = at === null ? null : tr.doc.resolve(at);
      if (at === null || !$at || $at.parent.type !== schema.nodes.paragraph || !canSplit(tr.doc, at)) {
        notPlaced("Deletion of the paragraph break after", join.revision, p.text.slice(Math.max(0, join.offset - 40), join.offset), "; the paragraphs are joined");
        continue;
      }
      tr.split(at);
      tr.insert(at, schema.text("\u200B", [deletion.create({ id: suggestion(join.revision, "delete", index) })]));
      deleted += 1;
    }
  });
  paragraphs.forEach((p, index) => {
    if (p.deletedWhole) {
      if (placeDeletedParagraph(tr, p, paragraphs, placed, index, suggestion)) deleted += p.deletions.length;
      else for (const d of p.deletions) notPlaced("Deletion of", d, d.text);
      return;
    }
    const at = placed[index]?.at;
    for (const d of p.deletions) {
      const pos = at?.(d.offset) ?? null;
      const text = d.text.replace(/[\t\n]/g, " ");
      if (pos === null) {
        notPlaced("Deletion of", d, text);
        continue;
      }
      const marks: Mark[] = [deletion.create({ id: suggestion(d, "delete", index) })];
      tr.insert(tr.mapping.map(pos, p.joins?.some((j) => j.offset === d.offset) ? sideOf(p, d.offset, d.order) : 1), schema.text(text, marks));
      deleted += 1;
    }
  });
  paragraphs.forEach((p, index) => {
    const at = placed[index]?.at;
    for (const ins of p.insertions) {
      const from = at?.(ins.from) ?? null;
      const to = at?.(ins.to) ?? null;
      if (from === null || to === null || from >= to) {
        notPlaced("Insertion of", ins, p.text.slice(ins.from, ins.to), "; the words are in the text as written");
        continue;
      }
      const id = suggestion(ins, "insert", index);
      tr.addMark(tr.mapping.map(from, sideOf(p, ins.from, ins.order)), tr.mapping.map(to, sideOf(p, ins.to, ins.order)), insertion.create({ id }));
      inserted += 1;
      // A paragraph inserted whole (its words and its paragraph mark): the block carries the mark too.
      const whole = p.markInserted && ins.from === 0 && ins.to === p.text.length;
      const $from = tr.doc.resolve(tr.mapping.map(from, 1));
      if (whole && $from.depth > 0 && $from.node($from.depth - 1).type.allowsMarkType(insertion)) tr.addNodeMark($from.before(), insertion.create({ id }));
    }
    // A paragraph break inserted (the paragraph's mark, not all its words): suggest mode's marker,
    // a zero-width space carrying the mark at the end of the block, when the paragraph is the whole block.
    const wholeInserted = p.insertions.some((i) => i.from === 0 && i.to === p.text.length);
    const end = at?.(p.text.length) ?? null;
    if (p.markInserted && !wholeInserted && end !== null && end === placed[index]!.blockEnd) {
      tr.insert(tr.mapping.map(end, 1), schema.text("\u200B", [insertion.create({ id: suggestion(p.markInserted, "insert", index) })]));
      inserted += 1;
    }
  });
  const found: string[] = [];
  const warnings: string[] = [];
  const made = Object.values(review.suggestions);
  if (inserted + deleted > 0) {
    const authors = [...new Set(made.map((s) => people.people[s.author]?.name ?? ""))].filter(Boolean);
    const inserts = made.filter((s) => s.kind === "insert").length;
    const kinds = `${plural(inserts, "insertion")}, ${plural(made.length - inserts, "deletion")}`;
    found.push(`${plural(made.length, "suggested edit")} from Word's tracked changes (${kinds}; by ${authors.join(", ")})`);
  }
  if (unplaced > 0) warnings.push(`${plural(unplaced, "tracked change")} from Word could not be placed on the text: ${unplaced === 1 ? "it is a desk note" : "they are desk notes"} quoting the words.`);
  return { found, warnings };
}
