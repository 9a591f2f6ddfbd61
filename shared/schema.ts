import { Schema, type DOMOutputSpec, type MarkSpec, type NodeSpec } from "prosemirror-model";
import { fieldMarks, fieldNames, type FieldName } from "./fields";

// The article schema of docs/article-model.md: a fixed sequence of field nodes, then the body.
// Field nodes are `isolating` so editing commands never merge one field into another.

/// Roles a pull quote can take (ninjs/Composer vocabulary).
export const pullquoteRoles = ["supporting", "inline", "showcase"] as const;
export type PullquoteRole = (typeof pullquoteRoles)[number];

export { fieldNames, type FieldName } from "./fields";

/// The review's marks: a note, and the suggested edits' insertion, deletion and modification.
export const reviewMarkNames = ["note", "insertion", "deletion", "modification"] as const;

/// A marks expression with the review's marks added: notes and suggestions go on any text, even where no formatting does.
const withNotes = (marks: string): string => [marks, ...reviewMarkNames].filter(Boolean).join(" ");

/// The marks a block container allows on its children as node marks: a suggested edit that
/// inserts, deletes or changes a whole block marks the block itself.
const suggestedBlocks = "insertion deletion modification";

/// A field of text, with the marks its description allows.
const textField = (name: FieldName, tag: string): NodeSpec => ({
  content: "text*",
  marks: withNotes(fieldMarks(name)),
  isolating: true,
  defining: true,
  parseDOM: [{ tag: `${tag}.${name}`, preserveWhitespace: false }],
  toDOM: () => [tag, { class: name }, 0],
});

const bodyDOM: DOMOutputSpec = ["div", { class: "body" }, 0];
const relatedDOM: DOMOutputSpec = ["ul", { class: "related" }, 0];
const paragraphDOM: DOMOutputSpec = ["p", 0];
const subheadingDOM: DOMOutputSpec = ["h2", 0];
const blockquoteDOM: DOMOutputSpec = ["blockquote", 0];
const attributionDOM: DOMOutputSpec = ["footer", ["cite", 0]];
const pullquoteTextDOM: DOMOutputSpec = ["p", { class: "pullquote-text" }, 0];
const figcaptionDOM: DOMOutputSpec = ["figcaption", 0];
const creditDOM: DOMOutputSpec = ["small", { class: "credit" }, 0];
const bulletListDOM: DOMOutputSpec = ["ul", 0];
const listItemDOM: DOMOutputSpec = ["li", 0];
const strongDOM: DOMOutputSpec = ["strong", 0];
const emDOM: DOMOutputSpec = ["em", 0];
const tableCaptionDOM: DOMOutputSpec = ["p", { class: "table-caption" }, 0];
const tableRowsDOM: DOMOutputSpec = ["table", ["tbody", 0]];
const tableRowDOM: DOMOutputSpec = ["tr", 0];
const tableCellDOM: DOMOutputSpec = ["td", 0];

/// A table cell's span: always 1. prosemirror-tables (the editor's table editing) reads `colspan` and
/// `rowspan` on every cell; the article has no merged cells, so no other value is accepted.
const singleSpan = {
  default: 1,
  validate: (value: unknown) => {
    if (value !== 1) throw new RangeError("a table cell spans one row and one column (merged cells are not kept)");
  },
};

