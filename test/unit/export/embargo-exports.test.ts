import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import mammoth from "mammoth";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleToJSON, type Article } from "../../../shared/article";
import { parseArticleFile } from "../../../shared/article-file";
import { embargoLine, localEmbargoTime } from "../../../shared/embargo";
import { checkBeforeExport } from "../../../shared/export/checks";
import { exportDocx } from "../../../shared/export/docx";
import { exportHtml } from "../../../shared/export/html";
import { exportText } from "../../../shared/export/text";
import type { ExportResult } from "../../../shared/ipc";
import { Backend } from "../../../electron/services/backend";
import { exportToFolder } from "../../../electron/services/exports";
import { seedArticlePath } from "../../support/seed-article";
import { ScriptedDialogs } from "../../support/scripted-dialogs";
import { FakeWindows } from "../services/fake-windows";
import { tempFolder } from "../services/helpers";
import { launchChromium, playwrightPrinter } from "./chromium";

// Embargo visible everywhere a person reads (issue 14, item 4): the text, Word and PDF exports
// open with the embargo line, in the article's language and the newsroom's time zone; the HTML
// shows it and keeps it in meta; an export marked published before the embargo is refused, by
// the check the export dialog runs and again by main.

const future = "2030-01-01T09:00:00Z";
const london = { timeZone: "Europe/London", exportEdnote: false };
const line = "EMBARGOED UNTIL 09:00 GMT 1 Jan 2030";

function seed(embargo: string | null = future): Article {
  const result = parseArticleFile(readFileSync(seedArticlePath));
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return { ...result.article, meta: { ...result.article.meta, embargo } };
}

const { dir, cleanup } = tempFolder("copydesk-embargo-");
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  cleanup();
});

describe("the embargo line", () => {
  it("says when, in the newsroom's time zone with its name, in the article's language", () => {
    expect(embargoLine(future, "en", "Europe/London")).toBe(line);
    expect(embargoLine(future, "en-US", "America/New_York")).toBe("EMBARGOED UNTIL 04:00 EST 1 Jan 2030");
    expect(embargoLine("2030-07-01T09:00:00Z", "en-GB", "Europe/London")).toBe("EMBARGOED UNTIL 10:00 BST 1 Jul 2030");
    expect(embargoLine(future, "fr-FR", "Europe/Paris")).toBe("SOUS EMBARGO JUSQU'AU 10:00 UTC+1 1 janv. 2030");
    expect(embargoLine(future, "de", "Europe/Berlin")).toMatch(/^SPERRFRIST BIS 10:00 \S+ 1 Jan\. 2030$/);
    expect(embargoLine(future, "ar", "Asia/Dubai")).toMatch(/^محظور النشر حتى /);
  });

  it("takes English words and months for a language it has no words for, and UTC for a zone Intl does not know", () => {
    expect(embargoLine(future, "zh-Hant-TW", "UTC")).toBe("EMBARGOED UNTIL 09:00 UTC 1 Jan 2030");
    expect(embargoLine(future, "en", "Not/AZone")).toBe("EMBARGOED UNTIL 09:00 UTC 1 Jan 2030");
  });

  it("is the computer's time zone when the newsroom sets none", () => {
    const local = new Intl.DateTimeFormat("en", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(future));
    expect(embargoLine(future, "en", null)).toContain(` ${local} `);
  });

  it("the window shows the embargo in local time, never raw UTC", () => {
    expect(localEmbargoTime(future, "en-GB")).toBe(new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" }).format(new Date(future)));
    const check = checkBeforeExport(seed(), new Date("2029-12-31T00:00:00Z"));
    expect(check.warnings.join(" ")).toContain(`embargoed until ${localEmbargoTime(future)};`);
    expect(check.warnings.join(" ")).not.toContain(future);
  });
});

describe("every format a person reads opens with it", () => {
  it("plain text: the first line", () => {
    expect(exportText(seed(), london).split("\n")[0]).toBe(line);
    expect(exportText(seed(null), london)).not.toContain("EMBARGOED");
  });

  it("Word: the first paragraph, read back through mammoth", async () => {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await exportDocx(seed(), london)) });
    expect(value.trim().split("\n")[0]).toBe(line);
    const without = await mammoth.extractRawText({ buffer: Buffer.from(await exportDocx(seed(null), london)) });
    expect(without.value).not.toContain("EMBARGOED");
  });

  it("HTML: shown first in the header, and in meta", () => {
    const html = exportHtml(seed(), london);
    expect(html).toContain(`<header>\n<p class="embargo" role="note">${line}</p>\n`);
    expect(html).toContain(`<meta name="copydesk:embargo" content="${future}">`);
    expect(exportHtml(seed(null), london)).not.toContain('class="embargo"');
  });

  it("PDF: the first line pdftotext reads, printed from the HTML as the app does", { timeout: 60_000 }, async () => {
    const folder = join(dir, "pdf");
    const { files } = await exportToFolder(seed(), ["pdf"], folder, { printPdf: playwrightPrinter(browser), format: london });
    const text = execFileSync("pdftotext", ["-layout", files[0], "-"], { encoding: "utf8" });
    expect(text.trim().split("\n")[0].trim()).toBe(line);
  });
});

