import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fieldText, fieldNode } from "../../../shared/article";
import { articleFromFileJSON, parseArticleFile, serializeArticle } from "../../../shared/article-file";
import type { OpenedDocument, TemplateList } from "../../../shared/ipc";
import { Backend } from "../../../electron/services/backend";
import { builtInTemplates, folderTemplates, storyFromTemplate, TemplateLibrary } from "../../../electron/services/templates";
import { builtInTemplateFiles } from "../../../shared/templates/built-in";
import { builtInTemplatesModule, builtInTemplatesPath } from "../../../scripts/make-templates";
import { buildSeedArticle } from "../../support/seed-article";
import { ScriptedDialogs } from "../../support/scripted-dialogs";
import { FakeWindows } from "./fake-windows";
import { reviewedArticle, reviewMarker } from "../review/reviewed-article";

// Story templates (File > New from Template…): the built-in ones are valid article files made by
// scripts/make-templates.ts, a folder's are listed with their problems, and a story from any of
// them is a new article of its own.

const newsroom = { copyrightHolder: "Agence Exemple", copyrightNotice: "© 2026 Agence Exemple", usageTerms: "No resale.", timeZone: null, exportEdnote: false, templatesFolder: null };
const now = new Date("2026-11-29T21:00:00.000Z");

/// A folder of templates: one good, one not JSON, one of another format, one that is a folder, and a file that is not a template.
function templatesFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), "copydesk-templates-"));
  const seed = buildSeedArticle();
  writeFileSync(join(folder, "Court report.article"), serializeArticle({ ...seed, meta: { ...seed.meta, genre: { code: "genre:Current", name: "Current" }, ednote: "" } }));
  writeFileSync(join(folder, "Broken.article"), "{ not json");
  writeFileSync(join(folder, "Old tool.article"), JSON.stringify({ format: "something.else", version: 1 }));
  mkdirSync(join(folder, "Drafts.article"));
  writeFileSync(join(folder, "notes.txt"), "not a template");
  return folder;
}

describe("built-in templates", () => {
  const templates = builtInTemplates();

  it("are the story types of the dialog, each a valid article file", () => {
    expect(templates.map((t) => t.name)).toEqual(["News", "Brief", "Live update", "Obituary", "Results"]);
    for (const { name, file } of builtInTemplateFiles) {
      const read = articleFromFileJSON(file);
      expect(read.ok ? [] : read.errors, name).toEqual([]);
      expect(parseArticleFile(JSON.stringify(file)).ok, name).toBe(true);
    }
    for (const template of templates) expect(template.problems, template.name).toEqual([]);
  });

  it("are what scripts/make-templates.ts makes (run `npm run templates` after changing them)", () => {
    expect(readFileSync(builtInTemplatesPath, "utf8")).toBe(builtInTemplatesModule());
  });

  it("carry their structure and metadata", () => {
    const byName = Object.fromEntries(templates.map((t) => [t.name, t.article!]));
    const obituary = byName.Obituary;
    expect(obituary.meta.genre).toEqual({ code: "genre:Obituary", name: "Obituary" });
    expect(fieldText(obituary.doc, "standfirst")).toMatch(/^Born .*; died /);
    const brief = byName.Brief;
    expect(brief.meta.wordTarget).toBe(120);
    expect(fieldNode(brief.doc, "body")!.childCount).toBe(2);
    const live = fieldNode(byName["Live update"].doc, "body")!;
    const subheadings: string[] = [];
    live.forEach((block) => void (block.type.name === "subheading" && subheadings.push(block.textContent)));
    expect(subheadings.length).toBeGreaterThanOrEqual(2);
    for (const heading of subheadings) expect(heading).toMatch(/^\[\d\d:\d\d\]/);
    const table = fieldNode(byName.Results.doc, "body")!.lastChild!;
    expect(table.type.name).toBe("table");
    expect(table.attrs.header).toBe(true);
    expect(byName.Results.meta.genre?.code).toBe("genre:Results_Listings_and_Statistics");
    for (const template of templates) expect(template.article!.meta.urgency, template.name).not.toBeNull();
  });
});

