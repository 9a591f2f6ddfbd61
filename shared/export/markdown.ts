import type { Node as PMNode } from "prosemirror-model";
import { defaultMarkdownSerializer, MarkdownSerializer, type MarkdownSerializerState } from "prosemirror-markdown";
import { stringify } from "yaml";
import type { Article } from "../article";
import { schema } from "../schema";
import { fixedWords } from "./fixed-words";
import { serializeMarkdown } from "./markdown-state";
import { articleParts, datelineLabel, figureParts, hasDateline, imageURI } from "./parts";
import { tableParts } from "./tables";

// Markdown export: CommonMark through prosemirror-markdown, metadata in YAML front matter.
// The plain fields (kicker, byline, dateline, tagline) are written both as lines of the page
// and in the front matter, so that the Markdown importer can tell them from body text.
// What Markdown cannot carry is listed in `markdownLosses`.

/// What a Markdown export loses; the importer gives these back in their plainer form.
export const markdownLosses = [
  "pull quotes become block quotes (their role is lost)",
  "emphasis inside the standfirst (the whole standfirst is set in italics)",
  "a blockquote's attribution is its last paragraph, starting with an em dash",
  "figures are an image with the credit as its title and the caption after it, so a caption is plain paragraph text to other Markdown readers",
  "images embedded as AVIF (Markdown readers accept only gif, png, jpeg and webp data URIs)",
  "tables are GFM tables: the caption is a paragraph \"Table: …\" right before the table (as Pandoc writes it), and a table without a header row has an empty one (so a header row without words reads back as none)",
] as const;

const nodes = defaultMarkdownSerializer.nodes;

// Links, like emphasis, move spaces at their ends outside: `[a ](u)**b**` would let the `**` close
// emphasis opened before the link, where `[a](u) **b**` cannot.
const markSpecs = {
  ...defaultMarkdownSerializer.marks,
  link: { ...defaultMarkdownSerializer.marks.link, expelEnclosingWhitespace: true },
};


/// The serializer for an article's nodes (the article's assets give figures their images).
export function markdownSerializer(article: Article): MarkdownSerializer {
  const plain = (state: MarkdownSerializerState, node: PMNode) => {
    state.renderInline(node);
    state.closeBlock(node);
  };
  const serializer: MarkdownSerializer = new MarkdownSerializer(
    {
      paragraph: nodes.paragraph,
      text: nodes.text,
      bullet_list: (state, node, parent, index) => {
        const bullet = sameTypeBefore(node, parent, index) ? "-" : "*";
        state.renderList(node, "  ", () => `${bullet} `);
      },
      ordered_list: (state, node, parent, index) => {
        const delimiter = sameTypeBefore(node, parent, index) ? ")" : ".";
        const start = node.attrs.order as number;
        const width = String(start + node.childCount - 1).length;
        state.renderList(node, " ".repeat(width + 2), (i) => `${String(start + i).padStart(width, " ")}${delimiter} `);
      },
      list_item: nodes.list_item,
      blockquote: nodes.blockquote,
      pullquote: nodes.blockquote,
      pullquote_text: plain,
      attribution: (state, node) => {
        state.write("— ");
        plain(state, node);
      },
      subheading: (state, node) => {
        state.write("## ");
        plain(state, node);
      },
      figure: (state, node) => {
        const figure = figureParts(node);
        const src = imageURI(article, figure.src) ?? "";
        const title = figure.credit ? ` "${figure.credit.replace(/["\\&]/g, "\\$&")}"` : "";
        state.write(`![${state.esc(figure.alt)}](<${src.replace(/[<>\\]/g, "\\$&")}>${title})`);
        if (figure.caption && figure.caption.content.size > 0) {
          state.write("\n");
          state.renderInline(figure.caption);
        }
        state.closeBlock(node);
      },
      table: (state, node) => {
        state.text(tableMarkdown(node, (content) => serializeMarkdown(serializer, schema.nodes.body.create(null, schema.nodes.paragraph.create(null, content)))), false);
        state.closeBlock(node);
      },
      kicker: plain,
      byline: plain,
      tagline: plain,
      headline: (state, node) => {
        state.write("# ");
        plain(state, node);
      },
    },
    markSpecs,
    { escapeExtraCharacters: /[&<>]/g },
  );
  return serializer;
}

