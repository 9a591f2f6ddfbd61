import { readFileSync } from "node:fs";
import { EditorState } from "prosemirror-state";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { checkArticleFully, guideFor, spellerFor } from "../../electron/services/check-cli";
import type { Article } from "../../shared/article";
import { emptyDoc } from "../../shared/article";
import { parseArticleFile } from "../../shared/article-file";
import { schema } from "../../shared/schema";
import { blockText, textBlocks } from "../../shared/style/article-check";
import type { StyleGuide } from "../../shared/style/guide";
import { dictionaryFor } from "../../shared/style/spelling";
import { sampleArticles } from "../support/arbitrary-article";
import { seedArticlePath } from "../support/seed-article";

// `copydesk check` after start-up (the guide compiled, the dictionaries loaded): the reference
// article, and 200 generated articles (English, French, Arabic, Hebrew and Chinese, every kind of
// block, awkward words), house style and spelling, as the command runs them. The target is under
// 50 ms per article; the figures go in the README. And the editor's part of a keystroke at 1,000
// paragraphs: the checks of the one block it changed (what the idle-time pass does) next to a
// check of every block (what the per-block cache avoids).

const seed = (() => {
  const parsed = parseArticleFile(readFileSync(seedArticlePath));
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  return parsed.article;
})();
const generated: Article[] = sampleArticles(200);
let guide: StyleGuide;

beforeAll(async () => {
  guide = (await guideFor(undefined)).guide;
  const dictionaries = new Set([seed, ...generated].map((a) => dictionaryFor(a.meta.language)).filter((d) => d !== null));
  await Promise.all([...dictionaries].map((d) => spellerFor(d)));
  for (const article of [seed, ...generated]) await checkArticleFully(article, guide);
}, 600_000);

const perArticle: number[] = [];
afterAll(() => {
  if (perArticle.length === 0) return;
  const sorted = [...perArticle].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(2);
  console.log(`copydesk check, one generated article: median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (${sorted.length} checks)`);
});

const options = { time: 3000, warmupTime: 500 };

describe("copydesk check after start-up", () => {
  bench("the reference article (house style and spelling)", async () => {
    await checkArticleFully(seed, guide);
  }, options);
  bench("200 generated articles, one after the other (divide by 200)", async () => {
    for (const article of generated) {
      const started = performance.now();
      await checkArticleFully(article, guide);
      perArticle.push(performance.now() - started);
    }
  }, { ...options, iterations: 3 });
});

function longDoc(paragraphs: number) {
  const words = "the minister said on monday that 5 forces would stay in the country until the end of the year".split(" ");
  const n = schema.nodes;
  const blocks = Array.from({ length: paragraphs }, (_, i) => n.paragraph.create(null, schema.text(Array.from({ length: 20 }, (_, j) => words[(i + j) % words.length]).join(" "))));
  const base = emptyDoc();
  return base.copy(base.content.replaceChild(5, n.body.create(null, blocks)));
}

describe("the editor's checks at 1,000 paragraphs", () => {
  const doc = longDoc(1000);
  const state = EditorState.create({ doc });
  const middle = textBlocks(doc)[500];
  bench("a keystroke, then the house style of the block it changed (the idle-time pass)", () => {
    const next = state.apply(state.tr.insertText("x", middle.pos + 5));
    const block = next.doc.nodeAt(middle.pos)!;
    guide.forLanguage("en").checkBlock(blockText(block), "body");
  }, options);
  bench("a keystroke, then every block again (what the per-block cache avoids)", () => {
    const next = state.apply(state.tr.insertText("x", middle.pos + 5));
    const rules = guide.forLanguage("en");
    for (const block of textBlocks(next.doc)) rules.checkBlock(blockText(block.node), block.field);
  }, { ...options, iterations: 5 });
});
