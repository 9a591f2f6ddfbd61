import { serializeArticle } from "../../shared/article-file";
import { createArticle } from "../../shared/article";

// Article files at and past the limits, written as text (JSON.stringify itself overflows the stack
// on a document nested 10,000 levels deep): a list nested that deep, a body of many nodes, one
// huge paragraph, a file padded to a size. Each is a valid article apart from what it is named for.

const fixedId = "8a6b3f1e-2c4d-4e5f-9a0b-1c2d3e4f5a6b";

/// The text of an article file whose body is `bodyJSON` (the JSON text of the body's content list).
export function articleFileWithBody(bodyJSON: string, headline = "Limits"): string {
  const empty = JSON.parse(serializeArticle(createArticle({ id: fixedId, now: new Date("2014-01-07T10:00:00Z") }))) as {
    doc: { content: { type: string; content?: unknown[] }[] };
  };
  empty.doc.content[1].content = [{ type: "text", text: headline }];
  const marker = '"__BODY__"';
  empty.doc.content[5].content = ["__BODY__"];
  return JSON.stringify(empty, null, 2).replace(marker, bodyJSON.slice(1, -1));
}

const paragraphJSON = (text: string): string => JSON.stringify({ type: "paragraph", content: [{ type: "text", text }] });

/// A bulleted list nested `levels` deep, each level a list item holding a paragraph and the next list.
export function nestedListFile(levels: number): string {
  const open = `{"type":"bullet_list","content":[{"type":"list_item","content":[${paragraphJSON("level")},`;
  const innermost = `{"type":"bullet_list","content":[{"type":"list_item","content":[${paragraphJSON("deepest")}]}]}`;
  const body = open.repeat(levels - 1) + innermost + "]}]}".repeat(levels - 1);
  return articleFileWithBody(`[${body}]`);
}

/// A body of `paragraphs` paragraphs of a few words each (three nodes each: paragraph, text, and the words).
export function wideBodyFile(paragraphs: number): string {
  const parts: string[] = [];
  for (let i = 0; i < paragraphs; i++) parts.push(paragraphJSON(`Paragraph ${i} of the story, with a few words.`));
  return articleFileWithBody(`[${parts.join(",")}]`);
}

/// One paragraph of about `bytes` characters of words.
export function longParagraphFile(bytes: number): string {
  const sentence = "The port reopened at dawn after a week of repairs. ";
  return articleFileWithBody(`[${paragraphJSON(sentence.repeat(Math.ceil(bytes / sentence.length)).trim())}]`);
}

/// An article file of at least `bytes` bytes: paragraphs of text until it gets there.
export function fileOfSize(bytes: number): string {
  const paragraph = paragraphJSON("Words of the story, repeated to make the file large. ".repeat(40).trim());
  return articleFileWithBody(`[${Array(Math.ceil(bytes / paragraph.length)).fill(paragraph).join(",")}]`);
}
