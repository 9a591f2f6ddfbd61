import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serializeArticle } from "../../../shared/article-file";
import { article } from "../../unit/services/helpers";
import type { Copydesk } from "../support/copydesk";
import { expect, readArticle, test } from "../support/fixtures";

// A colleague changes the file on a shared drive while the journalist has unsaved changes: the
// window asks at once and keeps the typing unless told otherwise; Save then asks Overwrite /
// Save as Copy / Reload from Disk, and each does what it says.

const textOf = (path: string) => JSON.stringify(readArticle(path).doc);

/// The journalist opens the story and types, a colleague saves their own version, and the
/// journalist keeps theirs when the window asks.
async function conflictingEdits(copydesk: Copydesk, workDir: string): Promise<string> {
  const path = join(workDir, "harbour.article");
  writeFileSync(path, serializeArticle(article("Harbour reopens", "First paragraph.")));
  await copydesk.open(path);
  await copydesk.expectMessage(/Opened harbour\.article/);
  await copydesk.typeInBody(" Local words.");
  writeFileSync(path, serializeArticle(article("Colleague's version", "Their paragraph.")));
  await copydesk.diskChangeDialog().getByRole("button", { name: "Keep My Version" }).click();
  await copydesk.expectMessage(/Your version is kept/);
  return path;
}

test("the file changes on disk while the journalist types: the typing is kept and the journalist is asked", async ({ copydesk, workDir }) => {
  const path = join(workDir, "harbour.article");
  writeFileSync(path, serializeArticle(article("Harbour reopens", "First paragraph.")));
  await copydesk.open(path);
  await copydesk.expectMessage(/Opened harbour\.article/);
  await copydesk.typeInBody(" Typed before.");
  writeFileSync(path, serializeArticle(article("Colleague's version", "Their paragraph.")));
  await copydesk.page.keyboard.type(" Typed while the question came.");

  const asked = copydesk.diskChangeDialog();
  await expect(asked).toContainText("harbour.article was changed by another program.");
  await expect(copydesk.bodyBlocks().last()).toContainText("First paragraph. Typed before.");
  await asked.getByRole("button", { name: "Keep My Version" }).click();
  await expect(copydesk.bodyBlocks().last()).toContainText("Typed before.");
  await expect(copydesk.bodyBlocks().last()).toContainText("Typed while the question came.");
  await copydesk.expectTitle("• harbour.article — Copydesk");
});

test("the file changes on disk and the journalist takes that version: it is loaded", async ({ copydesk, workDir }) => {
  const path = join(workDir, "harbour.article");
  writeFileSync(path, serializeArticle(article("Harbour reopens", "First paragraph.")));
  await copydesk.open(path);
  await copydesk.typeInBody(" Mine.");
  writeFileSync(path, serializeArticle(article("Colleague's version", "Their paragraph.")));
  await copydesk.diskChangeDialog().getByRole("button", { name: "Load Version on Disk" }).click();
  await expect(copydesk.field("headline")).toHaveText("Colleague's version");
  await copydesk.expectTitle("harbour.article — Copydesk");
});

test("the file changes on disk and the window has no edits: it reloads without asking", async ({ copydesk, workDir }) => {
  const path = join(workDir, "harbour.article");
  writeFileSync(path, serializeArticle(article("Harbour reopens", "First paragraph.")));
  await copydesk.open(path);
  await copydesk.expectMessage(/Opened harbour\.article/);
  writeFileSync(path, serializeArticle(article("Colleague's version", "Their paragraph.")));
  await expect(copydesk.field("headline")).toHaveText("Colleague's version");
  await copydesk.expectMessage(/changed by another program\. It has been reloaded\./);
  await expect(copydesk.diskChangeDialog()).toHaveCount(0);
});

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
