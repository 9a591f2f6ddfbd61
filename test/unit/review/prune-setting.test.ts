import type { Node as PMNode } from "prosemirror-model";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SettingsStore } from "../../../electron/services/settings";
import { createArticle } from "../../../shared/article";
import { defaultSettings, parseRequest } from "../../../shared/ipc";
import { defaultPruneRule, prunedVersions } from "../../../shared/review/versions";
import { schema } from "../../../shared/schema";
import { VersionHistory } from "../../../renderer/src/review/version-history";
import { tempFolder } from "../services/helpers";

// The version-pruning rule is a setting: every version for 30 days, then one a day, by default;
// "keep all" or another number of days when the user chooses. Settings refuse a rule that is not
// one, a broken one in the file falls back to the default, and taking a version thins by the rule given.

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempFolder()));
afterEach(() => cleanup());

describe("the pruning setting", () => {
  it("defaults to every version for 30 days, then one a day, and the versions' default is that setting", () => {
    expect(defaultSettings.versionPruning).toEqual({ keepAllDays: 30 });
    expect(defaultPruneRule).toEqual(defaultSettings.versionPruning);
  });

  it.each([[{ keepAllDays: null }], [{ keepAllDays: 1 }], [{ keepAllDays: 7 }], [{ keepAllDays: 3650 }]])("settings:set accepts %j", (rule) => {
    expect(parseRequest("settings:set", { versionPruning: rule })).toEqual({ ok: true, value: { versionPruning: rule } });
  });

  it.each([
    [{ keepAllDays: 0 }],
    [{ keepAllDays: -30 }],
    [{ keepAllDays: 1.5 }],
    [{ keepAllDays: 3651 }],
    [{ keepAllDays: "30" }],
    [{}],
    [{ keepAllDays: 30, thinTo: "hour" }],
    [null],
    ["keep all"],
  ])("settings:set refuses %j, naming the field", (rule) => {
    const result = parseRequest("settings:set", { versionPruning: rule });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.details?.join("\n")).toMatch(/^versionPruning/m);
  });

  it("is kept in the settings file across a restart; a broken one in the file gives the default", async () => {
    await new SettingsStore(dir).update({ versionPruning: { keepAllDays: null } });
    expect((await new SettingsStore(dir).get()).versionPruning).toEqual({ keepAllDays: null });
    writeFileSync(join(dir, "settings.json"), JSON.stringify({ theme: "dark", versionPruning: { keepAllDays: -1 } }));
    const settings = await new SettingsStore(dir).get();
    expect(settings.theme).toBe("dark");
    expect(settings.versionPruning).toEqual({ keepAllDays: 30 });
  });
});

const n = schema.nodes;
const base = createArticle({ now: new Date("2026-09-01T09:00:00Z") });
const amira = { id: "p-amira", name: "Amira Haddad", initials: "AH" };
const now = new Date("2026-11-29T12:00:00Z");
const daysAgo = (days: number, hour = 9) => new Date(Date.parse("2026-11-29T00:00:00Z") - days * 86_400_000 + hour * 3_600_000);

/// The article with one body paragraph.
function story(text: string): PMNode {
  const fields = Array.from({ length: base.doc.childCount }, (_, i) => base.doc.child(i)).map((field) =>
    field.type === n.body ? n.body.create(null, n.paragraph.create(null, schema.text(text))) : field,
  );
  return n.doc.create(null, fields);
}

/// Versions taken on save: two on one day 45 days ago, two on one day 10 days ago (each an hour apart).
function history(): VersionHistory {
  const versions = new VersionHistory(base.doc, undefined);
  const keepAll = { keepAllDays: null };
  for (const [i, at] of [daysAgo(45, 9), daysAgo(45, 10), daysAgo(10, 9), daysAgo(10, 10)].entries()) {
    versions.take({ doc: story(`Draft ${i}.`), meta: base.meta }, amira, "save", { now: at, rule: keepAll });
  }
  return versions;
}

const times = (versions: VersionHistory) => versions.versions.map((v) => v.version.time);

describe("taking a version thins the older ones by the setting", () => {
  it("keep all: every version stays", () => {
    const versions = history();
    versions.take({ doc: story("Final."), meta: base.meta }, amira, "save", { now, rule: { keepAllDays: null } });
    expect(times(versions)).toEqual([daysAgo(45, 9), daysAgo(45, 10), daysAgo(10, 9), daysAgo(10, 10), now].map((d) => d.toISOString()));
  });

  it("the default: versions older than 30 days are thinned to the day's last, the last 30 days kept whole", () => {
    const versions = history();
    versions.take({ doc: story("Final."), meta: base.meta }, amira, "save", { now });
    expect(times(versions)).toEqual([daysAgo(45, 10), daysAgo(10, 9), daysAgo(10, 10), now].map((d) => d.toISOString()));
  });

  it("7 days: the versions of 10 days ago are thinned too", () => {
    const versions = history();
    versions.take({ doc: story("Final."), meta: base.meta }, amira, "save", { now, rule: { keepAllDays: 7 } });
    expect(times(versions)).toEqual([daysAgo(45, 10), daysAgo(10, 10), now].map((d) => d.toISOString()));
  });

  it("keeps named versions whatever the rule, and prunedVersions with keep all returns every one", () => {
    const versions = new VersionHistory(base.doc, undefined);
    versions.take({ doc: story("Named."), meta: base.meta }, amira, "named", { name: "Filed", now: daysAgo(45, 9) });
    versions.take({ doc: story("Later."), meta: base.meta }, amira, "save", { now: daysAgo(45, 10) });
    versions.take({ doc: story("Final."), meta: base.meta }, amira, "save", { now, rule: { keepAllDays: 1 } });
    expect(versions.versions.map((v) => v.version.name ?? v.version.reason)).toEqual(["Filed", "save", "save"]);
    expect(prunedVersions(versions.versions, now, { keepAllDays: null })).toHaveLength(3);
  });
});
