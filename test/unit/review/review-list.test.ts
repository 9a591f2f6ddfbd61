import { describe, expect, it } from "vitest";
import type { Article } from "../../../shared/article";
import { personFrom } from "../../../shared/review/people";
import { emptyReview, type NoteThread, type Review } from "../../../shared/review/review";
import {
  authorsInList,
  cursorPlace,
  everything,
  filterReviewList,
  itemLabel,
  openCountText,
  reviewList,
  suggestionParts,
  type ListedSuggestion,
} from "../../../shared/review/review-list";
import { schema } from "../../../shared/schema";
import { article, meta, p } from "../editor/builders";

// The Review panel's list: desk notes first, then notes and suggestions in the order of the text
// (the standfirst before the body), then notes whose words are gone; resolved notes left out; and
// its filters by author and by kind.

const n = schema.nodes;
const note = (id: string) => schema.marks.note.create({ id });
const ins = (id: string) => schema.marks.insertion.create({ id });
const del = (id: string) => schema.marks.deletion.create({ id });

const thread = (author: string, anchor: NoteThread["anchor"], body: string, extra: Partial<NoteThread> = {}): NoteThread => ({
  anchor,
  quote: "",
  author,
  time: "2026-11-29T10:00:00.000Z",
  body,
  replies: [],
  resolved: null,
  ...extra,
});

/// A story reviewed by an editor (Amira Haddad) and a sub (Tom Li).
function reviewedStory(): Article {
  const doc = article({
    headline: "Storm closes the harbour",
    standfirst: [schema.text("Ferries "), schema.text("stayed", [del("s-stand")]), " in port."],
    body: [
      p(schema.text("Gusts reached "), schema.text("120", [note("n-gusts")]), schema.text(" km/h", [ins("s-unit")]), "."),
      n.paragraph.create(null, [schema.text("A paragraph the sub wrote.", [ins("s-para")])], [ins("s-para")]),
      p(schema.text("The port reopens "), schema.text("on Friday", [note("n-friday"), del("s-day")]), schema.text("on Thursday", [ins("s-day")]), "."),
    ],
  });
  const review: Review = {
    ...emptyReview(),
    people: { editor: personFrom("Amira Haddad", "AH"), sub: personFrom("Tom Li", "TL") },
    notes: {
      "n-friday": thread("sub", "text", "Check with the harbour master.", { replies: [{ id: "r1", author: "editor", time: "2026-11-29T10:05:00.000Z", body: "Done." }] }),
      "n-gusts": thread("editor", "text", "Source?"),
      "n-desk": thread("editor", "article", "Cut to 400 words."),
      "n-gone": thread("sub", "text", "Was this confirmed?", { quote: "a deleted sentence" }),
      "n-done": thread("editor", "text", "Fine now.", { resolved: { by: "editor", time: "2026-11-29T10:10:00.000Z" } }),
    },
    suggestions: {
      "s-stand": { author: "editor", time: "2026-11-29T10:01:00.000Z", kind: "delete" },
      "s-unit": { author: "editor", time: "2026-11-29T10:02:00.000Z", kind: "insert" },
      "s-para": { author: "sub", time: "2026-11-29T10:03:00.000Z", kind: "insert" },
      "s-day": { author: "sub", time: "2026-11-29T10:04:00.000Z", kind: "delete" },
    },
  };
  return { meta: meta(), doc, assets: {}, review };
}

