import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { createArticle } from "../../../shared/article";
import { exportDocx } from "../../../shared/export/docx";
import { exportArticle } from "../../../shared/export/registry";
import { schema } from "../../../shared/schema";
import { reviewedArticle } from "../review/reviewed-article";
import { suggestedArticle } from "../review/suggested-article";

// The DOCX export carries the desk's open review for Word (shared/export/docx-review.ts): each open
// note a comment on its words, each reply a threaded Word reply, desk notes on an empty range at the
// start of the headline; resolved notes stay out.

async function parts(bytes: Uint8Array): Promise<{ document: string; comments: string; extended: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  return { document: await read("word/document.xml"), comments: await read("word/comments.xml"), extended: await read("word/commentsExtended.xml") };
}

/// The words of document.xml between a comment's range start and end (tags taken out).
function commentedText(document: string, id: string): string {
  const start = document.indexOf(`<w:commentRangeStart w:id="${id}"/>`);
  const end = document.indexOf(`<w:commentRangeEnd w:id="${id}"/>`);
  return [...document.slice(start, end).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

const entities: Record<string, string> = { "&quot;": '"', "&amp;": "&", "&lt;": "<", "&gt;": ">", "&apos;": "'" };
const unescape = (text: string): string => text.replace(/&(quot|amp|lt|gt|apos);/g, (entity) => entities[entity]);

/// Each comment of comments.xml: id, author, initials, date and text.
function comments(xml: string): { id: string; author: string; initials: string; date: string; text: string }[] {
  return [...xml.matchAll(/<w:comment w:id="(\d+)" w:initials="([^"]*)" w:author="([^"]*)" w:date="([^"]*)">(.*?)<\/w:comment>/g)].map((m) => ({
    id: m[1],
    initials: m[2],
    author: m[3],
    date: m[4],
    text: [...m[5].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescape(t[1])).join("\n"),
  }));
}

describe("DOCX export of the review", () => {
  it("writes each open note as a comment on exactly its words, by its author at its time, with its reply threaded", async () => {
    const { article } = reviewedArticle();
    const { document, comments: xml, extended } = await parts(await exportDocx(article));
    const written = comments(xml);
    const review = article.review!;
    for (const [noteId, thread] of Object.entries(review.notes)) {
      const comment = written.find((c) => c.text === thread.body);
      if (thread.resolved) {
        expect(comment, `resolved ${noteId}`).toBeUndefined();
        continue;
      }
      expect(comment, noteId).toBeDefined();
      const person = review.people[thread.author];
      expect(comment).toMatchObject({ author: person.name, initials: person.initials, date: thread.time });
      expect(document.match(new RegExp(`<w:commentRangeStart w:id="${comment!.id}"/>`, "g"))).toHaveLength(1);
      expect(document.match(new RegExp(`<w:commentRangeEnd w:id="${comment!.id}"/>`, "g"))).toHaveLength(1);
      expect(document.match(new RegExp(`<w:commentReference w:id="${comment!.id}"/>`, "g"))).toHaveLength(1);
      expect(commentedText(document, comment!.id), noteId).toBe(thread.anchor === "article" ? "" : thread.quote);
      for (const reply of thread.replies) {
        const answer = written.find((c) => c.text === reply.body)!;
        expect(answer).toMatchObject({ author: review.people[reply.author].name, date: reply.time });
        const paraId = (id: string) => (Number(id) + 1).toString(16).toUpperCase().padStart(8, "0");
        expect(extended).toContain(`<w15:commentEx w15:paraId="${paraId(answer.id)}" w15:paraIdParent="${paraId(comment!.id)}"/>`);
      }
    }
  });

  it("puts desk notes on an empty range at the start of the headline", async () => {
    const { article } = reviewedArticle();
    const { document, comments: xml } = await parts(await exportDocx(article));
    const desk = comments(xml).find((c) => c.text === "Desk zqx: hold for legal.")!;
    const headline = /<w:p><w:pPr><w:pStyle w:val="Heading1"\/><\/w:pPr>(.*?)<\/w:p>/.exec(document)![1];
    expect(headline.startsWith(`<w:commentRangeStart w:id="${desk.id}"/>`)).toBe(true);
    expect(commentedText(document, desk.id)).toBe("");
  });

  it("writes a note over several paragraphs as one comment from its first word to its last", async () => {
    const { article } = reviewedArticle();
    const note = schema.marks.note.create({ id: "across" });
    const n = schema.nodes;
    const body = n.body.create(null, [n.paragraph.create(null, [schema.text("First "), schema.text("ends here.", [note])]), n.paragraph.create(null, [schema.text("Starts here", [note]), schema.text(" and goes on.")])]);
    const doc = article.doc.copy(article.doc.content.replaceChild(5, body));
    const review = { ...article.review!, notes: { across: { anchor: "text" as const, quote: "ends here. Starts here", author: "zqx-editor", time: "2026-11-29T11:00:00.000Z", body: "Across two.", replies: [], resolved: null } } };
    const { document, comments: xml } = await parts(await exportDocx({ ...article, doc, review }));
    const across = comments(xml).find((c) => c.text === "Across two.")!;
    expect(commentedText(document, across.id)).toBe("ends here.Starts here");
  });

  it("goes through the export table with the review, while the other formats get published copy", async () => {
    const { article } = reviewedArticle();
    const { comments: xml } = await parts((await exportArticle(article, "docx")) as Uint8Array);
    expect(xml).toContain("Check this zqx 1, please.");
    expect(String(await exportArticle(article, "html"))).not.toContain("zqx");
  });

  it("writes no comments part for an article without open notes", async () => {
    const zip = await JSZip.loadAsync(await exportDocx(createArticle()));
    expect(zip.file("word/comments.xml")).toBeNull();
  });
});

