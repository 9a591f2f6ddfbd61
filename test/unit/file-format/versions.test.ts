import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { articleFromFileJSON, currentVersion, serializeArticle, type Migration } from "../../../shared/article-file";
import { seedArticlePath } from "../../support/seed-article";

// The migration mechanism: files of an older version are brought up step by step in memory.
// Version 1 → 2 is real (the review, shared/review/migrate-v1.ts); these tests also stage a
// pretend version 3 with an injected table.

const seedFile = () => JSON.parse(readFileSync(seedArticlePath, "utf8")) as Record<string, unknown>;
/// The seed as a version 1 file: no review parts.
const seedFileV1 = () => {
  const { people: _people, notes: _notes, suggestions: _suggestions, versions: _versions, ...file } = seedFile();
  return { ...file, version: 1 };
};

describe("file versions", () => {
  it("reads version 2 without migrating", () => {
    const result = articleFromFileJSON(seedFile());
    expect(result.ok && result.migratedFrom).toBe(null);
    expect(currentVersion).toBe(2);
  });

  it("opens a version 1 file, migrated in memory, and writes it as version 2", () => {
    const result = articleFromFileJSON(seedFileV1());
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.migratedFrom).toBe(1);
    expect(serializeArticle(result.article)).toBe(readFileSync(seedArticlePath, "utf8"));
  });

  it("migrates an older file in memory, one step per version", () => {
    const steps: string[] = [];
    const migrations: Record<number, Migration> = {
      1: (file) => {
        steps.push("1→2");
        return { ...file, version: 2 };
      },
      2: (file) => {
        steps.push("2→3");
        const meta = file.meta as Record<string, unknown>;
        return { ...file, version: 3, meta: { ...meta, slug: `${meta.slug}-v3` } };
      },
    };
    const result = articleFromFileJSON(seedFileV1(), { migrations, currentVersion: 3 });
    expect(steps).toEqual(["1→2", "2→3"]);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.migratedFrom).toBe(1);
      expect(result.article.meta.slug).toBe("us-speeds-up-arms-sales-to-iraq-amid-jihadist-resurgence-v3");
    }
  });

  it("says so when a step is missing", () => {
    expect(articleFromFileJSON(seedFileV1(), { migrations: {}, currentVersion: 2 })).toEqual({
      ok: false,
      errors: ["version 1 cannot be migrated to 2"],
    });
  });

  it("refuses a newer file naming both versions", () => {
    expect(articleFromFileJSON({ ...seedFile(), version: 3 })).toEqual({
      ok: false,
      errors: ["version 3 is newer than this Copydesk reads (2)"],
    });
  });

  it("writes the current version with keys in a fixed order", () => {
    const result = articleFromFileJSON(seedFile());
    if (!result.ok) throw new Error(result.errors.join());
    const text = serializeArticle(result.article);
    expect(Object.keys(JSON.parse(text))).toEqual(["format", "version", "meta", "doc", "assets", "people", "notes", "suggestions", "versions"]);
    expect(Object.keys(JSON.parse(text).meta)).toEqual(["id", "slug", "language", "tags", "status", "created", "updated", "embargo", "wordTarget"]);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toContain('\n  "version": 2,\n');
  });

  it("writes the same bytes whatever order the keys were read in", () => {
    const file = seedFile();
    const meta = file.meta as Record<string, unknown>;
    const shuffled = { assets: file.assets, doc: file.doc, meta: Object.fromEntries(Object.entries(meta).reverse()), version: 2, format: file.format, versions: file.versions, suggestions: file.suggestions, notes: file.notes, people: file.people };
    const a = articleFromFileJSON(file);
    const b = articleFromFileJSON(shuffled);
    if (!a.ok || !b.ok) throw new Error("seed did not parse");
    expect(serializeArticle(b.article)).toBe(serializeArticle(a.article));
  });
});
