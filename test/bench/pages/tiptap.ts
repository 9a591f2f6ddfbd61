import { Editor } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import type { ArticleJSON } from "../../../shared/article";
import { bodyTexts } from "../support/articles";

// The Tiptap baseline: its StarterKit, given the generated article's headline and body paragraphs.

declare global {
  interface Window {
    benchArticle: ArticleJSON;
  }
}

const article = window.benchArticle;
const headline = (article.doc.content as { content?: { text: string }[] }[])[1].content?.[0]?.text ?? "";
const text = (value: string) => (value ? [{ type: "text", text: value }] : []);
const editor = new Editor({
  element: document.getElementById("editor")!,
  extensions: [StarterKit],
  content: {
    type: "doc",
    content: [{ type: "heading", attrs: { level: 1 }, content: text(headline) }, ...bodyTexts(article).map((value) => ({ type: "paragraph", content: text(value) }))],
  },
});
window.benchProbe.ready(editor.view.dom);
