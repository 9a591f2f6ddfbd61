/* eslint-disable @typescript-eslint/no-explicit-any -- the cases edit arbitrary JSON */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fieldText } from "../../../shared/article";
import { parseArticleFile, serializeArticle } from "../../../shared/article-file";
import { exportArticle } from "../../../shared/export/registry";
import { seedArticlePath } from "../../support/seed-article";

// Version 2 of the file: the review beside the document (people, notes, suggestions, versions),
// each problem named by its place; a note mark must name a thread, a thread may lose its text.

type FileJSON = Record<string, any>;
const seed = (): FileJSON => JSON.parse(readFileSync(seedArticlePath, "utf8"));
const time = "2026-11-29T10:00:00.000Z";
const amira = { name: "Amira Haddad", initials: "AH", colour: "#2b6cb0" };
const thread = (extra: FileJSON = {}) => ({ anchor: "text", quote: "speed up", author: "p1", time, body: "Source?", replies: [], resolved: null, ...extra });

const headline = (file: FileJSON) => file.doc.content[1];
/// The seed with a note `id` on its headline's text, and the review parts given.
function withNote(parts: FileJSON, id = "n1"): FileJSON {
  const file = seed();
  headline(file).content[0].marks = [{ type: "note", attrs: { id } }];
  return { ...file, ...parts };
}

const errorsOf = (file: FileJSON): string[] => {
  const result = parseArticleFile(JSON.stringify(file));
  return result.ok ? [] : result.errors;
};

describe("the review in the article file (version 2)", () => {
  it("reads notes and people, and writes the same bytes again", () => {
    const file = withNote({
      people: { p1: amira, p2: { name: "Tom Reyes", initials: "TR", colour: "#b83280" } },
      notes: {
        n1: thread({ replies: [{ id: "r1", author: "p2", time, body: "AFP, 7 January." }], resolved: { by: "p1", time } }),
        d1: thread({ anchor: "article", quote: "", body: "Cut to 600 words." }),
      },
    });
    const result = parseArticleFile(JSON.stringify(file));
    if (!result.ok) throw new Error(result.errors.join("\n"));
    expect(result.article.review?.notes.n1.replies[0].body).toBe("AFP, 7 January.");
    const text = serializeArticle(result.article);
    const again = parseArticleFile(text);
    expect(again.ok && serializeArticle(again.article)).toBe(text);
    expect(Object.keys(JSON.parse(text).notes)).toEqual(["d1", "n1"]);
  });

  it("refuses a note mark whose thread is missing, naming the place and the note", () => {
    expect(errorsOf(withNote({ people: { p1: amira }, notes: {} }, "lost-7"))).toEqual([
      'doc.content[1] (headline): note "lost-7" has no thread in the article\'s notes',
    ]);
  });

  it("keeps a thread whose text is gone, as a note no longer anchored", () => {
    const file = { ...seed(), people: { p1: amira }, notes: { n1: thread() } };
    const result = parseArticleFile(JSON.stringify(file));
    expect(result.ok && result.article.review?.notes.n1.quote).toBe("speed up");
  });

  it.each([
    ["an author who is not one of the people", { people: {}, notes: { n1: thread() } }, 'notes.n1.author: "p1" is not one of the people'],
    ["a reply by someone unknown", { people: { p1: amira }, notes: { n1: thread({ replies: [{ id: "r1", author: "p9", time, body: "?" }] }) } }, 'notes.n1.replies.0.author: "p9" is not one of the people'],
    ["a colour that is not one", { people: { p1: { ...amira, colour: "blue" } }, notes: { n1: thread() } }, "people.p1.colour: not a colour such as #2b6cb0"],
    ["a person without a name", { people: { p1: { ...amira, name: "" } }, notes: { n1: thread() } }, "people.p1.name: empty"],
    ["an unknown anchor", { people: { p1: amira }, notes: { n1: thread({ anchor: "margin" }) } }, "notes.n1.anchor: not one of text, article"],
    ["a time that is not one", { people: { p1: amira }, notes: { n1: thread({ time: "yesterday" }) } }, "notes.n1.time: not an ISO 8601 date-time"],
    ["a thread without a body", { people: { p1: amira }, notes: { n1: { ...thread(), body: undefined } } }, "notes.n1.body: missing"],
    ["a field threads do not have", { people: { p1: amira }, notes: { n1: thread({ colour: "red" }) } }, 'notes.n1: unknown field "colour"'],
    ["notes that are a list", { people: { p1: amira }, notes: [thread()] }, "notes: not an object of entries by id"],
    ["a suggestion of an unknown kind", { people: { p1: amira }, notes: { n1: thread() }, suggestions: { s1: { author: "p1", time, kind: "rewrite" } } }, "suggestions.s1.kind: not one of insert, delete, format, move, field"],
    ["versions that are not a list", { people: { p1: amira }, notes: { n1: thread() }, versions: {} }, "versions: not a list of versions"],
  ])("refuses %s", (_case, parts, message) => {
    expect(errorsOf(withNote(parts))).toContain(message);
  });

  it("reads a version whose steps rebuild the document, and leaves out one whose steps do not apply", () => {
    const version = (changes: FileJSON[]) => ({ id: "v1", author: "p1", time, name: "Filed", words: 640, meta: seed().meta, changes });
    const insert = { stepType: "replace", from: 3, to: 3, slice: { content: [{ type: "text", text: "Exclusive: " }] } };
    const ok = { ...seed(), people: { p1: amira }, versions: [version([insert])] };
    const result = parseArticleFile(JSON.stringify(ok));
    expect(result.ok).toBe(true);
    const far = { ...insert, from: 10_000_000, to: 10_000_000 };
    const dropped = (file: FileJSON) => {
      const opened = parseArticleFile(JSON.stringify(file));
      return opened.ok ? { versions: opened.article.review?.versions, dropped: opened.versionsDropped } : opened.errors;
    };
    expect(dropped({ ...ok, versions: [version([far])] })).toEqual({ versions: [], dropped: [expect.stringMatching(/^versions\.0: changes\.0: /)] });
    expect(dropped({ ...ok, versions: [version([{ stepType: "teleport" }])] })).toEqual({ versions: [], dropped: [expect.stringMatching(/^versions\.0: changes\.0: not a step Copydesk reads/)] });
  });

  it("exports none of the review", async () => {
    const result = parseArticleFile(JSON.stringify(withNote({ people: { p1: amira }, notes: { n1: thread({ body: "SECRET-NOTE" }) } })));
    if (!result.ok) throw new Error(result.errors.join("\n"));
    expect(fieldText(result.article.doc, "headline")).toBeTruthy();
    for (const format of ["html", "md", "txt", "nitf", "ninjs"] as const) {
      const out = String(await exportArticle(result.article, format));
      expect(out).not.toContain("SECRET-NOTE");
      expect(out).not.toContain("data-note");
    }
  });
});
