import { transformToSuggestionTransaction } from "@handlewithcare/prosemirror-suggest-changes";
import fc from "fast-check";
import type { Node as PMNode } from "prosemirror-model";
import { EditorState, type Transaction } from "prosemirror-state";
import { Transform } from "prosemirror-transform";
import { describe, expect, it } from "vitest";
import { emptyDoc } from "../../../shared/article";
import { schema } from "../../../shared/schema";
import { settleSuggestions, settledDoc, suggestionsIn } from "../../../shared/review/suggestions";

// Any sequence of suggested edits, then "reject all", gives back the document as it was; and
// after each suggested edit, "accept all" gives the document that making the same edit directly
// (on the accepted document) gives. The edits are what typing does to text: type a word, delete a
// range (within a paragraph or over paragraph breaks), type over a range, split a paragraph.

const n = schema.nodes;
const words = ["the", "minister", "said", "on", "Monday", "that", "forces", "would", "stay"];

function article(paragraphs: string[], headline: string): PMNode {
  const base = emptyDoc();
  const body = n.body.create(null, paragraphs.map((t) => n.paragraph.create(null, t ? schema.text(t) : undefined)));
  return base.copy(base.content.replaceChild(1, n.headline.create(null, headline ? schema.text(headline) : undefined)).replaceChild(5, body));
}

/// Positions inside the text blocks of the headline and the body: where a cursor can be.
function cursorPositions(doc: PMNode): number[] {
  const positions: number[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const parent = doc.resolve(pos).parent;
    if (parent.type !== n.body && parent.type !== n.doc) return false;
    if (parent.type === n.doc && node.type !== n.headline) return false;
    for (let i = 0; i <= node.content.size; i++) positions.push(pos + 1 + i);
    return false;
  });
  return positions;
}

type Edit = { kind: "type" | "delete" | "replace" | "split"; a: number; b: number; word: number };
// Splits are left to the cases below: after a suggested break, further edits beside it can leave
// the library's zero-width markers (0.1.8) on one side only (known limitation, docs/article-model.md, "Suggested edits").
const edit = fc.record({ kind: fc.constantFrom("type", "delete", "replace"), a: fc.nat(), b: fc.nat(), word: fc.nat() }) as fc.Arbitrary<Edit>;

/// The edit made on a document at the given positions, as a transaction of `state`.
function made(state: EditorState, e: Edit, from: number, to: number): Transaction | null {
  const tr = state.tr;
  const word = words[e.word % words.length];
  const $from = state.doc.resolve(from);
  if (e.kind === "type") return tr.insertText(word, from);
  if (e.kind === "split") return $from.parent.type === n.paragraph ? tr.split(from) : null;
  if (e.kind === "delete") return from === to ? null : tr.delete(from, to);
  // Typing over words all marked deleted is, on the accepted document, typing at a point.
  return tr.insertText(word, from, to);
}

/// The range an edit takes in a document: two cursor positions, in order, within one field.
function rangeOf(doc: PMNode, e: Edit): [number, number] | null {
  const positions = cursorPositions(doc);
  let from = positions[e.a % positions.length];
  let to = positions[e.b % positions.length];
  if (e.kind === "type" || e.kind === "split") to = from;
  if (from > to) [from, to] = [to, from];
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  // Within one paragraph: deleting over paragraph breaks is checked by the cases below only; the
  // library's marks for it (0.1.8) do not always settle exactly (known limitation, docs/article-model.md, "Suggested edits").
  if ($from.parent !== $to.parent) return null;
  // The library takes a deletion of exactly its hidden zero-width space to mean the character
  // before it (what Backspace over it should do): not an edit made directly, so left out here.
  if (to > from && doc.textBetween(from, to).replaceAll("\u200B", "") === "" && doc.textBetween(from, to) !== "") return null;
  if (to > from && crossesSuggestedBreak(doc, from, to)) return null;
  return [from, to];
}

/// True when a range takes in a paragraph break that is itself a suggested insertion. Known
/// limitation of the library (0.1.8): deleting such a break marks it deleted instead of taking the
/// suggestion back, so "reject all" keeps the break. Left out here, and noted in docs/article-model.md, "Suggested edits in the document".
function crossesSuggestedBreak(doc: PMNode, from: number, to: number): boolean {
  let found = false;
  doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isTextblock || found) return !found;
    const inserted = (child: PMNode | null) => !!child && child.text?.includes("\u200B") === true && child.marks.some((m) => m.type === schema.marks.insertion);
    if ((pos + node.nodeSize - 1 < to && inserted(node.lastChild)) || (pos + 1 > from && inserted(node.firstChild))) found = true;
    return false;
  });
  return found;
}

let next = 0;
const freshId = () => `s${++next}`;

function suggested(state: EditorState, tr: Transaction): EditorState {
  return state.apply(transformToSuggestionTransaction(tr, state, freshId));
}

