import { describe, expect, it } from "vitest";
import { createArticle, reviewOf, type Article } from "../../../shared/article";
import { parseArticleFile, serializeArticle } from "../../../shared/article-file";
import { yDocToArticle } from "../../../shared/collab/y-article";
import { storyDoc } from "../../support/versioned-story";
import { Replicas } from "./replicas";
import { addBlock, addNote, addTableColumn, addTableRow, changeStatus, deleteNote, deleteText, removeBlock, replyToNote, setMeta, splitBlock, textblocks, typeText } from "./story-edits";

// Two people edit one shared story at once, each offline from the other, then their edits meet:
// both replicas end with the same article, every word either typed is in it, and it is an article
// the file format accepts.

const lede = "The minister said on Monday that talks would resume.";

function story(paragraphs = [lede, "Officials in the capital gave no date."]): Article {
  const base = createArticle({ id: "3f1c1d2e-9a8b-4c7d-8e6f-5a4b3c2d1e0f", now: new Date("2026-11-29T09:00:00Z") });
  return { ...base, doc: storyDoc("Talks to resume", paragraphs) };
}

/// Index among the text blocks of the first body paragraph (kicker, headline, standfirst, byline, dateline come first).
const firstParagraph = 5;

/// Both replicas after every update has reached the other: the same file, and it opens.
function merged(replicas: Replicas): { article: Article; repairs: string[] } {
  replicas.deliverAll();
  const results = replicas.docs.map((doc) => yDocToArticle(doc));
  const files = results.map((r) => serializeArticle(r.article));
  for (const file of files.slice(1)) expect(file).toBe(files[0]);
  expect(parseArticleFile(files[0]).ok).toBe(true);
  expect(() => results[0].article.doc.check()).not.toThrow();
  return results[0];
}

const paragraphText = (article: Article, index = firstParagraph) => textblocks(article.doc)[index].node.textContent;

describe("concurrent edits to a shared story", () => {
  it("keep every word both typed in the same paragraph, and a deletion of other words", () => {
    const replicas = new Replicas(story(), 2);
    replicas.edit(0, typeText(firstParagraph, "The minister said".length, " firmly"));
    replicas.edit(0, typeText(firstParagraph, 0, "Update: "));
    replicas.edit(1, typeText(firstParagraph, lede.length - 1, " in Geneva"));
    replicas.edit(1, deleteText(firstParagraph, "The minister said on ".length, "Monday".length - 1));
    const { article, repairs } = merged(replicas);
    expect(repairs).toEqual([]);
    expect(paragraphText(article)).toBe("Update: The minister said firmly on  that talks would resume in Geneva.");
  });

  it("keep a word typed into the part of a paragraph another splits off, at the end of the first half", () => {
    const replicas = new Replicas(story(), 2);
    replicas.edit(0, typeText(firstParagraph, lede.length, " Both sides agreed."));
    replicas.edit(1, splitBlock(0, "The minister said on Monday".length));
    const { article } = merged(replicas);
    expect(paragraphText(article)).toBe("The minister said on Monday Both sides agreed.");
    expect(paragraphText(article, firstParagraph + 1)).toBe(" that talks would resume.");
  });

  it("merge metadata field by field; the same field ends the same on both", () => {
    const replicas = new Replicas(story(), 2);
    replicas.edit(0, setMeta("urgency", 2));
    replicas.edit(0, setMeta("slug", "talks-resume"));
    replicas.edit(1, setMeta("tags", ["Iraq", "diplomacy"]));
    replicas.edit(1, setMeta("slug", "talks-to-resume"));
    const { article } = merged(replicas);
    expect(article.meta.urgency).toBe(2);
    expect(article.meta.tags).toEqual(["Iraq", "diplomacy"]);
    expect(["talks-resume", "talks-to-resume"]).toContain(article.meta.slug);
  });

  it("merge notes entry by entry, and keep two replies written at once", () => {
    const replicas = new Replicas(story(), 2);
    replicas.edit(0, addNote(0, "n1", firstParagraph, 4, 8));
    replicas.deliverAll();
    replicas.edit(0, replyToNote(0, 0, "r1", "Source?"));
    replicas.edit(1, replyToNote(1, 0, "r2", "The ministry's statement."));
    replicas.edit(1, addNote(1, "n2", firstParagraph + 1, 0, 9));
    const { article } = merged(replicas);
    const review = reviewOf(article);
    expect(Object.keys(review.notes).sort()).toEqual(["n1", "n2"]);
    expect(review.notes.n1.replies.map((r) => r.body).sort()).toEqual(["Source?", "The ministry's statement."]);
    expect(Object.keys(review.people).sort()).toEqual(["p0", "p1"]);
  });

  it("keep a reply written while its note was deleted, as a desk note", () => {
    const replicas = new Replicas(story(), 2);
    replicas.edit(0, addNote(0, "n1", firstParagraph, 4, 8));
    replicas.deliverAll();
    replicas.edit(0, deleteNote(0));
    replicas.edit(1, replyToNote(1, 0, "r1", "Checked with the ministry."));
    const { article, repairs } = merged(replicas);
    expect(reviewOf(article).notes.n1).toMatchObject({ anchor: "article", body: "Checked with the ministry." });
    expect(repairs.join()).toMatch(/reply .* was kept as a desk note/);
  });

  it("repair a body whose every block one side or the other removed", () => {
    const replicas = new Replicas(story(), 2);
    replicas.edit(0, removeBlock(0));
    replicas.edit(1, removeBlock(1));
    const { article, repairs } = merged(replicas);
    expect(repairs.join()).toMatch(/empty paragraph was added/);
    expect(article.doc.child(5).childCount).toBe(1);
  });

  it("repair a table whose new row and new column crossed, keeping every cell", () => {
    const replicas = new Replicas(story(), 2);
    replicas.edit(0, addBlock(0, 3, "Turnout"));
    replicas.deliverAll();
    replicas.edit(0, addTableRow(0));
    replicas.edit(1, addTableColumn(0));
    const { article, repairs } = merged(replicas);
    expect(repairs.join()).toMatch(/short rows were given empty cells/);
    const table = article.doc.child(5).child(0);
    const rows = table.child(table.childCount - 1);
    expect(rows.childCount).toBe(3);
    rows.forEach((row) => expect(row.childCount).toBe(3));
  });

  it("keep the versions and changes of status both sides appended", () => {
    const replicas = new Replicas(story(), 2);
    replicas.edit(0, addNote(0, "n1", firstParagraph, 0, 3));
    replicas.edit(1, addNote(1, "n2", firstParagraph, 5, 3));
    replicas.deliverAll();
    replicas.edit(0, typeText(firstParagraph, 0, "Breaking: "));
    replicas.edit(0, changeStatus(0, "filed", "v0"));
    replicas.edit(1, typeText(firstParagraph + 1, 0, "Late: "));
    replicas.edit(1, changeStatus(1, "in-edit", "v1"));
    const { article } = merged(replicas);
    const review = reviewOf(article);
    expect(review.workflow.map((w) => w.status).sort()).toEqual(["filed", "in-edit"]);
    expect(review.versions.map((v) => v.id).sort()).toEqual(["v0", "v1"]);
    const reopened = parseArticleFile(serializeArticle(article));
    expect(reopened.ok && reopened.versionsDropped).toBeFalsy();
  });
});
