import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleToJSON, type Article } from "../../../shared/article";
import { parseArticleFile } from "../../../shared/article-file";
import type { ExportResult, Settings } from "../../../shared/ipc";
import { Backend } from "../../../electron/services/backend";
import {
  existingNames,
  exportToFolder,
  numberedName,
  renderAll,
  withFreeNames,
  writeExportSet,
} from "../../../electron/services/exports";
import { seedArticlePath } from "../../support/seed-article";
import { FakeWindows } from "./fake-windows";
import { ScriptedDialogs, tempFolder } from "./helpers";

// Exporting over files already in the folder: main finds them (names, never paths), the app asks,
// and writes over them or beside them under one free number for the whole set.

const { dir, cleanup } = tempFolder("copydesk-export-existing-");
afterAll(cleanup);

const slug = "us-speeds-up-arms-sales-to-iraq-amid-jihadist-resurgence";

function seed(): Article {
  const result = parseArticleFile(readFileSync(seedArticlePath));
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.article;
}

/// A fresh folder under the test's, holding these files (each with the text "old").
function folderWith(name: string, ...files: string[]): string {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  for (const file of files) writeFileSync(join(folder, file), "old");
  return folder;
}

describe("numberedName", () => {
  it("puts the number before the format's whole extension", () => {
    expect(numberedName("story.html", "html", 2)).toBe("story (2).html");
    expect(numberedName("story.nitf.xml", "nitf.xml", 3)).toBe("story (3).nitf.xml");
    expect(numberedName("story.ninjs.json", "ninjs.json", 12)).toBe("story (12).ninjs.json");
    expect(numberedName("v1.2 final.txt", "txt", 2)).toBe("v1.2 final (2).txt");
  });

  it("numbers the end of a name that lacks the extension rather than losing any of it", () => {
    expect(numberedName("story", "html", 2)).toBe("story (2)");
  });
});

describe("withFreeNames", () => {
  const files = [
    { format: "html" as const, name: "story.html", contents: "" },
    { format: "nitf" as const, name: "story.nitf.xml", contents: "" },
  ];
  const takenAmong = (names: string[]) => async (path: string) => names.some((name) => path.endsWith(`/${name}`) || path.endsWith(`\\${name}`));

  it("gives every file of the set the same first number under which none is taken", async () => {
    const named = await withFreeNames(files, "/out", takenAmong(["story.html", "story (2).nitf.xml", "story (3).html"]));
    expect(named.map((f) => f.name)).toEqual(["story (4).html", "story (4).nitf.xml"]);
  });

  it("starts at 2 even when only one of the plain names was taken", async () => {
    const named = await withFreeNames(files, "/out", takenAmong(["story.nitf.xml"]));
    expect(named.map((f) => f.name)).toEqual(["story (2).html", "story (2).nitf.xml"]);
  });

  it("keeps each file's format and contents", async () => {
    const named = await withFreeNames([{ format: "txt", name: "a.txt", contents: "words" }], "/out", async () => false);
    expect(named).toEqual([{ format: "txt", name: "a (2).txt", contents: "words" }]);
  });

  it("gives up with a message when every number is taken", async () => {
    await expect(withFreeNames(files, "/out", async () => true)).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/numbered copies/) });
  });

  it("asks the real folder: a file or a folder of that name is taken", async () => {
    const folder = folderWith("free-real", "story.html", "story (2).nitf.xml");
    mkdirSync(join(folder, "story (3).html"));
    expect((await withFreeNames(files, folder)).map((f) => f.name)).toEqual(["story (4).html", "story (4).nitf.xml"]);
  });
});

describe("existingNames", () => {
  it("answers the names already in the folder, in the export's order, without their paths", async () => {
    const folder = folderWith("check", "b.txt", "c.md", "unrelated.html");
    expect(await existingNames(folder, ["a.html", "b.txt", "c.md"])).toEqual(["b.txt", "c.md"]);
  });

  it("finds nothing in a folder that does not exist yet", async () => {
    expect(await existingNames(join(dir, "not-yet", "deeper"), ["a.html"])).toEqual([]);
  });
});

