import { createArticle, emptyDoc, type Article } from "../../../shared/article";
import { schema } from "../../../shared/schema";
import { paragraphTexts } from "./articles";

// Two versions of a 1,000-paragraph story as a desk edit leaves them: a word changed in one
// paragraph in twenty, ten paragraphs inserted, ten deleted, two moved. What the compare
// benchmarks (compare.bench.ts, `npm run bench -- --only review`) measure "Compare with…" on.

const n = schema.nodes;
const base = createArticle({ id: "8a0f6c1e-2f4b-4c7e-9d3a-1b2c3d4e5f60", now: new Date("2014-01-07T00:00:00Z") });

/// An article whose body is these paragraphs, every other field empty.
export function storyOf(texts: string[]): Article {
  const doc = emptyDoc();
  return { ...base, doc: doc.copy(doc.content.replaceChild(5, n.body.create(null, texts.map((t) => n.paragraph.create(null, schema.text(t)))))) };
}

/// The desk edit's paragraphs, from the original's.
function deskEdited(original: string[]): string[] {
  const edited = original.map((text, i) => (i % 20 === 0 ? text.replace(/ the /, " a ").replace(/\.$/, ", officials said.") : text));
  edited.splice(500, 10);
  edited.splice(100, 0, ...paragraphTexts(10, 99));
  edited.splice(800, 0, ...edited.splice(300, 2));
  return edited;
}

/// The reporter's 1,000 paragraphs (`older`), the desk's edit of them (`newer`), and a wholly different story of the same length.
export function deskEditPair(): { older: Article; newer: Article; rewritten: Article } {
  const original = paragraphTexts(1000);
  return { older: storyOf(original), newer: storyOf(deskEdited(original)), rewritten: storyOf(paragraphTexts(1000, 7)) };
}
