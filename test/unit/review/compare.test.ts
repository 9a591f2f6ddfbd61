import type { Node as PMNode } from "prosemirror-model";
import { describe, expect, it } from "vitest";
import type { Article, ArticleMeta } from "../../../shared/article";
import { compareArticles, type TextPiece } from "../../../shared/review/compare";
import { redlineText } from "../../../shared/review/redline-text";
import { schema } from "../../../shared/schema";
import { article, h2, meta, p, quote, related, strong, type ArticleParts } from "../editor/builders";

// Comparing two versions of an article: each field's words, the metadata, related links and the
// body block by block (inserted, deleted, changed word by word, moved); notes are not copy.

const story = (parts: ArticleParts, changes: Partial<ArticleMeta> = {}): Article => ({ meta: meta(changes), doc: article(parts), assets: {} });
const compare = (a: Article, b: Article) => compareArticles(a, b);
/// A redline's pieces as one marked-up string, the way the command line writes them.
const marked = (pieces: TextPiece[]) => pieces.map((x) => (x.change === "deleted" ? `[-${x.text}-]` : x.change === "inserted" ? `{+${x.text}+}` : x.text)).join("");
const noted = (text: string, id: string) => schema.text(text, [schema.marks.note.create({ id })]);
const paragraphs = (...texts: string[]) => texts.map((t) => p(t));

const lead = "The United States will speed up arms sales to Iraq.";
const second = "Officials said the first deliveries would come in March.";
const third = "Iraq has asked for drones and missiles since last year.";
const fourth = "Fighting in Anbar province has killed hundreds of people.";

