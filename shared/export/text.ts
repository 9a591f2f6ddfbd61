import type { Node as PMNode } from "prosemirror-model";
import type { Article } from "../article";
import { embargoLine } from "../embargo";
import { quoteStyle } from "../quote-marks";
import { wordCount } from "../word-count";
import { fixedWords } from "./fixed-words";
import { defaultFormatOptions, type FormatOptions } from "./options";
import { articleParts, datelineLabel, figureParts, hasDateline } from "./parts";
import { tableText } from "./tables";

// Plain-text export in wire-copy style: the embargo line when there is one
// ("EMBARGOED UNTIL 09:00 GMT 1 Jan 2030", shared/embargo.ts), kicker, headline, standfirst, byline, then the story
// with the dateline leading its first paragraph ("WASHINGTON, Jan. 7, 2014 (AFP) - …"),
// the tagline as the story's last line, the related links after it, and last the word count
// ("Words: 523", as shared/word-count.ts counts them), as wire headers carry it. The words the
// export adds ("Picture", "Related", "Words") and a pull quote's marks are the article language's.

type BlockText = (node: PMNode, indent: string, language: string) => string[];

const blockTexts: Record<string, BlockText> = {
  paragraph: (node, indent) => [indent + node.textContent],
  subheading: (node, indent) => [indent + node.textContent],
  blockquote: (node, indent, language) => childBlocks(node, `${indent}    `, language),
  pullquote: (node, indent, language) => childBlocks(node, `${indent}    `, language),
  pullquote_text: (node, indent, language) => {
    const quotes = quoteStyle(language);
    return [`${indent}${quotes.openDouble}${node.textContent}${quotes.closeDouble}`];
  },
  attribution: (node, indent) => [`${indent}— ${node.textContent}`],
  figure: (node, indent, language) => {
    const figure = figureParts(node);
    const words = [figure.caption?.textContent || figure.alt, figure.credit ? `(${figure.credit})` : ""].filter(Boolean);
    return [`${indent}[${fixedWords(language).picture}: ${words.join(" ")}]`];
  },
  table: (node, indent) => [tableText(node, indent)],
  bullet_list: (node, indent, language) => listItems(node, indent, language, () => "- "),
  ordered_list: (node, indent, language) => listItems(node, indent, language, (i) => `${(node.attrs.order as number) + i}. `),
};

function childBlocks(node: PMNode, indent: string, language: string): string[] {
  const out: string[] = [];
  node.forEach((child) => out.push(...blockTexts[child.type.name](child, indent, language)));
  return out;
}

function listItems(list: PMNode, indent: string, language: string, marker: (i: number) => string): string[] {
  const out: string[] = [];
  list.forEach((item, _offset, i) => {
    const lines = childBlocks(item, `${indent}   `, language);
    if (lines.length > 0) lines[0] = `${indent}${marker(i)}${lines[0].slice(indent.length + 3)}`;
    out.push(...lines);
  });
  return out;
}

/// The article as wire-style plain text, paragraphs separated by blank lines.
export function exportText(article: Article, options: FormatOptions = defaultFormatOptions): string {
  const parts = articleParts(article);
  const { language, embargo } = article.meta;
  const words = fixedWords(language);
  const head = [parts.kicker, parts.headline].filter(Boolean);
  const sections: string[] = [];
  if (embargo) sections.push(embargoLine(embargo, language, options.timeZone));
  sections.push(head.join("\n"));
  if (parts.standfirst.textContent) sections.push(parts.standfirst.textContent);
  if (parts.byline) sections.push(parts.byline);

  const body: string[] = [];
  parts.body.forEach((block) => body.push(...blockTexts[block.type.name](block, "", language)));
  const lead = hasDateline(parts.dateline) ? `${datelineLabel(parts.dateline, language)} -` : "";
  if (lead) {
    const first = parts.body.childCount > 0 ? findFirstParagraph(parts.body, language) : -1;
    if (first >= 0) body[first] = `${lead} ${body[first]}`;
    else body.unshift(lead);
  }
  sections.push(...body.filter((line) => line.trim() !== ""));
  if (parts.tagline) sections.push(parts.tagline);
  if (parts.related.length > 0) {
    const links = parts.related.map((link) => `- ${link.label ? `${link.label}: ` : ""}${link.title} <${link.href}>`);
    sections.push([`${words.related}:`, ...links].join("\n"));
  }
  sections.push(`${words.words}: ${wordCount(article.doc)}`);
  return `${sections.join("\n\n")}\n`;
}

function findFirstParagraph(body: PMNode, language: string): number {
  let line = 0;
  let found = -1;
  body.forEach((block) => {
    if (found >= 0) return;
    const lines = blockTexts[block.type.name](block, "", language);
    if (block.type.name === "paragraph" && block.textContent !== "") found = line;
    line += lines.length;
  });
  return found;
}
