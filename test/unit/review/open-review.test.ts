import { describe, expect, it } from "vitest";
import type { Article } from "../../../shared/article";
import { notePlaces, openCounts, openReview } from "../../../shared/review/open-review";
import { emptyReview, type NoteThread } from "../../../shared/review/review";
import { schema } from "../../../shared/schema";
import { article, meta, p, quote } from "../editor/builders";

// What of the review is still open, and where each note is: the field, or the body block's number
// (from 1, counting top-level blocks), with the words under its marks, one stretch per run.

const note = (id: string) => schema.marks.note.create({ id });
const bold = schema.marks.strong.create();
const thread = (anchor: NoteThread["anchor"], time: string, resolved = false): NoteThread => ({
  anchor,
  quote: "",
  author: "p1",
  time,
  body: "Check.",
  replies: [],
  resolved: resolved ? { by: "p1", time } : null,
});

describe("notePlaces", () => {
  it("joins a note's runs across other marks, and keeps its stretches in different blocks apart", () => {
    const doc = article({
      headline: "Arms sales",
      body: [
        p(schema.text("The US will "), schema.text("speed ", [note("n1")]), schema.text("up", [note("n1"), bold]), schema.text(" sales.")),
        quote([p(schema.text("We will ", [note("n1")]), schema.text("act"), schema.text(" now", [note("n1")]))], "Kerry"),
      ],
    });
    expect(notePlaces(doc).get("n1")).toEqual([
      { field: "body", block: 1, text: "speed up" },
      { field: "body", block: 2, text: "We will " },
      { field: "body", block: 2, text: " now" },
    ]);
  });
});

describe("openReview", () => {
  it("lists open notes in document order, desk notes oldest first, suggestions, and counts the resolved", () => {
    const deleted = schema.marks.deletion.create({ id: "s1" });
    const doc = article({ body: [p(schema.text("first", [note("late")])), p(schema.text("second", [note("early")]), schema.text(" draft", [deleted]))] });
    const a: Article = {
      meta: meta(),
      doc,
      assets: {},
      review: {
        ...emptyReview(),
        people: { p1: { name: "Amira Haddad", initials: "AH", colour: "#2b6cb0" } },
        notes: {
          early: thread("text", "2026-11-29T09:00:00Z"),
          late: thread("text", "2026-11-29T11:00:00Z"),
          done: thread("text", "2026-11-29T08:00:00Z", true),
          d2: thread("article", "2026-11-29T12:00:00Z"),
          d1: thread("article", "2026-11-29T07:00:00Z"),
        },
        suggestions: { s1: { author: "p1", time: "2026-11-29T10:00:00Z", kind: "delete" } },
      },
    };
    const open = openReview(a);
    expect(open.notes.map((n) => [n.id, n.places.map((x) => x.text)])).toEqual([
      ["late", ["first"]],
      ["early", ["second"]],
    ]);
    expect(open.deskNotes.map((n) => n.id)).toEqual(["d1", "d2"]);
    expect(open.suggestions).toEqual([{ id: "s1", kind: "delete", author: { id: "p1", name: "Amira Haddad", initials: "AH" }, time: "2026-11-29T10:00:00Z", inserted: "", deleted: " draft" }]);
    expect(open.resolved).toBe(1);
    expect(openCounts(a.review!)).toEqual({ notes: 4, suggestions: 1 });
  });

  it("finds nothing open in an article without a review", () => {
    expect(openReview({ meta: meta(), doc: article({}), assets: {} })).toEqual({ notes: [], deskNotes: [], suggestions: [], resolved: 0 });
  });
});
