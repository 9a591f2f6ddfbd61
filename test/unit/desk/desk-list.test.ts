import { describe, expect, it } from "vitest";
import { authorsOn, deskColumns, filterStories, searchStories, sortStories, type DeskColumn } from "../../../shared/desk/desk-list";
import { unreadableStory, type DeskStory } from "../../../shared/desk/story";

// The desk's list: every column sorts both ways (empty values last), the filters narrow it, and the
// search finds stories holding every word of the query.

const line = (id: string, changes: Partial<DeskStory>): DeskStory => ({
  id,
  headline: id,
  status: "draft",
  authors: [],
  words: 0,
  embargo: null,
  urgency: null,
  updated: "2026-01-01T00:00:00.000Z",
  notes: 0,
  suggestions: 0,
  ...changes,
});

const stories = [
  line("a", { headline: "Budget vote", status: "filed", authors: ["Tom Reyes"], words: 300, urgency: 3, embargo: "2030-01-01T09:00:00.000Z", updated: "2026-11-29T10:00:00.000Z", notes: 2 }),
  line("b", { headline: "army moves north", status: "ready", authors: ["Amira Haddad"], words: 800, urgency: 1, updated: "2026-11-28T10:00:00.000Z", suggestions: 1 }),
  line("c", { headline: "Council meets", status: "draft", authors: ["Amira Haddad", "Tom Reyes"], words: 50, updated: "2026-11-30T10:00:00.000Z" }),
  unreadableStory("d", "the file is empty", "2026-11-27T10:00:00.000Z"),
];

const ids = (list: DeskStory[]) => list.map((s) => s.id).join("");

describe("sorting the desk", () => {
  const expected: Record<DeskColumn, string> = {
    headline: "bacd",
    status: "cabd",
    authors: "bcad",
    words: "dcab",
    embargo: "abcd",
    urgency: "bacd",
    updated: "dbac",
    review: "cdba",
  };
  for (const column of deskColumns) {
    it(`sorts by ${column}, both ways`, () => {
      expect(ids(sortStories(stories, column, "ascending"))).toBe(expected[column]);
      const descending = ids(sortStories(stories, column, "descending"));
      // Descending is the reverse, except that ties keep their order.
      if (!["embargo", "urgency", "review"].includes(column)) expect(descending).toBe([...expected[column]].reverse().join(""));
      expect(descending).toHaveLength(4);
    });
  }
  it("does not change the list it is given", () => {
    sortStories(stories, "words", "descending");
    expect(ids(stories)).toBe("abcd");
  });
});

describe("filtering the desk", () => {
  it("by status, author, urgency, embargo and open review", () => {
    expect(ids(filterStories(stories, { status: "filed" }))).toBe("a");
    expect(ids(filterStories(stories, { author: "Tom Reyes" }))).toBe("ac");
    expect(ids(filterStories(stories, { urgency: 1 }))).toBe("b");
    expect(ids(filterStories(stories, { embargoed: true }))).toBe("a");
    expect(ids(filterStories(stories, { openReview: true }))).toBe("ab");
    expect(ids(filterStories(stories, { author: "Amira Haddad", status: "draft" }))).toBe("c");
    expect(ids(filterStories(stories, { found: new Set(["b", "c"]) }))).toBe("bc");
    expect(ids(filterStories(stories, {}))).toBe("abcd");
  });
  it("offers each author once", () => {
    expect(authorsOn(stories)).toEqual(["Amira Haddad", "Tom Reyes"]);
  });
});

describe("searching the desk", () => {
  const texts: [string, string][] = [
    ["a", "budget vote in parliament\nthe minister said"],
    ["b", "army moves north\nzurich talks"],
  ];
  it("finds the stories holding every word, in any case and without accents", () => {
    expect(searchStories(texts, "Parliament")).toEqual(["a"]);
    expect(searchStories(texts, "ZÜRICH")).toEqual(["b"]);
    expect(searchStories(texts, "army talks")).toEqual(["b"]);
    expect(searchStories(texts, "army parliament")).toEqual([]);
    expect(searchStories(texts, "  ")).toEqual([]);
  });
});
