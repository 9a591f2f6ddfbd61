import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArticleFile } from "../../../shared/article-file";
import type { Article } from "../../../shared/article";
import { expect, test, testIdentity, type Identity } from "../support/fixtures";

// The story's workflow in the newsroom's words: a reporter files the story to the desk with a
// note; the editor opens it, reads who filed it and the note in the History panel, and sends it
// back with what to do; undoing a change of status takes back the status, its log entry and its
// note together. The file on disk holds each change: the status, who and when, and the note.

const editor: Identity = { id: "p-e2e-editor", name: "Sam Desk", initials: "SD" };

const reread = (path: string): Article => {
  const parsed = parseArticleFile(readFileSync(path));
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  return parsed.article;
};

test("a reporter files to the desk and the desk sends the story back, each change recorded", async ({ copydesk, launch, workDir }) => {
  const path = join(workDir, "floods.article");
  await copydesk.setHeadline("Floods close the coast road");
  await copydesk.typeInBody("The road between the two towns was closed on Sunday.");
  await expect(copydesk.statusChip()).toHaveText("Draft");
  await copydesk.fileToDesk("Police figures checked with the prefecture.", "key");
  await copydesk.save(path);

  const filed = reread(path);
  expect(filed.meta.status).toBe("filed");
  const [change] = filed.review!.workflow;
  expect(change).toMatchObject({ status: "filed", by: testIdentity.id });
  expect(filed.review!.people[testIdentity.id].name).toBe(testIdentity.name);
  expect(filed.review!.notes[change.note!]).toMatchObject({ anchor: "article", body: "Police figures checked with the prefecture." });
  // The change of status took a version that says so.
  expect(filed.review!.versions.at(-1)).toMatchObject({ reason: "status", author: testIdentity.id });
  await copydesk.target.close();

  const desk = await launch({ as: editor });
  await desk.open(path);
  await expect(desk.statusChip()).toHaveText("Filed");
  const history = await desk.openHistory();
  const log = history.getByRole("list", { name: "Status" });
  await expect(log.getByRole("listitem")).toHaveCount(1);
  await expect(log.getByRole("listitem").first()).toContainText("Filed");
  await expect(log.getByRole("listitem").first()).toContainText(testIdentity.name);
  await expect(log.getByRole("listitem").first()).toContainText("Police figures checked with the prefecture.");

  await desk.sendBack("Needs a second source for the closure.");
  await expect(log.getByRole("listitem")).toHaveCount(2);
  await expect(log.getByRole("listitem").first()).toContainText(`Draft${editor.name}`);
  // One undo takes the status, its entry and its note back together; redo brings them again.
  await desk.undo();
  await expect(desk.statusChip()).toHaveText("Filed");
  await expect(log.getByRole("listitem")).toHaveCount(1);
  await desk.redo();
  await expect(desk.statusChip()).toHaveText("Draft");
  await desk.save();

  const back = reread(path);
  expect(back.meta.status).toBe("draft");
  expect(back.review!.workflow.map((w) => [w.status, back.review!.people[w.by].name])).toEqual([
    ["filed", testIdentity.name],
    ["draft", editor.name],
  ]);
  expect(back.review!.notes[back.review!.workflow[1].note!].body).toBe("Needs a second source for the closure.");
});

test("the status chooser records the change too, and offers Published only after a published export", async ({ copydesk, workDir }) => {
  const path = join(workDir, "status.article");
  await copydesk.setHeadline("Port strike ends");
  await copydesk.setMeta({ status: "in-edit" });
  await expect(copydesk.statusChip()).toHaveText("In edit");
  const options = await copydesk.page.locator("#meta-status option").allTextContents();
  expect(options).toEqual(["Draft", "Filed", "In edit", "Ready", "Held", "Killed"]);
  await copydesk.save(path);
  expect(reread(path).review!.workflow).toMatchObject([{ status: "in-edit", by: testIdentity.id, note: null }]);
});

test("the title bar shows an embargo still to come in local time", async ({ copydesk }) => {
  await copydesk.setMeta({ embargo: "2030-05-01T09:30" });
  await expect(copydesk.statusChip()).toContainText("Embargoed until");
  // The chip shows the local time the journalist typed, never the UTC form.
  await expect(copydesk.statusChip()).toHaveText(/^Draft · Embargoed until .*\b0?9:30\b/);
  await expect(copydesk.statusChip()).not.toContainText("T09:30");
});
