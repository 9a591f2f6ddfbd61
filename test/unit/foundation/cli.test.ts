import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../../cli/copydesk";
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
      `${broken}: version 9 is newer than this Copydesk reads (1)`,
      `${missing}: no such file`,
      `${dir}: is a folder`,
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
    const bin = join(__dirname, "..", "..", "..", "bin", "copydesk.mjs");
    expect(execFileSync(process.execPath, [bin, "validate", seedArticlePath], { encoding: "utf8" })).toBe(`ok ${seedArticlePath}\n`);
    const failed = spawnSync(process.execPath, [bin, "validate", broken], { encoding: "utf8" });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toBe(`${broken}: version 9 is newer than this Copydesk reads (1)\n`);
    expect(failed.stderr).not.toMatch(/\n\s+at /);
  });
});

/// The packages a built ES module loads before it runs: its static imports, followed through its own chunks.
function packagesLoadedAtStart(entry: string, seen = new Set<string>(), packages = new Set<string>()): Set<string> {
  if (seen.has(entry)) return packages;
  seen.add(entry);
  const code = readFileSync(entry, "utf8");
  for (const [, specifier] of code.matchAll(/^\s*(?:import|export)\b[^"'()]*?["']([^"']+)["']/gm)) {
    if (specifier!.startsWith(".")) packagesLoadedAtStart(join(dirname(entry), specifier!), seen, packages);
    else packages.add(specifier!);
  }
  return packages;
}

describe("the built command line", () => {
  const entry = join(__dirname, "..", "..", "..", "out", "main", "cli", "copydesk.mjs");

  it("loads only the file format before a command runs: exporters, importers and their libraries load on first use", () => {
    const loaded = [...packagesLoadedAtStart(entry)].filter((name) => !name.startsWith("node:")).sort();
    expect(loaded).toEqual(["prosemirror-model"]);
  });

  it("keeps export and import behind dynamic imports, so they still work", () => {
    expect(readFileSync(entry, "utf8")).toMatch(/import\("\.\/chunks\/export-cli-[^"]+\.mjs"\)/);
    const bin = join(__dirname, "..", "..", "..", "bin", "copydesk.mjs");
    const help = spawnSync(process.execPath, [bin, "--help"], { encoding: "utf8" });
    expect(help.stdout).toContain("copydesk export FILE... [--to html,md,txt,nitf,ninjs,docx]");
  });
});
