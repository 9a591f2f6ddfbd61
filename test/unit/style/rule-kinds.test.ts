import { describe, expect, it } from "vitest";
import { StyleGuide } from "../../../shared/style/guide";
import { guideFromSources, readRuleFile } from "../../../shared/style/rule-file";
import { check, defaultSources } from "./guides";

// The rule engine, one rule kind at a time, with guides written for the test.

function guideOf(yaml: string): StyleGuide {
  const guide = guideFromSources([{ name: "test.yml", text: `language: en\nrules:\n${yaml}` }]);
  expect(guide.errors).toEqual([]);
  return guide;
}

const found = (text: string, guide: StyleGuide, field: "body" | "headline" | "dateline" = "body") =>
  check(text, { guide, field }).map((m) => ({ rule: m.rule, text: m.text, fixes: m.replacements, level: m.level, message: m.message }));

describe("rule kinds", () => {
  it("existence: words (whole words, any apostrophe) and a pattern, with exceptions", () => {
    const guide = guideOf(`
  - { id: cliche, kind: existence, level: suggestion, message: "“{match}” is a cliché", tokens: [game changer, it's official], exceptions: ['“[^”]*”'] }
  - { id: bang, kind: existence, message: No bangs, pattern: '!+' }`);
    expect(found("A game changer! It’s official. Gamechanger. “A game changer”", guide)).toEqual([
      { rule: "cliche", text: "game changer", fixes: [], level: "suggestion", message: "“game changer” is a cliché" },
      { rule: "bang", text: "!", fixes: [], level: "warning", message: "No bangs" },
      { rule: "cliche", text: "It’s official", fixes: [], level: "suggestion", message: "“It’s official” is a cliché" },
    ]);
  });

  it("substitution: literal words keep the capital they replace; expressions fill in their groups", () => {
    const guide = guideOf(`
  - { id: jargon, kind: substitution, message: "Use “{replacement}”", swap: { utilise: use, prior to: [before, ahead of] } }
  - { id: dates, kind: substitution, regex: true, ignoreCase: false, message: "Write {replacement}", swap: { '{<}January (\\d+)(?:th)?{>}': 'Jan. $1' } }`);
    expect(found("Utilise it prior to January 7th.", guide)).toEqual([
      { rule: "jargon", text: "Utilise", fixes: ["Use"], level: "warning", message: "Use “Use”" },
      { rule: "jargon", text: "prior to", fixes: ["before", "ahead of"], level: "warning", message: "Use “before”" },
      { rule: "dates", text: "January 7th", fixes: ["Jan. 7"], level: "warning", message: "Write Jan. 7" },
    ]);
    expect(found("Use it before Jan. 7.", guide)).toEqual([]);
  });

  it("occurrence: more than `max` in a sentence or a block flags the whole of it", () => {
    const guide = guideOf(`
  - { id: long, kind: occurrence, scope: sentence, max: 3, message: "{count} words, max {max}", pattern: '\\p{L}+' }`);
    expect(found("Short one. This one is too long. Mr. Smith left.", guide)).toEqual([
      { rule: "long", text: "This one is too long.", fixes: [], level: "warning", message: "5 words, max 3" },
    ]);
  });

  it("repetition: the same word twice in a row, not across punctuation, not the exceptions", () => {
    const guide = guideOf(`
  - { id: twice, kind: repetition, level: error, message: "“{match}” twice", exceptions: ['had had'] }`);
    expect(found("The the army left. It was bad, bad. He had had enough. 10 10", guide)).toEqual([
      { rule: "twice", text: "The the", fixes: ["The"], level: "error", message: "“The the” twice" },
    ]);
  });

  it("capitalization: sentence case, title case, capitals", () => {
    const guide = guideFromSources([
      {
        name: "case.yml",
        text: `language: en
rules:
  - { id: sentence, kind: capitalization, fields: [headline], match: $sentence, message: Sentence case }
  - { id: caps, kind: capitalization, fields: [dateline], match: $upper, message: "Capitals: {replacement}" }`,
      },
    ]);
    expect(found("US Speeds Up Arms Sales To Iraq", guide, "headline").map((m) => m.rule)).toEqual(["sentence"]);
    expect(found("US speeds up arms sales to Iraq", guide, "headline")).toEqual([]);
    expect(found("Washington", guide, "dateline")).toEqual([{ rule: "caps", text: "Washington", fixes: ["WASHINGTON"], level: "warning", message: "Capitals: WASHINGTON" }]);
  });

  it("conditional: the first use of an acronym not defined before it, across blocks", () => {
    const guide = guideOf(`
  - { id: define, kind: conditional, ignoreCase: false, message: "Define {match}", pattern: '{<}\\p{Lu}{3,}{>}', definition: '\\({match}\\)' }`);
    expect(found("The OECD and the OECD again; the Islamic State of Iraq and the Levant (ISIL) and ISIL.", guide).map((m) => m.text)).toEqual(["OECD"]);
  });

  it("fields: a rule checks only the fields it names", () => {
    const guide = guideOf(`
  - { id: stop, kind: existence, fields: [headline], message: No full stop, pattern: '\\.$' }`);
    expect(found("A headline.", guide, "headline")).toHaveLength(1);
    expect(found("A paragraph.", guide, "body")).toEqual([]);
  });
});

