import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { articleFromJSON, serializeArticle } from "../../shared/article-file";
import { repoRoot } from "../e2e/support/targets";
import { figure, type Figure } from "./stats";
import { generatedArticle } from "./support/articles";

// The `copydesk` command's wall time: start-up beside Node doing nothing (the figures of
// cli-startup.bench.ts), then `validate` and `export` over 1,000 generated articles.

const manifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { bin: { copydesk: string } };
const bin = join(repoRoot, manifest.bin.copydesk);

/// Wall time of one run of a command, in ms; throws when it fails.
function wallTime(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 64 << 20 });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.slice(0, 3).join(" ")}… exited ${result.status}: ${result.stderr.slice(0, 500)}`);
  return ms;
}

function timeCommand(args: string[], runs: number, warmUp = true): Figure {
  if (warmUp) wallTime(args);
  return figure(Array.from({ length: runs }, () => wallTime(args)));
}

/// Start-up, validate and export figures, by name.
export async function commandLine(options: { articles?: number; runs?: number } = {}): Promise<Record<string, Figure>> {
  const { articles = 1000, runs = 3 } = options;
  // Every format for every article would take minutes a run (DOCX alone is ~35 ms an article):
  // the 1,000 are exported to HTML, and all six formats are timed on the first 50.
  const sample = 50;
  const folder = await mkdtemp(join(tmpdir(), "copydesk-bench-cli-"));
  try {
    const files: string[] = [];
    for (let i = 0; i < articles; i++) {
      const json = generatedArticle(5 + (i % 40), { seed: 1000 + i });
      json.meta.slug = `story-${i}`;
      const result = articleFromJSON(json);
      if (!result.ok) throw new Error(result.errors.join("; "));
      const file = join(folder, `story-${i}.article`);
      await writeFile(file, serializeArticle(result.article));
      files.push(file);
    }
    const out = join(folder, "out");
    await mkdir(out);
    const every = "html,md,txt,nitf,ninjs,docx";
    const allFormats = timeCommand([bin, "export", ...files.slice(0, sample), "--to", every, "--out", out, "--force"], runs, false);
    return {
      "node -e '' (baseline)": timeCommand(["-e", ""], Math.max(runs, 10)),
      "copydesk --version": timeCommand([bin, "--version"], Math.max(runs, 10)),
      "copydesk validate small.article": timeCommand([bin, "validate", files[0]], Math.max(runs, 10)),
      [`copydesk validate, ${articles.toLocaleString("en")} articles`]: timeCommand([bin, "validate", ...files], runs, false),
      [`copydesk export --to html, ${articles.toLocaleString("en")} articles`]: timeCommand([bin, "export", ...files, "--to", "html", "--out", out, "--force"], runs, false),
      [`copydesk export, all six formats, per article (${sample} articles)`]: figure(allFormats.runs.map((ms) => ms / sample)),
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
