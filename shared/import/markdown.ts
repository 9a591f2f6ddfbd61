import MarkdownIt from "markdown-it";
import { defaultMarkdownParser, MarkdownParser, schema as markdownSchema } from "prosemirror-markdown";
import { Schema, type Node as PMNode } from "prosemirror-model";
import type { Asset } from "../article";
import { datelineLabel } from "../export/parts";
import { relatedHeadings } from "../export/fixed-words";
import { imageOrigin, isStoredImageSrc } from "../asset-policy";
import { siteFrontMatter, splitFrontMatter } from "./front-matter";
import { settleShortcodes } from "./shortcodes";
import { assetFromDataUri, buildArticle, collapse, safeMarks, type ImportedParts, type ImportResult, type MarkJSON, type NodeJSON } from "./build";

// Markdown import: front matter for the metadata and the fields (front-matter.ts: Copydesk's own
// keys and those of Hugo, Jekyll, Eleventy and Ghost), shortcodes settled (shortcodes.ts), then
// CommonMark through prosemirror-markdown. The front matter's title is the headline, else the first
// level-one heading; an all-italic paragraph right after that heading is the standfirst.

export { splitFrontMatter } from "./front-matter";

// GFM tables too: the Markdown export writes a body table as one (shared/export/markdown.ts).
const tokenizer = MarkdownIt("commonmark", { html: false }).enable("table");
// Keep link targets as written (markdown-it percent-encodes them); the URL policy checks them after.
tokenizer.normalizeLink = (url) => url;

/// prosemirror-markdown's schema with GFM tables: rows of cells of inline content, header cells marked.
const tableSchema = new Schema({
  nodes: markdownSchema.spec.nodes.append({
    md_table: { content: "md_row+", group: "block" },
    md_row: { content: "md_cell+" },
    md_cell: { content: "inline*", attrs: { header: { default: false } } },
  }),
  marks: markdownSchema.spec.marks,
});

const parser = new MarkdownParser(tableSchema, tokenizer, {
  ...defaultMarkdownParser.tokens,
  table: { block: "md_table" },
  thead: { ignore: true },
  tbody: { ignore: true },
  tr: { block: "md_row" },
  th: { block: "md_cell", getAttrs: () => ({ header: true }) },
  td: { block: "md_cell" },
  image: {
    node: "image",
    getAttrs: (token) => ({
      src: token.attrGet("src"),
      title: token.attrGet("title") || null,
      alt: (token.children ?? []).map((child) => child.content).join(""),
    }),
  },
});

/// Largest Markdown file imported, in characters.
export const maxMarkdownChars = 50 * 1024 * 1024;

const str = (value: unknown): string => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");

/// Converts the basic Markdown schema's nodes into article body JSON.
class Converter {
  readonly assets: Record<string, Asset> = {};
  readonly warnings: string[] = [];

  inline(node: PMNode): NodeJSON[] {
    const out: NodeJSON[] = [];
    node.forEach((child) => {
      if (child.isText) {
        const marks: MarkJSON[] = child.marks.filter((m) => m.type.name !== "code").map((m) => m.toJSON() as MarkJSON);
        const text = (child.text ?? "").replace(/\n/g, " ");
        const kept = safeMarks(marks);
        if (text) out.push(kept ? { type: "text", text, marks: kept } : { type: "text", text });
      } else if (child.type.name === "hard_break") out.push({ type: "text", text: " " });
    });
    return out;
  }

  async image(node: PMNode): Promise<NodeJSON | null> {
    let src = str(node.attrs.src);
    if (imageOrigin(src) === "data") src = (await assetFromDataUri(src, this.assets)) ?? "";
    if (!isStoredImageSrc(src, this.assets)) {
      this.warnings.push(`An image (${JSON.stringify(str(node.attrs.alt).slice(0, 40))}) was left out: only https and embedded images are kept.`);
      return null;
    }
    return { type: "image", attrs: { src, alt: str(node.attrs.alt) } };
  }