describe("rule files", () => {
  it("name the file, the rule and the column of every problem, and leave those rules out", () => {
    const result = readRuleFile({
      name: "house/bad.yml",
      text: `rules:
  - { id: no-kind, message: x, tokens: [a] }
  - { id: bad-level, kind: existence, level: fatal, message: x, tokens: [a] }
  - { id: no-swap, kind: substitution, message: x }
  - { id: typo, kind: existence, mesage: x, tokens: [a] }
  - { id: good, kind: existence, message: x, tokens: [a] }`,
    });
    expect(result.rules.map((r) => r.id)).toEqual(["good"]);
    expect(result.errors).toEqual([
      'house/bad.yml: rule 1 (no-kind): "kind" must be one of existence, substitution, occurrence, repetition, capitalization, conditional',
      'house/bad.yml: rule 2 (bad-level): "level" must be one of error, warning, suggestion',
      'house/bad.yml: rule 3 (no-swap): a substitution rule needs "swap"',
      'house/bad.yml: rule 4 (typo): unknown column "mesage"',
      'house/bad.yml: rule 4 (typo): "message" is missing',
    ]);
  });

  it("report YAML that does not parse and expressions that do not compile", () => {
    expect(readRuleFile({ name: "a.yml", text: "rules: [" }).errors[0]).toMatch(/^a\.yml: not valid YAML/);
    const guide = guideFromSources([{ name: "b.yml", text: "rules:\n  - { id: broken, kind: existence, message: x, pattern: '(' }" }]);
    expect(guide.rules).toEqual([]);
    expect(guide.errors[0]).toMatch(/^broken: .* is not a valid regular expression/);
  });
});

describe("a newsroom's own guide", () => {
  const custom = guideFromSources(defaultSources, [
    {
      name: "house.yml",
      text: `language: en
rules:
  - { id: numbers-per-cent-spelled, kind: substitution, level: error, message: "We write “percent”", swap: { per cent: percent } }
  - { id: words-hedges, disabled: true }
  - { id: house-brexit, kind: substitution, ignoreCase: false, message: "House style: {replacement}", swap: { brexit: Brexit } }`,
    },
  ]);

  it("replaces a default rule of the same id", () => {
    expect(custom.errors).toEqual([]);
    expect(check("Prices rose 5 per cent.", { guide: custom }).map((m) => [m.rule, m.level, m.replacements])).toEqual([["numbers-per-cent-spelled", "error", ["percent"]]]);
    expect(check("Prices rose 5 percent.", { guide: custom })).toEqual([]);
  });

  it("turns a default rule off and adds its own", () => {
    expect(check("It was very hard after brexit.", { guide: custom }).map((m) => m.rule)).toEqual(["house-brexit"]);
    expect(check("It was very hard after Brexit.").map((m) => m.rule)).toEqual(["words-hedges"]);
  });

  it("leaves the other languages alone", () => {
    expect(custom.forLanguage("fr").rules.some((r) => r.spec.id === "house-brexit")).toBe(false);
    expect(custom.forLanguage("en-GB").rules.some((r) => r.spec.id === "house-brexit")).toBe(true);
  });
});

describe("ignored matches", () => {
  it("an ignored place stays ignored when text before the block changes; an ignored rule is off for the article", () => {
    const text = "The minister said 5 people were hurt, its a tragedy.";
    const [five] = check(text);
    const place = { rule: five.rule, text: "5", context: "The minister said " };
    expect(check(text, { ignores: [place] }).map((m) => m.rule)).toEqual(["usage-its-its"]);
    expect(check(`Earlier. ${text}`, { ignores: [place] }).map((m) => m.rule)).toEqual(["usage-its-its"]);
    expect(check(text, { ignores: [{ rule: "usage-its-its" }] }).map((m) => m.rule)).toEqual(["numbers-one-to-nine"]);
  });
});
