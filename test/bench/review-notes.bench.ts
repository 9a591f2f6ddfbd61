import { bench, describe } from "vitest";
import { EditorState } from "prosemirror-state";
import type { Identity } from "../../shared/ipc";
import { emptyDoc } from "../../shared/article";
import { schema } from "../../shared/schema";
import { savableGuardPlugin } from "../../renderer/src/editor/savable";
import { statePlugins } from "../../renderer/src/editor/setup";
import { addNote } from "../../renderer/src/review/note-commands";
import { notesAfter } from "../../renderer/src/review/review-state";
import { TextSelection } from "prosemirror-state";
import { createArticle } from "../../shared/article";

// One keystroke in a 1,000-paragraph story with 50 notes on its text: the editor's state plugins
// with the review and the savable guard asking it, beside the same story without notes.

const words = "the minister said on monday that forces would stay in the country until the end of the year".split(" ");
const n = schema.nodes;
const paragraphs = Array.from({ length: 1000 }, (_, i) => n.paragraph.create(null, schema.text(Array.from({ length: 20 }, (_, j) => words[(i + j) % words.length]).join(" "))));
const base = emptyDoc();
const doc = base.copy(base.content.replaceChild(5, n.body.create(null, paragraphs)));
const bodyStart = doc.child(0).nodeSize + doc.child(1).nodeSize + doc.child(2).nodeSize + doc.child(3).nodeSize + doc.child(4).nodeSize + 1;
const editor: Identity = { id: "p-bench", name: "Amira Haddad", initials: "AH" };
const plugins = () => [savableGuardPlugin(() => false, () => undefined, notesAfter), ...statePlugins(createArticle().meta)];

const plain = EditorState.create({ doc, plugins: plugins() });
let noted = plain;
for (let i = 0; i < 50; i++) {
  let pos = bodyStart;
  for (let k = 0; k < i * 20; k++) pos += doc.child(5).child(k).nodeSize;
  noted = noted.apply(noted.tr.setSelection(TextSelection.create(noted.doc, pos + 1, pos + 12)));
  addNote(editor, `Note ${i}`)(noted, (tr) => (noted = noted.apply(tr)));
}
let middle = bodyStart;
for (let k = 0; k < 500; k++) middle += doc.child(5).child(k).nodeSize;
middle += 5;

const options = { time: 1500, warmupTime: 500 };

describe("a keystroke in 1,000 paragraphs", () => {
  bench("with 50 notes (review state, guard asking it)", () => {
    noted.apply(noted.tr.insertText("x", middle));
  }, options);
  bench("without notes", () => {
    plain.apply(plain.tr.insertText("x", middle));
  }, options);
});
