import { baseKeymap } from "prosemirror-commands";
import { history, redo, undo } from "prosemirror-history";
import { ellipsis, emDash, inputRules, smartQuotes, textblockTypeInputRule, wrappingInputRule } from "prosemirror-inputrules";
import { keymap } from "prosemirror-keymap";
import { schema } from "prosemirror-schema-basic";
import { EditorState } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import type { ArticleJSON } from "../../../shared/article";
import { bodyTexts } from "../support/articles";

// The bare ProseMirror baseline: prosemirror-schema-basic with history, a keymap and input rules
// (smart quotes, dashes, ellipsis, Markdown-style blocks), given the generated article's headline
// and body paragraphs.

declare global {
  interface Window {
    benchArticle: ArticleJSON;
  }
}

const article = window.benchArticle;
const headline = (article.doc.content as { content?: { text: string }[] }[])[1].content?.[0]?.text ?? "";
const doc = schema.node("doc", null, [
  schema.node("heading", { level: 1 }, schema.text(headline)),
  ...bodyTexts(article).map((text) => schema.node("paragraph", null, text ? schema.text(text) : [])),
]);
const rules = inputRules({
  rules: [
    ...smartQuotes,
    ellipsis,
    emDash,
    wrappingInputRule(/^\s*>\s$/, schema.nodes.blockquote),
    textblockTypeInputRule(/^(#{1,6})\s$/, schema.nodes.heading, (match) => ({ level: match[1].length })),
  ],
});
const place = document.getElementById("editor")!;
const view = new EditorView(place, {
  state: EditorState.create({ doc, plugins: [rules, keymap({ "Mod-z": undo, "Mod-Shift-z": redo, "Mod-y": redo }), keymap(baseKeymap), history()] }),
});
window.benchProbe.ready(view.dom);
