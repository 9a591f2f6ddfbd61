import { describe, expect, it } from "vitest";
import { salvageArticle } from "../../../shared/article-salvage";
import { articleToJSON } from "../../../shared/article";
import { articleFromJSON, parseArticleFile, serializeArticle } from "../../../shared/article-file";
import { salvageReview } from "../../../shared/review/review-salvage";
import { reviewedArticle } from "./reviewed-article";

// A review the file format refuses must not cost the desk its notes: the entries it accepts are
// kept as they are, and a refused thread's words (note and replies) are kept in an open note.

const now = new Date("2026-11-29T12:00:00.000Z");
const editor = { name: "Ana Editor", initials: "AE", colour: "#2b6cb0" };
const thread = (body: string, extra: Record<string, unknown> = {}) => ({ anchor: "article", quote: "", author: "ana", time: "2026-11-29T10:00:00.000Z", body, replies: [], resolved: null, ...extra });

describe("salvaging a review", () => {
  it("keeps a review the format accepts as it is", () => {
    const changes: string[] = [];
    const review = { people: { ana: editor }, notes: { n1: thread("Check the figure.") }, suggestions: {}, versions: [], workflow: [{ status: "filed" as const, by: "ana", time: now.toISOString(), note: "n1" }] };
    expect(salvageReview(review, now, changes)).toEqual(review);
    expect(changes).toEqual([]);
  });

  it("keeps the good threads, and every word of a refused one (its replies too) in an open note", () => {
    const changes: string[] = [];
    const review = salvageReview(
      {
        people: { ana: editor, bad: { name: "", initials: "", colour: "red" } },
        notes: {
          good: thread("Check the figure."),
          broken: thread("Who said this?", { time: "yesterday", resolved: { by: "ana", time: "2026-11-29T11:00:00.000Z" }, replies: [{ id: "r1", author: "ghost", time: "2026-11-29T10:05:00.000Z", body: "The minister did." }] }),
        },
      },
      now,
      changes,
    );
    expect(Object.keys(review.people)).toEqual(["ana"]);
    expect(review.notes.good.body).toBe("Check the figure.");
    expect(review.notes.broken).toMatchObject({ author: "ana", time: now.toISOString(), resolved: null, anchor: "article" });
    expect(review.notes.broken.body).toContain("Who said this?");
    expect(review.notes.broken.body).toContain("Reply by ghost (2026-11-29T10:05:00.000Z): The minister did.");
    expect(changes).toEqual(['the note "broken" was kept as an open note holding its words']);
  });

  it("gives a thread whose author is not one of the people to a recovered author", () => {
    const changes: string[] = [];
    const review = salvageReview({ people: {}, notes: { n1: thread("Too long?") } }, now, changes);
    expect(review.notes.n1.author).toBe("recovered");
    expect(review.people.recovered.name).toBe("Unknown (recovered note)");
  });

  it("splits a note longer than a note may be into several, losing no word", () => {
    const long = Array.from({ length: 3000 }, (_, i) => `word${i}`).join(" ");
    const review = salvageReview({ people: { ana: editor }, notes: { n1: thread(long, { quote: 5 }) } }, now, []);
    const kept = Object.values(review.notes).map((t) => t.body).join("");
    expect(kept).toBe(long);
    expect(Object.keys(review.notes).length).toBeGreaterThan(1);
  });

  it("drops refused suggestions, and versions from the first refused one back", () => {
    const changes: string[] = [];
    const version = (id: string) => ({ id, author: "ana", time: "2026-11-29T09:00:00.000Z", name: null, words: 3, meta: {}, changes: [] });
    const review = salvageReview(
      { people: { ana: editor }, suggestions: { s1: { author: "ana", time: "2026-11-29T10:00:00.000Z", kind: "insert" }, s2: { kind: "nonsense" } }, versions: [version("v1"), { id: "v2" }, version("v3")] },
      now,
      changes,
    );
    expect(Object.keys(review.suggestions)).toEqual(["s1"]);
    expect(review.versions.map((v) => v.id)).toEqual(["v3"]);
    expect(changes).toEqual(["1 suggested edit was not readable and left out (their words stay in the story)", "2 older versions were not readable and left out"]);
  });

  it("an article whose review is refused is saved with its notes' words and their marks", () => {
    const { article } = reviewedArticle();
    // What the window sends: the article as JSON, its review beside it.
    const payload = JSON.parse(JSON.stringify({ ...articleToJSON(article), review: article.review }));
    const [first] = Object.keys(payload.review.notes);
    payload.review.notes[first].time = "not a time";
    expect(articleFromJSON(payload).ok).toBe(false);
    const { article: salvaged, changes } = salvageArticle(payload);
    const file = parseArticleFile(serializeArticle(salvaged));
    expect(file.ok).toBe(true);
    expect(salvaged.review!.notes[first].body).toBe(article.review!.notes[first].body);
    expect(Object.keys(salvaged.review!.notes)).toEqual(Object.keys(article.review!.notes));
    expect(salvaged.doc.eq(article.doc)).toBe(true);
    expect(changes).toEqual([`the note "${first}" was kept as an open note holding its words`]);
  });
});
