import { childElements, parseXml, textOf, type XmlElement } from "./xml-tree";
import { docxStyleIds } from "../export/docx-styles";

// What a Word document says of its review, read from its XML (mammoth, which makes the article's
// text, drops all of it): each paragraph's text as the reader sees it (tracked insertions in,
// deletions out) with, at offsets in that text, where comments start and end, what was inserted
// and what was deleted (w:ins, w:del, w:moveTo, w:moveFrom), and the comments themselves with
// their replies (word/comments.xml, threaded by w15:paraIdParent in word/commentsExtended.xml).

/// Who changed or commented, and when, as Word wrote it (date "" when it gave none).
export interface WordRevision {
  /// Word's w:id of the change.
  id: string;
  author: string;
  date: string;
}

/// A comment's start, end or reference at an offset of a paragraph's text; `order` puts it among
/// the deletions at the same offset (what Word wrote first comes first).
export interface WordCommentMark {
  kind: "start" | "end" | "reference";
  comment: string;
  offset: number;
  order: number;
}

/// Words a tracked change took out, at the offset of the paragraph's text where they were.
export interface WordDeletion extends WordRevision {
  offset: number;
  text: string;
  order: number;
}

/// Words a tracked change put in: offsets `from` to `to` of the paragraph's text.
export interface WordInsertion extends WordRevision {
  from: number;
  to: number;
  order: number;
}

/// One paragraph of the document (in the body or a table cell), in reading order.
export interface WordParagraph {
  /// Its text as the reader sees it: what was inserted in, what was deleted out.
  text: string;
  comments: WordCommentMark[];
  deletions: WordDeletion[];
  insertions: WordInsertion[];
  /// The paragraph mark itself inserted or deleted (a whole paragraph added or taken out).
  markInserted: WordRevision | null;
  markDeleted: WordRevision | null;
  /// The whole paragraph deleted: its words and its mark (mammoth leaves it out).
  deletedWhole?: true;
  /// Where a paragraph whose mark was deleted ran on into this one (mammoth joins them): the offset,
  /// the deletion, and the order from which the events are the later paragraph's.
  joins?: { offset: number; revision: WordRevision; order: number }[];
}

/// A comment of word/comments.xml.
export interface WordComment {
  id: string;
  author: string;
  initials: string;
  date: string;
  body: string;
  /// The w14:paraId of its last paragraph, which commentsExtended.xml names it by.
  paraId: string | null;
}

/// A comment's thread and state from commentsExtended.xml, by paraId.
export interface WordCommentExtra {
  parent: string | null;
  done: boolean;
}

const attr = (element: XmlElement, name: string): string => element.attrs[`w:${name}`] ?? element.attrs[name] ?? "";

const revisionOf = (element: XmlElement): WordRevision => ({ id: attr(element, "id"), author: attr(element, "author"), date: attr(element, "date") });

/// Elements whose words are not the document's text: field codes, drawings, text boxes, footnote
/// references and the properties of paragraphs and runs (read apart for their paragraph mark).
const skipped = new Set(["instrText", "delInstrText", "drawing", "pict", "object", "txbxContent", "rPr", "tblPr", "trPr", "tcPr", "tblGrid", "sectPr", "footnoteReference", "endnoteReference", "fldData"]);

class ParagraphReader {
  readonly paragraph: WordParagraph = { text: "", comments: [], deletions: [], insertions: [], markInserted: null, markDeleted: null };
  private order = 0;
  /// The deletion being read (inside a w:del or w:moveFrom), if any.
  private deleting: WordDeletion | null = null;

  read(element: XmlElement): void {
    for (const child of childElements(element)) this.node(child);
  }

  private node(element: XmlElement): void {
    const p = this.paragraph;
    switch (element.name) {
      case "pPr": {
        const runProperties = childElements(element, "rPr")[0];
        const inserted = runProperties && childElements(runProperties, "ins")[0];
        const deleted = runProperties && childElements(runProperties, "del")[0];
        if (inserted) p.markInserted = revisionOf(inserted);
        if (deleted) p.markDeleted = revisionOf(deleted);
        return;
      }
      case "t":
        return this.text(textOf(element));
      case "delText":
        return this.text(textOf(element), true);
      case "tab":
        return this.text("\t");
      case "br":
      case "cr":
        return this.text("\n");
      case "noBreakHyphen":
        return this.text("\u2011");
      case "commentRangeStart":
      case "commentRangeEnd":
      case "commentReference": {
        const kind = element.name === "commentRangeStart" ? "start" : element.name === "commentRangeEnd" ? "end" : "reference";
        p.comments.push({ kind, comment: attr(element, "id"), offset: p.text.length, order: this.order++ });
        return;
      }
      case "ins":
      case "moveTo": {
        const from = p.text.length;
        const order = this.order++;
        this.read(element);
        if (p.text.length > from) p.insertions.push({ ...revisionOf(element), from, to: p.text.length, order });
        return;
      }
      case "del":
      case "moveFrom": {
        const outer = this.deleting;
        this.deleting = { ...revisionOf(element), offset: p.text.length, text: "", order: this.order++ };
        this.read(element);
        if (this.deleting.text !== "") p.deletions.push(this.deleting);
        this.deleting = outer;
        return;
      }
      default:
        if (!skipped.has(element.name)) this.read(element);
    }
  }

