import { bench, describe } from "vitest";
import { createArticle, emptyDoc, type Article } from "../../shared/article";
import { compareArticles } from "../../shared/review/compare";
import { redlineText } from "../../shared/review/redline-text";
import { schema } from "../../shared/schema";
import { paragraphTexts } from "./support/articles";

// Comparing two versions of a 1,000-paragraph story (what "Compare with…" and `copydesk diff`
// do): a desk edit (a word changed in one paragraph in twenty, ten paragraphs inserted, ten
// deleted, two moved), the same story against itself, and against a wholly different one.

const n = schema.nodes;
const base = createArticle({ id: "8a0f6c1e-2f4b-4c7e-9d3a-1b2c3d4e5f60", now: new Date("2014-01-07T00:00:00Z") });

function story(texts: string[]): Article {
  const doc = emptyDoc();
  return { ...base, doc: doc.copy(doc.content.replaceChild(5, n.body.create(null, texts.map((t) => n.paragraph.create(null, schema.text(t)))))) };
}

const original = paragraphTexts(1000);
const edited = original.map((text, i) => (i % 20 === 0 ? text.replace(/ the /, " a ").replace(/\.$/, ", officials said.") : text));
edited.splice(500, 10);
edited.splice(100, 0, ...paragraphTexts(10, 99));
edited.splice(800, 0, ...edited.splice(300, 2));

const older = story(original);
const newer = story(edited);
const rewritten = story(paragraphTexts(1000, 7));
const options = { time: 2000, warmupTime: 500 };

describe("compare two 1,000-paragraph versions", () => {
  bench("a desk edit (50 paragraphs changed, 10 inserted, 10 deleted, 2 moved)", () => {
    compareArticles(older, newer);
  }, options);
  bench("the desk edit as a text redline", () => {
    redlineText(compareArticles(older, newer));
  }, options);
  bench("the same story", () => {
    compareArticles(older, older);
  }, options);
  bench("a wholly different story", () => {
    compareArticles(older, rewritten);
  }, options);
});
