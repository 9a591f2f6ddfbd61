import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArticleFile } from "../../../shared/article-file";
import type { Article } from "../../../shared/article";
import { ExportDialog } from "../support/export-dialog";
import { expect, test, testIdentity, type Identity } from "../support/fixtures";
import type { Copydesk } from "../support/copydesk";

// The hand-off, in the newsroom's words: a reporter files a story; an editor on the desk opens it,
// suggests edits in the headline and the body, adds a note and a desk note, and saves; the
// reporter opens it again, sees both people's marks, replies to the note, accepts one suggestion,
// rejects another and resolves the note. The file on disk then holds exactly the expected text,
// threads and versions. The same story goes once more with Word in the middle: the editor's
// review travels as comments and tracked changes in a .docx, and comes back.

const editor: Identity = { id: "p-e2e-editor", name: "Sam Desk", initials: "SD" };

const reread = (path: string): Article => {
  const parsed = parseArticleFile(readFileSync(path));
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  return parsed.article;
};
const bodyText = (article: Article) => article.doc.child(5).textContent;
const headlineText = (article: Article) => article.doc.child(1).textContent;

/// The reporter files: headline and two paragraphs, saved.
async function file(reporter: Copydesk, path: string): Promise<void> {
  await reporter.setHeadline("US speeds up arms sales to Iraq");
  await reporter.typeInBody("The United States will speed up deliveries of missiles to Iraq, officials said on Tuesday.");
  await reporter.addParagraph("The drones are expected in March.");
  await reporter.save(path);
}

/// The editor's review: two suggestions (headline, body), a deletion, a note and a desk note.
async function review(desk: Copydesk): Promise<void> {
  await desk.suggest("speeds up", "accelerates");
  await desk.suggest("on Tuesday", "");
  await desk.suggest("in March", "by March");
  await desk.setSuggesting(false);
  await desk.addNote("officials said", "Which officials? Name them.");
  await desk.addDeskNote("Hold for legal until five.");
  // Both people's marks: the editor's suggestions in the editor's colour beside the reporter's words.
  await expect(desk.suggestion("accelerates")).toContainText("Sam Desk");
}

/// The reporter answers the review: reply, accept, reject, accept, resolve. Word keeps a
/// replacement as two revisions (a deletion and an insertion), so after Word each is accepted.
async function answer(reporter: Copydesk, viaWord = false): Promise<void> {
  await expect(reporter.suggestion("accelerates")).toContainText("Sam Desk");
  await expect(reporter.note("Which officials")).toContainText("Sam Desk");
  await reporter.reply("Which officials", "A State Department spokesman, on the record.");
  await reporter.accept("accelerates");
  if (viaWord) await reporter.accept("speeds up");
  await reporter.reject("on Tuesday");
  await reporter.accept("by");
  if (viaWord) await reporter.accept("in");
  await reporter.resolve("Which officials");
}

test("a story goes to the desk and back: suggestions, notes, replies, accepted and rejected", async ({ copydesk, launch, workDir }, testInfo) => {
  const path = join(workDir, "arms.article");
  await file(copydesk, path);
  await copydesk.target.close();

  const desk = await launch({ as: editor });
  await desk.open(path);
  await desk.expectMessage(/Opened arms\.article/);
  await review(desk);
  // The README's picture of notes and suggestions in the margin (docs/images/review-margin.png).
  await desk.page.screenshot({ path: testInfo.outputPath("review-margin.png") });
  await desk.save();
  const reviewed = reread(path);
  expect(Object.values(reviewed.review!.suggestions).map((s) => s.author)).toEqual([editor.id, editor.id, editor.id]);
  // The file still holds the reporter's words: suggestions are proposals.
  expect(bodyText(reviewed)).toContain("on Tuesday");
  await desk.target.close();

  const reporter = await launch({ as: testIdentity });
  await reporter.open(path);
  await answer(reporter);
  await reporter.save();

  const final = reread(path);
  expect(headlineText(final)).toBe("US accelerates arms sales to Iraq");
  expect(bodyText(final)).toBe("The United States will speed up deliveries of missiles to Iraq, officials said on Tuesday.The drones are expected by March.");
  expect(final.review!.suggestions).toEqual({});
  expect(JSON.stringify(final.doc.toJSON())).not.toMatch(/"(insertion|deletion)"/);
  const threads = Object.values(final.review!.notes);
  const note = threads.find((t) => t.anchor === "text")!;
  expect(note).toMatchObject({ quote: "officials said", body: "Which officials? Name them.", author: editor.id, resolved: { by: testIdentity.id } });
  expect(note.replies).toMatchObject([{ author: testIdentity.id, body: "A State Department spokesman, on the record." }]);
  expect(threads.find((t) => t.anchor === "article")).toMatchObject({ body: "Hold for legal until five.", author: editor.id, resolved: null });
  expect(Object.keys(final.review!.people).sort()).toEqual([editor.id, testIdentity.id].sort());
  // A version on each save whose text changed: the reporter's, the editor's (a hand-off takes one
  // even within ten minutes), the reporter's again.
  expect(final.review!.versions.map((v) => v.author)).toEqual([testIdentity.id, editor.id, testIdentity.id]);
});

test("the same hand-off with Word in the middle: the review travels as comments and tracked changes", async ({ copydesk, launch, workDir }) => {
  const path = join(workDir, "arms.article");
  await file(copydesk, path);
  await copydesk.target.close();

  const desk = await launch({ as: editor });
  await desk.open(path);
  await review(desk);
  const exports = join(workDir, "to-word");
  const dialog = new ExportDialog(desk);
  await dialog.open();
  await dialog.choose(["docx"]);
  await dialog.exportTo(exports);
  const docx = join(exports, readdirSync(exports).find((name) => name.endsWith(".docx"))!);
  await desk.target.close();

  const reporter = await launch({ as: testIdentity });
  await reporter.target.answerDialogs({ kind: "open", path: docx });
  await reporter.target.menuCommand("import");
  await reporter.expectMessage(/^Imported/);
  await answer(reporter, true);
  const back = join(workDir, "from-word.article");
  await reporter.saveAs(back);

  const final = reread(back);
  expect(headlineText(final)).toBe("US accelerates arms sales to Iraq");
  expect(bodyText(final)).toBe("The United States will speed up deliveries of missiles to Iraq, officials said on Tuesday.The drones are expected by March.");
  expect(final.review!.suggestions).toEqual({});
  const note = Object.values(final.review!.notes).find((t) => t.body === "Which officials? Name them.")!;
  expect(note.resolved).not.toBeNull();
  expect(note.replies.map((r) => r.body)).toEqual(["A State Department spokesman, on the record."]);
  expect(Object.values(final.review!.notes).some((t) => t.body === "Hold for legal until five.")).toBe(true);
  expect(Object.values(final.review!.people).map((p) => p.name)).toContain("Sam Desk");
});