describe("reviewList", () => {
  it("lists desk notes first, then what is on the text in its order, then notes whose words are gone; resolved ones left out", () => {
    const items = reviewList(reviewedStory());
    expect(items.map((i) => i.key)).toEqual([
      "note:n-desk",
      "suggestion:s-stand",
      "note:n-gusts",
      "suggestion:s-unit",
      "suggestion:s-para",
      "note:n-friday",
      "suggestion:s-day",
      "note:n-gone",
    ]);
    const places = items.flatMap((i) => (i.type === "note" ? [[i.id, i.place, i.words, i.replies]] : []));
    expect(places).toEqual([
      ["n-desk", "desk", "", 0],
      ["n-gusts", "text", "120", 0],
      ["n-friday", "text", "on Friday", 1],
      ["n-gone", "unanchored", "a deleted sentence", 0],
    ]);
    expect(items.find((i) => i.id === "s-day")).toMatchObject({ author: { id: "sub", name: "Tom Li", initials: "TL", colour: personFrom("Tom Li", "TL").colour }, deleted: "on Friday", inserted: "on Thursday" });
    expect(openCountText(items)).toBe("4 notes, 4 suggestions open");
  });

  it("lists nothing for an article without a review", () => {
    const items = reviewList({ meta: meta(), doc: article({ headline: "Quiet day" }), assets: {} });
    expect(items).toEqual([]);
    expect(openCountText(items)).toBe("Nothing open");
  });

  it("shows a suggestion by someone the file does not name under their id, in a colour of their own", () => {
    const story = reviewedStory();
    delete story.review!.suggestions["s-unit"];
    const unit = reviewList(story).find((i) => i.id === "s-unit")!;
    expect(unit.author).toMatchObject({ id: "unknown", name: "unknown", initials: "" });
    expect(unit.author.colour).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe("filterReviewList", () => {
  const items = reviewList(reviewedStory());

  it("keeps one author's notes and suggestions, in the list's order", () => {
    expect(filterReviewList(items, { author: "sub", show: "all" }).map((i) => i.key)).toEqual(["suggestion:s-para", "note:n-friday", "suggestion:s-day", "note:n-gone"]);
  });

  it("keeps only notes, or only suggestions, and both filters together", () => {
    expect(filterReviewList(items, { author: null, show: "notes" }).every((i) => i.type === "note")).toBe(true);
    expect(filterReviewList(items, { author: null, show: "suggestions" })).toHaveLength(4);
    expect(filterReviewList(items, { author: "editor", show: "suggestions" }).map((i) => i.id)).toEqual(["s-stand", "s-unit"]);
    expect(filterReviewList(items, everything)).toEqual(items);
  });

  it("offers everyone with something open, by name", () => {
    expect(authorsInList(items).map((a) => a.name)).toEqual(["Amira Haddad", "Tom Li"]);
    expect(authorsInList(filterReviewList(items, { author: null, show: "suggestions" })).map((a) => a.id)).toEqual(["editor", "sub"]);
  });
});

describe("the words of an item", () => {
  const items = reviewList(reviewedStory());
  const suggestion = (id: string) => items.find((i) => i.id === id) as ListedSuggestion;

  it("shows a replacement as the words deleted and the words inserted", () => {
    expect(suggestionParts(suggestion("s-day"))).toEqual([
      { sign: "–", text: "on Friday" },
      { sign: "+", text: "on Thursday" },
    ]);
    expect(itemLabel(suggestion("s-day"))).toBe("Suggestion by Tom Li: delete “on Friday”, insert “on Thursday”");
  });

  it("names a change of a block's kind, which has no words", () => {
    expect(suggestionParts({ ...suggestion("s-day"), kind: "format", inserted: "", deleted: "" })).toEqual([{ sign: null, text: "Changes the kind of block" }]);
  });

  it("gives a note's label its words, its body and its replies", () => {
    const friday = items.find((i) => i.id === "n-friday")!;
    expect(itemLabel(friday)).toBe("Note by Tom Li on “on Friday”: Check with the harbour master. (1 reply)");
    expect(itemLabel(items[0])).toBe("Desk note by Amira Haddad: Cut to 400 words.");
  });
});

describe("cursorPlace", () => {
  const doc = reviewedStory().doc;
  const textAt = (pos: number) => doc.resolve(pos).parent.textBetween(doc.resolve(pos).parentOffset, doc.resolve(pos).parent.content.size);

  it("puts the cursor one character into a note's or a suggestion's first words", () => {
    expect(textAt(cursorPlace(doc, "note:n-friday")!)).toMatch(/^n Friday/);
    expect(textAt(cursorPlace(doc, "suggestion:s-unit")!)).toMatch(/^km\/h/);
  });

  it("puts it at the start of a block a suggestion marks as a whole, and nowhere for what is not in the text", () => {
    expect(textAt(cursorPlace(doc, "suggestion:s-para")!)).toBe("A paragraph the sub wrote.");
    expect(cursorPlace(doc, "note:n-desk")).toBeNull();
    expect(cursorPlace(doc, "note:n-gone")).toBeNull();
  });
});
