import type { ArticleJSON } from "../../../shared/article";
import { personFrom } from "../../../shared/review/people";
import type { NoteThread, Review, Suggestion } from "../../../shared/review/review";
import { generatedArticle } from "./articles";

// A story in the middle of the desk's review, for typing in suggest mode: the generated article
// (the one the other typing figures use, the same seed) with open suggested edits and notes spread
// evenly through its body. Each suggestion marks a few words of a paragraph as suggested for
// insertion or deletion (`insertion`/`deletion` marks naming it in the review's `suggestions`),
// each note a few other words (a `note` mark naming its thread in `notes`); all are open.

/// What the review holds besides the generated article.
export interface ReviewedArticleOptions {
  suggestions?: number;
  notes?: number;
}

type TextJSON = { type: "text"; text: string; marks?: { type: string; attrs: { id: string } }[] };
type BlockJSON = { type: string; content?: TextJSON[] };

const desk = "p-desk";
const reporter = "p-reporter";
const at = (minute: number) => new Date(Date.parse("2014-01-07T09:00:00Z") + minute * 60_000).toISOString();

/// Splits a paragraph's text around its words `from` to `from + count` and marks them.
function marked(text: string, from: number, count: number, mark: string, id: string): TextJSON[] {
  const words = text.split(" ");
  const before = words.slice(0, from).join(" ");
  const inside = words.slice(from, from + count).join(" ");
  const after = words.slice(from + count).join(" ");
  return [
    { type: "text" as const, text: before ? `${before} ` : "" },
    { type: "text" as const, text: inside, marks: [{ type: mark, attrs: { id } }] },
    { type: "text" as const, text: after ? ` ${after}` : "" },
  ].filter((node) => node.text !== "");
}

/// The generated article of `paragraphs` paragraphs with `suggestions` open suggested edits
/// (insertions and deletions in turn, by the desk) and `notes` open notes (the desk's and the
/// reporter's in turn), one at most in a paragraph; the file format accepts it.
export function reviewedArticle(paragraphs: number, options: ReviewedArticleOptions = {}): ArticleJSON {
  const { suggestions = 200, notes = 50 } = options;
  if (suggestions + notes > paragraphs) throw new Error(`${suggestions + notes} review marks do not fit in ${paragraphs} paragraphs, one to a paragraph`);
  const article = generatedArticle(paragraphs);
  const fields = article.doc.content as BlockJSON[];
  const body = (fields.find((field) => field.type === "body") as { content: BlockJSON[] }).content;
  const review: Review = {
    people: { [desk]: personFrom("Amira Haddad", "AH"), [reporter]: personFrom("Tom Reed", "TR") },
    notes: {},
    suggestions: {},
    versions: [],
    workflow: [],
  };
  // Suggestions first, then notes, each spread evenly over the paragraphs the other leaves.
  const place = (index: number, count: number, offset: number) => Math.floor(((index + offset) * paragraphs) / count);
  const taken = new Set<number>();
  for (let i = 0; i < suggestions; i++) {
    const p = place(i, suggestions, 0.25);
    taken.add(p);
    const id = `s${i}`;
    const kind: Suggestion["kind"] = i % 2 === 0 ? "insert" : "delete";
    const paragraph = body[p];
    paragraph.content = marked(paragraph.content![0].text, 6, 3, kind === "insert" ? "insertion" : "deletion", id);
    review.suggestions[id] = { author: desk, time: at(i), kind };
  }
  for (let i = 0; i < notes; i++) {
    let p = place(i, notes, 0.5);
    while (taken.has(p)) p = (p + 1) % paragraphs;
    taken.add(p);
    const id = `n${i}`;
    const paragraph = body[p];
    const words = paragraph.content![0].text.split(" ");
    paragraph.content = marked(paragraph.content![0].text, 12, 4, "note", id);
    const thread: NoteThread = {
      anchor: "text",
      quote: words.slice(12, 16).join(" "),
      author: i % 2 === 0 ? desk : reporter,
      time: at(suggestions + i),
      body: "Who said this? Please attribute it.",
      replies: [],
      resolved: null,
    };
    review.notes[id] = thread;
  }
  return { ...article, review };
}