/// The node specs, in document order.
export const nodes = {
  /// The whole article: the fields in their fixed order.
  doc: { content: fieldNames.join(" "), marks: suggestedBlocks },

  /// Section label above the headline, e.g. "Middle East".
  kicker: textField("kicker", "p"),

  /// The main headline: one line of plain text.
  headline: { ...textField("headline", "h1"), parseDOM: [{ tag: "h1" }] },

  /// The summary (dek) under the headline: text with emphasis and links.
  standfirst: { ...textField("standfirst", "p"), parseDOM: [{ tag: "p.standfirst" }] },

  /// Who wrote it, e.g. "Text by FRANCE 24".
  byline: textField("byline", "p"),

  /// The place the story was filed from; date and agency are attributes.
  dateline: {
    ...textField("dateline", "p"),
    attrs: {
      date: { default: null, validate: "string|null" },
      source: { default: null, validate: "string|null" },
    },
    parseDOM: [
      {
        tag: "p.dateline",
        getAttrs: (dom) => ({
          date: dom.getAttribute("data-date"),
          source: dom.getAttribute("data-source"),
        }),
      },
    ],
    toDOM: (node) => [
      "p",
      {
        class: "dateline",
        "data-date": node.attrs.date as string | null,
        "data-source": node.attrs.source as string | null,
      },
      0,
    ],
  },

  /// The story itself.
  body: { content: "block+", marks: suggestedBlocks, isolating: true, parseDOM: [{ tag: "div.body" }], toDOM: () => bodyDOM },

  /// A paragraph of body text.
  paragraph: {
    content: "text*",
    marks: withNotes(fieldMarks("body")),
    group: "block",
    parseDOM: [{ tag: "p" }],
    toDOM: () => paragraphDOM,
  },

  /// A crosshead inside the body (h2, NITF hl2).
  subheading: {
    content: "text*",
    marks: withNotes(""),
    group: "block",
    defining: true,
    parseDOM: [{ tag: "h2" }, { tag: "h3" }, { tag: "h4" }],
    toDOM: () => subheadingDOM,
  },

  /// A quoted passage with an optional attribution.
  blockquote: {
    content: "paragraph+ attribution?",
    marks: suggestedBlocks,
    group: "block",
    defining: true,
    parseDOM: [{ tag: "blockquote" }],
    toDOM: () => blockquoteDOM,
  },

  /// Who said a quote.
  attribution: {
    content: "text*",
    marks: withNotes(""),
    defining: true,
    parseDOM: [{ tag: "footer" }, { tag: "cite" }],
    toDOM: () => attributionDOM,
  },

  /// A display quote set apart from the text.
  pullquote: {
    content: "pullquote_text attribution?",
    marks: suggestedBlocks,
    group: "block",
    defining: true,
    attrs: { role: { default: "supporting", validate: "string" } },
    parseDOM: [
      {
        tag: "aside.pullquote",
        getAttrs: (dom) => {
          const role = dom.getAttribute("data-role");
          return { role: pullquoteRoles.includes(role as PullquoteRole) ? role : "supporting" };
        },
      },
    ],
    toDOM: (node) => ["aside", { class: "pullquote", "data-role": node.attrs.role as string }, 0],
  },

  /// The words of a pull quote.
  pullquote_text: {
    content: "text*",
    marks: withNotes(""),
    defining: true,
    parseDOM: [{ tag: "p.pullquote-text" }],
    toDOM: () => pullquoteTextDOM,
  },

  /// An image with its caption and credit.
  figure: {
    content: "image caption? credit?",
    marks: suggestedBlocks,
    group: "block",
    defining: true,
    parseDOM: [{ tag: "figure" }],
    toDOM: () => ["figure", 0],
  },

  /// The picture of a figure: an https URL or `asset:<sha256>` of an embedded asset.
  image: {
    atom: true,
    attrs: { src: { default: "", validate: "string" }, alt: { default: "", validate: "string" } },
    parseDOM: [
      {
        tag: "img[src]",
        getAttrs: (dom) => ({ src: dom.getAttribute("src"), alt: dom.getAttribute("alt") ?? "" }),
      },
    ],
    toDOM: (node) => ["img", { src: node.attrs.src as string, alt: node.attrs.alt as string }],
  },

  /// What the picture shows.
  caption: {
    content: "text*",
    marks: withNotes("strong em"),
    parseDOM: [{ tag: "figcaption" }],
    toDOM: () => figcaptionDOM,
  },

  /// Who took or owns the picture, e.g. "© AFP".
  credit: {
    content: "text*",
    marks: withNotes(""),
    parseDOM: [{ tag: "small.credit" }],
    toDOM: () => creditDOM,
  },

  /// A bulleted list.
  bullet_list: {
    content: "list_item+",
    marks: suggestedBlocks,
    group: "block",
    parseDOM: [{ tag: "ul" }],
    toDOM: () => bulletListDOM,
  },

  /// A numbered list.
  ordered_list: {
    content: "list_item+",
    marks: suggestedBlocks,
    group: "block",
    attrs: { order: { default: 1, validate: "number" } },
    parseDOM: [
      {
        tag: "ol",
        getAttrs: (dom) => ({ order: Number(dom.getAttribute("start") ?? 1) || 1 }),
      },
    ],
    toDOM: (node) => ["ol", node.attrs.order === 1 ? {} : { start: node.attrs.order as number }, 0],
  },

  /// An item of a list: a paragraph, then more paragraphs or nested lists.
  list_item: {
    content: "paragraph (paragraph | bullet_list | ordered_list)*",
    marks: suggestedBlocks,
    defining: true,
    parseDOM: [{ tag: "li" }],
    toDOM: () => listItemDOM,
  },

  /// A table of figures (results, election returns): an optional caption, then its rows. `header`
  /// says the first row heads the columns. Importers and paste make every table rectangular, one
  /// cell per row and column (shared/import/html-tables.ts).
  table: {
    content: "table_caption? table_rows",
    marks: suggestedBlocks,
    group: "block",
    defining: true,
    attrs: { header: { default: false, validate: "boolean" } },
    parseDOM: [
      { tag: "div.table-block", getAttrs: (dom) => ({ header: dom.getAttribute("data-header") === "true" }) },
      { tag: "table", getAttrs: (dom) => ({ header: dom.getAttribute("data-header") === "true" }) },
    ],
    toDOM: (node) => ["div", { class: node.attrs.header ? "table-block has-header" : "table-block", "data-header": String(node.attrs.header) }, 0],
  },

  /// What the table shows: one line of text, above it.
  table_caption: {
    content: "text*",
    marks: withNotes("strong em"),
    defining: true,
    parseDOM: [{ tag: "caption" }, { tag: "p.table-caption" }],
    toDOM: () => tableCaptionDOM,
  },

  /// The rows of a table, each with as many cells as the others (prosemirror-tables' "table").
  table_rows: {
    content: "table_row+",
    marks: suggestedBlocks,
    tableRole: "table",
    isolating: true,
    parseDOM: [
      { tag: "table", context: "table/", priority: 60 },
      { tag: "tbody", context: "table/", priority: 60 },
    ],
    toDOM: () => tableRowsDOM,
  },

  /// One row of a table.
  table_row: { content: "table_cell+", marks: suggestedBlocks, tableRole: "row", parseDOM: [{ tag: "tr" }], toDOM: () => tableRowDOM },

  /// One cell of a table: text with the body's marks.
  table_cell: {
    content: "text*",
    marks: withNotes(fieldMarks("body")),
    tableRole: "cell",
    isolating: true,
    attrs: { colspan: singleSpan, rowspan: singleSpan },
    parseDOM: [{ tag: "td" }, { tag: "th" }],
    toDOM: () => tableCellDOM,
  },

  /// The closing source credit, e.g. "(FRANCE 24 with AFP)".
  tagline: textField("tagline", "p"),

  /// Links to related stories at the end of the article.
  related: { content: "related_link*", marks: suggestedBlocks, isolating: true, parseDOM: [{ tag: "ul.related" }], toDOM: () => relatedDOM },

  /// One related story: URL, title and an optional label such as "IRAQ".
  related_link: {
    atom: true,
    selectable: true,
    attrs: {
      href: { default: "", validate: "string" },
      title: { default: "", validate: "string" },
      label: { default: null, validate: "string|null" },
    },
    parseDOM: [
      {
        tag: "li.related-link",
        getAttrs: (dom) => {
          const a = dom.querySelector("a");
          return {
            href: a?.getAttribute("href") ?? "",
            title: a?.textContent ?? "",
            label: dom.getAttribute("data-label"),
          };
        },
      },
    ],
    toDOM: (node) => {
      const { href, title, label } = node.attrs as { href: string; title: string; label: string | null };
      return ["li", { class: "related-link", "data-label": label }, ["a", { href }, title]];
    },
  },

  text: {},
} satisfies Record<string, NodeSpec>;

