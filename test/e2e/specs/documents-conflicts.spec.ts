import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serializeArticle } from "../../../shared/article-file";
import { article } from "../../unit/services/helpers";
import type { Copydesk } from "../support/copydesk";
import { expect, readArticle, test } from "../support/fixtures";

// A colleague changes the file on a shared drive while the journalist has unsaved changes:
// Save asks Overwrite / Save as Copy / Reload from Disk, and each does what it says.

const textOf = (path: string) => JSON.stringify(readArticle(path).doc);

/// The journalist opens the story and types, then a colleague saves their own version.
async function conflictingEdits(copydesk: Copydesk, workDir: string): Promise<string> {
  const path = join(workDir, "harbour.article");
  writeFileSync(path, serializeArticle(article("Harbour reopens", "First paragraph.")));
  await copydesk.open(path);
  await copydesk.expectMessage(/Opened harbour\.article/);
  await copydesk.typeInBody(" Local words.");
  await copydesk.page.waitForTimeout(800);
  writeFileSync(path, serializeArticle(article("Colleague's version", "Their paragraph.")));
  return path;
}

test("Overwrite replaces the colleague's version with mine", async ({ copydesk, workDir }) => {
  const path = await conflictingEdits(copydesk, workDir);
  await copydesk.target.answerDialogs({ kind: "ask", button: "Overwrite" });
  await copydesk.page.keyboard.press("ControlOrMeta+S");
  await copydesk.expectMessage(/Saved/);

  expect(textOf(path)).toContain("First paragraph. Local words.");
  const asked = (await copydesk.target.dialogLog()).filter((d) => d.kind === "ask");
  expect(asked[0].buttons).toEqual(["Overwrite", "Save as Copy…", "Reload from Disk", "Cancel"]);
  expect(asked[0].message).toContain("harbour.article");
});

test("Save as Copy keeps both versions", async ({ copydesk, workDir }) => {
  const path = await conflictingEdits(copydesk, workDir);
  const copy = join(workDir, "harbour copy.article");
  await copydesk.target.answerDialogs({ kind: "ask", button: "Save as Copy…" }, { kind: "save", path: copy });
  await copydesk.page.keyboard.press("ControlOrMeta+S");
  await copydesk.expectMessage(/Saved/);

  expect(textOf(path)).toContain("Their paragraph.");
  expect(textOf(copy)).toContain("First paragraph. Local words.");
  await expect(copydesk.page).toHaveTitle(/^harbour copy\.article — Copydesk$/);
});

test("Reload from Disk drops my changes only after a second confirmation", async ({ copydesk, workDir }) => {
  const path = await conflictingEdits(copydesk, workDir);
  const before = readFileSync(path);
  await copydesk.target.answerDialogs({ kind: "ask", button: "Reload from Disk" }, { kind: "ask", button: "Cancel" });
  await copydesk.page.keyboard.press("ControlOrMeta+S");
  await expect.poll(async () => (await copydesk.target.dialogLog()).filter((d) => d.kind === "ask").length).toBe(2);
  expect(readFileSync(path)).toEqual(before);

  await copydesk.target.answerDialogs({ kind: "ask", button: "Reload from Disk" }, { kind: "ask", button: "Drop Changes and Reload" });
  await copydesk.page.keyboard.press("ControlOrMeta+S");
  await expect.poll(async () => (await copydesk.target.dialogLog()).filter((d) => d.kind === "ask").length).toBe(4);
  const log = (await copydesk.target.dialogLog()).filter((d) => d.kind === "ask");
  expect(log[3].message).toMatch(/Drop your changes to “harbour\.article” and reload it from disk\?/);
  expect(readFileSync(path)).toEqual(before);
});
