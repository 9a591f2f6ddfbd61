import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArticleFile } from "../../../shared/article-file";
import { expect, test, testIdentity } from "../support/fixtures";

// Notes of the desk's review, in the newsroom's words: a note on words of the story, a reply, a
// desk note, resolving; the file holds the threads and their authors, and they come back when it
// is opened again. And the first start, which asks who is writing.

const reread = (path: string) => {
  const parsed = parseArticleFile(readFileSync(path));
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  return parsed.article;
};

test("a note is added, answered and resolved; saved, the file holds the thread, and it comes back on opening", async ({ copydesk, launch, workDir }, testInfo) => {
  await copydesk.setHeadline("US speeds up arms sales to Iraq");
  await copydesk.typeInBody("The United States will speed up arms sales to Iraq, officials said on Tuesday.");

  await copydesk.addNote("speed up arms sales", "Which officials said so? Name them.");
  const marks = copydesk.page.locator(".article-editor .note-mark");
  await expect(marks).toHaveText(["speed up arms sales"]);
  await copydesk.undo();
  await expect(marks).toHaveCount(0);
  await expect(copydesk.note("Which officials")).toHaveCount(0);
  await copydesk.redo();
  await expect(marks).toHaveText(["speed up arms sales"]);
  await expect(copydesk.note("Which officials")).toBeVisible();

  await copydesk.addDeskNote("Cut to 600 words before six.");
  await copydesk.reply("Which officials", "A State Department spokesman, on the record.");

  // Typing after the note moves no note: the margin is not laid out again (read once the
  // margin has had its frame, so a layout the reply asked for is counted before).
  const layoutsNow = async () => {
    await copydesk.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    return copydesk.notesMargin().getAttribute("data-layouts");
  };
  const layouts = await layoutsNow();
  await copydesk.typeInBody(" More to come");
  await expect(copydesk.bodyBlocks().last()).toContainText("More to come");
  expect(await layoutsNow()).toBe(layouts);

  // The cursor in the note's words brings its card forward.
  await marks.first().click();
  await expect(copydesk.note("Which officials")).toHaveClass(/active/);
  await copydesk.page.screenshot({ path: testInfo.outputPath("notes-margin.png") });
  await copydesk.resolve("Which officials");

  const path = join(workDir, "arms.article");
  await copydesk.save(path);
  const saved = reread(path);
  const threads = Object.values(saved.review!.notes);
  const note = threads.find((t) => t.anchor === "text")!;
  expect(note).toMatchObject({ quote: "speed up arms sales", body: "Which officials said so? Name them.", author: testIdentity.id });
  expect(note.replies.map((r) => r.body)).toEqual(["A State Department spokesman, on the record."]);
  expect(note.resolved?.by).toBe(testIdentity.id);
  expect(threads.find((t) => t.anchor === "article")?.body).toBe("Cut to 600 words before six.");
  expect(saved.review!.people[testIdentity.id]).toMatchObject({ name: "Test Reporter", initials: "TR" });
  expect(JSON.stringify(saved.doc.toJSON())).toContain('"type":"note"');

  await copydesk.target.close();
  const again = await launch();
  await again.open(path);
  await again.expectMessage(/Opened arms\.article/);
  await expect(again.note("Which officials")).toHaveClass(/resolved/);
  await expect(again.note("Cut to 600 words")).toBeVisible();
  await expect(again.page.locator(".article-editor .note-mark")).toHaveText(["speed up arms sales"]);
});

test.describe("on first start", () => {
  test.use({ identity: null });

  test("asks who is writing, keeps it in Settings, and signs the notes with it", async ({ copydesk, userDataDir }) => {
    const welcome = copydesk.dialog("Welcome to Copydesk");
    await expect(welcome).toBeVisible();
    await welcome.getByLabel("Your name").fill("Amira Haddad");
    await welcome.getByRole("button", { name: "Save" }).click();
    await copydesk.expectMessage("Your notes are signed Amira Haddad (AH).");
    const settings = JSON.parse(readFileSync(join(userDataDir, "settings.json"), "utf8")) as { identity: { name: string; initials: string } };
    expect(settings.identity).toMatchObject({ name: "Amira Haddad", initials: "AH" });

    await copydesk.setHeadline("Fallujah");
    await copydesk.addNote("Fallujah", "Spell it as AFP does.");
    await expect(copydesk.note("Spell it")).toContainText("Amira Haddad");
  });
});