  /// A paragraph, or a figure when it starts with an image (its title is the credit, the rest the caption).
  async paragraph(node: PMNode): Promise<NodeJSON[]> {
    const first = node.firstChild;
    if (first?.type.name !== "image") return [{ type: "paragraph", content: this.inline(node) }];
    const image = await this.image(first);
    const rest = node.content.cut(first.nodeSize);
    const caption = this.inline(node.type.create(null, rest)).filter((n, i) => i > 0 || (n.text ?? "").trim() !== "");
    if (caption[0]?.text) caption[0] = { ...caption[0], text: caption[0].text.replace(/^\s+/, "") };
    if (!image) return caption.length > 0 ? [{ type: "paragraph", content: caption }] : [];
    const content: NodeJSON[] = [image];
    if (caption.length > 0) content.push({ type: "caption", content: caption.map((n) => ({ ...n, marks: n.marks?.filter((m) => m.type !== "link") })) });
    const credit = collapse(str(first.attrs.title));
    if (credit) content.push({ type: "credit", content: [{ type: "text", text: credit }] });
    return [{ type: "figure", content }];
  }

  async blocks(node: PMNode): Promise<NodeJSON[]> {
    const out: NodeJSON[] = [];
    for (let i = 0; i < node.childCount; i++) {
      const caption = i + 1 < node.childCount && node.child(i + 1).type.name === "md_table" ? tableCaption(node.child(i)) : null;
      if (caption) continue;
      out.push(...(await this.block(node.child(i), i > 0 ? node.child(i - 1) : null)));
    }
    return out;
  }

  /// A GFM table, with the "Table: …" paragraph before it as its caption (as Pandoc writes one). The
  /// export gives a table without a header row an empty one: such a row is no header.
  table(node: PMNode, before: PMNode | null): NodeJSON[] {
    const rows: NodeJSON[][] = [];
    node.forEach((row) => {
      const cells: NodeJSON[] = [];
      row.forEach((cell) => void cells.push({ type: "table_cell", attrs: { colspan: 1, rowspan: 1 }, content: this.inline(cell) }));
      rows.push(cells);
    });
    let header = node.firstChild?.firstChild?.attrs.header === true;
    if (header && node.firstChild!.textContent.trim() === "" && rows.length > 1) {
      rows.shift();
      header = false;
    }
    const caption = before ? tableCaption(before) : null;
    const content: NodeJSON[] = caption ? [{ type: "table_caption", content: this.inline(caption).map((n) => ({ ...n, marks: n.marks?.filter((m) => m.type !== "link") })) }] : [];
    content.push({ type: "table_rows", content: rows.map((cells) => ({ type: "table_row", content: cells })) });
    return [{ type: "table", attrs: { header }, content }];
  }

  /// Flattens blocks to paragraphs (for places that hold only paragraphs).
  async paragraphs(node: PMNode): Promise<NodeJSON[]> {
    const blocks = await this.blocks(node);
    return blocks.flatMap(function flat(b): NodeJSON[] {
      if (b.type === "paragraph") return [b];
      if (b.type === "subheading") return [{ type: "paragraph", content: b.content }];
      return (b.content ?? []).flatMap(flat);
    });
  }