describe("compareArticles", () => {
  it("finds nothing between an article and itself, nor between two empty articles", () => {
    const a = story({ headline: "Arms sales", body: paragraphs(lead, second), related: [related("Iraq")] }, { tags: ["IRAQ"] });
    expect(compare(a, a)).toEqual({ equal: true, fields: [], meta: [], related: [], body: [] });
    expect(compare(story({}), story({})).equal).toBe(true);
    expect(redlineText(compare(a, a))).toEqual([]);
  });

  it("redlines a field's words, and names what changed beyond them", () => {
    const a = story({ headline: "US speeds up arms sales to Iraq", dateline: "WASHINGTON", date: "2014-01-07", standfirst: ["Missiles and drones"] });
    const b = story({ headline: "US speeds up missile sales to Iraq", dateline: "WASHINGTON", date: "2014-01-08", source: "AFP", standfirst: [strong("Missiles"), " and drones"] });
    const { fields } = compare(a, b);
    expect(fields.map((f) => f.field)).toEqual(["headline", "standfirst", "dateline"]);
    expect(marked(fields[0].pieces)).toBe("US speeds up [-arms-]{+missile+} sales to Iraq");
    expect(fields[0].label).toBe("Headline");
    expect(fields[1].details).toEqual(["spacing, formatting or links changed"]);
    expect(fields[2].details).toEqual(["date 2014-01-07 → 2014-01-08", "source (none) → AFP"]);
  });

  it("lists changed metadata with both values", () => {
    const a = story({}, { status: "draft", tags: ["IRAQ"], embargo: null, located: { city: "Baghdad", region: "", country: "Iraq" } });
    const b = story({}, { status: "ready", tags: ["IRAQ", "US"], embargo: "2014-01-08T06:00:00Z", urgency: 3, subjects: [{ code: "medtop:11000000", name: "politics" }, { code: "medtop:16000000", name: "conflict, war and peace" }], located: { city: "Mosul", region: "Nineveh", country: "Iraq" } });
    expect(compare(a, b).meta).toEqual([
      { field: "status", label: "Status", before: "draft", after: "ready" },
      { field: "tags", label: "Keywords", before: "IRAQ", after: "IRAQ, US" },
      { field: "embargo", label: "Embargo", before: "(none)", after: "2014-01-08T06:00:00Z" },
      { field: "urgency", label: "Urgency", before: "(none)", after: "3" },
      { field: "subjects", label: "Subjects", before: "(none)", after: "politics, conflict, war and peace" },
      { field: "located", label: "Located", before: "Baghdad, Iraq", after: "Mosul, Nineveh, Iraq" },
    ]);
  });

  it("finds related links inserted, deleted and changed", () => {
    const a = story({ related: [related("Fallujah falls"), related("Army attacks", "https://example.com/army")] });
    const b = story({ related: [related("Fallujah falls"), related("The army attacks", "https://example.com/army"), related("Kerry visits")] });
    const changes = compare(a, b).related;
    expect(changes.map((c) => [c.change, c.number, c.before?.title ?? null, c.after?.title ?? null])).toEqual([
      ["changed", 2, "Army attacks", "The army attacks"],
      ["inserted", 3, null, "Kerry visits"],
    ]);
    expect(compare(b, a).related.map((c) => c.change)).toEqual(["changed", "deleted"]);
  });

  it("finds a paragraph inserted and one deleted, numbered in their versions", () => {
    const a = story({ body: paragraphs(lead, second, third) });
    const inserted = compare(a, story({ body: paragraphs(lead, fourth, second, third) })).body;
    expect(inserted).toEqual([{ change: "inserted", before: null, after: 2, kind: "paragraph", pieces: [{ change: "inserted", text: fourth }], details: [] }]);
    const deleted = compare(a, story({ body: paragraphs(lead, third) })).body;
    expect(deleted).toEqual([{ change: "deleted", before: 2, after: null, kind: "paragraph", pieces: [{ change: "deleted", text: second }], details: [] }]);
  });

  it("redlines the words of a changed paragraph, and a subheading that was a paragraph", () => {
    const a = story({ body: paragraphs(lead, second) });
    const b = story({ body: [p("The United States will quickly speed up arms sales to Iraq."), h2(second)] });
    const [words, kind] = compare(a, b).body;
    expect(marked(words.pieces)).toBe("The United States will {+quickly +}speed up arms sales to Iraq.");
    expect(words).toMatchObject({ change: "changed", before: 1, after: 1 });
    expect(kind).toMatchObject({ change: "changed", before: 2, after: 2, kind: "subheading", details: ["was a paragraph"] });
  });

  it("shows a rewritten paragraph deleted then inserted, not as a soup of words", () => {
    const a = story({ body: paragraphs(lead, second) });
    const b = story({ body: paragraphs(lead, "Nobody expects drones before the summer, a diplomat told reporters.") });
    expect(compare(a, b).body[0].pieces.map((x) => x.change)).toEqual(["deleted", "inserted"]);
  });

  it("finds a paragraph moved, once, at its new place", () => {
    const a = story({ body: paragraphs(lead, second, third, fourth) });
    const b = story({ body: paragraphs(lead, third, fourth, second) });
    expect(compare(a, b).body).toEqual([{ change: "moved", before: 2, after: 4, kind: "paragraph", pieces: [{ change: "same", text: second }], details: [] }]);
  });

  it("compares blocks of several parts line by line (a quote and its attribution)", () => {
    const a = story({ body: [quote([p("We will not send forces.")], "John Kerry")] });
    const b = story({ body: [quote([p("We will not send troops.")], "John Kerry")] });
    const [change] = compare(a, b).body;
    expect(change.kind).toBe("quote");
    expect(marked(change.pieces)).toBe("We will not send [-forces-]{+troops+}.\nJohn Kerry");
  });

  it("leaves the review out: a note added or resolved is no difference", () => {
    const plain = story({ headline: "Arms sales", body: [p(lead)] });
    const doc: PMNode = article({ headline: "Arms sales", body: [p("The United States will ", noted("speed up", "n1"), " arms sales to Iraq.")] });
    const withNote: Article = {
      ...plain,
      doc,
      review: { people: { p1: { name: "Amira Haddad", initials: "AH", colour: "#2b6cb0" } }, notes: { n1: { anchor: "text", quote: "speed up", author: "p1", time: "2026-11-29T10:00:00.000Z", body: "Source?", replies: [], resolved: null } }, suggestions: {}, versions: [], workflow: [] },
    };
    expect(compare(plain, withNote).equal).toBe(true);
  });

  it("compares words in any script: Cyrillic, Japanese, Arabic, emoji", () => {
    const pairs: [string, string, string, string][] = [
      ["ru", "Привет мир сегодня", "Привет миру сегодня", "Привет [-мир-]{+миру+} сегодня"],
      ["ja", "東京で会議が開かれた", "大阪で会議が開かれた", "[-東京-]{+大阪+}で会議が開かれた"],
      ["ar", "مرحبا بالعالم", "مرحبا بالعالم الجميل", "مرحبا بالعالم{+ الجميل+}"],
      ["en", "He said 👍🏽 «oui» today", "He said 👍🏽 «non» today", "He said 👍🏽 «[-oui-]{+non+}» today"],
    ];
    for (const [language, before, after, expected] of pairs) {
      const [change] = compare(story({ body: [p(before)] }, { language }), story({ body: [p(after)] }, { language })).body;
      expect(marked(change.pieces), language).toBe(expected);
    }
  });

  it("compares a paragraph of 20,000 words: a few changes word by word, a rewrite of one word in seven whole", () => {
    const words = Array.from({ length: 20_000 }, (_, i) => ["minister", "said", "the", "talks", "would", "resume"][i % 6] + (i % 11));
    const text = words.join(" ");
    const few = words.map((w, i) => (i % 500 === 0 ? "CHANGED" : w)).join(" ");
    const many = words.map((w, i) => (i % 7 === 0 ? "CHANGED" : w)).join(" ");
    const [light] = compare(story({ body: [p(text)] }), story({ body: [p(few)] })).body;
    expect(light.pieces.filter((x) => x.change === "inserted").map((x) => x.text)).toEqual(Array.from({ length: 40 }, () => "CHANGED"));
    const [heavy] = compare(story({ body: [p(text)] }), story({ body: [p(many)] })).body;
    expect(heavy.pieces).toEqual([
      { change: "deleted", text },
      { change: "inserted", text: many },
    ]);
  });

  it("aligns versions too far apart for the exact alignment on the blocks they share", () => {
    const shared = Array.from({ length: 10 }, (_, i) => `Shared paragraph number ${i} stays where it was.`);
    const older = Array.from({ length: 250 }, (_, i) => `Old paragraph ${i} about the minister and the budget.`);
    const newer = Array.from({ length: 250 }, (_, i) => `New text ${i}: storms flooded the northern villages overnight.`);
    const { body } = compare(story({ body: paragraphs(...older, ...shared) }), story({ body: paragraphs(...newer, ...shared) }));
    expect(body).toHaveLength(250);
    expect(body.every((c) => c.change === "changed" && c.before === c.after && c.after! <= 250)).toBe(true);
  });
});

