import {
  AlignmentType,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from "docx";
import type { Mark, Node as PMNode } from "prosemirror-model";
import { assetScheme, fieldNode, type Article } from "../article";
import { hasRightToLeftLetters, isRightToLeft } from "../text-direction";
import { docxStyleIds as style, docxStyles } from "./docx-styles";
import { embargoLine } from "../embargo";
import { fixedWords } from "./fixed-words";
import { defaultFormatOptions, type FormatOptions } from "./options";
import { articleParts, datelineLabel, figureParts, hasDateline } from "./parts";
import { tableParts } from "./tables";
import { base64ToBytes } from "../asset-policy";
import { imageSize } from "./image-size";
import { breaksMarkedAfter, suggestionMark, WordComments, WordRevisions, zeroWidthSpace, type WordRevision } from "./docx-review";

// DOCX export with the `docx` package: one named paragraph style per article part (Kicker,
// Standfirst, Byline, …), so Word users see the structure and the DOCX importer can map it back.
// Embedded PNG, JPEG and GIF images are placed in the document; other images become their alt text.
// An article in a right-to-left language (shared/text-direction.ts) has every paragraph marked
// `bidirectional` (w:bidi: it reads from the right, lists and indents mirror), and each run with
// Arabic or Hebrew letters marked right to left (w:rtl), as Word marks what is typed in those
// scripts; a Latin name in such a paragraph stays an ordinary run, as Word leaves it.
// The desk's open review goes along (shared/export/docx-review.ts): notes as Word comments,
// suggested edits as tracked changes.

const xmlForbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const clean = (text: string): string => text.replace(xmlForbidden, "");

const imageTypes: Record<string, "png" | "jpg" | "gif"> = { "image/png": "png", "image/jpeg": "jpg", "image/gif": "gif" };

interface Context {
  article: Article;
  /// The article's language is written right to left.
  rtl: boolean;
  paragraphs: (Paragraph | Table)[];
  orderedLists: { reference: string; start: number }[];
  comments: WordComments;
  revisions: WordRevisions;
  /// The suggestion mark of the block being written (a block inserted or deleted whole), if any.
  blockSuggestion: Mark | null;
  /// The tracked change of the paragraph mark of the paragraph whose runs were just made: set by
  /// `runs` when the block ends with a suggested paragraph break, taken by `paragraph`.
  paragraphMark: WordRevision | null;
  /// The text blocks whose break after them the next block marks as suggested (`breaksMarkedAfter`).
  breaksAfter: Map<PMNode, Mark>;
}

/// A run of text, right to left when the article is and the text has letters of such a script;
/// a tracked insertion or deletion when a suggested edit inserts or deletes it.
function textRun(ctx: Context, options: IRunOptions, revision: WordRevision | null = null): TextRun | InsertedTextRun | DeletedTextRun {
  const shown = ctx.rtl && hasRightToLeftLetters(String(options.text ?? "")) ? { ...options, rightToLeft: true } : options;
  if (!revision) return new TextRun(shown);
  const { kind, ...change } = revision;
  return kind === "insert" ? new InsertedTextRun({ ...shown, ...change }) : new DeletedTextRun({ ...shown, ...change });
}

/// A paragraph in the article's direction; its mark tracked when its block is inserted or deleted
/// whole, or ends with a suggested paragraph break.
function paragraph(ctx: Context, options: IParagraphOptions): Paragraph {
  const revision = ctx.paragraphMark ?? ctx.revisions.of(ctx.blockSuggestion);
  ctx.paragraphMark = null;
  const tracked = revision ? { ...options, run: { [revision.kind === "insert" ? "insertion" : "deletion"]: { id: revision.id, author: revision.author, date: revision.date } } } : options;
  return new Paragraph(ctx.rtl ? { ...tracked, bidirectional: true } : tracked);
}

/// Writes a block with its suggestion mark in force (a block inserted or deleted whole), unless an outer block's already is.
function inBlock<T>(ctx: Context, block: PMNode, write: () => T): T {
  const outer = ctx.blockSuggestion;
  ctx.blockSuggestion = outer ?? suggestionMark(block);
  try {
    return write();
  } finally {
    ctx.blockSuggestion = outer;
  }
}

/// The tracked change of a text node (its own suggestion mark, else its block's) and its text
/// without suggest mode's zero-width spaces; a space ending the block tracks the paragraph mark.
function suggested(ctx: Context, child: PMNode, last: boolean): { text: string; revision: WordRevision | null } {
  const mark = suggestionMark(child) ?? ctx.blockSuggestion;
  const raw = clean(child.text ?? "");
  if (!mark) return { text: raw, revision: null };
  if (last && raw.endsWith(zeroWidthSpace) && suggestionMark(child)) ctx.paragraphMark = ctx.revisions.of(mark);
  const text = raw.replaceAll(zeroWidthSpace, "");
  return { text, revision: text === "" ? null : ctx.revisions.of(mark) };
}

/// Tracks the paragraph mark of a block whose break after it the next block marks as suggested.
function breakAfter(ctx: Context, node: PMNode | null): void {
  const mark = node ? ctx.breaksAfter.get(node) : undefined;
  if (mark && !ctx.paragraphMark) ctx.paragraphMark = ctx.revisions.of(mark);
}

function runs(node: PMNode, ctx: Context): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  node.forEach((child, _offset, index) => {
    children.push(...ctx.comments.before(child));
    const names = child.marks.map((m) => m.type.name);
    const link = child.marks.find((m) => m.type.name === "link");
    const { text, revision } = suggested(ctx, child, index === node.childCount - 1);
    if (text !== "") {
      const run = textRun(ctx, { text, bold: names.includes("strong"), italics: names.includes("em"), ...(link ? { style: "Hyperlink" } : {}) }, revision);
      children.push(link ? new ExternalHyperlink({ link: link.attrs.href as string, children: [run] }) : run);
    }
    children.push(...ctx.comments.after(child));
  });
  breakAfter(ctx, node);
  return children;
}

