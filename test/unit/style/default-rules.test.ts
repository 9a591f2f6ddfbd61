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