// Paragraphs of at least one word: in an empty paragraph the library's zero-width space cannot
// say which of the two breaks around it it stands for (known limitation, docs/article-model.md, "Suggested edits").
const paragraphs = fc.array(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 6 }).map((w) => w.join(" ")), { minLength: 1, maxLength: 4 });
const headline = fc.array(fc.constantFrom(...words), { maxLength: 4 }).map((w) => w.join(" "));

describe("suggested edits, settled", () => {
  it("reject all gives back the document; accept all gives the edits made directly", () => {
    fc.assert(
      fc.property(paragraphs, headline, fc.array(edit, { minLength: 1, maxLength: 8 }), (texts, title, edits) => {
        const original = article(texts, title);
        let state = EditorState.create({ doc: original });
        for (const e of edits) {
          const range = rangeOf(state.doc, e);
          if (!range) continue;
          const tr = made(state, e, ...range);
          if (!tr || !tr.docChanged) continue;
          // What accepting everything gives, then the same edit made there directly.
          const accepting = settleSuggestions(new Transform(state.doc), true);
          const direct = made(EditorState.create({ doc: accepting.doc }), e, accepting.mapping.map(range[0], -1), accepting.mapping.map(range[1], 1));
          state = suggested(state, tr);
          const expected = direct && direct.docChanged ? direct.doc : accepting.doc;
          expect(settledDoc(state.doc, true).toJSON()).toEqual(expected.toJSON());
          expect(settledDoc(state.doc, false).toJSON()).toEqual(original.toJSON());
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("settling some suggestions", () => {
  const typed = (state: EditorState, text: string, at: number) => suggested(state, state.tr.insertText(text, at));

  it("accepts or rejects one suggestion and leaves the others", () => {
    const original = article(["one two three"], "Headline");
    let state = EditorState.create({ doc: original });
    const body = cursorPositions(original).find((p) => state.doc.resolve(p).parent.type === n.paragraph)!;
    state = typed(state, "zero ", body);
    state = suggested(state, state.tr.delete(body + 5 + 4, body + 5 + 8)); // "two "
    const [first, second] = suggestionsIn(state.doc);
    expect(first).toMatchObject({ kind: "insert", inserted: "zero " });
    expect(second).toMatchObject({ kind: "delete", deleted: "two " });
    const rejectedFirst = settleSuggestions(new Transform(state.doc), false, { only: (id) => id === first.id }).doc;
    expect(rejectedFirst.child(5).textContent).toBe("one two three");
    expect(suggestionsIn(rejectedFirst).map((s) => s.id)).toEqual([second.id]);
    const acceptedSecond = settleSuggestions(new Transform(state.doc), true, { only: (id) => id === second.id }).doc;
    expect(acceptedSecond.child(5).textContent).toBe("zero one three");
  });

  it("a suggested paragraph break is kept when accepted and taken out when rejected", () => {
    const original = article(["one two"], "");
    let state = EditorState.create({ doc: original });
    const at = cursorPositions(original).find((p) => state.doc.resolve(p).parent.type === n.paragraph)! + 3;
    state = suggested(state, state.tr.split(at));
    expect(settledDoc(state.doc, true).child(5).childCount).toBe(2);
    expect(settledDoc(state.doc, true).child(5).textContent).toBe("one two");
    expect(settledDoc(state.doc, false).toJSON()).toEqual(original.toJSON());
  });

  it("a suggested join of two paragraphs joins them when accepted", () => {
    const original = article(["one", "two"], "");
    let state = EditorState.create({ doc: original });
    const firstEnd = cursorPositions(original).find((p) => state.doc.resolve(p).parent.type === n.paragraph)! + 3;
    state = suggested(state, state.tr.delete(firstEnd, firstEnd + 2));
    expect(settledDoc(state.doc, true).child(5).childCount).toBe(1);
    expect(settledDoc(state.doc, true).child(5).textContent).toBe("onetwo");
    expect(settledDoc(state.doc, false).toJSON()).toEqual(original.toJSON());
  });

  it("a suggested change of a paragraph to a subheading goes back when rejected", () => {
    const original = article(["one", "two"], "");
    let state = EditorState.create({ doc: original });
    const at = cursorPositions(original).find((p) => state.doc.resolve(p).parent.type === n.paragraph)! - 1;
    state = suggested(state, state.tr.setNodeMarkup(at, n.subheading));
    expect(state.doc.child(5).child(0).type).toBe(n.subheading);
    expect(suggestionsIn(state.doc)[0].kind).toBe("format");
    expect(settledDoc(state.doc, false).toJSON()).toEqual(original.toJSON());
    expect(settledDoc(state.doc, true).child(5).child(0).type).toBe(n.subheading);
    expect(suggestionsIn(settledDoc(state.doc, true))).toEqual([]);
  });
});
