import type { Node as PMNode } from "prosemirror-model";
import type { Article } from "../article";
import { wordCount } from "../word-count";
import { articleParts, datelineLabel, figureParts, hasDateline } from "./parts";

// Plain-text export in wire-copy style: kicker, headline, standfirst, byline, then the story
// with the dateline leading its first paragraph ("WASHINGTON, Jan. 7, 2014 (AFP) - …"),
// the tagline as the story's last line, the related links after it, and last the word count
// ("Words: 523", as shared/word-count.ts counts them), as wire headers carry it.

type BlockText = (node: PMNode, indent: string) => string[];

const blockTexts: Record<string, BlockText> = {
  paragraph: (node, indent) => [indent + node.textContent],
  subheading: (node, indent) => [indent + node.textContent],
  blockquote: (node, indent) => childBlocks(node, `${indent}    `),
  pullquote: (node, indent) => childBlocks(node, `${indent}    `),
  pullquote_text: (node, indent) => [`${indent}“${node.textContent}”`],
  attribution: (node, indent) => [`${indent}— ${node.textContent}`],
  figure: (node, indent) => {
    const figure = figureParts(node);
    const words = [figure.caption?.textContent || figure.alt, figure.credit ? `(${figure.credit})` : ""].filter(Boolean);
    return [`${indent}[Picture: ${words.join(" ")}]`];
  },
  bullet_list: (node, indent) => listItems(node, indent, () => "- "),
  ordered_list: (node, indent) => listItems(node, indent, (i) => `${(node.attrs.order as number) + i}. `),
};

function childBlocks(node: PMNode, indent: string): string[] {
  const out: string[] = [];
  node.forEach((child) => out.push(...blockTexts[child.type.name](child, indent)));
  return out;
}

function listItems(list: PMNode, indent: string, marker: (i: number) => string): string[] {
  const out: string[] = [];
  list.forEach((item, _offset, i) => {
    const lines = childBlocks(item, `${indent}   `);
    if (lines.length > 0) lines[0] = `${indent}${marker(i)}${lines[0].slice(indent.length + 3)}`;
    out.push(...lines);
  });
  return out;
}

/// The article as wire-style plain text, paragraphs separated by blank lines.
export function exportText(article: Article): string {
  const parts = articleParts(article);
  const head = [parts.kicker, parts.headline].filter(Boolean);
  const sections: string[] = [head.join("\n")];
  if (parts.standfirst.textContent) sections.push(parts.standfirst.textContent);
  if (parts.byline) sections.push(parts.byline);

  const body: string[] = [];
  parts.body.forEach((block) => body.push(...blockTexts[block.type.name](block, "")));
  const lead = hasDateline(parts.dateline) ? `${datelineLabel(parts.dateline)} -` : "";
  if (lead) {
    const first = parts.body.childCount > 0 ? findFirstParagraph(parts.body) : -1;
    if (first >= 0) body[first] = `${lead} ${body[first]}`;
    else body.unshift(lead);
  }
  sections.push(...body.filter((line) => line.trim() !== ""));
  if (parts.tagline) sections.push(parts.tagline);
  if (parts.related.length > 0) {
    const links = parts.related.map((link) => `- ${link.label ? `${link.label}: ` : ""}${link.title} <${link.href}>`);
    sections.push(["Related:", ...links].join("\n"));
  }
  sections.push(`Words: ${wordCount(article.doc)}`);
  return `${sections.join("\n\n")}\n`;
}

function findFirstParagraph(body: PMNode): number {
  let line = 0;
  let found = -1;
  body.forEach((block) => {
    if (found >= 0) return;
    const lines = blockTexts[block.type.name](block, "");
    if (block.type.name === "paragraph" && block.textContent !== "") found = line;
    line += lines.length;
  });
  return found;
}
