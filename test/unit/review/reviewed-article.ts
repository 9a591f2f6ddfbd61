import type { Node as PMNode } from "prosemirror-model";
import { createArticle, type Article } from "../../../shared/article";
import { personFrom } from "../../../shared/review/people";
import type { NoteThread, Review } from "../../../shared/review/review";
import { schema } from "../../../shared/schema";

// An article full of the desk's review: a note on text in every field and every kind of body
// block, resolved notes, replies, desk notes (open and resolved) and a suggested edit. Every word
// of the review holds "zqx" (note ids, people, bodies, replies), which no copy of the article
// does, so a test can tell when any of it reaches published copy.

/// What marks the review's words: none of the article's copy holds it.
export const reviewMarker = "zqx";

const n = schema.nodes;
const at = (minute: number) => `2026-11-29T10:${String(minute).padStart(2, "0")}:00.000Z`;

let noteCount = 0;
const threads: Record<string, NoteThread> = {};

/// Text whose middle words carry a new open note (with a reply on every other one).
function noted(before: string, words: string, after: string): PMNode[] {
  noteCount += 1;
  const id = `zqxnote${noteCount}`;
  threads[id] = {
    anchor: "text",
    quote: words,
    author: "zqx-editor",
    time: at(noteCount),
    body: `Check this zqx ${noteCount}, please.`,
    replies: noteCount % 2 === 0 ? [{ id: `zqxreply${noteCount}`, author: "zqx-reporter", time: at(noteCount + 1), body: `Checked zqx ${noteCount}.` }] : [],
    resolved: null,
  };
  return [before, words, after].filter(Boolean).map((text, i) => (i === (before ? 1 : 0) ? schema.text(text, [schema.marks.note.create({ id })]) : schema.text(text)));
}

/// The article, its review and the words the notes are on (each must stay in every export).
export function reviewedArticle(): { article: Article; notedWords: string[] } {
  noteCount = 0;
  for (const id of Object.keys(threads)) delete threads[id];
  const doc = n.doc.create(null, [
    n.kicker.create(null, noted("", "Middle East", "")),
    n.headline.create(null, noted("Arms sales to ", "Iraq", " speed up")),
    n.standfirst.create(null, noted("The United States ", "will speed up", " deliveries.")),
    n.byline.create(null, noted("Text by ", "FRANCE 24", "")),
    n.dateline.create({ date: "2014-01-07", source: "AFP" }, noted("", "WASHINGTON", "")),
    n.body.create(null, [
      n.paragraph.create(null, noted("Washington said on ", "Monday", " it would act.")),
      n.subheading.create(null, noted("Suffering at the ", "hands", " of terrorists")),
      n.blockquote.create(null, [n.paragraph.create(null, noted("We will not be ", "sending forces", ".")), n.attribution.create(null, noted("", "John Kerry", ""))]),
      n.pullquote.create(null, [n.pullquote_text.create(null, noted("A ", "resurgence", " of violence")), n.attribution.create(null, noted("", "An official", ""))]),
      n.figure.create(null, [
        n.image.create({ src: "https://example.com/drone.jpg", alt: "A surveillance drone" }),
        n.caption.create(null, noted("A ", "surveillance", " drone.")),
        n.credit.create(null, noted("", "AFP photo", "")),
      ]),
      n.bullet_list.create(null, [n.list_item.create(null, n.paragraph.create(null, noted("Hellfire ", "missiles", " first")))]),
      // A suggested replacement: the words it deletes hold "zqx" (they must reach no published copy), the words it inserts do not (they must).
      n.paragraph.create(null, [
        schema.text("Deliveries begin "),
        schema.text("zqxdeleted soon", [schema.marks.deletion.create({ id: "zqxsuggestion" })]),
        schema.text("next week", [schema.marks.insertion.create({ id: "zqxsuggestion" })]),
        schema.text("."),
      ]),
      n.paragraph.create(null, [schema.text("Resolved: "), schema.text("the drones", [schema.marks.note.create({ id: "zqxresolved" })]), schema.text(" arrive in March.")]),
    ]),
    n.tagline.create(null, noted("(", "FRANCE 24", " with AFP)")),
    n.related.create(null, [n.related_link.create({ href: "https://www.france24.com/en/iraq", title: "Iraqi forces battle militants", label: "IRAQ" })]),
  ]);
  const review: Review = {
    people: { "zqx-editor": personFrom("Zqx Editor", "ZE"), "zqx-reporter": personFrom("Zqx Reporter", "ZR") },
    notes: {
      ...threads,
      zqxresolved: { anchor: "text", quote: "the drones", author: "zqx-reporter", time: at(40), body: "Resolved zqx note.", replies: [], resolved: { by: "zqx-editor", time: at(41) } },
      zqxdesk: { anchor: "article", quote: "", author: "zqx-editor", time: at(42), body: "Desk zqx: hold for legal.", replies: [{ id: "zqxdeskreply", author: "zqx-reporter", time: at(43), body: "Legal zqx cleared it." }], resolved: null },
      zqxdeskdone: { anchor: "article", quote: "", author: "zqx-editor", time: at(44), body: "Old desk zqx note.", replies: [], resolved: { by: "zqx-editor", time: at(45) } },
    },
    suggestions: { zqxsuggestion: { author: "zqx-reporter", time: at(46), kind: "insert" } },
    versions: [],
    workflow: [],
  };
  const base = createArticle({ id: "8a0f6c1e-2f4b-4c7e-9d3a-1b2c3d4e5f60", now: new Date("2014-01-07T00:00:00Z") });
  const notedWords = Object.values(threads).map((t) => t.quote);
  return { article: { ...base, meta: { ...base.meta, slug: "arms-sales", tags: ["IRAQ"] }, doc, assets: {}, review }, notedWords };
}