describe("a story from a template", () => {
  it.each(builtInTemplates().map((t) => [t.name, t.article!] as const))("from %s has an identity of its own and is a valid file", (_name, template) => {
    const story = storyFromTemplate({ ...template, meta: { ...template.meta, status: "published", version: 4, published: "2026-01-01T00:00:00.000Z" } }, newsroom, now);
    expect(story.meta.id).not.toBe(template.meta.id);
    expect(story.meta.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(story.meta).toMatchObject({ created: now.toISOString(), updated: now.toISOString(), status: "draft", version: 1, firstPublished: null, published: null, ednote: "" });
    expect(story.meta.genre).toEqual(template.meta.genre);
    expect(story.meta.wordTarget).toBe(template.meta.wordTarget);
    expect(story.meta.copyrightHolder).toBe("Agence Exemple");
    expect(story.review).toBeUndefined();
    expect(story.doc.eq(template.doc)).toBe(true);
    const read = parseArticleFile(serializeArticle(story));
    expect(read.ok ? [] : read.errors).toEqual([]);
  });

  it("gets two different ids from the same template", () => {
    const template = builtInTemplates()[0].article!;
    expect(storyFromTemplate(template, newsroom).meta.id).not.toBe(storyFromTemplate(template, newsroom).meta.id);
  });

  it("keeps the rights a template sets, and the newsroom's fill only those it leaves empty", () => {
    const template = builtInTemplates()[0].article!;
    const story = storyFromTemplate({ ...template, meta: { ...template.meta, copyrightHolder: "Desk Sport", usageTerms: "" } }, newsroom, now);
    expect(story.meta).toMatchObject({ copyrightHolder: "Desk Sport", copyrightNotice: "© 2026 Agence Exemple", usageTerms: "No resale." });
  });

  it("drops the template's review: notes and their marks, suggestions (accepted), people; every noted word kept", () => {
    const { article, notedWords } = reviewedArticle();
    expect(parseArticleFile(serializeArticle(article)).ok).toBe(true);
    const story = storyFromTemplate(article, newsroom, now);
    expect(story.review).toBeUndefined();
    const file = serializeArticle(story);
    expect(file).not.toContain(reviewMarker);
    const read = parseArticleFile(file);
    expect(read.ok ? [] : read.errors).toEqual([]);
    for (const words of notedWords) expect(file).toContain(words);
    expect(file).toContain("next week");
  });
});

describe("a templates folder", () => {
  it("lists its .article files by name, each broken one with its problem", async () => {
    const { templates, problem } = await folderTemplates(templatesFolder());
    expect(problem).toBeNull();
    expect(templates.map((t) => t.name)).toEqual(["Broken", "Court report", "Drafts", "Old tool"]);
    const byName = Object.fromEntries(templates.map((t) => [t.name, t]));
    expect(byName["Court report"].problems).toEqual([]);
    expect(byName.Broken.article).toBeNull();
    expect(byName.Broken.problems.join(" ")).toMatch(/not valid JSON/);
    expect(byName["Old tool"].problems.join(" ")).toMatch(/format/);
    expect(byName.Drafts.problems.join(" ")).toMatch(/folder/i);
  });

  it("says when the folder is missing, and lists nothing of it", async () => {
    const { templates, problem } = await folderTemplates(join(tmpdir(), "copydesk-no-such-templates"));
    expect(templates).toEqual([]);
    expect(problem).toMatch(/does not exist/);
  });

  it("describes each template by its genre and editor's note, or its standfirst", async () => {
    const library = new TemplateLibrary();
    const list = await library.list(templatesFolder());
    const court = list.templates.find((t) => t.name === "Court report")!;
    expect(court).toMatchObject({ storyType: "Current", builtIn: false, problems: [] });
    expect(court.description).toBe(fieldText(buildSeedArticle().doc, "standfirst").trim() || fieldText(buildSeedArticle().doc, "kicker").trim());
    const obituary = list.templates.find((t) => t.name === "Obituary")!;
    expect(obituary).toMatchObject({ storyType: "Obituary", builtIn: true });
    expect(obituary.description).toMatch(/obituary/i);
  });
});

describe("the template channels", () => {
  const userDataDir = mkdtempSync(join(tmpdir(), "copydesk-templates-ipc-"));
  const dialogs = new ScriptedDialogs();
  const windows = new FakeWindows();
  const backend = new Backend({ userDataDir, dialogs, windows, notify: windows.notify, appInfo: { name: "Copydesk", version: "0.0.0", platform: "linux" }, deskWorker: null });
  windows.attach({ backend });
  const context = { windowId: "window-1" };
  afterAll(() => backend.dispose());

  async function ask<T>(channel: string, payload: unknown): Promise<T> {
    const result = await backend.handle(channel, payload, context);
    if (!result.ok) throw new Error(`${result.error.message} ${result.error.details?.join(" ") ?? ""}`);
    return result.value as T;
  }

  it("lists the built-in templates, and a folder chosen in main's dialog after them", async () => {
    const builtIn = await ask<TemplateList>("template:list", {});
    expect(builtIn.folder).toBeNull();
    expect(builtIn.templates.map((t) => t.name)).toEqual(["News", "Brief", "Live update", "Obituary", "Results"]);
    const folder = templatesFolder();
    dialogs.queue({ kind: "folder", path: folder });
    const chosen = await ask<TemplateList>("template:choose-folder", {});
    expect(chosen.folder).toBe(folder);
    expect(chosen.templates).toHaveLength(9);
    expect((await ask<{ newsroom: { templatesFolder: string | null } }>("settings:get", {})).newsroom.templatesFolder).toBe(folder);
    // Cancelling the dialog keeps the folder; clear forgets it.
    expect((await ask<TemplateList>("template:choose-folder", {})).folder).toBe(folder);
    expect((await ask<TemplateList>("template:choose-folder", { clear: true })).folder).toBeNull();
  });

  it("opens a story from a template as a new untitled document with the newsroom's rights", async () => {
    await ask("settings:set", { newsroom: { copyrightHolder: "Agence Exemple", copyrightNotice: "", usageTerms: "", timeZone: null, exportEdnote: false } });
    const list = await ask<TemplateList>("template:list", {});
    const obituary = list.templates.find((t) => t.name === "Obituary")!;
    const opened = await ask<OpenedDocument>("template:new", { template: obituary.id });
    expect(opened).toMatchObject({ path: null, title: "Untitled", edited: false });
    expect(opened.article.meta).toMatchObject({ status: "draft", version: 1, genre: { code: "genre:Obituary", name: "Obituary" }, copyrightHolder: "Agence Exemple" });
    const again = await ask<OpenedDocument>("template:new", { template: obituary.id });
    expect(again.article.meta.id).not.toBe(opened.article.meta.id);
  });

  it("refuses a broken template with its problem, and a token it never gave", async () => {
    dialogs.queue({ kind: "folder", path: templatesFolder() });
    const list = await ask<TemplateList>("template:choose-folder", {});
    const broken = list.templates.find((t) => t.name === "Broken")!;
    const refused = await backend.handle("template:new", { template: broken.id }, context);
    expect(refused).toMatchObject({ ok: false, error: { code: "invalid-article", message: "The template Broken cannot be used." } });
    const unknown = await backend.handle("template:new", { template: "0f1e2d3c-made-up" }, context);
    expect(unknown).toMatchObject({ ok: false, error: { code: "invalid-request" } });
  });
});
