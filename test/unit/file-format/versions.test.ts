import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { articleFromFileJSON, currentVersion, serializeArticle, type Migration } from "../../../shared/article-file";
import { emptyNewsroomMeta } from "../../../shared/article";
import { seedArticlePath } from "../../support/seed-article";

// The migration mechanism: files of an older version are brought up step by step in memory.
// Version 1 → 2 (the review, shared/review/migrate-v1.ts) and 2 → 3 (the workflow and the
// newsroom metadata, shared/migrate-v2.ts) are real; these tests also stage a pretend version 4
// with an injected table.

const seedFile = () => JSON.parse(readFileSync(seedArticlePath, "utf8")) as Record<string, unknown>;
const newsroomKeys = Object.keys(emptyNewsroomMeta());
/// The seed as a version 2 file: no workflow log, no newsroom metadata.
const seedFileV2 = (status = "draft"): Record<string, unknown> => {
  const { workflow: _workflow, ...file } = seedFile();
  const meta = Object.fromEntries(Object.entries(file.meta as Record<string, unknown>).filter(([key]) => !newsroomKeys.includes(key)));
  return { ...file, version: 2, meta: { ...meta, status } };
};
/// The seed as a version 1 file: no review parts either.
const seedFileV1 = () => {
  const { people: _people, notes: _notes, suggestions: _suggestions, versions: _versions, ...file } = seedFileV2();
  return { ...file, version: 1 };
};

describe("file versions", () => {
  it("reads version 3 without migrating", () => {
    const result = articleFromFileJSON(seedFile());
    expect(result.ok && result.migratedFrom).toBe(null);
    expect(currentVersion).toBe(3);
  });

  it("opens a version 1 file, migrated in memory, and writes it as version 3", () => {
    const result = articleFromFileJSON(seedFileV1());
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.migratedFrom).toBe(1);
    expect(serializeArticle(result.article)).toBe(readFileSync(seedArticlePath, "utf8"));
  });

  it("opens a version 2 file with empty newsroom metadata and its status in the new workflow", () => {
    const result = articleFromFileJSON(seedFileV2());
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.migratedFrom).toBe(2);
    expect(serializeArticle(result.article)).toBe(readFileSync(seedArticlePath, "utf8"));
    const statusOf = (old: string) => {
      const opened = articleFromFileJSON(seedFileV2(old));
      return opened.ok ? opened.article.meta.status : opened.errors.join();
    };
    expect([statusOf("draft"), statusOf("ready"), statusOf("approved")]).toEqual(["draft", "filed", "ready"]);
    expect(statusOf("final")).toBe("meta.status: not one of draft, filed, in-edit, ready, published, held, killed");
  });

  it("migrates the metadata of a version 2 file's versions too", () => {
    const current = articleFromFileJSON(seedFile());
    if (!current.ok) throw new Error(current.errors.join());
    const { meta: _meta, ...oldVersion } = { id: "v1", author: "p1", time: "2026-01-01T00:00:00.000Z", name: "Filed", reason: "named", words: 0, meta: {}, changes: [] };
    const v2 = seedFileV2("ready");
    const file = { ...v2, people: { p1: { name: "Ann Reporter", initials: "AR", colour: "#2b6cb0" } }, versions: [{ ...oldVersion, meta: { ...(v2.meta as object), status: "approved" } }] };
    const result = articleFromFileJSON(file);
    if (!result.ok) throw new Error(result.errors.join());
    expect(result.article.review?.versions).toHaveLength(1);
    expect(result.article.review?.versions[0].meta).toMatchObject({ status: "ready", urgency: null, subjects: [], version: 1 });
    expect(result.article.review?.workflow).toEqual([]);
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
        return { ...file, version: 3 };
      },
      3: (file) => {
        steps.push("3→4");
        const meta = file.meta as Record<string, unknown>;
        return { ...file, version: 4, meta: { ...meta, slug: `${meta.slug}-v3` } };
      },
    };
    const result = articleFromFileJSON({ ...seedFile(), version: 1 }, { migrations, currentVersion: 4 });
    expect(steps).toEqual(["1→2", "2→3", "3→4"]);
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
    expect(articleFromFileJSON({ ...seedFile(), version: 4 })).toEqual({
      ok: false,
      errors: ["version 4 is newer than this Copydesk reads (3)"],
    });
  });

  it("writes the current version with keys in a fixed order", () => {
    const result = articleFromFileJSON(seedFile());
    if (!result.ok) throw new Error(result.errors.join());
    const text = serializeArticle(result.article);
    expect(Object.keys(JSON.parse(text))).toEqual(["format", "version", "meta", "doc", "assets", "people", "notes", "suggestions", "versions", "workflow"]);
    expect(Object.keys(JSON.parse(text).meta)).toEqual(["id", "slug", "language", "tags", "status", "created", "updated", "embargo", "wordTarget", ...newsroomKeys]);
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toContain('\n  "version": 3,\n');
  });

  it("writes the same bytes whatever order the keys were read in", () => {
    const file = seedFile();
    const meta = file.meta as Record<string, unknown>;
    const shuffled = { assets: file.assets, doc: file.doc, meta: Object.fromEntries(Object.entries(meta).reverse()), version: 3, format: file.format, workflow: file.workflow, versions: file.versions, suggestions: file.suggestions, notes: file.notes, people: file.people };
    const a = articleFromFileJSON(file);
    const b = articleFromFileJSON(shuffled);
    if (!a.ok || !b.ok) throw new Error("seed did not parse");
    expect(serializeArticle(b.article)).toBe(serializeArticle(a.article));
  });
});
