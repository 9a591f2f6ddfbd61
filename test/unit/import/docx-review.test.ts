import { Transform } from "prosemirror-transform";
import { describe, expect, it } from "vitest";
import { fieldText, type Article } from "../../../shared/article";
import { parseArticleFile, serializeArticle } from "../../../shared/article-file";
import { exportDocx } from "../../../shared/export/docx";
import { notePlaces } from "../../../shared/review/open-review";
import type { Review } from "../../../shared/review/review";
import { withoutReview } from "../../../shared/review/published";
import { settleSuggestions, suggestionsIn } from "../../../shared/review/suggestions";
import { importBytes } from "../../../electron/services/import-files";
import { reviewedArticle } from "../review/reviewed-article";
import { suggestedArticle } from "../review/suggested-article";
import { comment, commented, deleted, inserted, para, run, title, wordFile } from "../../support/word-files";

// DOCX import of the review (shared/import/docx-review.ts): Word comments come back as notes on
// their words, with their replies; a comment on no words as a desk note; what cannot be placed as
// a desk note quoting the words. Checked against files our exporter writes and files written by
// hand as Word writes them.

async function imported(bytes: Uint8Array): Promise<{ article: Article; warnings: string[]; found: string[] }> {
  const result = await importBytes(bytes, "docx");
  if (!result.ok) throw new Error(result.errors.join("\n"));
  // Whatever comes in must save and open again.
  const reopened = parseArticleFile(serializeArticle(result.article));
  expect(reopened.ok, reopened.ok ? "" : reopened.errors.join("\n")).toBe(true);
  return result;
}

/// Each note as the test reads it: its words (joined over blocks), body, author's name, time, replies, anchor.
function notes(article: Article) {
  const review = article.review!;
  const places = notePlaces(article.doc);
  const name = (id: string) => review.people[id]?.name;
  return Object.entries(review.notes).map(([id, n]) => ({
    words: (places.get(id) ?? []).map((p) => p.text).join(" "),
    body: n.body,
    author: name(n.author),
    time: n.time,
    anchor: n.anchor,
    resolved: n.resolved !== null,
    replies: n.replies.map((r) => ({ body: r.body, author: name(r.author), time: r.time })),
  }));
}

describe("DOCX import of comments written by Copydesk's export", () => {
  it("gives back every open note on its words, with its author, time and replies, and the desk note", async () => {
    const { article } = reviewedArticle();
    const result = await imported(await exportDocx(article));
    const back = notes(result.article);
    const review = article.review!;
    const open = Object.values(review.notes).filter((n) => !n.resolved);
    expect(back).toHaveLength(open.length);
    for (const thread of open) {
      const note = back.find((n) => n.body === thread.body);
      expect(note, thread.body).toBeDefined();
      expect(note).toMatchObject({
        anchor: thread.anchor,
        words: thread.anchor === "text" ? thread.quote : "",
        author: review.people[thread.author].name,
        time: thread.time,
        resolved: false,
        replies: thread.replies.map((r) => ({ body: r.body, author: review.people[r.author].name, time: r.time })),
      });
    }
    const replies = open.reduce((n, thread) => n + thread.replies.length, 0);
    expect(result.found).toContain(`${open.length} comments from Word as notes (${open.length - 1} on the text, 1 on the whole article (desk notes)), with ${replies} replies`);
    expect(result.warnings.filter((w) => /comment|tracked/i.test(w))).toEqual([]);
  });

  it("imports an article without notes as before, with no review and nothing said of one", async () => {
    const result = await imported(await exportDocx(withoutReview(reviewedArticle().article)));
    expect(Object.keys(result.article.review?.notes ?? {})).toEqual([]);
    expect(result.found.filter((f) => /Word as/.test(f))).toEqual([]);
  });
});