  async block(node: PMNode, before: PMNode | null = null): Promise<NodeJSON[]> {
    switch (node.type.name) {
      case "paragraph":
        return this.paragraph(node);
      case "md_table":
        return this.table(node, before);
      case "heading":
        return [{ type: "subheading", content: this.inline(node).map(({ type, text }) => ({ type, text })) }];
      case "code_block":
        return node.textContent.split("\n").filter((l) => l.trim()).map((line) => ({ type: "paragraph", content: [{ type: "text", text: line }] }));
      case "blockquote": {
        const content = await this.paragraphs(node);
        if (content.length === 0) return [];
        const last = content[content.length - 1];
        const lastText = (last.content ?? []).map((n) => n.text).join("");
        if (content.length > 1 && /^—\s/.test(lastText)) {
          content[content.length - 1] = { type: "attribution", content: [{ type: "text", text: lastText.replace(/^—\s+/, "") }] };
        }
        return [{ type: "blockquote", content }];
      }
      case "bullet_list":
      case "ordered_list": {
        const items: NodeJSON[] = [];
        for (let i = 0; i < node.childCount; i++) {
          const children = await this.blocks(node.child(i));
          const fitted = children.flatMap((c) => (["paragraph", "bullet_list", "ordered_list"].includes(c.type) ? [c] : flatParagraphs(c)));
          if (fitted[0]?.type !== "paragraph") fitted.unshift({ type: "paragraph" });
          items.push({ type: "list_item", content: fitted });
        }
        const attrs = node.type.name === "ordered_list" ? { order: Number(node.attrs.order) || 1 } : undefined;
        return [{ type: node.type.name, ...(attrs ? { attrs } : {}), content: items }];
      }
      default:
        return [];
    }
  }
}

/// A paragraph "Table: …" (a table's caption in Markdown, as Pandoc has it) without its "Table: ", else null.
function tableCaption(node: PMNode): PMNode | null {
  const first = node.firstChild;
  if (node.type.name !== "paragraph" || !first?.isText || !/^Table: /.test(first.text ?? "")) return null;
  const rest = first.text!.slice("Table: ".length);
  return node.copy(rest ? node.content.replaceChild(0, first.type.schema.text(rest, first.marks)) : node.content.cut(first.nodeSize));
}

function flatParagraphs(b: NodeJSON): NodeJSON[] {
  if (b.type === "paragraph") return [b];
  if (b.type === "subheading") return [{ type: "paragraph", content: b.content }];
  return (b.content ?? []).flatMap(flatParagraphs);
}

const plainText = (b: NodeJSON | undefined): string => (b?.content ?? []).map((n) => n.text ?? "").join("");

