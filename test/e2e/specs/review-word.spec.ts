import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { ExportDialog } from "../support/export-dialog";
import { expect, test, testIdentity } from "../support/fixtures";

// An editor sends a story under review to a colleague who works in Word: the export dialog says the
// Word document carries the notes (and refuses open notes nowhere), the .docx holds them as Word
// comments by the editor, and importing it gives the notes back on the same words, by the editor.

test("notes go to Word as comments and come back from it as notes", async ({ copydesk, launch, workDir }) => {
  await copydesk.setHeadline("US speeds up arms sales to Iraq");
  await copydesk.typeInBody("The United States will speed up arms sales to Iraq, officials said on Tuesday.");
  await copydesk.addNote("officials said", "Which officials? Name them.");
  await copydesk.addDeskNote("Hold for legal until five.");

  const exportDialog = new ExportDialog(copydesk);
  await exportDialog.open();
  await exportDialog.choose(["html", "docx"]);
  await expect(exportDialog.warnings()).toContainText(["The article has 2 open notes; only the Word document carries them, as comments."]);
  await exportDialog.choose(["docx"]);
  await expect(exportDialog.errors()).toHaveCount(0);
  await expect(exportDialog.warnings()).toContainText(["The article has 2 open notes; the Word document carries them as comments."]);
  const folder = join(workDir, "to-word");
  await exportDialog.exportTo(folder);

  const docx = join(folder, readdirSync(folder).find((name) => name.endsWith(".docx"))!);
  const comments = await (await JSZip.loadAsync(readFileSync(docx))).file("word/comments.xml")!.async("string");
  expect(comments).toContain(`w:author="${testIdentity.name}"`);
  expect(comments).toContain("Which officials? Name them.");
  expect(comments).toContain("Hold for legal until five.");

  await copydesk.target.close();

  // The colleague imports the Word file (in a window of their own): the notes are the editor's.
  const colleague = await launch({ as: { id: "p-e2e-colleague", name: "Sam Desk", initials: "SD" } });
  await colleague.target.answerDialogs({ kind: "open", path: docx });
  await colleague.target.menuCommand("import");
  await colleague.expectMessage(/^Imported/);
  await expect(colleague.note("Which officials")).toContainText(testIdentity.name);
  const article = await colleague.documentJson();
  const threads = Object.values(article.review!.notes);
  expect(threads.map((t) => [t.anchor, t.quote, t.body]).sort()).toEqual([
    ["article", "", "Hold for legal until five."],
    ["text", "officials said", "Which officials? Name them."],
  ]);
  expect(Object.values(article.review!.people).map((p) => p.name)).toEqual([testIdentity.name]);
});
