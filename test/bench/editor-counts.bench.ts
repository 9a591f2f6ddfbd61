import { bench, describe } from "vitest";
import { EditorState } from "prosemirror-state";
import { countsPlugin } from "../../renderer/src/editor/counts";
import { countText } from "../../shared/word-count";
import { schema } from "../../shared/schema";
import { emptyDoc } from "../../shared/article";

// One keystroke on a 5,000-word story: applying it with the incremental counts, without any
// counting (the floor), and with a full recount of the body's text (what the plugin avoids).

const words = "the minister said on monday that forces would stay in the country until the end of the year".split(" ");
function longDoc() {
  const n = schema.nodes;
  const paragraphs = [];
  for (let i = 0; i < 250; i++) paragraphs.push(n.paragraph.create(null, schema.text(Array.from({ length: 20 }, (_, j) => words[(i + j) % words.length]).join(" "))));
  const base = emptyDoc();
  return base.replace(0, base.content.size, base.slice(0, base.content.size)).copy(base.content.replaceChild(5, n.body.create(null, paragraphs)));
}

const doc = longDoc();
const counted = EditorState.create({ doc, plugins: [countsPlugin()] });
const plain = EditorState.create({ doc });
const middle = doc.child(0).nodeSize + doc.child(1).nodeSize + doc.child(2).nodeSize + doc.child(3).nodeSize + doc.child(4).nodeSize + Math.floor(doc.child(5).nodeSize / 2);

const options = { time: 1500, warmupTime: 500 };

describe("a keystroke on a 5,000-word story", () => {
  bench("apply with incremental counts", () => {
    counted.apply(counted.tr.insertText("x", middle));
  }, options);
  bench("apply without counts (baseline)", () => {
    plain.apply(plain.tr.insertText("x", middle));
  }, options);
  bench("apply, then recount the whole body's text (what incremental avoids)", () => {
    const next = plain.apply(plain.tr.insertText("x", middle)).doc.child(5);
    countText(next.textBetween(0, next.content.size, " ", " "));
  }, options);
});