/// The runs of a field or block without formatting (headline, subheading, credit…), its text
/// changed by `shown` (the dateline's place is written in capitals), with the comments on its words.
function plainRuns(node: PMNode | null, ctx: Context, shown: (text: string) => string = (text) => text): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  node?.forEach((child, _offset, index) => {
    const { text, revision } = suggested(ctx, child, index === node.childCount - 1);
    children.push(...ctx.comments.before(child), ...(text !== "" ? [textRun(ctx, { text: shown(text) }, revision)] : []), ...ctx.comments.after(child));
  });
  breakAfter(ctx, node);
  return children;
}

/// A paragraph of a field or block without formatting, with the comments on its words.
const plainBlock = (ctx: Context, node: PMNode | null, options: IParagraphOptions = {}): Paragraph => paragraph(ctx, { ...options, children: plainRuns(node, ctx) });

const plain = (ctx: Context, text: string, options: IParagraphOptions = {}): Paragraph =>
  paragraph(ctx, { ...options, children: [textRun(ctx, { text: clean(text) })] });

/// An image's options for a figure inserted or deleted whole.
const trackedImage = (revision: WordRevision | null) => {
  if (!revision) return {};
  const { kind, ...change } = revision;
  return kind === "insert" ? { insertion: change } : { deletion: change };
};

function figureParagraphs(node: PMNode, ctx: Context): Paragraph[] {
  const figure = figureParts(node);
  const out: Paragraph[] = [];
  const asset = figure.src.startsWith(assetScheme) ? ctx.article.assets[figure.src.slice(assetScheme.length)] : undefined;
  const type = asset ? imageTypes[asset.type] : undefined;
  if (asset && type) {
    const data = base64ToBytes(asset.data);
    const size = imageSize(data) ?? { width: 480, height: 270 };
    const scale = Math.min(1, 600 / size.width);
    const image = new ImageRun({
      type,
      data,
      transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
      altText: { name: "Figure", description: clean(figure.alt), title: clean(figure.alt) },
      ...trackedImage(ctx.revisions.of(ctx.blockSuggestion)),
    });
    out.push(paragraph(ctx, { style: style.figure, children: [image] }));
  } else {
    const text = [figure.alt || fixedWords(ctx.article.meta.language).picture, figure.src.startsWith("https:") ? figure.src : ""].filter(Boolean).join(" ");
    out.push(plain(ctx, `[${text}]`, { style: style.figure }));
  }
  if (figure.caption && figure.caption.content.size > 0) {
    out.push(paragraph(ctx, { style: style.caption, children: runs(figure.caption, ctx) }));
  }
  let credit: PMNode | null = null;
  node.forEach((child) => (child.type.name === "credit" ? (credit = child) : undefined));
  if (figure.credit) out.push(plainBlock(ctx, credit, { style: style.credit }));
  return out;
}