/// True when an odd number of lists of the same kind stand right before this one: Markdown would
/// merge neighbouring lists with the same marker, so neighbours alternate markers.
function sameTypeBefore(node: PMNode, parent: PMNode, index: number): boolean {
  let count = 0;
  while (index - count > 0 && parent.child(index - count - 1).type === node.type) count += 1;
  return count % 2 === 1;
}

/// The front matter: the metadata (without what is never published), then the plain fields the page also shows.
export function markdownFrontMatter(article: Article): Record<string, unknown> {
  const parts = articleParts(article);
  // Never on a page: the editor's note, and the authors' e-mail addresses.
  const { ednote: _ednote, ...published } = article.meta;
  const matter: Record<string, unknown> = { ...published, authors: article.meta.authors.map(({ email: _email, ...author }) => author) };
  if (parts.kicker) matter.kicker = parts.kicker;
  if (parts.byline) matter.byline = parts.byline;
  if (hasDateline(parts.dateline)) matter.dateline = parts.dateline;
  if (parts.tagline) matter.tagline = parts.tagline;
  return matter;
}

/// The article as CommonMark with YAML front matter.
export function exportMarkdown(article: Article): string {
  const parts = articleParts(article);
  const n = schema.nodes;
  const text = (s: string) => (s ? [schema.text(s)] : []);
  const head: PMNode[] = [];
  if (parts.kicker) head.push(n.kicker.create(null, text(parts.kicker)));
  head.push(n.headline.create(null, text(parts.headline)));
  if (parts.standfirst.content.size > 0) {
    const italic: PMNode[] = [];
    parts.standfirst.forEach((child) => italic.push(child.mark(schema.marks.em.create().addToSet(child.marks))));
    head.push(n.paragraph.create(null, italic));
  }
  if (parts.byline) head.push(n.byline.create(null, text(parts.byline)));
  if (hasDateline(parts.dateline)) head.push(n.byline.create(null, text(`${datelineLabel(parts.dateline, article.meta.language)} -`)));

  const tail: PMNode[] = [];
  if (parts.tagline) tail.push(n.tagline.create(null, text(parts.tagline)));
  const serializer = markdownSerializer(article);
  const render = (blocks: PMNode[]) => serializeMarkdown(serializer, n.body.create(null, blocks), { tightLists: true });
  const body: PMNode[] = [];
  parts.body.forEach((block) => {
    if (!(block.type.name === "paragraph" && block.content.size === 0)) body.push(block);
  });

  const sections = [render(head), render(body), render(tail)].filter((s) => s.trim() !== "");
  if (parts.related.length > 0) sections.push(relatedMarkdown(parts.related, serializer, fixedWords(article.meta.language).related));
  const matter = stringify(markdownFrontMatter(article), { lineWidth: 0 });
  return `---\n${matter}---\n\n${sections.join("\n\n")}\n`;
}

function relatedMarkdown(related: ReturnType<typeof articleParts>["related"], serializer: MarkdownSerializer, heading: string): string {
  const n = schema.nodes;
  const items = related.map((link) => {
    const content = [];
    if (link.label) content.push(schema.text(`${link.label}: `));
    if (link.title) content.push(schema.text(link.title, [schema.marks.link.create({ href: link.href })]));
    return n.list_item.create(null, n.paragraph.create(null, content));
  });
  const list = serializeMarkdown(serializer, n.body.create(null, [n.bullet_list.create(null, items)]), { tightLists: true });
  return `${heading}:\n\n${list}`;
}

/// A table as a GFM table, its caption a paragraph "Table: …" before it; `inline` writes a caption's or a
/// cell's content (a Fragment) as Markdown. Pipes in a cell are escaped, and a table without a header
/// row gets an empty one (GFM tables always have one).
function tableMarkdown(table: PMNode, inline: (content: PMNode["content"]) => string): string {
  const { caption, header, rows } = tableParts(table);
  const cell = (node: PMNode) => inline(node.content).replace(/\s*\n\s*/g, " ").trim().replace(/\|/g, "\\|");
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const width = rows[0]?.length ?? 0;
  const lines = [
    header ? line(rows[0].map(cell)) : line(Array.from({ length: width }, () => "")),
    line(Array.from({ length: width }, () => "---")),
    ...(header ? rows.slice(1) : rows).map((cells) => line(cells.map(cell))),
  ];
  return `${caption ? `Table: ${inline(caption.content).trim()}\n\n` : ""}${lines.join("\n")}`;
}
