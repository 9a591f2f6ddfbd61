import { CommentRangeEnd, CommentRangeStart, CommentReference, Paragraph, TextRun, type ICommentOptions, type ParagraphChild } from "docx";
import type { Mark, Node as PMNode } from "prosemirror-model";
import { reviewOf, type Article } from "../article";
import type { Review } from "../review/review";
import { withoutForbiddenXml as clean } from "./escape";

// The desk's review in a Word document (docs/article-model.md, "The review in Word"): each open note becomes a Word
// comment on the words its marks cover, from its first noted word to its last, and each reply a
// Word reply to it (w15:commentEx paraIdParent in commentsExtended.xml). Desk notes, and notes
// whose words were all deleted, become comments on an empty range at the start of the headline:
// Word shows them beside the headline without marking any of its words, and the importer reads
// a comment on no words back as a desk note. Resolved notes stay in the article file only.
// Each open suggested edit becomes a tracked change by its author at its time: inserted words a
// w:ins, deleted words a w:del, a block inserted or deleted whole has its paragraph marks tracked
// too. The zero-width spaces suggest mode puts at block boundaries are left out; one ending a
// block, or starting the next, tracks that paragraph's mark (a paragraph break inserted or deleted). A change of a block's
// kind or attributes (`modification`) goes as the article shows it, untracked (Word's w:pPrChange
// would not come back through the importer), and is said in a comment at the headline.

/// Word's name for someone of the review: their name, or their id when the file does not name them.
export function wordAuthor(review: Review, personId: string): { author: string; initials: string } {
  const person = Object.hasOwn(review.people, personId) ? review.people[personId] : undefined;
  return { author: clean(person?.name ?? personId), initials: clean(person?.initials ?? "") };
}

/// The suggested changes of a block's kind or attributes (`modification` marks), which Word cannot
/// track as the importer reads them back: each is said in words, once, as a comment at the headline.
function untrackedChanges(doc: PMNode): { id: string; what: string }[] {
  const changes = new Map<string, string>();
  const named = (name: string) => name.replace(/_/g, " ");
  doc.descendants((node) => {
    for (const mark of node.marks) {
      const id = mark.attrs.id as string;
      if (mark.type.name !== "modification" || changes.has(id)) continue;
      const { type, attrName, previousValue, newValue } = mark.attrs as { type: string; attrName: string | null; previousValue: unknown; newValue: unknown };
      const words = node.textContent.length > 60 ? `${node.textContent.slice(0, 60)}…` : node.textContent;
      const which = `the ${named(node.type.name)}${words ? ` "${words}"` : ""}`;
      const value = (v: unknown) => (v === null || v === undefined || v === "" ? "nothing" : JSON.stringify(v));
      changes.set(
        id,
        type === "nodeType" && typeof previousValue === "string"
          ? `${words ? `"${words}"` : `a ${named(previousValue)}`} made a ${named(node.type.name)} (it was a ${named(previousValue)})`
          : attrName
            ? `${attrName} of ${which} changed from ${value(previousValue)} to ${value(newValue)}`
            : `${which} changed (${type})`,
      );
    }
    return true;
  });
  return [...changes].map(([id, what]) => ({ id, what }));
}

/// A Word date from an ISO date-time (now when the file's time cannot be read).
const wordDate = (time: string): Date => (Number.isNaN(Date.parse(time)) ? new Date() : new Date(time));

/// Comment text as Word paragraphs, one per line of the note.
const commentParagraphs = (body: string): Paragraph[] => body.split(/\r?\n/).map((line) => new Paragraph({ children: [new TextRun({ text: clean(line) })] }));

/// The ids of the `note` marks on a text node.
const noteIdsOf = (node: PMNode): string[] => node.marks.filter((m) => m.type.name === "note").map((m) => m.attrs.id as string);

/// Word comment ids as the exporter places them: it asks for the ranges to open before each text
/// node and to close after it, and, once the document is written, for the comments themselves.
export class WordComments {
  /// The Word comment ids of each open note with words: the note's own first, then its replies'.
  private readonly ids = new Map<string, number[]>();
  /// How many of each note's text nodes are still to be written before its range closes.
  private readonly remaining = new Map<string, number>();
  private readonly started = new Set<string>();
  /// Word comment ids of the notes on no words (desk notes, and notes whose words were deleted).
  private readonly deskIds: number[] = [];
  readonly comments: ICommentOptions[] = [];
  /// The next free annotation id (comments and tracked changes share Word's numbering).
  nextId = 0;