/// A table: its caption in the Table Caption style, then a Word table whose header row (when it has
/// one) repeats on each page, in the bold Table Heading style; no merged cells, as in the article.
function tableBlocks(node: PMNode, ctx: Context): (Paragraph | Table)[] {
  const { caption, header, rows } = tableParts(node);
  const out: (Paragraph | Table)[] = [];
  if (caption) out.push(paragraph(ctx, { style: style.tableCaption, children: runs(caption, ctx) }));
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          // Only the header row says so: mammoth reads a row that says "not a header" (w:val="off") as one.
          ...(header && r === 0 ? { tableHeader: true } : {}),
          children: cells.map((cell) => new TableCell({ children: [paragraph(ctx, { ...(header && r === 0 ? { style: style.tableHeading } : {}), children: runs(cell, ctx) })] })),
        }),
    ),
  });
  out.push(table);
  return out;
}

function listParagraphs(list: PMNode, ctx: Context, level: number): void {
  const ordered = list.type.name === "ordered_list";
  let reference = "";
  if (ordered) {
    reference = `ordered-${ctx.orderedLists.length + 1}`;
    ctx.orderedLists.push({ reference, start: list.attrs.order as number });
  }
  list.forEach((item) =>
    inBlock(ctx, item, () =>
      item.forEach((child, _offset, i) =>
        inBlock(ctx, child, () => {
          if (child.type.name !== "paragraph") return listParagraphs(child, ctx, level + 1);
          const marker: IParagraphOptions =
            i > 0 ? { indent: { left: 720 * (level + 1) } } : ordered ? { numbering: { reference, level } } : { bullet: { level } };
          ctx.paragraphs.push(paragraph(ctx, { ...marker, children: runs(child, ctx) }));
        }),
      ),
    ),
  );
}

function quoteParagraphs(node: PMNode, ctx: Context, textStyle: string, attributionStyle: string): void {
  node.forEach((child) =>
    inBlock(ctx, child, () => {
      const dash = () => textRun(ctx, { text: "— " }, ctx.revisions.of(ctx.blockSuggestion));
      if (child.type.name === "attribution") ctx.paragraphs.push(paragraph(ctx, { style: attributionStyle, children: [dash(), ...plainRuns(child, ctx)] }));
      else ctx.paragraphs.push(paragraph(ctx, { style: textStyle, children: runs(child, ctx) }));
    }),
  );
}

function bodyParagraphs(block: PMNode, ctx: Context): void {
  inBlock(ctx, block, () => bodyBlock(block, ctx));
}

function bodyBlock(block: PMNode, ctx: Context): void {
  switch (block.type.name) {
    case "paragraph":
      ctx.paragraphs.push(paragraph(ctx, { children: runs(block, ctx) }));
      return;
    case "subheading":
      ctx.paragraphs.push(plainBlock(ctx, block, { heading: HeadingLevel.HEADING_2 }));
      return;
    case "blockquote":
      return quoteParagraphs(block, ctx, style.quote, style.quoteAttribution);
    case "pullquote":
      return quoteParagraphs(block, ctx, style.pullquote, style.pullquoteAttribution);
    case "figure":
      ctx.paragraphs.push(...figureParagraphs(block, ctx));
      return;
    case "table":
      ctx.paragraphs.push(...tableBlocks(block, ctx));
      return;
    default:
      return listParagraphs(block, ctx, 0);
  }
}

