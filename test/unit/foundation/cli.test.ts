import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../../cli/copydesk";
import { currentVersion } from "../../../shared/article-file";
import { version } from "../../../package.json";
import { seedArticlePath } from "../../support/seed-article";

// `copydesk validate`: one line per file or problem, exit 0 / 1 / 2, never a stack trace.

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), "copydesk-cli-"));
const broken = join(dir, "broken.article");
writeFileSync(broken, '{"format":"copydesk.article","version":9}');

describe("copydesk validate", () => {
  it("prints ok and exits 0 for a valid article", async () => {
    expect(await cli("validate", seedArticlePath)).toEqual({ code: 0, out: [`ok ${seedArticlePath}`], err: [] });
  });

  it("prints one line per problem and exits 1", async () => {
    const missing = join(dir, "nope.article");
    const result = await cli("validate", seedArticlePath, broken, missing, dir);
    expect(result.code).toBe(1);
    expect(result.out).toEqual([`ok ${seedArticlePath}`]);
    expect(result.err).toEqual([
      `${broken}: version 9 is newer than this Copydesk reads (${currentVersion})`,
      `${missing}: no such file`,
      `${dir}: it is a folder, not a file`,
    ]);
  });

  it("exits 2 with usage when misused", async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli("validate")).err).toEqual(["copydesk validate: name at least one file"]);
    expect((await cli("frobnicate")).err[0]).toBe('copydesk: unknown command "frobnicate"');
  });

  it("prints its version", async () => {
    expect(await cli("--version")).toEqual({ code: 0, out: [`copydesk ${version}`], err: [] });
  });

  it("runs as the package's bin under plain Node", () => {
    const bin = join(__dirname, "..", "..", "..", "bin", "copydesk.cjs");
    expect(execFileSync(process.execPath, [bin, "validate", seedArticlePath], { encoding: "utf8" })).toBe(`ok ${seedArticlePath}\n`);
    const failed = spawnSync(process.execPath, [bin, "validate", broken], { encoding: "utf8" });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toBe(`${broken}: version 9 is newer than this Copydesk reads (${currentVersion})\n`);
    expect(failed.stderr).not.toMatch(/\n\s+at /);
  });
});

/// The packages a command of the built CLI loads, read from Node's module cache once it has run.
function packagesLoadedBy(...args: string[]): string[] {
  const entry = join(__dirname, "..", "..", "..", "out", "main", "cli", "copydesk.cjs");
  const script = `require(${JSON.stringify(entry)}).runCli(${JSON.stringify(args)}, () => {}, () => {}).then(() => console.log(JSON.stringify(Object.keys(require.cache))))`;
  const loaded = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as string[];
  const packages = loaded.map((path) => /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(path)?.[1]).filter((name) => name !== undefined);
  return [...new Set(packages)].sort();
}

describe("the built command line loads each command's code when it runs", () => {
  it("--version loads no package", () => {
    expect(packagesLoadedBy("--version")).toEqual([]);
  });

  it("validate loads only the document model (no exporter, importer or their libraries)", () => {
    // prosemirror-transform reads the steps a stored version keeps (shared/review/review-check.ts).
    expect(packagesLoadedBy("validate", seedArticlePath)).toEqual(["orderedmap", "prosemirror-model", "prosemirror-transform"]);
  });

  it("exporting plain text loads no Word, HTML-parsing or Markdown library", () => {
    const out = mkdtempSync(join(tmpdir(), "copydesk-cli-out-"));
    const loaded = packagesLoadedBy("export", seedArticlePath, "--to", "txt", "--out", out);
    for (const heavy of ["docx", "mammoth", "linkedom", "markdown-it", "prosemirror-markdown", "yaml", "fast-xml-parser", "zod"]) expect(loaded).not.toContain(heavy);
    expect(readdirSync(out)).toEqual(["us-speeds-up-arms-sales-to-iraq-amid-jihadist-resurgence.txt"]);
  });
});
