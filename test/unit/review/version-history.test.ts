import type { Node as PMNode } from "prosemirror-model";
import { describe, expect, it } from "vitest";
import { createArticle } from "../../../shared/article";
import { articleFromJSON } from "../../../shared/article-file";
import { schema } from "../../../shared/schema";
import { VersionHistory } from "../../../renderer/src/review/version-history";

// The versions of the article open in a window: taken by the rule, and sent with every save
// stored against the article as it is then, so they survive edits made after them.

const n = schema.nodes;
const amira = { id: "p-amira", name: "Amira Haddad", initials: "AH" };
const base = createArticle({ now: new Date("2026-11-29T09:00:00Z") });
const at = (minutes: number) => new Date(Date.parse("2026-11-29T10:00:00Z") + minutes * 60_000);

/// The article with `headline` and these body paragraphs.
function story(headline: string, ...paragraphs: string[]): PMNode {
  const fields = Array.from({ length: base.doc.childCount }, (_, i) => base.doc.child(i)).map((field) => {
    if (field.type === n.headline) return n.headline.create(null, schema.text(headline));
    if (field.type === n.body) return n.body.create(null, paragraphs.map((text) => n.paragraph.create(null, schema.text(text))));
    return field;
  });
  return n.doc.create(null, fields);
}

/// What main does with the review a window sends: the file format's check, and the versions it reads back.
function saved(history: VersionHistory, doc: PMNode) {
  const review = history.review(undefined, doc);
  const result = articleFromJSON({ meta: base.meta, doc: doc.toJSON(), assets: {}, review });
  if (!result.ok) throw new Error(result.errors.join("\n"));
  expect(result.versionsDropped).toBeUndefined();
  return new VersionHistory(result.article.doc, result.article.review);
}

describe("the versions of an open article", () => {
  it("takes one on save, none for a save 5 minutes later, and always a named one", () => {
    const history = new VersionHistory(base.doc, undefined);
    expect(history.take({ doc: story("Arms sales", "First."), meta: base.meta }, amira, "save", { now: at(0) })).toBe(true);
    expect(history.take({ doc: story("Arms sales", "First. Second."), meta: base.meta }, amira, "save", { now: at(5) })).toBe(false);
    expect(history.take({ doc: story("Arms sales", "First. Second."), meta: base.meta }, amira, "named", { name: "Desk edit", now: at(6) })).toBe(true);
    expect(history.versions.map((v) => [v.version.reason, v.version.name, v.version.words])).toEqual([
      ["save", null, 3],
      ["named", "Desk edit", 4],
    ]);
  });

  it("keeps every version through edits made after it and a save, with its author among the people", () => {
    const history = new VersionHistory(base.doc, undefined);
    const first = story("Arms sales", "First.", "Second.");
    history.take({ doc: first, meta: base.meta }, amira, "save", { now: at(0) });
    const second = story("Arms sales speed up", "First.", "Second, edited.", "Third.");
    history.take({ doc: second, meta: base.meta }, amira, "named", { name: "Desk edit", now: at(1) });
    const now = story("Arms sales speed up again", "Second, edited.", "Third.", "Fourth.");
    const reopened = saved(history, now);
    expect(reopened.versions[0].doc.eq(first)).toBe(true);
    expect(reopened.versions[1].doc.eq(second)).toBe(true);
    expect(history.review(undefined, now)?.people["p-amira"]?.name).toBe("Amira Haddad");
    // Saved again after more edits: still both.
    const later = story("Arms sales", "Fourth.");
    expect(saved(reopened, later).versions.map((v) => v.version.name)).toEqual([null, "Desk edit"]);
  });
});