const orderedLevels = (start: number): ILevelsOptions[] =>
  [0, 1, 2, 3, 4, 5, 6, 7, 8].map((level) => ({
    level,
    format: LevelFormat.DECIMAL,
    text: `%${level + 1}.`,
    alignment: AlignmentType.START,
    start: level === 0 ? start : 1,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));

/// The dateline as the wire writes it ("WASHINGTON, Jan. 7, 2014 (AFP) —"), the place's own runs in capitals
/// so that a comment on it stays on its words.
function datelineRuns(ctx: Context, parts: ReturnType<typeof articleParts>, node: PMNode | null): ParagraphChild[] {
  const label = `${datelineLabel(parts.dateline, ctx.article.meta.language)} —`;
  const place = parts.dateline.place.trim().toUpperCase();
  if (node && place !== "" && node.textContent.toUpperCase() === place) {
    return [...plainRuns(node, ctx, (text) => text.toUpperCase()), textRun(ctx, { text: clean(label.slice(place.length)) })];
  }
  // A place with spaces at its ends: the comments on it go around the whole dateline.
  const texts: PMNode[] = [];
  node?.forEach((child) => texts.push(child));
  return [...texts.flatMap((t) => ctx.comments.before(t)), textRun(ctx, { text: clean(label) }), ...texts.flatMap((t) => ctx.comments.after(t))];
}

/// The article as a Word document (the bytes of a .docx file), the embargo line first when there is one.
export async function exportDocx(article: Article, options: FormatOptions = defaultFormatOptions): Promise<Uint8Array> {
  const parts = articleParts(article);
  const comments = new WordComments(article);
  const revisions = new WordRevisions(article, comments);
  const ctx: Context = { article, rtl: isRightToLeft(article.meta.language), paragraphs: [], orderedLists: [], comments, revisions, blockSuggestion: null, paragraphMark: null, breaksAfter: breaksMarkedAfter(article.doc) };
  const add = (p: Paragraph) => ctx.paragraphs.push(p);
  const field = (name: string) => fieldNode(article.doc, name);
  const { embargo, language } = article.meta;
  if (embargo) add(paragraph(ctx, { style: style.embargo, children: [textRun(ctx, { text: clean(embargoLine(embargo, language, options.timeZone)) })] }));
  if (parts.kicker) add(plainBlock(ctx, field("kicker"), { style: style.kicker }));
  add(paragraph(ctx, { heading: HeadingLevel.HEADING_1, children: [...comments.deskNotes(), ...plainRuns(field("headline"), ctx)] }));
  if (parts.standfirst.content.size > 0) add(paragraph(ctx, { style: style.standfirst, children: runs(parts.standfirst, ctx) }));
  if (parts.byline) add(plainBlock(ctx, field("byline"), { style: style.byline }));
  if (hasDateline(parts.dateline)) add(paragraph(ctx, { style: style.dateline, children: datelineRuns(ctx, parts, field("dateline")) }));
  parts.body.forEach((block) => {
    if (!(block.type.name === "paragraph" && block.content.size === 0 && parts.body.childCount === 1)) bodyParagraphs(block, ctx);
  });
  if (parts.tagline) add(plainBlock(ctx, field("tagline"), { style: style.tagline }));
  for (const link of parts.related) {
    const label = link.label ? [textRun(ctx, { text: clean(`${link.label}: `) })] : [];
    const title = textRun(ctx, { text: clean(link.title), style: "Hyperlink" });
    add(paragraph(ctx, { style: style.related, children: [...label, new ExternalHyperlink({ link: link.href, children: [title] })] }));
  }
  const document = new Document({
    title: clean(parts.headline),
    creator: clean(parts.byline) || "Copydesk",
    description: clean(parts.standfirst.textContent),
    keywords: clean(article.meta.tags.join(", ")),
    // The article's own version, as every format writes it (core properties' cp:revision).
    revision: article.meta.version,
    styles: docxStyles,
    numbering: { config: ctx.orderedLists.map(({ reference, start }) => ({ reference, levels: orderedLevels(start) })) },
    sections: [{ children: ctx.paragraphs }],
    ...(comments.any ? { comments: { children: comments.comments } } : {}),
  });
  return Packer.pack(document, "uint8array");
}
