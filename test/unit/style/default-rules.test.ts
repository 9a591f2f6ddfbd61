import { describe, expect, it } from "vitest";
import type { FieldName } from "../../../shared/fields";
import { check, defaultGuide } from "./guides";

// Every rule of the default guides, with the sentences its file gives: each "flag" sentence
// gives a match of the rule, no "pass" sentence does.

describe("the default style guides", () => {
  it("load without errors", () => {
    expect(defaultGuide.errors).toEqual([]);
  });

  for (const language of ["en", "fr", "ar"]) {
    const rules = defaultGuide.rules.filter((r) => r.spec.language === language);
    if (language !== "ar") {
      it(`have at least 60 rules in ${language}`, () => {
        expect(rules.length).toBeGreaterThanOrEqual(60);
      });
    }
    describe(language, () => {
      for (const { spec } of rules) {
        const field: FieldName = spec.fields.includes("body") ? "body" : spec.fields[0];
        it(`${spec.id}: flags its examples and passes the others`, () => {
          expect(spec.examples?.flag.length, "a sentence that triggers it").toBeGreaterThan(0);
          expect(spec.examples?.pass.length, "a sentence that must not").toBeGreaterThan(0);
          for (const sentence of spec.examples!.flag) {
            expect(check(sentence, { field, language }).map((m) => m.rule), sentence).toContain(spec.id);
          }
          for (const sentence of spec.examples!.pass) {
            expect(check(sentence, { field, language }).map((m) => m.rule), sentence).not.toContain(spec.id);
          }
        });
      }
    });
  }
});

describe("the bundled default guides", () => {
  it("are the YAML files on disk", async () => {
    const { defaultGuideSources } = await import("../../../shared/style/default-guides");
    const { defaultSources } = await import("./guides");
    expect(defaultGuideSources).toEqual(defaultSources);
  });
});

describe("the default guides as the build reads them", () => {
  it("are the rules of the YAML files on disk, in the same order", async () => {
    const { defaultGuideSpecs } = await import("../../../shared/style/default-guide-specs");
    const { defaultSources } = await import("./guides");
    const { readRuleFiles } = await import("../../../shared/style/rule-file");
    expect(defaultGuideSpecs.length).toBeGreaterThan(100);
    expect(defaultGuideSpecs).toEqual(readRuleFiles(defaultSources).rules);
  });
});

describe("reading a default guide at build time (scripts/vite-rule-specs.ts)", () => {
  const load = async (yaml: string) => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { ruleSpecs } = await import("../../../scripts/vite-rule-specs");
    const folder = mkdtempSync(join(tmpdir(), "guides-"));
    writeFileSync(join(folder, "house.yml"), yaml);
    const hook = ruleSpecs(folder).load as (this: unknown, id: string) => string | null;
    const context = { error: (message: string) => { throw new Error(message); } };
    return hook.call(context, `${join(folder, "house.yml")}?rule-specs`);
  };

  it("gives the file's rules as a module", async () => {
    const code = await load("language: en\nrules:\n  - { id: no-utilise, kind: substitution, message: Say use, swap: { utilise: use } }\n");
    expect(code).toMatch(/^export default \[/);
    expect(JSON.parse(code!.replace(/^export default |;$/g, ""))[0]).toMatchObject({ id: "no-utilise", language: "en", kind: "substitution" });
  });

  it("fails the build on an expression that does not compile", async () => {
    await expect(load("rules:\n  - { id: bad-regex, kind: existence, message: x, pattern: \"(\" }\n")).rejects.toThrow(/bad-regex: .*not a valid regular expression/);
  });

  it("fails the build on a broken rule, naming the file and the rule", async () => {
    await expect(load("rules:\n  - { id: broken, kind: nonsense, message: x }\n")).rejects.toThrow(/house\.yml: rule 1 \(broken\): "kind" must be one of/);
  });
});

describe("default rules compiled on their first use", () => {
  it("find what the guide compiled at once finds", async () => {
    const { StyleGuide } = await import("../../../shared/style/guide");
    const { readRuleFiles, guideFromSources } = await import("../../../shared/style/rule-file");
    const { defaultSources } = await import("./guides");
    const eager = guideFromSources(defaultSources);
    const lazy = StyleGuide.fromSpecs(readRuleFiles(defaultSources).rules, [], [], { compiledDefaults: true });
    for (const [language, text] of [
      ["en", "The minister said 5 people were hurt on January 7th, its a tragedy, and the the talks resume."],
      ["fr", "Mr Dupont a dit: « Nous verrons le 1er janvier »."],
    ]) {
      expect(lazy.forLanguage(language).checkBlock(text, "body")).toEqual(eager.forLanguage(language).checkBlock(text, "body"));
    }
  });

  it("compile only the rules of the language checked, when it is checked", async () => {
    const { StyleGuide } = await import("../../../shared/style/guide");
    const { readRuleFiles } = await import("../../../shared/style/rule-file");
    // A French rule that cannot compile: only checking French text ever compiles it.
    const { rules } = readRuleFiles([
      { name: "fr.yml", text: "language: fr\nrules:\n  - { id: broken-fr, kind: existence, message: x, pattern: '(' }\n" },
      { name: "en.yml", text: "language: en\nrules:\n  - { id: no-utilise, kind: existence, message: x, tokens: [utilise] }\n" },
    ]);
    const guide = StyleGuide.fromSpecs(rules, [], [], { compiledDefaults: true });
    expect(guide.errors).toEqual([]);
    expect(guide.forLanguage("en").checkBlock("We utilise it.", "body").matches.map((m) => m.text)).toEqual(["utilise"]);
    expect(() => guide.forLanguage("fr").checkBlock("Un texte.", "body")).toThrow(/broken-fr/);
  });
});