describe("an export marked published", () => {
  const before = new Date("2029-12-31T00:00:00Z");

  it("is refused by the dialog's check before the embargo, and allowed after it", () => {
    const check = checkBeforeExport(seed(), before, [], ["txt"], true);
    expect(check.errors).toEqual([expect.stringContaining(`embargoed until ${localEmbargoTime(future)}: it cannot be exported as published`)]);
    expect(checkBeforeExport(seed(), before, [], ["txt"], false).errors).toEqual([]);
    expect(checkBeforeExport(seed(), new Date("2030-01-01T09:00:00Z"), [], ["txt"], true).errors).toEqual([]);
  });

  it("is refused from the command line's service before the embargo, even with --force, writing nothing", async () => {
    const folder = join(dir, "cli");
    await expect(exportToFolder(seed(), ["txt", "nitf"], folder, { published: true, ignoreErrors: true })).rejects.toMatchObject({
      code: "invalid-article",
      message: expect.stringContaining("cannot be exported as published"),
    });
    expect(existsSync(folder)).toBe(false);
  });

  it("writes the files as published, with the article's version counted, once the embargo is past", async () => {
    const folder = join(dir, "published");
    const article = seed("2020-01-01T09:00:00Z");
    const republished = { ...article, meta: { ...article.meta, status: "ready" as const, version: 2, firstPublished: "2020-01-02T00:00:00.000Z" } };
    await exportToFolder(republished, ["ninjs", "nitf"], folder, { published: true });
    const names = readdirSync(folder);
    const ninjs = JSON.parse(readFileSync(join(folder, names.find((n) => n.endsWith(".ninjs.json"))!), "utf8"));
    expect(ninjs).toMatchObject({ version: "3", pubstatus: "usable" });
    expect(readFileSync(join(folder, names.find((n) => n.endsWith(".nitf.xml"))!), "utf8")).toContain('version="3"');
  });
});

describe("the export:run channel", () => {
  const dialogs = new ScriptedDialogs();
  const userData = tempFolder("copydesk-embargo-user-");
  const windows = new FakeWindows();
  const backend = new Backend({ userDataDir: userData.dir, dialogs, windows, notify: windows.notify, appInfo: { name: "Copydesk", version: "0", platform: "linux" } });
  windows.attach({ backend });
  const context = { windowId: "w1" };
  let handle = "";
  beforeAll(async () => {
    const opened = await backend.handle("document:new", {}, context);
    if (opened.ok) handle = (opened.value as { handle: string }).handle;
  });
  afterAll(async () => {
    await backend.dispose();
    userData.cleanup();
  });

  it("refuses in main an export marked published before the embargo, whatever the window checked", async () => {
    const folder = join(dir, "main-refused");
    dialogs.queue({ kind: "folder", path: folder });
    const answer = await backend.handle("export:run", { handle, article: articleToJSON(seed()), formats: ["txt"], published: true }, context);
    expect(answer).toMatchObject({ ok: false, error: { code: "invalid-article", details: [expect.stringContaining("cannot be exported as published")] } });
    expect(existsSync(folder)).toBe(false);
  });

  it("writes the embargo line in the newsroom's time zone and lets the ednote travel as the settings say", async () => {
    const set = await backend.handle(
      "settings:set",
      { newsroom: { copyrightHolder: "", copyrightNotice: "", usageTerms: "", timeZone: "America/New_York", exportEdnote: true } },
      context,
    );
    expect(set.ok).toBe(true);
    const folder = join(dir, "settings");
    dialogs.queue({ kind: "folder", path: folder });
    const article = seed();
    const answer = await backend.handle(
      "export:run",
      { handle, article: articleToJSON({ ...article, meta: { ...article.meta, ednote: "Check the figures" } }), formats: ["txt", "ninjs"] },
      context,
    );
    if (!answer.ok) throw new Error(answer.error.message);
    const files = (answer.value as { files: string[] }).files;
    expect(readFileSync(files[0], "utf8").split("\n")[0]).toBe("EMBARGOED UNTIL 04:00 EST 1 Jan 2030");
    expect(JSON.parse(readFileSync(files[1], "utf8")).ednote).toBe("Check the figures");
  });

  it("answers the moment of an export marked published, which its files carry", async () => {
    const folder = join(dir, "main-published");
    dialogs.queue({ kind: "folder", path: folder });
    const answer = await backend.handle("export:run", { handle, article: articleToJSON(seed(null)), formats: ["ninjs"], published: true }, context);
    if (!answer.ok) throw new Error(answer.error.message);
    const value = answer.value as Extract<ExportResult, { files: string[] }>;
    expect(value.published).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(JSON.parse(readFileSync(value.files[0], "utf8")).pubstatus).toBe("usable");
  });
});
