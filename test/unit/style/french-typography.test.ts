import { describe, expect, it } from "vitest";
import { check } from "./guides";

// French typography as the default French guide applies it, and its fixes.

const fr = (text: string) => check(text, { language: "fr" }).map((m) => ({ rule: m.rule, text: m.text, fix: m.replacements[0] }));
const nnbsp = "\u202f";
const nbsp = "\u00a0";

describe("French typography", () => {
  it("wants a narrow no-break space before ; ! ? and a no-break space before :", () => {
    expect(fr("Pourquoi ? Parce que ; enfin ! Voici : rien.")).toEqual([
      { rule: "fr-espace-interrogation", text: " ?", fix: `${nnbsp}?` },
      { rule: "fr-espace-point-virgule", text: " ;", fix: `${nnbsp};` },
      { rule: "fr-espace-exclamation", text: " !", fix: `${nnbsp}!` },
      { rule: "fr-espace-deux-points", text: " :", fix: `${nbsp}:` },
    ]);
    expect(fr(`Pourquoi${nnbsp}? Parce que${nnbsp}; enfin${nnbsp}! Voici${nbsp}: rien.`)).toEqual([]);
  });

  it("wants « » with no-break spaces inside, not English or straight quotes", () => {
    expect(fr("Il a dit «non» et “oui”.").map((m) => m.rule)).toEqual(["fr-guillemets-ouvrants", "fr-guillemets-fermants", "fr-guillemets-anglais"]);
    expect(fr(`Il a dit «${nbsp}non${nbsp}».`)).toEqual([]);
  });

  it("writes M. and Mme, not Mr and Mrs", () => {
    expect(fr(`Mr Hollande et Mrs Merkel ont parlé.`)).toEqual([
      { rule: "fr-monsieur", text: "Mr", fix: "M." },
      { rule: "fr-madame", text: "Mrs", fix: "Mme" },
    ]);
  });

  it("gives the French equivalent of the English test sentence", () => {
    expect(fr("Le ministre a dit que 5 personnes avaient été blessées le 7 Janvier.").map((m) => [m.rule, m.fix])).toEqual([
      ["fr-nombres-un-a-neuf", "cinq"],
      ["fr-mois-minuscules", "janvier"],
    ]);
  });

  it("checks English rules only in English", () => {
    expect(fr(`Le ministre a dit que cinq personnes avaient été blessées le 7${nbsp}janvier.`)).toEqual([]);
    expect(check("Mr Hollande said 5 people were hurt.").map((m) => m.rule)).toEqual(["numbers-one-to-nine"]);
  });
});