/// Imports a Markdown file (with or without front matter).
export async function importMarkdown(text: string): Promise<ImportResult> {
  if (text.length > maxMarkdownChars) return { ok: false, errors: ["the file is over the 50 MB limit for an import"] };
  const split = splitFrontMatter(text);
  if ("error" in split) return { ok: false, errors: [split.error] };
  const { matter, markdown } = split;
  const converter = new Converter();
  const tree = parser.parse(settleShortcodes(markdown, converter.warnings));
  const site = siteFrontMatter(matter);
  const found = [...site.found];
  const parts: ImportedParts = { meta: site.parts.meta, assets: converter.assets };
  const dateline = typeof matter.dateline === "object" && matter.dateline !== null ? (matter.dateline as Record<string, unknown>) : null;
  if (dateline) parts.dateline = { place: str(dateline.place), date: str(dateline.date) || null, source: str(dateline.source) || null };

  // With a title in the front matter, a level-one heading is the headline only when it repeats the title.
  let headlineAt = -1;
  tree.forEach((child, _offset, i) => {
    const repeats = !site.parts.headline || collapse(child.textContent) === site.parts.headline;
    if (headlineAt < 0 && child.type.name === "heading" && child.attrs.level === 1 && repeats) headlineAt = i;
  });
  if (headlineAt >= 0) found.push(site.parts.headline ? "the body's first heading, the same as the title, taken out of the body" : "headline from the first level-one heading");
  else parts.headline = site.parts.headline;
  const blocks: NodeJSON[] = [];
  for (let i = 0; i < tree.childCount; i++) {
    const child = tree.child(i);
    if (i === headlineAt) {
      parts.headline = child.textContent;
      blocks.push({ type: "headline-marker" });
    } else if (i + 1 < tree.childCount && tree.child(i + 1).type.name === "md_table" && tableCaption(child)) continue;
    else blocks.push(...(await converter.block(child, i > 0 ? tree.child(i - 1) : null)));
  }
  const take = (predicate: (b: NodeJSON) => boolean, from = 0): NodeJSON | undefined => {
    const at = blocks.findIndex((b, i) => i >= from && predicate(b));
    return at >= 0 ? blocks.splice(at, 1)[0] : undefined;
  };
  const marker = () => blocks.findIndex((b) => b.type === "headline-marker");
  const isLine = (value: string) => (b: NodeJSON) => b.type === "paragraph" && value !== "" && plainText(b) === value;

  if (str(matter.kicker) && take(isLine(str(matter.kicker)))) parts.kicker = str(matter.kicker);
  const afterHeadline = blocks[marker() + 1];
  if (headlineAt >= 0 && afterHeadline?.type === "paragraph" && (afterHeadline.content ?? []).length > 0 &&
    (afterHeadline.content ?? []).every((n) => n.marks?.some((m) => m.type === "em") || (n.text ?? "").trim() === "")) {
    blocks.splice(marker() + 1, 1);
    parts.standfirst = (afterHeadline.content ?? []).map((n) => ({ ...n, marks: safeMarks(n.marks?.filter((m) => m.type !== "em")) }));
  }
  if (str(matter.byline) && take(isLine(str(matter.byline)), marker())) parts.byline = str(matter.byline);
  // The dateline line, its date written in the article's language (the front matter's).
  const language = typeof parts.meta?.language === "string" ? parts.meta.language : "en";
  if (parts.dateline) take(isLine(`${datelineLabel({ place: parts.dateline.place ?? "", date: parts.dateline.date ?? null, source: parts.dateline.source ?? null }, language)} -`), marker());
  parts.related = takeRelated(blocks);
  if (str(matter.tagline) && isLine(str(matter.tagline))(blocks[blocks.length - 1] ?? { type: "" })) {
    blocks.pop();
    parts.tagline = str(matter.tagline);
  }
  if (!parts.kicker && site.parts.kicker && !str(matter.kicker)) parts.kicker = site.parts.kicker;
  if ((parts.standfirst ?? []).length === 0 && site.parts.standfirst) parts.standfirst = site.parts.standfirst;
  else if (parts.standfirst?.length) found.push("standfirst from the italic paragraph under the headline");
  if (!parts.byline && site.parts.byline) parts.byline = site.parts.byline;
  parts.body = blocks.filter((b) => b.type !== "headline-marker");
  const lead = site.image && (await converter.image({ attrs: { src: site.image.src, alt: site.image.alt } } as unknown as PMNode));
  if (lead) {
    parts.body.unshift({ type: "figure", content: [lead] });
    found.push("lead picture from front matter");
  }
  return buildArticle(parts, converter.warnings, found);
}

/// The trailing "Related:" list of links (the heading in any language of the export's fixed
/// words), taken off the blocks.
function takeRelated(blocks: NodeJSON[]): ImportedParts["related"] {
  const list = blocks[blocks.length - 1];
  const heading = blocks[blocks.length - 2];
  if (list?.type !== "bullet_list" || !relatedHeadings.some((related) => plainText(heading) === `${related}:`)) return [];
  const links = (list.content ?? []).map((item) => {
    const inline = item.content?.length === 1 ? (item.content[0].content ?? []) : [];
    const link = inline.at(-1);
    const href = link?.marks?.find((m) => m.type === "link")?.attrs?.href;
    const before = inline.slice(0, -1).map((n) => n.text ?? "").join("");
    if (typeof href !== "string" || inline.slice(0, -1).some((n) => n.marks)) return null;
    return { href, title: link?.text ?? "", label: before.replace(/:\s*$/, "") || null };
  });
  if (links.some((l) => l === null)) return [];
  blocks.splice(blocks.length - 2, 2);
  return links as NonNullable<ImportedParts["related"]>;
}
