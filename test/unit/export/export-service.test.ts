import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleToJSON, type Article } from "../../../shared/article";
import { parseArticleFile } from "../../../shared/article-file";
import type { Settings } from "../../../shared/ipc";
import { schema } from "../../../shared/schema";
import { Backend } from "../../../electron/services/backend";
import { exportFileName, exportToFolder } from "../../../electron/services/exports";
import { ScriptedDialogs } from "../../support/scripted-dialogs";
import { FakeWindows } from "../services/fake-windows";
import { readSeedParts, seedArticlePath } from "../../support/seed-article";
import { launchChromium, playwrightPrinter } from "./chromium";

// Exports on disk: one file per format in the chosen folder, written atomically, PDF printed by
// the injected printer (here Playwright's page.pdf, as in the e2e host), and the export:run channel.

const folder = mkdtempSync(join(tmpdir(), "copydesk-export-"));
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

function seed(): Article {
  const result = parseArticleFile(readFileSync(seedArticlePath));
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.article;
}

describe("exportToFolder", () => {
  it("writes every format, named from the slug, and nothing else", async () => {
    const article = seed();
    const out = join(folder, "all");
    const { files } = await exportToFolder(article, ["html", "md", "txt", "nitf", "ninjs", "docx", "pdf"], out, { printPdf: playwrightPrinter(browser) });
    const slug = article.meta.slug;
    expect(files.map((f) => f.slice(out.length + 1))).toEqual(
      ["html", "md", "txt", "nitf.xml", "ninjs.json", "docx", "pdf"].map((ext) => `${slug}.${ext}`),
    );
    expect(readdirSync(out).sort()).toEqual(files.map((f) => f.slice(out.length + 1)).sort());
  });

  it("prints a PDF whose text holds the headline and every paragraph", async () => {
    const article = seed();
    const pdf = join(folder, "all", exportFileName(article, "pdf"));
    // pdftotext drops a hyphen where Chromium broke a line after it ("mid-December" -> "midDecember").
    const squeeze = (text: string) => text.replace(/[\s-]+/g, "");
    const text = squeeze(execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }));
    const parts = readSeedParts();
    for (const line of [parts.headline, ...parts.paragraphs]) expect(text).toContain(squeeze(line));
  });

  it("names files from the headline when there is no slug, and replaces existing files", async () => {
    const article = { ...seed(), meta: { ...seed().meta, slug: "" } };
    const out = join(folder, "headline");
    const name = exportFileName(article, "txt");
    expect(name).toBe("US speeds up arms sales to Iraq amid jihadist resurgence.txt");
    await exportToFolder(article, ["txt"], out);
    writeFileSync(join(out, name), "old");
    await exportToFolder(article, ["txt"], out);
    expect(readFileSync(join(out, name), "utf8")).toContain("Middle East");
  });

  it("refuses an article the pre-export check fails, and PDF without a printer", async () => {
    const article = seed();
    const fields: typeof article.doc[] = [];
    article.doc.forEach((f) => fields.push(f.type.name === "headline" ? schema.nodes.headline.create() : f));
    await expect(exportToFolder({ ...article, doc: article.doc.type.create(null, fields) }, ["html"], join(folder, "x"))).rejects.toMatchObject({
      code: "invalid-article",
      details: ["The article has no headline."],
    });
    await expect(exportToFolder(article, ["pdf"], join(folder, "y"))).rejects.toThrow(/PDF export needs Chromium/);
  });

  it("says in plain words when the folder cannot be written", async () => {
    const file = join(folder, "a-file");
    writeFileSync(file, "");
    await expect(exportToFolder(seed(), ["html"], join(file, "sub"))).rejects.toThrow(/Could not create the folder/);
  });
});

describe("the export:run channel", () => {
  const dialogs = new ScriptedDialogs();
  const userDataDir = mkdtempSync(join(tmpdir(), "copydesk-export-backend-"));
  const windows = new FakeWindows();
  const backend = new Backend({
    userDataDir,
    dialogs,
    windows,
    notify: windows.notify,
    appInfo: { name: "Copydesk", version: "0", platform: "linux" },
    printPdf: async () => new Uint8Array([37, 80, 68, 70]),
  });
  windows.attach({ backend });
  afterAll(async () => {
    await backend.dispose();
    rmSync(userDataDir, { recursive: true, force: true });
  });
  const context = { windowId: "w1" };
  let h1 = "";
  beforeAll(async () => {
    const opened = await backend.handle("document:new", {}, context);
    if (opened.ok) h1 = (opened.value as { handle: string }).handle;
  });

  it("exports to the folder the user picks and remembers it with the formats", async () => {
    const out = join(folder, "picked");
    dialogs.queue({ kind: "folder", path: out });
    const result = await backend.handle("export:run", { handle: h1, article: articleToJSON(seed()), formats: ["nitf", "pdf"] }, context);
    expect(result).toMatchObject({ ok: true, value: { files: [expect.stringMatching(/\.nitf\.xml$/), expect.stringMatching(/\.pdf$/)] } });
    expect(readdirSync(out)).toHaveLength(2);
    const settings = await backend.handle("settings:get", {}, context);
    expect(settings).toMatchObject({ ok: true, value: { exportFolder: { token: expect.any(String), path: out }, exportFormats: ["nitf", "pdf"] } });
  });

  it("exports again into the remembered folder by its token, and refuses a folder the window names", async () => {
    const settings = await backend.handle("settings:get", {}, context);
    const token = settings.ok ? (settings.value as Settings).exportFolder!.token : "";
    const again = await backend.handle("export:run", { handle: h1, article: articleToJSON(seed()), formats: ["txt"], folder: token }, context);
    expect(again).toMatchObject({ ok: true, value: { files: [expect.stringMatching(/picked[\\/].*\.txt$/)] } });
    const named = await backend.handle("export:run", { handle: h1, article: articleToJSON(seed()), formats: ["txt"], folder: join(folder, "elsewhere") }, context);
    expect(named).toMatchObject({ ok: false, error: { code: "invalid-request", message: "Copydesk did not choose that folder: choose it in the Export dialog." } });
    expect(existsSync(join(folder, "elsewhere"))).toBe(false);
  });

  it("answers null when the user cancels the folder, and a typed error for an invalid article", async () => {
    dialogs.queue({ kind: "cancel" });
    expect(await backend.handle("export:run", { handle: h1, article: articleToJSON(seed()), formats: ["html"] }, context)).toEqual({ ok: true, value: null });
    dialogs.queue({ kind: "folder", path: folder });
    const bad = await backend.handle("export:run", { handle: h1, article: { meta: {}, doc: {}, assets: {} }, formats: ["html"] }, context);
    expect(bad).toMatchObject({ ok: false, error: { code: "invalid-article" } });
  });
});
