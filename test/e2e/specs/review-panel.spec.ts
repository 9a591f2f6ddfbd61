import AxeBuilder from "@axe-core/playwright";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createArticle, type Article } from "../../../shared/article";
import { parseArticleFile, serializeArticle } from "../../../shared/article-file";
import { personFrom } from "../../../shared/review/people";
import type { NoteThread } from "../../../shared/review/review";
import { schema } from "../../../shared/schema";
import { expect, test } from "../support/fixtures";

// The Review panel, in the newsroom's words: the reporter opens a story an editor (Amira Haddad)
// and a sub (Tom Li) reviewed, lists what is open, looks at the sub's part only, goes to a note
// and to a suggestion in the text, and accepts one suggestion from the panel.

const n = schema.nodes;
const ins = (id: string) => schema.marks.insertion.create({ id });
const del = (id: string) => schema.marks.deletion.create({ id });
const note = (id: string) => schema.marks.note.create({ id });
const at = (minute: number) => `2026-11-29T11:${String(minute).padStart(2, "0")}:00.000Z`;

/// The story as the desk left it, written as the file format writes it.
function reviewedStory(): Article {
  const text = (words: string, ...marks: ReturnType<typeof ins>[]) => schema.text(words, marks);
  const doc = n.doc.create(null, [
    n.kicker.create(),
    n.headline.create(null, text("Storm closes the harbour")),
    n.standfirst.create(null, [text("The port "), text("was ", del("s-stand")), text("closed all day.")]),
    n.byline.create(),
    n.dateline.create(),
    n.body.create(null, [
      n.paragraph.create(null, [text("Ferries stayed in port "), text("on Tuesday", note("n-ferries")), text(".")]),
      n.paragraph.create(null, [text("Gusts reached "), text("120", del("s-gusts")), text("130", ins("s-gusts")), text(" km/h.")]),
      n.paragraph.create(null, [text("The harbour "), text("master ", ins("s-master")), text("said it would reopen on Friday.")]),
    ]),
    n.tagline.create(),
    n.related.create(),
  ]);
  const thread = (author: string, anchor: NoteThread["anchor"], body: string, minute: number, quote = ""): NoteThread => ({
    anchor,
    quote,
    author,
    time: at(minute),
    body,
    replies: [],
    resolved: null,
  });
  return {
    ...createArticle({ id: "5b0f6c1e-2f4b-4c7e-9d3a-1b2c3d4e5f70", now: new Date("2026-11-29T09:00:00Z") }),
    doc,
    review: {
      people: { editor: personFrom("Amira Haddad", "AH"), sub: personFrom("Tom Li", "TL") },
      notes: {
        "n-desk": thread("editor", "article", "Cut to 400 words before six.", 1),
        "n-ferries": thread("sub", "text", "Which ferries? Name the operator.", 2, "on Tuesday"),
      },
      suggestions: {
        "s-stand": { author: "sub", time: at(3), kind: "delete" },
        "s-gusts": { author: "editor", time: at(4), kind: "delete" },
        "s-master": { author: "sub", time: at(5), kind: "insert" },
      },
      versions: [],
    workflow: [],
    },
  };
}