  constructor(article: Article) {
    const review = reviewOf(article);
    article.doc.descendants((node) => {
      if (node.isText) for (const id of noteIdsOf(node)) this.remaining.set(id, (this.remaining.get(id) ?? 0) + 1);
      return true;
    });
    const open = Object.entries(review.notes).filter(([, thread]) => !thread.resolved);
    const onWords = ([id, thread]: (typeof open)[number]) => thread.anchor === "text" && this.remaining.has(id);
    // Notes on words first, in the order of their words; then the others, oldest first.
    const order = new Map([...this.remaining.keys()].map((id, index) => [id, index]));
    const rank = (id: string) => order.get(id) ?? 0;
    const texts = open.filter(onWords).sort(([a], [b]) => rank(a) - rank(b));
    const others = open.filter((entry) => !onWords(entry)).sort(([, a], [, b]) => a.time.localeCompare(b.time));
    for (const [noteId, thread] of [...texts, ...others]) {
      const ids: number[] = [];
      const parentId = this.nextId;
      this.comments.push({ id: this.nextId, ...wordAuthor(review, thread.author), date: wordDate(thread.time), children: commentParagraphs(thread.body) });
      ids.push(this.nextId++);
      for (const reply of thread.replies) {
        this.comments.push({ id: this.nextId, parentId, ...wordAuthor(review, reply.author), date: wordDate(reply.time), children: commentParagraphs(reply.body) });
        ids.push(this.nextId++);
      }
      if (onWords([noteId, thread])) this.ids.set(noteId, ids);
      else this.deskIds.push(...ids);
    }
    for (const change of untrackedChanges(article.doc)) {
      const suggestion = Object.hasOwn(review.suggestions, change.id) ? review.suggestions[change.id] : null;
      const { author, initials } = suggestion ? wordAuthor(review, suggestion.author) : { author: "Unknown", initials: "" };
      this.comments.push({ id: this.nextId, author, initials, date: wordDate(suggestion?.time ?? ""), children: commentParagraphs(`Suggested edit, not tracked in Word: ${change.what}.`) });
      this.deskIds.push(this.nextId++);
    }
  }

  /// True when the document gets any comment.
  get any(): boolean {
    return this.comments.length > 0;
  }

  /// The range starts to write before a text node: for each open note it is the first word of.
  before(node: PMNode): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const noteId of noteIdsOf(node)) {
      const ids = this.ids.get(noteId);
      if (!ids || this.started.has(noteId)) continue;
      this.started.add(noteId);
      for (const id of ids) out.push(new CommentRangeStart(id));
    }
    return out;
  }

  /// The range ends and comment references to write after a text node: for each open note it is the last word of.
  after(node: PMNode): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const noteId of noteIdsOf(node)) {
      const left = (this.remaining.get(noteId) ?? 1) - 1;
      this.remaining.set(noteId, left);
      const ids = this.ids.get(noteId);
      if (left === 0 && ids) out.push(...closing(ids));
    }
    return out;
  }

  /// The comments on no words, as an empty range to put at the start of the headline.
  deskNotes(): ParagraphChild[] {
    return [...this.deskIds.map((id) => new CommentRangeStart(id)), ...closing(this.deskIds)];
  }
}

/// A tracked change as the docx package writes it: Word's id for it, the author's name and the date.
export interface WordRevision {
  kind: "insert" | "delete";
  id: number;
  author: string;
  date: string;
}

/// The tracked changes of the suggested edits, numbered after the comments (Word numbers both alike).
export class WordRevisions {
  private readonly review: Review;

  constructor(
    article: Article,
    private readonly comments: WordComments,
  ) {
    this.review = reviewOf(article);
  }

  /// The tracked change a suggestion mark stands for (a new Word id each time), or null for any other mark.
  of(mark: Mark | null | undefined): WordRevision | null {
    const kind = mark?.type.name === "insertion" ? "insert" : mark?.type.name === "deletion" ? "delete" : null;
    if (!mark || !kind) return null;
    const id = mark.attrs.id as string;
    const suggestion = Object.hasOwn(this.review.suggestions, id) ? this.review.suggestions[id] : null;
    return { kind, id: this.comments.nextId++, author: suggestion ? wordAuthor(this.review, suggestion.author).author : "Unknown", date: wordDate(suggestion?.time ?? "").toISOString().replace(/\.000Z$/, "Z") };
  }
}

/// The suggestion mark of a text node or block (insertion or deletion), if any.
export const suggestionMark = (node: PMNode): Mark | null => node.marks.find((m) => m.type.name === "insertion" || m.type.name === "deletion") ?? null;

/// Suggest mode's marker of a paragraph break at a block boundary.
export const zeroWidthSpace = "\u200B";

/// The text blocks whose paragraph break after them a suggestion inserts or deletes as marked at
/// the start of the next block of the same field (a zero-width space carrying the mark), with that mark.
export function breaksMarkedAfter(doc: PMNode): Map<PMNode, Mark> {
  const marked = new Map<PMNode, Mark>();
  doc.forEach((field) => {
    let previous: PMNode | null = null;
    field.descendants((node) => {
      if (!node.isTextblock) return true;
      const first = node.firstChild;
      const mark = first?.isText && first.text!.startsWith(zeroWidthSpace) ? suggestionMark(first) : null;
      if (previous && mark) marked.set(previous, mark);
      previous = node;
      return false;
    });
  });
  return marked;
}

const closing = (ids: number[]): ParagraphChild[] => ids.flatMap((id) => [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })]);
