import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultSettings } from "../../../shared/ipc";
import { RecentFiles } from "../../../electron/services/recent-files";
import { SettingsStore } from "../../../electron/services/settings";
import { temporaryFiles, tempFolder } from "./helpers";

// What Copydesk keeps in user-data besides recovery copies: the recent-files list and the settings.

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempFolder()));
afterEach(() => cleanup());

const touch = (name: string) => {
  const path = join(dir, name);
  writeFileSync(path, "x");
  return path;
};

describe("recent files", () => {
  it("keeps the ten latest, newest first, without duplicates, across restarts", async () => {
    const recent = new RecentFiles(dir);
    const files = Array.from({ length: 12 }, (_, i) => touch(`story-${i}.article`));
    for (const file of files) await recent.add(file);
    await recent.add(files[5]);
    const again = await new RecentFiles(dir).list();
    expect(again.map((f) => f.title)).toEqual([5, 11, 10, 9, 8, 7, 6, 4, 3, 2].map((i) => `story-${i}.article`));
  });

  it("prunes files that no longer exist, and tells listeners", async () => {
    const recent = new RecentFiles(dir);
    const kept = touch("kept.article");
    const gone = touch("gone.article");
    await recent.add(kept);
    await recent.add(gone);
    const seen: string[][] = [];
    recent.onChange((files) => seen.push(files.map((f) => f.title)));
    rmSync(gone);
    expect((await recent.list()).map((f) => f.path)).toEqual([kept]);
    expect(seen).toEqual([["kept.article"]]);
    expect(JSON.parse(readFileSync(recent.path, "utf8"))).toEqual({ files: [kept] });
  });

  it("starts empty from a missing or broken file", async () => {
    expect(await new RecentFiles(dir).list()).toEqual([]);
    writeFileSync(join(dir, "recent-files.json"), "{not json");
    expect(await new RecentFiles(dir).list()).toEqual([]);
  });
});

describe("settings", () => {
  it("gives the defaults when the file is missing or broken", async () => {
    expect(await new SettingsStore(dir).get()).toEqual(defaultSettings);
    writeFileSync(join(dir, "settings.json"), "{\"theme\": \"dark\",");
    expect(await new SettingsStore(dir).get()).toEqual(defaultSettings);
    writeFileSync(join(dir, "settings.json"), "[1, 2]");
    expect(await new SettingsStore(dir).get()).toEqual(defaultSettings);
  });

  it("keeps each valid field and drops a broken one alone", async () => {
    writeFileSync(join(dir, "settings.json"), JSON.stringify({ theme: "dark", smartQuotes: "yes", spellcheckLanguage: "fr" }));
    expect(await new SettingsStore(dir).get()).toEqual({ ...defaultSettings, theme: "dark", spellcheckLanguage: "fr" });
  });

  it("changes some of the newsroom's settings and keeps the others, and refuses an unknown time zone", async () => {
    const store = new SettingsStore(join(dir, "newsroom"));
    await store.update({ newsroom: { templatesFolder: "/shares/desk/templates" } });
    await store.update({ newsroom: { copyrightHolder: "Agence France-Presse", timeZone: "Europe/Paris" } });
    expect((await store.get()).newsroom).toEqual({ ...defaultSettings.newsroom, copyrightHolder: "Agence France-Presse", timeZone: "Europe/Paris", templatesFolder: "/shares/desk/templates" });
    writeFileSync(store.path, JSON.stringify({ newsroom: { ...defaultSettings.newsroom, timeZone: "Mars/Olympus" } }));
    expect((await new SettingsStore(join(dir, "newsroom")).get()).newsroom).toEqual(defaultSettings.newsroom);
  });

  it("keeps both of two changes made at once (found by the IPC fuzz)", async () => {
    const folder = join(dir, "user-data");
    const store = new SettingsStore(folder);
    await Promise.all([store.update({ theme: "dark" }), store.update({ smartQuotes: false }), store.update({ newsroomWords: ["Nujaifi"] })]);
    const expected = { ...defaultSettings, theme: "dark", smartQuotes: false, newsroomWords: ["Nujaifi"] };
    expect(await store.get()).toEqual(expected);
    expect(await new SettingsStore(folder).get()).toEqual(expected);
  });

  it("writes atomically into a user-data folder it creates, and reads back", async () => {
    const folder = join(dir, "new-user-data");
    const settings = new SettingsStore(folder);
    await settings.update({ theme: "light", smartQuotes: false });
    expect(await new SettingsStore(folder).get()).toEqual({ ...defaultSettings, theme: "light", smartQuotes: false });
    expect(temporaryFiles(folder)).toEqual([]);
  });

  it("a failed write keeps the old file and the old settings, with a readable error", async () => {
    const settings = new SettingsStore(dir);
    await settings.update({ theme: "dark" });
    const before = readFileSync(settings.path, "utf8");
    rmSync(settings.path);
    mkdirSync(settings.path);
    await expect(settings.update({ theme: "light" })).rejects.toThrow(/Could not save the settings to .*there is a folder with that name/);
    expect((await settings.get()).theme).toBe("dark");
    rmSync(settings.path, { recursive: true });
    writeFileSync(settings.path, before);
    expect(readFileSync(settings.path, "utf8")).toBe(before);
  });
});