test("the reporter lists the desk's notes and suggestions, filters by author, jumps to one and accepts another from the panel", async ({ copydesk, workDir }, testInfo) => {
  const path = join(workDir, "storm.article");
  writeFileSync(path, serializeArticle(reviewedStory()));
  await copydesk.open(path);
  await copydesk.expectMessage(/Opened storm\.article/);

  const panel = await copydesk.openReviewPanel();
  await expect(panel.getByRole("heading", { name: /Review/ })).toContainText("2 notes, 3 suggestions open");
  // Desk notes first, then in the order of the text: the standfirst before the body.
  await expect(copydesk.reviewItems()).toHaveCount(5);
  await expect(copydesk.reviewItems().nth(0)).toContainText("Cut to 400 words before six.");
  await expect(copydesk.reviewItems().nth(1)).toContainText("– was");
  await expect(copydesk.reviewItems().nth(2)).toContainText("Which ferries?");
  await expect(copydesk.reviewItems().nth(3)).toContainText("– 120");
  await expect(copydesk.reviewItems().nth(3)).toContainText("+ 130");
  await expect(copydesk.reviewItems().nth(4)).toContainText("+ master");
  await expect(copydesk.reviewItems().nth(4)).toContainText("TL");
  await expect(panel.getByRole("button", { name: "Accept all", exact: true })).toBeVisible();
  for (const scheme of ["light", "dark"] as const) {
    await copydesk.page.emulateMedia({ colorScheme: scheme });
    await copydesk.page.screenshot({ path: testInfo.outputPath(`review-panel-${scheme}.png`) });
    const axe = await new AxeBuilder({ page: copydesk.page }).include("#review-panel").analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
  }
  await copydesk.page.emulateMedia({ colorScheme: "light" });

  await copydesk.filterReviewBy("Tom Li");
  await expect(copydesk.reviewItems()).toHaveCount(3);
  await expect(copydesk.reviewItems()).toContainText(["– was", "Which ferries?", "+ master"]);
  await expect(panel.getByRole("button", { name: "Accept all by Tom Li" })).toBeVisible();

  // A note, by keyboard: ↓ to it, Enter; the cursor goes into its words, and the margin brings its card forward.
  await copydesk.reviewItems().first().getByRole("button").first().focus();
  await copydesk.page.keyboard.press("ArrowDown");
  await expect(copydesk.reviewItems().nth(1).getByRole("button", { name: /^Note by Tom Li on “on Tuesday”/ })).toBeFocused();
  await copydesk.page.keyboard.press("Enter");
  await expect(copydesk.page.locator(".article-editor")).toBeFocused();
  await expect(copydesk.note("Which ferries?")).toHaveClass(/active/);
  // Typing in its words (the cursor is after their first letter): the list shows them as they now are once the typing pauses.
  await copydesk.page.keyboard.type("nly o");
  await expect(copydesk.reviewItems().filter({ hasText: "Which ferries?" }).locator(".review-quote")).toHaveText("only on Tuesday");
  // A suggestion: the cursor goes to the paragraph it is in.
  await copydesk.jumpTo("+ master");
  const cursorIn = () => copydesk.page.evaluate(() => getSelection()?.anchorNode?.parentElement?.closest("p")?.textContent ?? "");
  await expect.poll(cursorIn).toContain("said it would reopen on Friday.");

  await copydesk.acceptFromReview("+ master");
  await expect(copydesk.bodyBlocks().nth(2)).toHaveText("The harbour master said it would reopen on Friday.");
  await expect(copydesk.bodyBlocks().nth(2).locator("ins")).toHaveCount(0);
  await expect(copydesk.reviewItems()).toHaveCount(2);
  await expect(copydesk.reviewItems()).toContainText(["– was", "Which ferries?"]);
  await expect(panel.getByRole("heading", { name: /Review/ })).toContainText("2 notes, 2 suggestions open");
  await expect(panel.getByLabel("By", { exact: true })).toHaveValue("sub");

  // One undo step brings the suggestion back, in the text and in the list.
  await copydesk.focusField("headline");
  await copydesk.undo();
  await expect(copydesk.bodyBlocks().nth(2).locator("ins")).toHaveText(["master "]);
  await expect(copydesk.reviewItems()).toHaveCount(3);
  await copydesk.redo();
  await expect(copydesk.reviewItems()).toHaveCount(2);

  // Everyone's again, then only the suggestions; the article keeps the rest of the review when saved.
  await copydesk.filterReviewBy("Everyone");
  await expect(copydesk.reviewItems()).toHaveCount(4);
  await panel.getByLabel("Show", { exact: true }).selectOption({ label: "Suggestions" });
  await expect(copydesk.reviewItems()).toContainText(["– was", "– 120"]);
  await expect(panel.getByRole("button", { name: "Reject all", exact: true })).toBeVisible();
  // Closed by its shortcut from within, the panel gives the focus back to the article.
  await copydesk.pressKeyOf("review-panel");
  await expect(copydesk.reviewPanel()).toBeHidden();
  await expect(copydesk.page.locator(".article-editor")).toBeFocused();
  await copydesk.save(path);
  const saved = parseArticleFile(readFileSync(path));
  if (!saved.ok) throw new Error(saved.errors.join("; "));
  expect(Object.keys(saved.article.review?.suggestions ?? {}).sort()).toEqual(["s-gusts", "s-stand"]);
  expect(saved.article.doc.child(5).child(2).textContent).toBe("The harbour master said it would reopen on Friday.");
});
