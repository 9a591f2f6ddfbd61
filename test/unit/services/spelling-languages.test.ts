import { describe, expect, it } from "vitest";
import { spellingLanguagesFor } from "../../../electron/services/spelling-languages";

const available = ["en-GB", "en-US", "fr", "de-DE", "pt-BR"];

describe("the spell-checking language of an article", () => {
  it.each([
    ["en-US", ["en-US"]],
    ["EN-gb", ["en-GB"]],
    ["en", ["en-GB"]],
    ["fr-CA", ["fr"]],
    ["de", ["de-DE"]],
    ["ar", []],
  ])("for %s uses %j", (language, expected) => {
    expect(spellingLanguagesFor(language, available)).toEqual(expected);
  });
});