describe("writeExportSet", () => {
  async function rendered() {
    return renderAll(seed(), ["txt", "md"]);
  }

  it("asks: writes nothing and answers the names when some are taken", async () => {
    const folder = folderWith("ask", `${slug}.md`);
    const { files, pdfHtml } = await rendered();
    expect(await writeExportSet(files, pdfHtml, folder, "ask")).toEqual({ existing: [`${slug}.md`] });
    expect(readdirSync(folder)).toEqual([`${slug}.md`]);
    expect(readFileSync(join(folder, `${slug}.md`), "utf8")).toBe("old");
  });

  it("asks nothing when nothing is in the way", async () => {
    const folder = folderWith("ask-free");
    const { files, pdfHtml } = await rendered();
    const result = await writeExportSet(files, pdfHtml, folder, "ask");
    expect(result).toEqual({ files: [join(folder, `${slug}.txt`), join(folder, `${slug}.md`)] });
  });

  it("replaces: writes over the files there", async () => {
    const folder = folderWith("replace", `${slug}.md`);
    const { files, pdfHtml } = await rendered();
    await writeExportSet(files, pdfHtml, folder, "replace");
    expect(readdirSync(folder).sort()).toEqual([`${slug}.md`, `${slug}.txt`]);
    expect(readFileSync(join(folder, `${slug}.md`), "utf8")).toContain("Middle East");
  });

  it("keeps both: the old files stay as they were and the new set shares one number", async () => {
    const folder = folderWith("keep-both", `${slug}.md`, `${slug} (2).txt`);
    const { files, pdfHtml } = await rendered();
    const result = await writeExportSet(files, pdfHtml, folder, "keep-both");
    expect(result).toEqual({ files: [join(folder, `${slug} (3).txt`), join(folder, `${slug} (3).md`)] });
    expect(readFileSync(join(folder, `${slug}.md`), "utf8")).toBe("old");
    expect(readFileSync(join(folder, `${slug} (2).txt`), "utf8")).toBe("old");
    expect(readFileSync(join(folder, `${slug} (3).md`), "utf8")).toContain("Middle East");
  });

  it("refuses (the command line's choice) through exportToFolder with the names as details", async () => {
    const folder = folderWith("refuse", `${slug}.txt`);
    await expect(exportToFolder(seed(), ["txt", "md"], folder, { existing: "refuse" })).rejects.toMatchObject({ code: "conflict", details: [`${slug}.txt`] });
    expect(readdirSync(folder)).toEqual([`${slug}.txt`]);
  });
});

describe("the export:run channel with files already in the folder", () => {
  const dialogs = new ScriptedDialogs();
  const userData = tempFolder("copydesk-export-existing-user-");
  const windows = new FakeWindows();
  const shown: string[] = [];
  const backend = new Backend({
    userDataDir: userData.dir,
    dialogs,
    windows,
    notify: windows.notify,
    appInfo: { name: "Copydesk", version: "0", platform: "linux" },
    showItemInFolder: (path) => void shown.push(path),
  });
  windows.attach({ backend });
  afterAll(async () => {
    await backend.dispose();
    userData.cleanup();
  });
  const context = { windowId: "w1" };
  let handle = "";
  beforeAll(async () => {
    const opened = await backend.handle("document:new", {}, context);
    if (opened.ok) handle = (opened.value as { handle: string }).handle;
  });
  const run = async (request: Record<string, unknown>) => {
    const answer = await backend.handle("export:run", { handle, article: articleToJSON(seed()), ...request }, context);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value as ExportResult | null;
  };

  it("answers the names already there and a token for the folder, writes nothing and remembers nothing", async () => {
    const folder = folderWith("channel", `${slug}.txt`);
    dialogs.queue({ kind: "folder", path: folder });
    const answer = await run({ formats: ["txt", "md"] });
    expect(answer).toEqual({ existing: [`${slug}.txt`], folder: expect.any(String) });
    expect(readdirSync(folder)).toEqual([`${slug}.txt`]);
    const settings = (await backend.handle("settings:get", {}, context)) as { ok: true; value: Settings };
    expect(settings.value.exportFolder).toBeNull();
  });

  it("exports again into that folder by its token with the choice: keep both, then replace", async () => {
    const folder = join(dir, "channel");
    dialogs.queue({ kind: "folder", path: folder });
    const asked = (await run({ formats: ["txt", "md"] })) as { folder: string };
    const kept = await run({ formats: ["txt", "md"], folder: asked.folder, existing: "keep-both" });
    expect(kept).toEqual({ files: [join(folder, `${slug} (2).txt`), join(folder, `${slug} (2).md`)] });
    expect(readFileSync(join(folder, `${slug}.txt`), "utf8")).toBe("old");

    const replaced = await run({ formats: ["txt"], folder: asked.folder, existing: "replace" });
    expect(replaced).toEqual({ files: [join(folder, `${slug}.txt`)] });
    expect(readFileSync(join(folder, `${slug}.txt`), "utf8")).toContain("Middle East");
    const settings = (await backend.handle("settings:get", {}, context)) as { ok: true; value: Settings };
    expect(settings.value.exportFolder).toMatchObject({ path: folder });
  });

  it("Export Again into the remembered folder asks too", async () => {
    const settings = (await backend.handle("settings:get", {}, context)) as { ok: true; value: Settings };
    const again = await run({ formats: ["txt", "md"], folder: settings.value.exportFolder!.token });
    expect(again).toEqual({ existing: [`${slug}.txt`], folder: settings.value.exportFolder!.token });
  });

  it("refuses a choice that is not one of the answers", async () => {
    const answer = await backend.handle("export:run", { handle, article: articleToJSON(seed()), formats: ["txt"], existing: "overwrite" }, context);
    expect(answer).toMatchObject({ ok: false, error: { code: "invalid-request" } });
  });

  it("shows the first file of the window's last export in the file manager, and only that window's", async () => {
    await expect(backend.handle("export:show-in-folder", {}, { windowId: "w2" })).resolves.toMatchObject({ ok: false, error: { code: "not-found" } });
    expect(await backend.handle("export:show-in-folder", {}, context)).toEqual({ ok: true, value: null });
    expect(shown).toEqual([join(dir, "channel", `${slug}.txt`)]);
    expect(await backend.handle("export:show-in-folder", { path: "/etc" }, context)).toMatchObject({ ok: false, error: { code: "invalid-request" } });
  });
});
