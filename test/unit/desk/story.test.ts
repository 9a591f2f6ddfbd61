import { describe, expect, it } from "vitest";
import { emptyReview } from "../../../shared/review/review";
import { schema } from "../../../shared/schema";
import { summarizeStory, unreadableStory } from "../../../shared/desk/story";
import { article, meta, p } from "../editor/builders";
import { story } from "./stories";

// A story's line on the desk: what the list shows of an article file, and the text its search looks in.

describe("a story's line on the desk", () => {
  it("shows the headline, status, authors, words, embargo, urgency, time and the open review", () => {
    const noted = schema.text("Tuesday", [schema.marks.note.create({ id: "n1" })]);
    const a = {
      meta: meta({
        status: "filed",
        urgency: 3,
        embargo: "2030-01-01T09:00:00.000Z",
        updated: "2026-11-29T10:00:00.000Z",
        authors: [
          { name: "Amira Haddad", role: "writer", jobTitle: "", email: "" },
          { name: "Tom Reyes", role: "photographer", jobTitle: "", email: "" },
        ],
      }),
      doc: article({ headline: "Flood waters rise", byline: "By the desk", body: [p("Rain fell on ", noted, " in the north.")] }),
      assets: {},
      review: {
        ...emptyReview(),
        notes: {
          n1: { anchor: "text" as const, quote: "Tuesday", author: "ah", time: "2026-11-29T10:00:00.000Z", body: "Monday?", replies: [], resolved: null },
          n2: { anchor: "article" as const, quote: "", author: "ah", time: "2026-11-29T10:00:00.000Z", body: "Old", replies: [], resolved: { by: "ah", time: "2026-11-29T11:00:00.000Z" } },
        },
      },
    };
    const { story: line } = summarizeStory("north/flood.article", a);
    expect(line).toEqual({
      id: "north/flood.article",
      headline: "Flood waters rise",
      status: "filed",
      authors: ["Amira Haddad", "Tom Reyes"],
      words: 3 + 3 + 7,
      embargo: "2030-01-01T09:00:00.000Z",
      urgency: 3,
      updated: "2026-11-29T10:00:00.000Z",
      notes: 1,
      suggestions: 0,
    });
  });

  it("names the byline as the author when the metadata names none", () => {
    expect(summarizeStory("a.article", story("Headline", ["Body."], { authors: [] }, "Jo Bloggs")).story.authors).toEqual(["Jo Bloggs"]);
    expect(summarizeStory("a.article", story("Headline", ["Body."], { authors: [] })).story.authors).toEqual([]);
  });

  it("searches the headline and the body in lower case, without accents", () => {
    const { searchText } = summarizeStory("a.article", story("Zürich VOTES", ["Crème brûlée sales rise.", "Second paragraph."]));
    expect(searchText).toContain("zurich votes");
    expect(searchText).toContain("creme brulee");
    expect(searchText).toContain("second paragraph");
  });

  it("makes a line saying why for a file that could not be read", () => {
    expect(unreadableStory("bad.article", "the file is empty", "2026-01-01T00:00:00.000Z")).toMatchObject({ id: "bad.article", status: null, problem: "could not be read: the file is empty" });
  });
});