/// The mark specs: emphasis, links, and the review's notes and suggested edits.
export const marks = {
  /// A link to http, https or mailto.
  link: {
    attrs: { href: { validate: "string" }, title: { default: null, validate: "string|null" } },
    inclusive: false,
    parseDOM: [
      {
        tag: "a[href]",
        getAttrs: (dom) => ({ href: dom.getAttribute("href"), title: dom.getAttribute("title") }),
      },
    ],
    toDOM: (mark) => ["a", { href: mark.attrs.href as string, title: mark.attrs.title as string | null }, 0],
  },

  /// Emphasis, shown in italics.
  em: {
    parseDOM: [{ tag: "i" }, { tag: "em" }, { style: "font-style=italic" }],
    toDOM: () => emDOM,
  },

  /// Strong importance, shown in bold.
  strong: {
    parseDOM: [
      { tag: "strong" },
      { tag: "b", getAttrs: (node) => node.style.fontWeight !== "normal" && null },
      { style: "font-weight=400", clearMark: (m) => m.type.name === "strong" },
      { style: "font-weight", getAttrs: (value) => /^(bold(er)?|[5-9]\d{2,})$/.test(value) && null },
    ],
    toDOM: () => strongDOM,
  },

  /// A note of the desk's review on this text: `id` names its thread in the article's `notes`
  /// (shared/review/review.ts). Typing at its edge does not extend it; notes overlap other marks
  /// and each other (a mark per note). Exports leave it out (shared/export/registry.ts).
  note: {
    attrs: { id: { validate: "string" } },
    inclusive: false,
    excludes: "",
    parseDOM: [{ tag: "span[data-note]", getAttrs: (dom) => ({ id: dom.getAttribute("data-note") }) }],
    toDOM: (mark) => ["span", { class: "note-mark", "data-note": mark.attrs.id as string }, 0],
  },

  // The suggested edits of the desk's review (track changes), as @handlewithcare/prosemirror-suggest-changes
  // names them: its suggest mode writes them and shared/review/suggestions.ts accepts or rejects
  // them. `id` names the suggestion in the article's `suggestions` (author, time). A mark goes on
  // text, or on a whole block as a node mark. Copied and pasted within the article they come back
  // (parsed from their `data-suggestion`); the editor's paste keeps only those of suggestions the
  // article holds (renderer/src/review/review-state.ts), so a paste never brings someone else's.
  // Exports take the article with them accepted (shared/review/published.ts).

  /// Text or a block a suggested edit inserts: shown underlined in its author's colour.
  insertion: {
    attrs: { id: { validate: "string" } },
    inclusive: false,
    excludes: "insertion deletion modification",
    parseDOM: [{ tag: "ins[data-suggestion]", getAttrs: (dom) => ({ id: dom.getAttribute("data-suggestion") }) }],
    toDOM: (mark, inline) => [inline ? "ins" : "div", { class: "suggest-ins", "data-suggestion": mark.attrs.id as string }, 0],
  },

  /// Text or a block a suggested edit deletes: shown struck through, still in the document until accepted.
  deletion: {
    attrs: { id: { validate: "string" } },
    inclusive: false,
    excludes: "insertion deletion modification",
    parseDOM: [{ tag: "del[data-suggestion]", getAttrs: (dom) => ({ id: dom.getAttribute("data-suggestion") }) }],
    toDOM: (mark, inline) => [inline ? "del" : "div", { class: "suggest-del", "data-suggestion": mark.attrs.id as string }, 0],
  },

  /// A block whose kind or attributes a suggested edit changes (a paragraph made a subheading, a
  /// dateline's date): `type` is "attr" (`attrName`) or "nodeType", and the values before and after.
  modification: {
    attrs: {
      id: { validate: "string" },
      type: { validate: "string" },
      attrName: { default: null, validate: "string|null" },
      previousValue: { default: null },
      newValue: { default: null },
    },
    inclusive: false,
    excludes: "insertion deletion",
    toDOM: (mark, inline) => [inline ? "span" : "div", { class: "suggest-mod", "data-suggestion": mark.attrs.id as string }, 0],
  },
} satisfies Record<string, MarkSpec>;

export type NodeName = keyof typeof nodes;
export type MarkName = keyof typeof marks;

/// The Copydesk article schema.
export const schema = new Schema<NodeName, MarkName>({ nodes, marks });
