import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { runCli } from "../../../cli/copydesk";
import { createArticle } from "../../../shared/article";
import { serializeArticle } from "../../../shared/article-file";
import { seedArticlePath } from "../../support/seed-article";
import { docWith } from "./guides";

// `copydesk check`: the house style and spelling from the command line, as text, JSON and SARIF
// (validated against the SARIF 2.1.0 schema), exit 1 while an error-level match remains.

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), "copydesk-check-"));
function articleFile(name: string, text: string, language = "en"): string {
  const article = createArticle({ id: "8a0f6c1e-2f4b-4c7e-9d3a-1b2c3d4e5f60", now: new Date("2014-01-07T00:00:00Z"), language });
  const file = join(dir, name);
  writeFileSync(file, serializeArticle({ ...article, doc: docWith("body", text) }));
  return file;
}

/// The SARIF 2.1.0 schema (draft-04), read as the draft-07 validator understands it.
function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(__dirname, "..", "..", "fixtures", "standards", "sarif", "sarif-2.1.0-rtm.5.json"), "utf8")) as Record<string, unknown>;
  const { id, $schema: _draft04, ...rest } = schema;
  // Not in Unicode mode: one of the schema's patterns (the language tag) is valid only without it.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ ...rest, $id: id as string, $schema: "http://json-schema.org/draft-07/schema#" });
}

describe("copydesk check", () => {
  const sentence = articleFile("sentence.article", "The minister said 5 people were hurt on January 7th, its a tragedy.");
  const clean = articleFile("clean.article", "The minister said five people were hurt on Jan. 7, it's a tragedy.");

  it("prints field, block, column, level, rule, message and fix, and exits 1 on an error-level match", async () => {
    const result = await cli("check", sentence);
    expect(result.code).toBe(1);
    expect(result.out).toEqual([
      `${sentence}:body:1:19: warning numbers-one-to-nine: Spell out numbers under 10: “five”. (fix: “five”)`,
      `${sentence}:body:1:41: warning dates-month-abbreviation: Abbreviate the month before a day, without an ordinal: “Jan. 7”. (fix: “Jan. 7”)`,
      `${sentence}:body:1:54: error usage-its-its: “It's” (it is) here, not the possessive “its”. (fix: “it's”)`,
    ]);
    expect(result.err).toEqual([`${sentence}: 1 errors, 2 warnings, 0 suggestions`]);
  });

  it("finds no error-level match in the reference article, which exports as it is", async () => {
    const result = await cli("check", seedArticlePath, "--format", "json");
    expect(result.code).toBe(0);
    expect((JSON.parse(result.out.join("\n")) as { level: string }[]).filter((m) => m.level === "error")).toEqual([]);
  });

  it("exits 0 when no error-level match remains", async () => {
    expect(await cli("check", clean)).toEqual({ code: 0, out: [], err: [`${clean}: 0 errors, 0 warnings, 0 suggestions`] });
  });

  it("checks spelling in the article's language, with suggestions when asked", async () => {
    const file = articleFile("spelling.article", "They will recieve aid.");
    const result = await cli("check", file, "--suggest", "--format", "json");
    expect(JSON.parse(result.out.join("\n"))).toEqual([
      expect.objectContaining({ field: "body", block: 1, column: 11, endColumn: 18, rule: "spelling", level: "warning", text: "recieve", fixes: expect.arrayContaining(["receive"]) }),
    ]);
    expect(result.code).toBe(0);
  });

  it("uses a newsroom's guide over the defaults (--guide)", async () => {
    const guide = mkdtempSync(join(tmpdir(), "copydesk-guide-"));
    writeFileSync(join(guide, "house.yml"), "language: en\nrules:\n  - { id: usage-its-its, disabled: true }\n  - { id: house-tragedy, kind: existence, level: suggestion, message: Overused, tokens: [tragedy] }\n");
    const result = await cli("check", sentence, "--guide", guide);
    expect(result.code).toBe(0);
    expect(result.out.map((l) => l.split(" ")[2])).toEqual(["numbers-one-to-nine:", "dates-month-abbreviation:", "house-tragedy:"]);
    expect((await cli("check", sentence, "--guide", join(guide, "missing"))).code).toBe(2);
  });

  it("writes SARIF 2.1.0 that validates against the schema", async () => {
    const result = await cli("check", sentence, seedArticlePath, "--format", "sarif");
    const log = JSON.parse(result.out.join("\n")) as { runs: { results: { ruleId: string; level: string }[] }[] };
    const validate = sarifValidator();
    expect(validate({ version: "2.1.0", runs: [{ results: [] }] }), "the schema rejects a run without its tool").toBe(false);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0].results.slice(0, 3).map((r) => [r.ruleId, r.level])).toEqual([
      ["numbers-one-to-nine", "warning"],
      ["dates-month-abbreviation", "warning"],
      ["usage-its-its", "error"],
    ]);
  });

  it("is misused without files or with an unknown format", async () => {
    expect((await cli("check")).code).toBe(2);
    expect((await cli("check", sentence, "--format", "xml")).err).toEqual(['copydesk check: unknown format "xml"; choose from text, json, sarif']);
  });
});

describe("the built command line", () => {
  it("loads the style engine and the dictionary of the article's language for check only", () => {
    const entry = join(__dirname, "..", "..", "..", "out", "main", "cli", "copydesk.cjs");
    const loaded = (...args: string[]) => {
      const script = `require(${JSON.stringify(entry)}).runCli(${JSON.stringify(args)}, () => {}, () => {}).then(() => console.log(JSON.stringify(Object.keys(require.cache))))`;
      const paths = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as string[];
      return paths.some((p) => p.includes("check-cli")) ? "style engine" : "none";
    };
    expect(loaded("validate", seedArticlePath)).toBe("none");
    expect(loaded("check", seedArticlePath)).toBe("style engine");
  });
});
