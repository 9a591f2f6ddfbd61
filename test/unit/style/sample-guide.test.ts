import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { guideFromSources } from "../../../shared/style/rule-file";
import { check, defaultSources, readGuideFolder } from "./guides";

// The sample newsroom guide in docs/ loads, and does what its comments say.

describe("the sample newsroom guide (docs/sample-guide)", () => {
  const sources = readGuideFolder(join(__dirname, "..", "..", "..", "docs", "sample-guide"));
  const guide = guideFromSources(defaultSources, sources);

  it("has three rules and loads without errors", () => {
    expect(sources.map((s) => s.name)).toEqual(["house-style.yml"]);
    expect((sources[0].text.match(/^ {2}- id:/gm) ?? []).length).toBe(3);
    expect(guide.errors).toEqual([]);
  });

  it("overrides a default rule, turns one off and adds its own, each as its examples say", () => {
    expect(check("Prices rose 5 per cent, very fast, after al Qaeda struck.", { guide }).map((m) => [m.rule, m.replacements[0]])).toEqual([
      ["numbers-per-cent-spelled", "percent"],
      ["house-names", "al-Qaeda"],
    ]);
    for (const { spec } of guide.rules.filter((r) => ["numbers-per-cent-spelled", "house-names"].includes(r.spec.id))) {
      for (const s of spec.examples!.flag) expect(check(s, { guide }).map((m) => m.rule)).toContain(spec.id);
      for (const s of spec.examples!.pass) expect(check(s, { guide }).map((m) => m.rule)).not.toContain(spec.id);
    }
  });
});
