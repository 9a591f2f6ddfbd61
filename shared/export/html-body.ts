import type { Mark, Node as PMNode } from "prosemirror-model";
import type { Article } from "../article";
import { escapeXml } from "./escape";
import { figureParts, imageURI } from "./parts";
import { tableMarkup } from "./tables";

// The article body as semantic HTML, shared by the HTML page and the ninjs body.
// Each node type has one handler; marks are wrapped outermost first in schema order.

type BlockWriter = (node: PMNode, article: Article) => string;

const markTags: Record<string, (mark: Mark) => [string, string]> = {
  link: (mark) => {
    const title = mark.attrs.title as string | null;
    return [`<a href="${escapeXml(mark.attrs.href as string)}"${title ? ` title="${escapeXml(title)}"` : ""}>`, "</a>"];
  },
  em: () => ["<em>", "</em>"],
  strong: () => ["<strong>", "</strong>"],
};

/// The inline content of a textblock as HTML, each text run wrapped in its marks.
export function inlineHtml(node: PMNode): string {
  let html = "";
  node.forEach((child) => {
    let piece = escapeXml(child.text ?? "");
    for (const mark of [...child.marks].reverse()) {
      const [open, close] = markTags[mark.type.name](mark);
      piece = `${open}${piece}${close}`;
    }
    html += piece;
  });
  return html;
}

const attributionHtml = (node: PMNode): string => `<footer><cite>${escapeXml(node.textContent)}</cite></footer>`;

const children = (node: PMNode, article: Article): string => {
  const parts: string[] = [];
  node.forEach((child) => parts.push(blockHtml(child, article)));
  return parts.join("");
};

const blockWriters: Record<string, BlockWriter> = {
  paragraph: (node) => `<p>${inlineHtml(node)}</p>`,
  subheading: (node) => `<h2>${escapeXml(node.textContent)}</h2>`,
  blockquote: (node, article) => `<blockquote>${children(node, article)}</blockquote>`,
  attribution: attributionHtml,
  pullquote: (node, article) =>
    `<aside class="pullquote" data-role="${escapeXml(node.attrs.role as string)}">${children(node, article)}</aside>`,
  pullquote_text: (node) => `<p class="pullquote-text">${escapeXml(node.textContent)}</p>`,
  figure: (node, article) => {
    const figure = figureParts(node);
    const src = imageURI(article, figure.src);
    const img = `<img${src ? ` src="${escapeXml(src)}"` : ""} alt="${escapeXml(figure.alt)}">`;
    const caption = figure.caption ? `<figcaption>${inlineHtml(figure.caption)}</figcaption>` : "";
    const credit = figure.credit ? `<small class="credit" dir="auto">${escapeXml(figure.credit)}</small>` : "";
    return `<figure>${img}${caption}${credit}</figure>`;
  },
  bullet_list: (node, article) => `<ul>${children(node, article)}</ul>`,
  ordered_list: (node, article) => {
    const order = node.attrs.order as number;
    return `<ol${order === 1 ? "" : ` start="${order}"`}>${children(node, article)}</ol>`;
  },
  list_item: (node, article) => `<li>${children(node, article)}</li>`,
  table: (node) => tableMarkup(node, inlineHtml, '<th scope="col">'),
};

/// One body block (and what it holds) as HTML.
export function blockHtml(node: PMNode, article: Article): string {
  return blockWriters[node.type.name](node, article);
}

/// The blocks of the body as HTML, one per line.
export function bodyHtml(body: PMNode, article: Article): string {
  const blocks: string[] = [];
  body.forEach((block) => {
    if (block.type.name === "paragraph" && block.content.size === 0 && body.childCount === 1) return;
    blocks.push(blockHtml(block, article));
  });
  return blocks.join("\n");
}
