import { describe, expect, it } from "vitest";
import { parseArticleFile, serializeArticle } from "../../../shared/article-file";
import { docFromJSON } from "../../../shared/doc-check";
import { rebuildVersions } from "../../../shared/review/version-rebuild";
import { prunedVersions, shouldTakeVersion } from "../../../shared/review/versions";
import { storyWithVersions } from "../../support/versioned-story";

// Versions in the file: the newest is the article itself, each older one the steps back from the
// next newer. Every version must come back exactly, a broken one must never cost the article.

const check = (json: unknown) => {
  const result = docFromJSON(json, {}, () => true);
  return result.ok ? [] : result.errors;
};

describe("versions in the article file", () => {
  it("keeps every version of a story with 100 versions through a save and an open", () => {
    const { article, docs } = storyWithVersions();
    const parsed = parseArticleFile(serializeArticle(article));
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    expect(parsed.versionsDropped).toBeUndefined();
    const { versions, dropped } = rebuildVersions(parsed.article.review!.versions, parsed.article.doc, check);
    expect(dropped).toEqual([]);
    expect(versions).toHaveLength(100);
    versions.forEach((version, i) => expect(version.doc.eq(docs[i]), `version ${i}`).toBe(true));
    expect(versions[50].version).toMatchObject({ name: "Desk edit", reason: "named", author: "p1" });
    expect(serializeArticle(parsed.article)).toBe(serializeArticle(article));
  });

  it("stores each version as its changed blocks, not the whole story", () => {
    const { article } = storyWithVersions();
    const withoutVersions = serializeArticle({ ...article, review: { ...article.review!, versions: [] } });
    const whole = serializeArticle(article);
    // The size figure of README ("Versions"): printed so it can be measured again.
    console.log(`story of ${article.doc.textContent.length} characters: ${withoutVersions.length} bytes; with 100 versions: ${whole.length} bytes`);
    expect(whole.length - withoutVersions.length).toBeLessThan(100 * withoutVersions.length * 0.25);
  });

  it("leaves a broken version out, with the older ones, and keeps the article", () => {
    const { article } = storyWithVersions();
    const file = JSON.parse(serializeArticle(article));
    file.versions[60].changes = [{ stepType: "replace", from: 10_000_000, to: 10_000_000 }];
    const parsed = parseArticleFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    expect(parsed.article.doc.eq(article.doc)).toBe(true);
    expect(parsed.versionsDropped).toEqual([expect.stringMatching(/^versions\.60: changes\.0: .*60 versions before it .*left out/)]);
    expect(parsed.article.review!.versions.map((v) => v.id)).toEqual(Array.from({ length: 39 }, (_, i) => `v${61 + i}`));
  });

  it("leaves out a version whose metadata is not an article's", () => {
    const { article } = storyWithVersions();
    const file = JSON.parse(serializeArticle(article));
    file.versions[99].meta = { status: "printed" };
    const parsed = parseArticleFile(JSON.stringify(file));
    expect(parsed.ok && parsed.versionsDropped).toEqual([expect.stringMatching(/^versions\.99: meta: /)]);
    expect(parsed.ok && parsed.article.review!.versions).toEqual([]);
  });

  it("reads a version written without a reason", () => {
    const { article } = storyWithVersions();
    const file = JSON.parse(serializeArticle(article));
    for (const version of file.versions) delete version.reason;
    const parsed = parseArticleFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
    expect(parsed.article.review!.versions.map((v) => v.reason).filter((r) => r === "named")).toHaveLength(1);
  });
});

describe("when a version is taken", () => {
  const newest = { time: "2026-11-29T10:00:00.000Z", text: "Arms sales speed up" };
  const at = (minutes: number) => new Date(Date.parse(newest.time) + minutes * 60_000);

  it("takes the first on save", () => expect(shouldTakeVersion("save", null, "Arms", at(0))).toBe(true));
  it("takes none on save while the text is the newest version's", () => expect(shouldTakeVersion("save", newest, newest.text, at(60))).toBe(false));
  it("takes at most one on save in 10 minutes", () => {
    expect(shouldTakeVersion("save", newest, "Arms sales slow down", at(9.9))).toBe(false);
    expect(shouldTakeVersion("save", newest, "Arms sales slow down", at(10))).toBe(true);
  });
  it("takes one on save within ten minutes when the newest was by someone else (a hand-off)", () => {
    expect(shouldTakeVersion("save", { ...newest, author: "p-reporter" }, "Arms sales slow down", at(1), "p-editor")).toBe(true);
    expect(shouldTakeVersion("save", { ...newest, author: "p-editor" }, "Arms sales slow down", at(1), "p-editor")).toBe(false);
  });
  it("always takes a named version and one on a change of status", () => {
    expect(shouldTakeVersion("named", newest, newest.text, at(1))).toBe(true);
    expect(shouldTakeVersion("status", newest, newest.text, at(1))).toBe(true);
  });
});

describe("which old versions are kept", () => {
  const entry = (time: string, reason: "save" | "named" = "save") => ({ version: { time, reason } });
  const now = new Date("2026-11-29T12:00:00.000Z");

  it("keeps every version of the last 30 days, then the last of each day, and every named one", () => {
    const versions = [
      entry("2026-09-01T09:00:00.000Z"),
      entry("2026-09-01T10:00:00.000Z", "named"),
      entry("2026-09-01T11:00:00.000Z"),
      entry("2026-09-01T17:00:00.000Z"),
      entry("2026-09-02T09:00:00.000Z"),
      entry("2026-11-20T09:00:00.000Z"),
      entry("2026-11-20T09:30:00.000Z"),
    ];
    expect(prunedVersions(versions, now).map((v) => v.version.time)).toEqual([
      "2026-09-01T10:00:00.000Z",
      "2026-09-01T17:00:00.000Z",
      "2026-09-02T09:00:00.000Z",
      "2026-11-20T09:00:00.000Z",
      "2026-11-20T09:30:00.000Z",
    ]);
  });

  it("keeps all with a longer rule", () => {
    const versions = [entry("2026-09-01T09:00:00.000Z"), entry("2026-09-01T11:00:00.000Z")];
    expect(prunedVersions(versions, now, { keepAllDays: 365 })).toHaveLength(2);
  });
});
