import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ExportDialog, exportTimeout } from "../support/export-dialog";
import { expect, test } from "../support/fixtures";

// An editor exports a story the desk is still reviewing: the export dialog warns that notes are
// open, and the files (PDF printed by Chromium included) carry the story without any note.

test("open notes are a warning in the export dialog, and no exported file carries them", async ({ copydesk, workDir }) => {
  await copydesk.setHeadline("US speeds up arms sales to Iraq");
  await copydesk.typeInBody("The United States will speed up arms sales to Iraq, officials said on Tuesday.");
  await copydesk.addNote("speed up arms sales", "Which officials said so? Name them.");
  await copydesk.addDeskNote("Hold for the lawyers before six.");

  const exportDialog = new ExportDialog(copydesk);
  await exportDialog.open();
  await expect(exportDialog.errors()).toHaveCount(0);
  await expect(exportDialog.warnings()).toContainText(["The article has 2 open notes; notes are not exported."]);
  await exportDialog.choose(["html", "txt", "pdf"]);
  await exportDialog.exportTo(workDir);

  const files = readdirSync(workDir).filter((f) => f.startsWith("US speeds up"));
  expect(files.sort()).toEqual(["html", "pdf", "txt"].map((ext) => `US speeds up arms sales to Iraq.${ext}`));
  const path = (ext: string) => join(workDir, `US speeds up arms sales to Iraq.${ext}`);
  const texts = [readFileSync(path("html"), "utf8"), readFileSync(path("txt"), "utf8"), execFileSync("pdftotext", ["-layout", path("pdf"), "-"], { encoding: "utf8" })];
  for (const text of texts) {
    expect(text.replace(/\s+/g, " ")).toContain("will speed up arms sales to Iraq");
    expect(text).not.toContain("Which officials");
    expect(text).not.toContain("lawyers");
  }
});

test("open suggestions block the export until accepted: Accept All and Export accepts them (one undo step) and exports", async ({ copydesk, workDir }) => {
  await copydesk.setHeadline("US speeds up arms sales to Iraq");
  await copydesk.typeInBody("The United States will speed up arms sales to Iraq, officials said on Tuesday.");
  await copydesk.suggest(", officials said on Tuesday", "");
  await copydesk.suggest("speed up", "accelerate");
  await copydesk.setSuggesting(false);

  const exportDialog = new ExportDialog(copydesk);
  await exportDialog.open();
  await exportDialog.choose(["html", "txt"]);
  await expect(exportDialog.errors()).toContainText([/2 open suggestions/]);
  await copydesk.target.answerDialogs({ kind: "folder", path: workDir });
  await exportDialog.dialog.getByRole("button", { name: "Accept All and Export" }).click();
  await expect(exportDialog.dialog).toBeHidden({ timeout: exportTimeout });
  await copydesk.expectMessage(/^Exported 2 files/);

  const text = readFileSync(join(workDir, "US speeds up arms sales to Iraq.txt"), "utf8").replace(/\s+/g, " ");
  expect(text).toContain("will accelerate arms sales to Iraq.");
  expect(text).not.toContain("Tuesday");
  expect(text).not.toContain("speed up");
  // Accepting them all was one change, which Undo takes back: the suggestions are open again.
  await copydesk.page.locator(".article-editor").focus();
  await copydesk.undo();
  await expect(copydesk.suggestion("officials said on Tuesday")).toBeVisible();
});
