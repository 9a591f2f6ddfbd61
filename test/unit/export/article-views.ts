import type { Node as PMNode } from "prosemirror-model";
import type { Article } from "../../../shared/article";
import { articleToJSON, emptyNewsroomMeta } from "../../../shared/article";

// Views of an article that tests compare: what Markdown can carry, and the words in reading order.

type NodeJSON = { type: string; attrs?: Record<string, unknown>; content?: NodeJSON[]; text?: string; marks?: { type: string; attrs?: unknown }[] };

/// Inline content as runs of (text, marks), where white space carries no marks (Markdown moves it out of emphasis).
function runs(content: NodeJSON[] | undefined, dropEm: boolean): [string, string][] {
  const out: [string, string][] = [];
  for (const node of content ?? []) {
    const marks = (node.marks ?? []).filter((m) => !(dropEm && m.type === "em"));
    const key = JSON.stringify(marks.map((m) => [m.type, m.attrs ?? null]));
    for (const char of node.text ?? "") {
      const k = /\s/.test(char) ? "" : key;
      const last = out[out.length - 1];
      if (last && last[1] === k) last[0] += char;
      else out.push([char, k]);
    }
  }
  return out;
}

function normalize(node: NodeJSON, dropEm = false): unknown {
  if (node.type === "table") {
    // A header row without words reads back as no header row (markdownLosses).
    const rows = node.content?.find((c) => c.type === "table_rows")?.content ?? [];
    const emptyHeader = node.attrs?.header === true && rows.length > 1 && (rows[0].content ?? []).every((cell) => !(cell.content ?? []).length);
    if (emptyHeader) {
      const content = (node.content ?? []).map((c) => (c.type === "table_rows" ? { ...c, content: rows.slice(1) } : c));
      return normalizeChildren({ ...node, attrs: { header: false }, content });
    }
  }
  return normalizeChildren(node, dropEm);
}

function normalizeChildren(node: NodeJSON, dropEm = false): unknown {
  if (node.type === "pullquote") {
    const [text, ...by] = node.content ?? [];
    return normalize({ type: "blockquote", content: [{ type: "paragraph", content: text.content }, ...by] });
  }
  if (node.content && node.content.some((c) => c.type === "text")) {
    return { type: node.type, attrs: node.attrs, runs: runs(node.content, dropEm) };
  }
  const children = (node.content ?? []).map((c) => normalize(c, c.type === "standfirst"));
  return { type: node.type, attrs: node.attrs, content: children };
}

/// The article as far as Markdown carries it (see `markdownLosses`).
export function markdownView(article: Article): unknown {
  // Markdown carries the newsroom metadata but for what is never published: the editor's note and e-mails.
  const meta = { ...article.meta, ednote: "", authors: article.meta.authors.map((a) => ({ ...a, email: "" })) };
  const json = articleToJSON({ ...article, meta });
  return { meta: json.meta, assets: json.assets, doc: normalize(json.doc as NodeJSON) };
}

/// The article without the newsroom metadata of issue 14, which the HTML and Markdown exports do
/// not carry back to an import (the HTML page has it for readers and search engines in JSON-LD,
/// but neither the editor's note nor e-mails may be on a page, so it cannot be the article's copy).
export function withoutNewsroomMeta(article: Article): Article {
  return { ...article, meta: { ...article.meta, ...emptyNewsroomMeta() } };
}

/// Every text of the article in reading order: fields, body textblocks, tagline, related links.
export function textsInOrder(article: Article): string[] {
  const texts: string[] = [];
  article.doc.forEach((field) => {
    if (field.type.name === "dateline") return;
    if (field.type.name === "related") {
      field.forEach((link) => texts.push(...[link.attrs.label as string | null, link.attrs.title as string].filter((t): t is string => !!t)));
      return;
    }
    field.descendants((node: PMNode) => {
      if (node.isTextblock) {
        if (node.textContent) texts.push(node.textContent);
        return false;
      }
      return true;
    });
    if (field.isTextblock && field.textContent) texts.push(field.textContent);
  });
  return texts;
}

/// True when every word of `texts` appears in `output` in order; otherwise the first word missing.
export function missingWord(texts: string[], output: string): string | null {
  let at = 0;
  for (const word of texts.join(" ").split(/\s+/).filter(Boolean)) {
    const found = output.indexOf(word, at);
    if (found < 0) return word;
    at = found + word.length;
  }
  return null;
}
