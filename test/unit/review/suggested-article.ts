import { createArticle, type Article } from "../../../shared/article";
import { personFrom } from "../../../shared/review/people";
import { schema } from "../../../shared/schema";

// An article with open suggested edits by two people, as suggest mode marks them: words inserted
// and deleted in the headline and the body, a replacement, a whole paragraph inserted (a node mark),
// a paragraph deleted whole, a table cell edited, and two paragraph breaks inserted (zero-width
// spaces carrying the mark, on both sides of one break and only after the other), and a paragraph
// break deleted.

const n = schema.nodes;
const ins = (id: string) => schema.marks.insertion.create({ id });
const del = (id: string) => schema.marks.deletion.create({ id });

/// The article, by two people (Amira Haddad and Tom Li).
export function suggestedArticle(): Article {
  const doc = n.doc.create(null, [
    n.kicker.create(),
    n.headline.create(null, [schema.text("Storm "), schema.text("shuts", [del("s-head-del")]), schema.text("closes", [ins("s-head-ins")]), schema.text(" the harbour")]),
    n.standfirst.create(),
    n.byline.create(),
    n.dateline.create(),
    n.body.create(null, [
      n.paragraph.create(null, [schema.text("Ferries stayed "), schema.text("in port ", [del("s-del")]), schema.text("on Tuesday"), schema.text(" as gusts reached ", [ins("s-ins")]), schema.text("120 km/h", [schema.marks.strong.create(), ins("s-ins")]), schema.text(".")]),
      n.paragraph.create(null, [schema.text("A new paragraph the editor wrote.", [ins("s-para")])], [ins("s-para")]),
      n.paragraph.create(null, [schema.text("A paragraph the editor cut.")], [del("s-cut")]),
      n.paragraph.create(null, [schema.text("First half."), schema.text("\u200B", [ins("s-break")])]),
      n.paragraph.create(null, [schema.text("\u200B", [ins("s-break")]), schema.text("Second half.")]),
      n.paragraph.create(null, [schema.text("Joined here."), schema.text("\u200B", [del("s-join")])]),
      n.paragraph.create(null, [schema.text("\u200B", [del("s-join")]), schema.text(" Into this.")]),
      n.paragraph.create(null, [schema.text("Split here.")]),
      n.paragraph.create(null, [schema.text("\u200B", [ins("s-break-before")]), schema.text("Marked only after the break.")]),
      n.table.create(null, [n.table_rows.create(null, [n.table_row.create(null, [n.table_cell.create(null, schema.text("Wind")), n.table_cell.create(null, [schema.text("120", [del("s-cell-del")]), schema.text("130", [ins("s-cell-ins")]), schema.text(" km/h")])])])]),
    ]),
    n.tagline.create(),
    n.related.create(),
  ]);
  const at = (minute: number) => `2026-11-29T11:${String(minute).padStart(2, "0")}:00.000Z`;
  const by = (author: string, minute: number, kind: "insert" | "delete") => ({ author, time: at(minute), kind });
  const base = createArticle({ id: "5b0f6c1e-2f4b-4c7e-9d3a-1b2c3d4e5f61", now: new Date("2026-11-29T09:00:00Z") });
  return {
    ...base,
    doc,
    review: {
      people: { editor: personFrom("Amira Haddad", "AH"), sub: personFrom("Tom Li", "TL") },
      notes: {},
      suggestions: {
        "s-head-del": by("editor", 1, "delete"),
        "s-head-ins": by("editor", 1, "insert"),
        "s-del": by("sub", 2, "delete"),
        "s-ins": by("editor", 3, "insert"),
        "s-para": by("sub", 4, "insert"),
        "s-cut": by("editor", 7, "delete"),
        "s-break": by("editor", 5, "insert"),
        "s-break-before": by("sub", 8, "insert"),
        "s-join": by("editor", 9, "delete"),
        "s-cell-del": by("sub", 6, "delete"),
        "s-cell-ins": by("sub", 6, "insert"),
      },
      versions: [],
    workflow: [],
    },
  };
}