  private text(text: string, deleted = false): void {
    if (this.deleting) this.deleting.text += text;
    else if (!deleted) this.paragraph.text += text;
  }
}

/// True for a paragraph in the Embargo style (shared/export/docx-styles.ts).
function isEmbargoLine(paragraph: XmlElement): boolean {
  const properties = childElements(paragraph, "pPr")[0];
  const style = properties && childElements(properties, "pStyle")[0];
  return !!style && attr(style, "val") === docxStyleIds.embargo;
}

/// The paragraphs of word/document.xml in reading order (a table's cells row by row), or why they cannot be read.
export function readWordParagraphs(xml: string): { ok: true; paragraphs: WordParagraph[] } | { ok: false; error: string } {
  const parsed = parseXml(xml);
  if (!parsed.ok) return parsed;
  const paragraphs: WordParagraph[] = [];
  const walk = (element: XmlElement): void => {
    for (const child of childElements(element)) {
      if (child.name === "p") {
        // The embargo line an export opens with, which mammoth leaves out too (electron/services/docx-import.ts).
        if (isEmbargoLine(child)) continue;
        const reader = new ParagraphReader();
        reader.read(child);
        paragraphs.push(reader.paragraph);
      } else if (!skipped.has(child.name)) walk(child);
    }
  };
  walk(parsed.root);
  return { ok: true, paragraphs: withDeletedMarksJoined(paragraphs) };
}

/// A paragraph whose paragraph mark was deleted runs on into the next one, as mammoth reads it
/// (it takes the deletion of the mark as accepted): its text, comments and changes come first there.
function withDeletedMarksJoined(paragraphs: WordParagraph[]): WordParagraph[] {
  const joined: WordParagraph[] = [];
  let pending: WordParagraph | null = null;
  for (const paragraph of paragraphs) {
    if (!pending && paragraph.markDeleted && paragraph.text === "" && paragraph.deletions.length > 0 && paragraph.comments.length === 0) {
      joined.push({ ...paragraph, deletedWhole: true });
      continue;
    }
    const p: WordParagraph = pending ? join(pending, paragraph) : paragraph;
    pending = p.markDeleted ? p : null;
    if (!pending) joined.push(p);
  }
  if (pending) joined.push(pending);
  return joined;
}

function join(first: WordParagraph, second: WordParagraph): WordParagraph {
  const shift = first.text.length;
  const orders = Math.max(-1, ...[...first.comments, ...first.deletions, ...first.insertions].map((e) => e.order)) + 1;
  const joins = [...(first.joins ?? []), { offset: shift, revision: first.markDeleted!, order: orders }, ...(second.joins ?? []).map((j) => ({ ...j, offset: j.offset + shift, order: j.order + orders }))];
  return {
    joins,
    text: first.text + second.text,
    comments: [...first.comments, ...second.comments.map((c) => ({ ...c, offset: c.offset + shift, order: c.order + orders }))],
    deletions: [...first.deletions, ...second.deletions.map((d) => ({ ...d, offset: d.offset + shift, order: d.order + orders }))],
    insertions: [...first.insertions, ...second.insertions.map((i) => ({ ...i, from: i.from + shift, to: i.to + shift, order: i.order + orders }))],
    markInserted: second.markInserted,
    markDeleted: second.markDeleted,
  };
}

/// The comments of word/comments.xml, in the order written, or why they cannot be read.
export function readWordComments(xml: string): { ok: true; comments: WordComment[] } | { ok: false; error: string } {
  const parsed = parseXml(xml);
  if (!parsed.ok) return parsed;
  const comments = childElements(parsed.root, "comment").map((element): WordComment => {
    const paragraphs = childElements(element, "p");
    const last = paragraphs.at(-1);
    return {
      id: attr(element, "id"),
      author: attr(element, "author"),
      initials: attr(element, "initials"),
      date: attr(element, "date"),
      body: paragraphs.map((p) => readParagraphText(p)).join("\n"),
      paraId: last?.attrs["w14:paraId"] ?? null,
    };
  });
  return { ok: true, comments };
}

const readParagraphText = (p: XmlElement): string => {
  const reader = new ParagraphReader();
  reader.read(p);
  return reader.paragraph.text;
};

/// The threads and states of commentsExtended.xml by paraId (none when it cannot be read: comments then stand alone).
export function readWordCommentExtras(xml: string | null): Map<string, WordCommentExtra> {
  const extras = new Map<string, WordCommentExtra>();
  const parsed = xml === null ? null : parseXml(xml);
  if (!parsed?.ok) return extras;
  for (const entry of childElements(parsed.root, "commentEx")) {
    const paraId = entry.attrs["w15:paraId"];
    if (!paraId) continue;
    const done = entry.attrs["w15:done"];
    extras.set(paraId, { parent: entry.attrs["w15:paraIdParent"] ?? null, done: done === "1" || done === "true" });
  }
  return extras;
}