/// Each suggested edit as the test reads it: kind, words, author's name and time, in document order.
function suggestions(article: Article) {
  const review = article.review!;
  return suggestionsIn(article.doc).map((s) => {
    const entry = review.suggestions[s.id];
    return { kind: s.kind, inserted: s.inserted, deleted: s.deleted, author: review.people[entry.author]?.name, time: entry.time };
  });
}

/// The headline and body text with every suggestion accepted, or every one rejected.
function settled(article: Article, accept: boolean): string {
  const doc = settleSuggestions(new Transform(article.doc), accept).doc;
  return [doc.child(1), doc.child(5)].map((field) => field.textBetween(0, field.content.size, "|")).join("|");
}

describe("DOCX round trip of suggested edits", () => {
  it("gives back each suggestion as a tracked change and back, with its words, author and time", async () => {
    const article = suggestedArticle();
    const result = await imported(await exportDocx(article));
    expect(suggestions(result.article)).toEqual(suggestions(article));
    expect(settled(result.article, true)).toBe(settled(article, true));
    expect(settled(result.article, false)).toBe(settled(article, false));
    expect(result.found).toContain("11 suggested edits from Word's tracked changes (6 insertions, 5 deletions; by Amira Haddad, Tom Li)");
  });

  it("writes w:ins and w:del with the author's name and the time, and a whole inserted paragraph's mark", async () => {
    const { default: JSZip } = await import("jszip");
    const zip = await JSZip.loadAsync(await exportDocx(suggestedArticle()));
    const document = await zip.file("word/document.xml")!.async("string");
    expect(document).toMatch(/<w:del w:id="\d+" w:author="Amira Haddad" w:date="2026-11-29T11:01:00Z"><w:r><w:delText xml:space="preserve">shuts<\/w:delText><\/w:r><\/w:del>/);
    expect(document).toMatch(/<w:ins w:id="\d+" w:author="Amira Haddad" w:date="2026-11-29T11:01:00Z"><w:r><w:t xml:space="preserve">closes<\/w:t><\/w:r><\/w:ins>/);
    expect(document).toMatch(/<w:p><w:pPr><w:rPr><w:ins w:id="\d+" w:author="Tom Li" w:date="2026-11-29T11:04:00Z"\/><\/w:rPr><\/w:pPr><w:ins [^>]*><w:r>(<w:rPr>.*?<\/w:rPr>)?<w:t xml:space="preserve">A new paragraph the editor wrote.<\/w:t>/);
    expect(document).not.toContain("\u200B");
    const ids = [...document.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("DOCX import of tracked changes in a file written as Word writes it", () => {
  const ana = ["Ana Ruiz", "2026-03-02T09:15:00Z"] as const;
  const tom = ["Tom Li", "2026-03-02T10:30:00Z"] as const;

  it("reads insertions, deletions, a replacement, a whole inserted paragraph, a deleted one and a change in a table", async () => {
    const bytes = await wordFile({
      body: [
        title(run("Storm "), deleted(1, ...ana, "shuts"), inserted(2, ...ana, "closes"), run(" the harbour")),
        para(run("Ferries stayed in port "), deleted(3, ...tom, "on Tuesday "), run("as gusts rose.")),
        `<w:p><w:pPr><w:rPr><w:ins w:id="4" w:author="${tom[0]}" w:date="${tom[1]}"/></w:rPr></w:pPr>${inserted(5, ...tom, "A whole new paragraph.")}</w:p>`,
        `<w:p><w:pPr><w:rPr><w:del w:id="6" w:author="${ana[0]}" w:date="${ana[1]}"/></w:rPr></w:pPr>${deleted(7, ...ana, "Gone paragraph.")}</w:p>`,
        para(run("Kept paragraph.")),
        `<w:tbl><w:tr><w:tc>${para(run("Wind"))}</w:tc><w:tc>${para(deleted(8, ...tom, "120"), inserted(9, ...tom, "130"), run(" km/h"))}</w:tc></w:tr></w:tbl>`,
        para(run("Gusts "), commented(0, inserted(10, ...tom, "of up to ")), run("130 km/h.")),
      ].join(""),
      comments: comment(0, "Ana Ruiz", ana[1], "Confirmed?"),
    });
    const result = await imported(bytes);
    const iso = (time: string) => new Date(time).toISOString();
    expect(suggestions(result.article)).toEqual([
      { kind: "delete", inserted: "", deleted: "shuts", author: "Ana Ruiz", time: iso(ana[1]) },
      { kind: "insert", inserted: "closes", deleted: "", author: "Ana Ruiz", time: iso(ana[1]) },
      { kind: "delete", inserted: "", deleted: "on Tuesday ", author: "Tom Li", time: iso(tom[1]) },
      { kind: "insert", inserted: "A whole new paragraph.", deleted: "", author: "Tom Li", time: iso(tom[1]) },
      { kind: "delete", inserted: "", deleted: "Gone paragraph.", author: "Ana Ruiz", time: iso(ana[1]) },
      { kind: "delete", inserted: "", deleted: "120", author: "Tom Li", time: iso(tom[1]) },
      { kind: "insert", inserted: "130", deleted: "", author: "Tom Li", time: iso(tom[1]) },
      { kind: "insert", inserted: "of up to ", deleted: "", author: "Tom Li", time: iso(tom[1]) },
    ]);
    expect(settled(result.article, true)).toBe("Storm closes the harbour|Ferries stayed in port as gusts rose.|A whole new paragraph.|Kept paragraph.|Wind|130 km/h|Gusts of up to 130 km/h.");
    expect(settled(result.article, false)).toBe("Storm shuts the harbour|Ferries stayed in port on Tuesday as gusts rose.|Gone paragraph.|Kept paragraph.|Wind|120 km/h|Gusts 130 km/h.");
    // The whole inserted paragraph carries the mark on the block too.
    const body = result.article.doc.child(5);
    expect(body.child(1).marks.map((m) => m.type.name)).toEqual(["insertion"]);
    expect(notes(result.article)).toEqual([expect.objectContaining({ words: "of up to ", body: "Confirmed?" })]);
    expect(result.found).toContain("8 suggested edits from Word's tracked changes (4 insertions, 4 deletions; by Ana Ruiz, Tom Li)");
  });

  it("reads a deleted paragraph mark as a suggested join, and says where it cannot (in a table cell)", async () => {
    const markDeleted = (text: string) => `<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="${ana[0]}" w:date="${ana[1]}"/></w:rPr></w:pPr>${run(text)}</w:p>`;
    const bytes = await wordFile({
      body: [title(run("Harbour")), markDeleted("First part."), para(run(" Second part.")), `<w:tbl><w:tr><w:tc>${markDeleted("Cell one.")}${para(run(" Cell two."))}</w:tc></w:tr></w:tbl>`].join(""),
    });
    const result = await imported(bytes);
    expect(suggestions(result.article)).toEqual([{ kind: "delete", inserted: "", deleted: " ¶ ", author: "Ana Ruiz", time: new Date(ana[1]).toISOString() }]);
    expect(settled(result.article, true)).toBe("Harbour|First part. Second part.|Cell one. Cell two.");
    expect(settled(result.article, false)).toBe("Harbour|First part.| Second part.|Cell one. Cell two.");
    expect(notes(result.article).map((n) => n.body)).toEqual(['Deletion of the paragraph break after "Cell one." by Ana Ruiz from Word could not be placed; the paragraphs are joined.']);
  });

  it("keeps a tracked change it cannot place as a desk note quoting the words", async () => {
    const bytes = await wordFile({
      body: [
        title(run("Harbour")),
        `<w:tbl><w:tr><w:trPr><w:del w:id="1" w:author="${ana[0]}" w:date="${ana[1]}"/></w:trPr><w:tc>${para(deleted(2, ...ana, "A row cut whole"))}</w:tc></w:tr><w:tr><w:tc>${para(run("A row kept"))}</w:tc></w:tr></w:tbl>`,
      ].join(""),
    });
    const result = await imported(bytes);
    expect(notes(result.article).map((n) => [n.anchor, n.body, n.author])).toEqual([["article", 'Deletion of "A row cut whole" by Ana Ruiz from Word could not be placed.', "Ana Ruiz"]]);
    expect(result.warnings).toContain("1 tracked change from Word could not be placed on the text: it is a desk note quoting the words.");
  });
});

describe("DOCX import of comments in a file written as Word writes it", () => {
  const date = "2026-03-02T09:15:00Z";

  it("reads comments on words, across paragraphs, a reply threaded by commentsExtended, a resolved one and one on no words", async () => {
    const bytes = await wordFile({
      body: [
        title(run("Storm closes the harbour")),
        para(run("Ferries stayed in port on "), commented(0, run("Tuesday")), run(" as gusts reached 120 km/h.")),
        para(run("The coastguard "), `<w:commentRangeStart w:id="2"/>`, run("warned boats"), run(" to stay away.")),
        para(run("Repairs will take "), run("weeks"), `<w:commentRangeEnd w:id="2"/><w:r><w:commentReference w:id="2"/></w:r>`, run(".")),
        para(run("Clean-up "), commented(3, run("starts")), run(" on Monday."), commented(4), run(" Done.")),
      ].join(""),
      comments: [
        comment(0, "Ana Ruiz", date, "Which Tuesday?", "1A2B0001"),
        comment(1, "Tom Li", "2026-03-02T10:00:00Z", "The 4th.", "1A2B0002"),
        comment(2, "Tom Li", date, "Two paragraphs, one comment.", "1A2B0003"),
        comment(3, "Ana Ruiz", date, "Sourced?", "1A2B0004"),
        comment(4, "Ana Ruiz", date, "Legal has seen this.", "1A2B0005"),
      ].join(""),
      commentsExtended: [
        '<w15:commentEx w15:paraId="1A2B0001" w15:done="0"/>',
        '<w15:commentEx w15:paraId="1A2B0002" w15:paraIdParent="1A2B0001" w15:done="0"/>',
        '<w15:commentEx w15:paraId="1A2B0003" w15:done="0"/>',
        '<w15:commentEx w15:paraId="1A2B0004" w15:done="1"/>',
        '<w15:commentEx w15:paraId="1A2B0005" w15:done="0"/>',
      ].join(""),
    });
    const result = await imported(bytes);
    expect(fieldText(result.article.doc, "headline")).toBe("Storm closes the harbour");
    const back = notes(result.article);
    const iso = new Date(date).toISOString();
    expect(back).toEqual(
      expect.arrayContaining([
        { words: "Tuesday", body: "Which Tuesday?", author: "Ana Ruiz", time: iso, anchor: "text", resolved: false, replies: [{ body: "The 4th.", author: "Tom Li", time: "2026-03-02T10:00:00.000Z" }] },
        { words: "warned boats to stay away. Repairs will take weeks", body: "Two paragraphs, one comment.", author: "Tom Li", time: iso, anchor: "text", resolved: false, replies: [] },
        { words: "starts", body: "Sourced?", author: "Ana Ruiz", time: iso, anchor: "text", resolved: true, replies: [] },
        { words: "", body: "Legal has seen this.", author: "Ana Ruiz", time: iso, anchor: "article", resolved: false, replies: [] },
      ]),
    );
    expect(back).toHaveLength(4);
    const people = Object.values(result.article.review!.people);
    expect(people.map((p) => [p.name, p.initials]).sort()).toEqual([["Ana Ruiz", "AR"], ["Tom Li", "TL"]]);
    expect(result.found).toContain("4 comments from Word as notes (3 on the text, 1 on the whole article (desk notes)), with 1 reply");
  });

  it("keeps each comment without commentsExtended, as a note of its own", async () => {
    const bytes = await wordFile({
      body: [title(run("Harbour")), para(commented(0, run("Ferries")), run(" stayed "), commented(1, run("in port")), run("."))].join(""),
      comments: comment(0, "Ana Ruiz", date, "Which ferries?") + comment(1, "Tom Li", date, "Which port?"),
    });
    const back = notes((await imported(bytes)).article);
    expect(back.map((n) => [n.words, n.body, n.author])).toEqual(
      expect.arrayContaining([
        ["Ferries", "Which ferries?", "Ana Ruiz"],
        ["in port", "Which port?", "Tom Li"],
      ]),
    );
  });
});

describe("DOCX import of a hostile review", () => {
  const date = "2026-03-02T09:15:00Z";
  const body = [title(run("Harbour")), para(run("Ferries "), commented(0, run("stayed")), run(" in port."))].join("");

  it("imports the text when comments.xml is missing, and says the comments were not there", async () => {
    const result = await imported(await wordFile({ body }));
    expect(result.article.doc.textContent).toContain("Ferries stayed in port.");
    expect(result.warnings).toContain("The Word document marks comments in its text but has no comments part (word/comments.xml); the text is imported without them.");
  });

  it("imports the text when comments.xml is broken, and says why", async () => {
    const result = await imported(await wordFile({ body, rawComments: "<w:comments><w:comment w:id='0'>" }));
    expect(result.article.doc.textContent).toContain("Ferries stayed in port.");
    expect(result.warnings.find((w) => w.startsWith("The Word comments could not be read (word/comments.xml: the file is not well-formed XML"))).toBeDefined();
  });

  it("keeps a comment with no range, one whose range ends before it starts and one on words mammoth leaves out, as desk notes that say so", async () => {
    const bytes = await wordFile({
      body: [
        title(run("Harbour")),
        para(run("Ferries stayed in port"), `<w:r><w:commentReference w:id="0"/></w:r>`, run(".")),
        para(`<w:commentRangeEnd w:id="1"/>`, run("Gusts reached "), `<w:commentRangeStart w:id="1"/>`, run("120 km/h.")),
        para(run("Text box: "), `<w:r><w:drawing><w:txbxContent><w:p>${commented(2, run("Inside the box"))}</w:p></w:txbxContent></w:drawing></w:r>`),
        para(run("Last line.")),
      ].join(""),
      comments: [comment(0, "Ana Ruiz", date, "No range."), comment(1, "Ana Ruiz", date, "Backwards."), comment(2, "Tom Li", date, "In a text box."), comment(7, "Tom Li", date, "Nowhere at all.")].join(""),
    });
    const result = await imported(bytes);
    const back = notes(result.article);
    expect(back.every((n) => n.anchor === "article")).toBe(true);
    const bodies = back.map((n) => n.body);
    expect(bodies).toEqual(
      expect.arrayContaining([
        'Comment from Word near "Ferries stayed in port" marks no words, so it could not be placed.\nNo range.',
        "Comment from Word with no place in the text.\nBackwards.",
        "Comment from Word with no place in the text.\nIn a text box.",
        "Comment from Word with no place in the text.\nNowhere at all.",
      ]),
    );
    expect(result.warnings).toContain("4 Word comments could not be placed on the text: they are desk notes quoting the words.");
  });

  it("keeps every word of a comment longer than a note holds, a name longer than a person's, and a date that is not one", async () => {
    const long = "word ".repeat(5_000).trim();
    const name = "N".repeat(150);
    const bytes = await wordFile({
      body: [title(run("Harbour")), para(run("Ferries "), commented(0, run("stayed")), run(" in port."))].join(""),
      comments: `<w:comment w:id="0" w:author="${name}" w:date="yesterday"><w:p><w:r><w:t>${long}</w:t></w:r></w:p></w:comment>`,
    });
    const before = Date.now();
    const result = await imported(bytes);
    const [note] = notes(result.article);
    expect(note.words).toBe("stayed");
    expect([note.body, ...note.replies.map((r) => r.body)].join("")).toBe(long);
    expect(note.replies.length).toBeGreaterThan(0);
    expect(note.author).toBe(name.slice(0, 100));
    expect(Date.parse(note.time)).toBeGreaterThanOrEqual(before - 1000);
  });

  it("keeps a comment whose words are not in the article, quoting them", async () => {
    // Mammoth leaves out a deleted table row, comment and all.
    const bytes = await wordFile({
      body: [
        title(run("Harbour")),
        `<w:tbl><w:tr><w:trPr><w:del w:id="9" w:author="Ana Ruiz" w:date="${date}"/></w:trPr><w:tc><w:p>${commented(0, run("Row that went"))}</w:p></w:tc></w:tr><w:tr><w:tc>${para(run("Row that stayed"))}</w:tc></w:tr></w:tbl>`,
      ].join(""),
      comments: comment(0, "Ana Ruiz", date, "Why cut?"),
    });
    const result = await imported(bytes);
    expect(notes(result.article).map((n) => n.body)).toEqual(['Comment on "Row that went" from Word could not be placed.\nWhy cut?']);
  });
});

describe("DOCX review placed on hostile parts", () => {
  it("keeps the article as mammoth made it when the document's XML is nested too deep to walk, and says so", async () => {
    const { placeWordReview } = await import("../../../shared/import/docx-review");
    const article = reviewedArticle().article;
    const depth = 200_000;
    const document = `<w:document xmlns:w="w"><w:body>${"<w:sdt>".repeat(depth)}<w:p><w:ins w:id="1" w:author="A" w:date="2026-03-02T09:15:00Z"><w:r><w:t>deep</w:t></w:r></w:ins></w:p>${"</w:sdt>".repeat(depth)}</w:body></w:document>`;
    const placed = placeWordReview(article, { document, comments: null, commentsExtended: null });
    expect(placed.article).toBe(article);
    expect(placed.warnings).toEqual([expect.stringMatching(/^The Word document's comments and tracked changes could not be read \(.+\); the text is imported without them\.$/)]);
  });

  it("writes and reads back authors whose names hold XML's special characters and control characters", async () => {
    const article = suggestedArticle();
    const people = { ...article.review!.people, editor: { ...article.review!.people.editor, name: 'Amira "A&B" <Haddad>\u0001' } };
    const result = await imported(await exportDocx({ ...article, review: { ...article.review!, people } }));
    const names = Object.values(result.article.review!.people).map((p) => p.name);
    expect(names.sort()).toEqual(['Amira "A&B" <Haddad>', "Tom Li"]);
  });
});

describe("DOCX comment threads that loop", () => {
  it("keeps every comment of a thread whose parents come round in a loop, in one note", async () => {
    const date = "2026-03-02T09:15:00Z";
    const bytes = await wordFile({
      body: [title(run("Harbour")), para(run("Ferries "), commented(0, run("stayed")), commented(1, run(" in port")), run("."))].join(""),
      comments: comment(0, "Ana Ruiz", date, "First.", "00000A01") + comment(1, "Tom Li", date, "Second.", "00000A02"),
      commentsExtended: '<w15:commentEx w15:paraId="00000A01" w15:paraIdParent="00000A02"/><w15:commentEx w15:paraId="00000A02" w15:paraIdParent="00000A01"/>',
    });
    const back = notes((await imported(bytes)).article);
    const words = back.flatMap((n) => [n.body, ...n.replies.map((r) => r.body)]);
    expect(words.sort()).toEqual(["First.", "Second."]);
  });
});

describe("DOCX round trip of notes on generated articles", () => {
  it("gives back a note on a word of every text block of 30 generated articles, on its words", { timeout: 120_000 }, async () => {
    const { schema } = await import("../../../shared/schema");
    const { personFrom } = await import("../../../shared/review/people");
    const { sampleArticles } = await import("../../support/arbitrary-article");
    for (const [index, article] of sampleArticles(30, 11).entries()) {
      const tr = new Transform(article.doc);
      const threads: Record<string, import("../../../shared/review/review").NoteThread> = {};
      article.doc.descendants((node, pos) => {
        if (!node.isTextblock) return true;
        const match = /[A-Za-z]{3,}/.exec(node.textContent);
        if (match && node.type.allowsMarkType(schema.marks.note)) {
          const id = `n${index}-${pos}`;
          tr.addMark(pos + 1 + match.index, pos + 1 + match.index + match[0].length, schema.marks.note.create({ id }));
          threads[id] = { anchor: "text", quote: match[0], author: "ed", time: "2026-11-29T12:00:00.000Z", body: `Note ${id}`, replies: [], resolved: null };
        }
        return false;
      });
      const noted: Article = { ...article, doc: tr.doc, review: { people: { ed: personFrom("Ed Desk", "ED") }, notes: threads, suggestions: {}, versions: [], workflow: [] } };
      const result = await imported(await exportDocx(noted));
      const back = notes(result.article);
      // Every note comes back: on its words, or as a desk note that says it could not be placed.
      expect(back).toHaveLength(Object.keys(threads).length);
      for (const [id, thread] of Object.entries(threads)) {
        const note = back.find((n) => n.body === `Note ${id}`);
        // The dateline's place goes to Word in capitals, and comes back so.
        expect(note && [note.anchor, note.words.toLowerCase()], id).toEqual(["text", thread.quote.toLowerCase()]);
      }
    }
  });

  it("gives back a suggested insertion and deletion in every text block of 30 generated articles", { timeout: 120_000 }, async () => {
    const { schema } = await import("../../../shared/schema");
    const { personFrom } = await import("../../../shared/review/people");
    const { sampleArticles } = await import("../../support/arbitrary-article");
    let compared = 0;
    for (const [index, article] of sampleArticles(30, 12).entries()) {
      const tr = new Transform(article.doc);
      const suggested: Review["suggestions"] = {};
      article.doc.descendants((node, pos) => {
        if (!node.isTextblock) return true;
        const match = /[A-Za-z]{3,}/.exec(node.textContent);
        if (!match || !node.type.allowsMarkType(schema.marks.insertion)) return false;
        const [inserted, removed] = [`i${index}-${pos}`, `d${index}-${pos}`];
        suggested[inserted] = { author: "ed", time: "2026-11-29T12:00:00.000Z", kind: "insert" };
        suggested[removed] = { author: "sub", time: "2026-11-29T12:05:00.000Z", kind: "delete" };
        const from = tr.mapping.map(pos + 1 + match.index);
        tr.addMark(from, from + match[0].length, schema.marks.insertion.create({ id: inserted }));
        tr.insert(from, schema.text("gone ", [schema.marks.deletion.create({ id: removed })]));
        return false;
      });
      const people = { ed: personFrom("Ed Desk", "ED"), sub: personFrom("Sub Editor", "SE") };
      const reviewed: Article = { ...article, doc: tr.doc, review: { people, notes: {}, suggestions: suggested, versions: [], workflow: [] } };
      const result = await imported(await exportDocx(reviewed));
      const lower = (list: ReturnType<typeof suggestions>) => list.map((s) => ({ ...s, inserted: s.inserted.toLowerCase(), deleted: s.deleted.toLowerCase() }));
      expect(lower(suggestions(result.article)), `article ${index}`).toEqual(lower(suggestions(reviewed)));
      compared += Object.keys(suggested).length;
    }
    expect(compared).toBeGreaterThan(100);
  });
});
