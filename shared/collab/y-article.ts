import type { Node as PMNode } from "prosemirror-model";
import * as Y from "yjs";
import { createArticle, reviewOf, type Article, type ArticleMeta, type Asset } from "../article";
import { articleFromJSON, validAssets } from "../article-file";
import { salvageArticle } from "../article-salvage";
import { docFromJSON } from "../doc-check";
import { metaSchema } from "../meta-schema";
import { emptyReview } from "../review/review";
import { rebuildVersions, type RebuiltVersion } from "../review/version-rebuild";
import { storedVersions } from "../review/versions";
import { docFragment, readDocJSON, unsharedParts, writeDoc } from "./y-doc";
import { yNames } from "./y-names";
import { repairedDoc } from "./y-repair";
import { readReview, readVersions, writeReviewEdit, writeVersions, type SharedVersion } from "./y-review";

// One shared story as one Y.Doc (docs/article-model.md, "Shared stories"): the ProseMirror document
// in y-prosemirror's layout, the metadata a field per entry, the assets and the review by id, the
// versions and the workflow log appended. `articleToYDoc` fills an empty Y.Doc from an article,
// `yDocToArticle` reads one back, always as an article the file format accepts, and
// `applyArticleEdit` writes an edit made without an editor (the server, the command line).

export { yNames, replyKey } from "./y-names";
export { unsharedParts } from "./y-doc";
export type { SharedVersion } from "./y-review";

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/// Fills an empty Y.Doc with `article`, in one Y transaction (`origin` is the transaction's origin),
/// and returns what it could not hold (`unsharedParts`: ask it before sharing; empty for most stories).
/// Throws when the Y.Doc already holds a story: a story is shared once, then loaded from the server.
export function articleToYDoc(article: Article, ydoc: Y.Doc, origin: unknown = null): string[] {
  if (docFragment(ydoc).length > 0 || ydoc.getMap(yNames.meta).size > 0) throw new Error("articleToYDoc: this Y.Doc already holds a story");
  ydoc.transact(() => {
    writeDoc(ydoc, article.doc);
    writeMeta(ydoc, null, article.meta);
    writeAssets(ydoc, {}, article.assets);
    writeReviewEdit(ydoc, emptyReview(), reviewOf(article));
    writeVersions(ydoc, new Set(), sharedVersions(article));
  }, origin);
  return unsharedParts(article.doc);
}

/// Writes what differs between `before` and `after` into the Y.Doc, in one transaction: the document
/// as y-prosemirror's smallest change, the metadata field by field, new assets, the review entry by
/// entry, new versions and changes of status. `before` must be what `yDocToArticle` read from this
/// Y.Doc (with nothing applied since): the document is written whole, so a change others made to
/// it after `before` was read would be taken back. `editSharedArticle` reads and writes at once.
export function applyArticleEdit(ydoc: Y.Doc, before: Article, after: Article, origin: unknown = null): void {
  ydoc.transact(() => {
    if (!before.doc.eq(after.doc)) writeDoc(ydoc, after.doc);
    writeMeta(ydoc, before.meta, after.meta);
    writeAssets(ydoc, before.assets, after.assets);
    const [was, is] = [reviewOf(before), reviewOf(after)];
    writeReviewEdit(ydoc, was, is);
    if (!same(was.versions.map((v) => v.id), is.versions.map((v) => v.id))) writeVersions(ydoc, new Set(was.versions.map((v) => v.id)), sharedVersions(after));
  }, origin);
}

/// Reads the story, applies `edit` and writes what it changed, in one go; returns the edited article.
export function editSharedArticle(ydoc: Y.Doc, edit: (article: Article) => Article, origin: unknown = null): Article {
  const { article } = yDocToArticle(ydoc);
  const edited = edit(article);
  applyArticleEdit(ydoc, article, edited, origin);
  return edited;
}

