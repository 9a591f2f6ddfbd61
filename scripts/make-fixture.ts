import { writeFileSync } from "node:fs";
import { serializeArticle } from "../shared/article-file";
import { buildSeedArticle, seedArticlePath } from "../test/support/seed-article";

// Rewrites test/fixtures/seed.article from the seed text, test/fixtures/seed-article.txt.
writeFileSync(seedArticlePath, serializeArticle(buildSeedArticle()));
console.log(`wrote ${seedArticlePath}`);
