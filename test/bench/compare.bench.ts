import { bench, describe } from "vitest";
import { compareArticles } from "../../shared/review/compare";
import { redlineText } from "../../shared/review/redline-text";
import { deskEditPair } from "./support/desk-edit";

// Comparing two versions of a 1,000-paragraph story (what "Compare with…" and `copydesk diff`
// do): a desk edit (a word changed in one paragraph in twenty, ten paragraphs inserted, ten
// deleted, two moved), the same story against itself, and against a wholly different one.

const { older, newer, rewritten } = deskEditPair();
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
