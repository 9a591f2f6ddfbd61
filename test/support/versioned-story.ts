import type { Node as PMNode } from "prosemirror-model";
import { createArticle, type Article } from "../../shared/article";
import { personFrom } from "../../shared/review/people";
import { emptyReview } from "../../shared/review/review";
import type { RebuiltVersion } from "../../shared/review/version-rebuild";
import { storedVersions, withNewVersion } from "../../shared/review/versions";
import { schema } from "../../shared/schema";

// A story with 100 versions of a desk's small edits: the article of README's file-size figure
// ("a story of 30 paragraphs (a 10 KB file) with 100 versions"), which the versions' unit tests
// check and `npm run bench -- --only review` opens.

const n = schema.nodes;
const sentence = (i: number) => `Paragraph ${i} says what the minister told reporters in Baghdad on Monday, and what the opposition answered.`;

/// A story of these paragraphs under `headline`, every other field empty.
export function storyDoc(headline: string, paragraphs: string[]): PMNode {
  const base = createArticle().doc;
  const fields = Array.from({ length: base.childCount }, (_, i) => base.child(i)).map((field) => {
    if (field.type === n.headline) return n.headline.create(null, schema.text(headline));
    if (field.type === n.body) return n.body.create(null, paragraphs.map((text) => n.paragraph.create(null, text ? schema.text(text) : null)));
    return field;
  });
  return n.doc.create(null, fields);
}

/// The article after 100 versions of a desk's small edits (one paragraph changed, added or cut each
/// time), with each version's document, oldest first.
export function storyWithVersions(): { article: Article; docs: PMNode[] } {
  const base = createArticle({ id: "8a0f6c1e-2f4b-4c7e-9d3a-1b2c3d4e5f60", now: new Date("2026-11-29T09:00:00Z") });
  let paragraphs = Array.from({ length: 30 }, (_, i) => sentence(i));
  let headline = "Arms sales to Iraq speed up";
  let rebuilt: RebuiltVersion[] = [];
  const docs: PMNode[] = [];
  for (let v = 0; v < 100; v++) {
    if (v % 10 === 3) paragraphs = [...paragraphs.slice(0, v % 30), `A new paragraph ${v}.`, ...paragraphs.slice(v % 30)];
    else if (v % 10 === 7) paragraphs = paragraphs.filter((_, i) => i !== (v * 7) % paragraphs.length);
    else if (v % 25 === 0) headline = `${headline}, version ${v}`;
    else paragraphs = paragraphs.map((p, i) => (i === (v * 11) % paragraphs.length ? `${p} Edit ${v}.` : p));
    const doc = storyDoc(headline, paragraphs);
    docs.push(doc);
    const time = new Date(Date.parse("2026-11-29T09:00:00Z") + v * 60_000).toISOString();
    rebuilt = withNewVersion(rebuilt, { doc, meta: base.meta }, { id: `v${v}`, author: "p1", time, name: v === 50 ? "Desk edit" : null, reason: v === 50 ? "named" : "save" });
  }
  const current = storyDoc(`${headline} (latest)`, [...paragraphs, "After the last version."]);
  const review = { ...emptyReview(), people: { p1: personFrom("Amira Haddad", "AH") }, versions: storedVersions(rebuilt, current) };
  return { article: { ...base, doc: current, review }, docs };
}