/// The story as an article the file format accepts (`parseArticleFile(serializeArticle(article))`),
/// whatever merge made it: what had to be repaired is said in `repairs`, and no words are dropped.
export function yDocToArticle(ydoc: Y.Doc): { article: Article; repairs: string[] } {
  if (docFragment(ydoc).length === 0 && ydoc.getMap(yNames.meta).size === 0) {
    return { article: createArticle(), repairs: ["the shared story holds nothing yet: it reads as a new, empty article"] };
  }
  const repairs: string[] = [];
  const meta = ydoc.getMap(yNames.meta).toJSON();
  const assets = readAssets(ydoc, repairs);
  const review = readReview(ydoc, repairs);
  const hasNote = (id: string) => Object.hasOwn(review.notes, id);
  const docJSON = readDocJSON(ydoc);
  let doc: PMNode;
  const direct = docFromJSON(docJSON, assets, hasNote);
  if (direct.ok) doc = direct.doc;
  else {
    const repaired = repairedDoc(docJSON, { hasNote, hasAsset: (key) => Object.hasOwn(assets, key) });
    doc = repaired.doc;
    repairs.push(...repaired.repairs);
  }
  const versions = storedVersions(readRebuiltVersions(ydoc, assets, repairs), doc);
  const input = { meta, doc: doc.toJSON(), assets, review: { ...review, versions } };
  const checked = articleFromJSON(input, { verifiedAssets: new Set(Object.keys(assets)) });
  if (checked.ok) {
    repairs.push(...(checked.versionsDropped ?? []));
    return { article: checked.article, repairs };
  }
  const salvaged = salvageArticle(input);
  repairs.push(...salvaged.changes);
  return { article: salvaged.article, repairs };
}

/// Writes the metadata fields that differ from `before` (all of them when it is null).
function writeMeta(ydoc: Y.Doc, before: ArticleMeta | null, after: ArticleMeta): void {
  const target = ydoc.getMap(yNames.meta);
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]) as Set<keyof ArticleMeta>;
  for (const key of keys) {
    const value = after[key];
    if (before && same(before[key], value)) continue;
    if (value === undefined) target.delete(key);
    else target.set(key, plain(value));
  }
}

/// Adds the assets `after` has and `before` had not. None is taken out while the story is shared:
/// someone may be putting back, at this moment, the figure that used it.
function writeAssets(ydoc: Y.Doc, before: Record<string, Asset>, after: Record<string, Asset>): void {
  const target = ydoc.getMap(yNames.assets);
  for (const [key, asset] of Object.entries(after)) if (!Object.hasOwn(before, key)) target.set(key, { type: asset.type, data: asset.data });
}

/// Asset entries already checked (a Y.Map hands back the same object for an entry until it is set again).
const checkedAssets = new WeakSet<object>();

/// The story's assets that the file format accepts; one it refuses is left out and said.
function readAssets(ydoc: Y.Doc, repairs: string[]): Record<string, Asset> {
  const assets: Record<string, Asset> = {};
  ydoc.getMap(yNames.assets).forEach((value, key) => {
    if (typeof value === "object" && value !== null && checkedAssets.has(value)) return void (assets[key] = value as Asset);
    const valid = validAssets({ [key]: value });
    if (Object.hasOwn(valid, key)) {
      assets[key] = valid[key];
      if (typeof value === "object" && value !== null) checkedAssets.add(value);
    } else repairs.push(`an embedded image (${key.slice(0, 12)}…) that is not a valid image was left out`);
  });
  return assets;
}

/// The article's versions, each whole, as the shared story keeps them.
function sharedVersions(article: Article): SharedVersion[] {
  const { versions } = rebuildVersions(reviewOf(article).versions, article.doc, (json) => {
    const rebuilt = docFromJSON(json, article.assets, () => true);
    return rebuilt.ok ? [] : rebuilt.errors;
  });
  return versions.map(({ version, doc, meta }) => {
    const { changes: _changes, ...entry } = version;
    return plain({ ...entry, meta: { ...meta }, doc: doc.toJSON() as Record<string, unknown> });
  });
}

/// The shared versions that rebuild, oldest first; one that does not is left out and said.
function readRebuiltVersions(ydoc: Y.Doc, assets: Record<string, Asset>, repairs: string[]): RebuiltVersion[] {
  const rebuilt: RebuiltVersion[] = [];
  for (const shared of readVersions(ydoc)) {
    const { doc: docJSON, ...version } = shared;
    const doc = docFromJSON(docJSON, assets, () => true);
    const meta = metaSchema.safeParse(version.meta);
    if (!doc.ok || !meta.success) {
      repairs.push(`the version of ${version.time} could not be read and was left out`);
      continue;
    }
    rebuilt.push({ version: { ...version, changes: [] }, doc: doc.doc, meta: meta.data as ArticleMeta });
  }
  return rebuilt.sort((a, b) => Date.parse(a.version.time) - Date.parse(b.version.time));
}
