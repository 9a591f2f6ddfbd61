import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bench, describe } from "vitest";
import { createArticle } from "../../shared/article";
import { serializeArticle } from "../../shared/article-file";
import { schema } from "../../shared/schema";

// Wall time of the `copydesk` command, beside Node starting and doing nothing: `--version` and
// `validate` of one small article should stay under 150 ms. Needs the build (`npm run bench` makes it).

const bin = join(__dirname, "..", "..", "bin", "copydesk.cjs");
if (!existsSync(join(__dirname, "..", "..", "out", "main", "cli", "copydesk.cjs"))) throw new Error("build first: npm run build");

const article = createArticle({ id: "0b7c3f52-4c1d-4f7e-9d0a-2b8e6f1a9c33", now: new Date("2014-01-07T00:00:00Z") });
const doc = article.doc.copy(article.doc.content.replaceChild(1, schema.nodes.headline.create(null, schema.text("US speeds up arms sales to Iraq"))));
const small = join(mkdtempSync(join(tmpdir(), "copydesk-bench-")), "small.article");
writeFileSync(small, serializeArticle({ ...article, doc }));

/// Runs a command to its end and fails the bench if it fails.
function run(args: string[]): void {
  const result = spawnSync(process.execPath, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
}

const options = { time: 3000, iterations: 20, warmupIterations: 2 };

describe("command line start-up (wall time per run)", () => {
  bench("node -e '' (baseline)", () => run(["-e", ""]), options);
  bench("copydesk --version", () => run([bin, "--version"]), options);
  bench("copydesk validate small.article", () => run([bin, "validate", small]), options);
});
