import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { conceptIndex, labelIn, searchConcepts, type IndexedConcept } from "../../../shared/vocabularies/concepts";

// The subject and genre pickers search IPTC's vocabularies as the build indexes them
// (scripts/vite-vocabularies.ts): by label in the article's language, British English where a
// concept has none, retired concepts left out.

const vocabulary = (name: string) => JSON.parse(readFileSync(join(__dirname, "../../../shared/vocabularies", name), "utf8")) as Parameters<typeof conceptIndex>[0];
const topics = conceptIndex(vocabulary("iptc-mediatopic.json"));
const genres = conceptIndex(vocabulary("iptc-genre.json"));

describe("the Media Topics index", () => {
  it("keeps every concept in use and none retired (1,286 in the file, 153 retired)", () => {
    expect(topics).toHaveLength(1286 - 153);
    expect(topics.find((t) => t.code === "medtop:20000574")).toMatchObject({ labels: { "en-GB": "election", fr: expect.any(String) }, broader: "medtop:11000000" });
  });

  it("leaves out a retired topic even when it is searched by its exact label", () => {
    expect(searchConcepts(topics, "war crime action", "en")).not.toContainEqual(expect.objectContaining({ name: "war crime action" }));
  });

  it("tags Swedish and Danish labels as sv and da", () => {
    const election = topics.find((t) => t.code === "medtop:20000574")!;
    expect(Object.keys(election.labels)).toEqual(expect.arrayContaining(["sv", "da"]));
    expect(Object.keys(election.labels)).not.toContain("se");
  });
});

describe("searching subjects", () => {
  it('finds the election topics for "elections", the topic itself first', () => {
    const found = searchConcepts(topics, "elections", "en");
    expect(found[0]).toEqual({ code: "medtop:20000574", name: "election", broader: "politics" });
    expect(found.map((f) => f.name)).toEqual(expect.arrayContaining(["local elections", "national elections", "primary elections"]));
  });

  it("finds words in any order and the start of a word", () => {
    expect(searchConcepts(topics, "elections local", "en").map((f) => f.name)).toContain("local elections");
    expect(searchConcepts(topics, "elect", "en").map((f) => f.code)).toContain("medtop:20000574");
  });

  it("searches the labels of the article's language, accents or none", () => {
    const french = labelIn(topics.find((t) => t.code === "medtop:20000574")!, "fr");
    expect(french).not.toBe("election");
    const found = searchConcepts(topics, french.normalize("NFD").replace(/\p{M}/gu, "").toUpperCase(), "fr-FR");
    expect(found[0]).toMatchObject({ code: "medtop:20000574", name: french });
  });

  it("falls back to British English where the language has no label", () => {
    const onlyEnglish: IndexedConcept[] = [{ code: "medtop:1", labels: { "en-GB": "local elections", fr: "élections municipales" }, broader: null }];
    expect(searchConcepts(onlyEnglish, "local", "it")).toEqual([{ code: "medtop:1", name: "local elections", broader: "" }]);
    expect(searchConcepts(onlyEnglish, "local", "fr")).toEqual([]);
    // Portuguese finds pt-PT's label, Chinese zh-Hans's.
    const election = topics.find((t) => t.code === "medtop:20000574")!;
    expect(labelIn(election, "pt")).toBe(election.labels["pt-PT"]);
    expect(labelIn(election, "zh")).toBe(election.labels["zh-Hans"]);
    expect(searchConcepts(topics, election.labels["zh-Hans"]!, "zh")[0]?.code).toBe("medtop:20000574");
  });

  it("finds a topic by its qcode or number, and nothing for nothing", () => {
    expect(searchConcepts(topics, "medtop:20000574", "en")[0]?.name).toBe("election");
    expect(searchConcepts(topics, "20000574", "en")[0]?.name).toBe("election");
    expect(searchConcepts(topics, "   ", "en")).toEqual([]);
    expect(searchConcepts(topics, "zzzzqqqq", "en")).toEqual([]);
  });

  it("answers at most the limit asked", () => {
    expect(searchConcepts(topics, "e", "en", 5)).toHaveLength(5);
  });
});

describe("the genre index", () => {
  it("holds the 51 genres in use, none retired, each named", () => {
    expect(genres).toHaveLength(51);
    expect(genres.map((g) => g.code)).not.toContain("genre:Update");
    expect(genres.find((g) => g.code === "genre:Analysis")?.labels["en-GB"]).toBe("Analysis");
    expect(searchConcepts(genres, "obituary", "en")[0]).toEqual({ code: "genre:Obituary", name: "Obituary", broader: "" });
  });
});
