import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../../cli/copydesk";
import { seedArticlePath } from "../../support/seed-article";

// `copydesk export` and `copydesk import`: one line per file, exit codes 0, 1 and 2, no stack traces.

const dir = mkdtempSync(join(tmpdir(), "copydesk-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

describe("copydesk export and import", () => {
  const slug = "us-speeds-up-arms-sales-to-iraq-amid-jihadist-resurgence";

  it("exports the reference article to six formats, then imports the HTML back to the same article", async () => {
    const out = join(dir, "six");
    const exported = await run("export", seedArticlePath, "--to", "nitf,ninjs,html,md,txt,docx", "--out", out);
    expect(exported).toMatchObject({ code: 0, err: [] });
    expect(exported.out).toHaveLength(6);
    expect(readdirSync(out).sort()).toEqual(["docx", "html", "md", "ninjs.json", "nitf.xml", "txt"].map((e) => `${slug}.${e}`).sort());

    const target = join(dir, "back.article");
    const imported = await run("import", join(out, `${slug}.html`), "--out", target);
    expect(imported).toMatchObject({ code: 0, err: [] });
    expect(imported.out[0]).toBe(`wrote ${target}`);
    expect(imported.out).toContain("found: headline from the first level-one heading");
    expect(readFileSync(target, "utf8")).toBe(readFileSync(seedArticlePath, "utf8"));
    expect((await run("validate", target)).code).toBe(0);
  });

  it("imports the Markdown, NITF and DOCX exports as valid articles", async () => {
    const out = join(dir, "six");
    for (const ext of ["md", "nitf.xml", "docx"]) {
      const target = join(dir, `from-${ext}.article`);
      const result = await run("import", join(out, `${slug}.${ext}`), "--out", target);
      expect(result.code, result.err.join("\n")).toBe(0);
      expect((await run("validate", target)).code).toBe(0);
    }
  });

  it("misuse exits 2 with a one-line message", async () => {
    for (const args of [["export"], ["export", seedArticlePath, "--to", "exe"], ["export", seedArticlePath, "--bogus"], ["import"], ["import", "a", "b"]]) {
      const result = await run(...args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.err).toHaveLength(1);
      expect(result.err[0]).toMatch(/^copydesk (export|import): /);
    }
    expect((await run("export", seedArticlePath, "--to", "pdf")).err[0]).toMatch(/PDF is exported from the app/);
  });

  it("a refused file exits 1 with one line per problem, never a stack trace", async () => {
    const bad = join(dir, "bad.article");
    writeFileSync(bad, "{ not json");
    const missing = await run("export", join(dir, "nope.article"), "--out", dir);
    expect(missing.code).toBe(1);
    const refused = await run("export", bad, "--out", dir);
    expect(refused.code).toBe(1);
    const xxe = join(dir, "evil.nitf.xml");
    writeFileSync(xxe, `<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY e SYSTEM "file:///etc/passwd">]><nitf>&e;</nitf>`);
    const imported = await run("import", xxe, "--out", join(dir, "evil.article"));
    expect(imported.code).toBe(1);
    expect(imported.err).toEqual([`${xxe}: the file has a DOCTYPE declaration with an internal subset, which Copydesk refuses (it can hide external entities or entity expansion attacks)`]);
    for (const line of [...missing.err, ...refused.err, ...imported.err]) expect(line).not.toMatch(/\n\s+at /);
    const exists = await run("import", join(dir, "six", `${slug}.html`), "--out", join(dir, "back.article"));
    expect(exists).toMatchObject({ code: 1, err: [expect.stringMatching(/already exists \(use --force/)] });
  });
});