describe("DOCX export of suggested changes Word cannot track", () => {
  it("says a block's change of kind or attribute in a comment at the headline, by its author", async () => {
    const article = suggestedArticle();
    const n = schema.nodes;
    const made = schema.marks.modification.create({ id: "s-made", type: "nodeType", previousValue: "paragraph", newValue: "subheading" });
    const dated = schema.marks.modification.create({ id: "s-date", type: "attr", attrName: "date", previousValue: "2026-11-28", newValue: "2026-11-29" });
    const body = article.doc.child(5);
    const doc = article.doc.copy(
      article.doc.content
        .replaceChild(4, n.dateline.create({ date: "2026-11-29" }, schema.text("GENEVA"), [dated]))
        .replaceChild(5, body.copy(body.content.addToStart(n.subheading.create(null, schema.text("Clean-up"), [made])))),
    );
    const suggestions = { ...article.review!.suggestions, "s-made": { author: "sub", time: "2026-11-29T11:08:00.000Z", kind: "format" as const }, "s-date": { author: "editor", time: "2026-11-29T11:09:00.000Z", kind: "field" as const } };
    const { document, comments: xml } = await parts(await exportDocx({ ...article, doc, review: { ...article.review!, suggestions } }));
    const written = comments(xml);
    const madeComment = written.find((c) => c.text === 'Suggested edit, not tracked in Word: "Clean-up" made a subheading (it was a paragraph).');
    expect(madeComment).toMatchObject({ author: "Tom Li", date: "2026-11-29T11:08:00.000Z" });
    expect(written.find((c) => c.text === 'Suggested edit, not tracked in Word: date of the dateline "GENEVA" changed from "2026-11-28" to "2026-11-29".')).toMatchObject({ author: "Amira Haddad" });
    expect(commentedText(document, madeComment!.id)).toBe("");
  });
});

describe("exporting an article under review to files", () => {
  it("writes Word alone with open suggestions, and refuses them beside another format", async () => {
    const { mkdtempSync, readdirSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { exportToFolder } = await import("../../../electron/services/exports");
    const folder = mkdtempSync(join(tmpdir(), "copydesk-word-review-"));
    try {
      const article = suggestedArticle();
      const { files, warnings } = await exportToFolder(article, ["docx"], folder);
      expect(files.map((f) => f.slice(folder.length + 1))).toEqual(readdirSync(folder));
      expect(warnings).toContain("The article has 11 open suggestions; the Word document carries them as tracked changes.");
      await expect(exportToFolder(article, ["html", "docx"], join(folder, "both"))).rejects.toMatchObject({
        details: ["The article has 11 open suggestions: accept or reject them before exporting (only the Word document can carry them, as tracked changes)."],
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
