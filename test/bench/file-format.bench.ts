import { readFileSync } from "node:fs";
import { bench, describe } from "vitest";
import { parseArticleFile, serializeArticle } from "../../shared/article-file";
import { schema } from "../../shared/schema";
import { seedArticlePath } from "../support/seed-article";

// Opening and saving cost: the reference article, and a long read.

const seedText = readFileSync(seedArticlePath, "utf8");
const seed = parseArticleFile(seedText);
if (!seed.ok) throw new Error(seed.errors.join());

const sentence = "The minister said the talks would resume on Monday, “whatever happens” in the capital. ";
const body = schema.nodes.body.create(
  null,
  Array.from({ length: 500 }, (_, i) =>
    i % 20 === 0 ? schema.nodes.subheading.create(null, schema.text(`Part ${i / 20 + 1}`)) : schema.nodes.paragraph.create(null, schema.text(sentence)),
  ),
);
const long = { ...seed.article, doc: seed.article.doc.copy(seed.article.doc.content.replaceChild(5, body)) };
const longText = serializeArticle(long);
const longWords = long.doc.textBetween(0, long.doc.content.size, " ").split(/\s+/).filter(Boolean).length;

describe("file format", () => {
  bench("parse + validate the reference article", () => void parseArticleFile(seedText));
  bench("serialize the reference article", () => void serializeArticle(seed.article));
  bench(`parse + validate a ${Math.round(longText.length / 1024)} KB article (${longWords.toLocaleString("en")} words)`, () => void parseArticleFile(longText));
  bench("serialize the long article", () => void serializeArticle(long));
});