describe("redlineText", () => {
  const a = story({ headline: "Arms sales to Iraq", body: paragraphs(lead, second, third) }, { status: "draft" });
  const b = story({ headline: "Arms sales to Iraq speed up", body: paragraphs(lead, third, fourth) }, { status: "ready" });

  it("writes a heading per field, metadata and block, the words marked [-deleted-] and {+inserted+}", () => {
    expect(redlineText(compare(a, b))).toEqual([
      "Headline:",
      "  Arms sales to Iraq{+ speed up+}",
      "Metadata:",
      "  Status: [-draft-] {+ready+}",
      "Body, paragraph, deleted (was 2):",
      `  [-${second}-]`,
      "Body 3, paragraph, inserted:",
      `  {+${fourth}+}`,
    ]);
  });

  it("colours deletions red and insertions green, keeping the brackets, and bolds headings", () => {
    const lines = redlineText(compare(a, b), { colour: true });
    expect(lines[0]).toBe("\x1b[1mHeadline:\x1b[22m");
    expect(lines[1]).toBe("  Arms sales to Iraq\x1b[32m{+ speed up+}\x1b[39m");
    expect(lines[3]).toBe("  Status: \x1b[31m[-draft-]\x1b[39m \x1b[32m{+ready+}\x1b[39m");
  });
});
