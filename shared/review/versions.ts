import { Fragment, Slice, type Node as PMNode } from "prosemirror-model";
import { ReplaceStep, type Step } from "prosemirror-transform";
import type { ArticleMeta } from "../article";
import { defaultSettings, type PruneRule } from "../settings";
import { wordCount } from "../word-count";
import { alignedHunks } from "./align";
import type { ArticleVersion, VersionReason } from "./review";
import type { RebuiltVersion } from "./version-rebuild";

// The article's versions as the file keeps them (docs/article-model.md, "Review"): the newest in
// full is the current article, each older one only what differs from the next newer, as
// ProseMirror replace steps at block level: a field that changed is replaced whole, and the body's
// changed blocks (aligned as the compare aligns them, shared/review/align.ts) are replaced run by
// run. Steps and not a JSON patch: the file format already rebuilds and checks documents through
// the schema, so a version that rebuilds is a document the editor can show; and a paragraph
// edited is stored as that one paragraph, whatever its path in the JSON tree. Rebuilding them,
// which opening a file does, is apart (./version-rebuild.ts) so it loads no diff library.

/// The steps (their JSON) that turn `from` into `to`, block by block.
export function versionChanges(from: PMNode, to: PMNode): Record<string, unknown>[] {
  if (from.eq(to)) return [];
  const steps: Step[] = [];
  // Back to front, so each step's positions are those of `from` (earlier steps do not shift them).
  for (let i = from.childCount - 1; i >= 0; i--) {
    const before = from.child(i);
    const after = to.child(i);
    if (before.eq(after)) continue;
    const start = childStart(from, i);
    if (before.type.name === "body" && after.type === before.type) steps.push(...blockSteps(before, after, start + 1));
    else steps.push(new ReplaceStep(start, start + before.nodeSize, new Slice(Fragment.from(after), 0, 0)));
  }
  return steps.map((step) => step.toJSON() as Record<string, unknown>);
}

/// Replace steps for the runs of the body's blocks that differ, last run first; `offset` is where the body's content starts.
function blockSteps(before: PMNode, after: PMNode, offset: number): Step[] {
  const key = (node: PMNode) => JSON.stringify(node.toJSON());
  const blocksOf = (node: PMNode) => Array.from({ length: node.childCount }, (_, i) => node.child(i));
  const oldBlocks = blocksOf(before);
  const newBlocks = blocksOf(after);
  const hunks = alignedHunks(oldBlocks.map(key), newBlocks.map(key));
  const starts = [offset];
  for (const block of oldBlocks) starts.push(starts[starts.length - 1] + block.nodeSize);
  // Old and new blocks between hunks are the same, so a hunk that only inserts does so at its new
  // index less what the hunks before it added in all.
  let added = 0;
  const steps = hunks.map((hunk) => {
    const at = hunk.deleted.length > 0 ? hunk.deleted[0] : hunk.inserted[0] - added;
    const end = at + hunk.deleted.length;
    added += hunk.inserted.length - hunk.deleted.length;
    const content = Fragment.fromArray(hunk.inserted.map((j) => newBlocks[j]));
    return new ReplaceStep(starts[at], starts[end], new Slice(content, 0, 0));
  });
  return steps.reverse();
}

/// Where the top-level child `index` of `doc` starts.
function childStart(doc: PMNode, index: number): number {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  return pos;
}

/// The versions as the file stores them: each against the next newer, the newest against `doc`.
export function storedVersions(rebuilt: RebuiltVersion[], doc: PMNode): ArticleVersion[] {
  return rebuilt.map((entry, i) => {
    const newer = i + 1 < rebuilt.length ? rebuilt[i + 1].doc : doc;
    return { ...entry.version, meta: { ...entry.meta }, changes: versionChanges(newer, entry.doc) };
  });
}

/// Versions taken on save are at most this often, in milliseconds (named ones and status changes always).
export const saveVersionInterval = 10 * 60 * 1000;

/// Whether to take a version now: always when named or on a change of status; on save, when the
/// text differs from the newest version's and that one is at least `saveVersionInterval` old, or
/// was by someone else (a hand-off: the desk's first save after the reporter's keeps the reporter's).
export function shouldTakeVersion(
  reason: VersionReason,
  newest: { time: string; text: string; author?: string } | null,
  text: string,
  now: Date,
  author?: string,
): boolean {
  if (reason !== "save") return true;
  if (newest === null) return true;
  if (newest.text === text) return false;
  if (author !== undefined && newest.author !== undefined && newest.author !== author) return true;
  return now.getTime() - Date.parse(newest.time) >= saveVersionInterval;
}

/// Who takes a version, when and why (its word count and content come from the article).
export interface VersionInfo {
  id: string;
  author: string;
  time: string;
  name: string | null;
  reason: VersionReason;
}

/// The versions with one more, the article as it is now, newest last.
export function withNewVersion(rebuilt: RebuiltVersion[], article: { doc: PMNode; meta: ArticleMeta }, info: VersionInfo): RebuiltVersion[] {
  const meta = { ...article.meta };
  const version: ArticleVersion = { ...info, words: wordCount(article.doc), meta, changes: [] };
  return [...rebuilt, { version, doc: article.doc, meta }];
}

export type { PruneRule } from "../settings";

/// The default (Settings): every version for 30 days, then one a day.
export const defaultPruneRule: PruneRule = defaultSettings.versionPruning;

/// The versions the rule keeps at `now`, oldest first: those younger than `keepAllDays`, the named
/// ones, and of older ones the last of each (UTC) day; all of them when `keepAllDays` is null.
/// Rebuilt versions are whole, so leaving one out needs no other to change; the file stores the
/// rest against each other again on save.
export function prunedVersions<T extends { version: { time: string; reason: VersionReason } }>(versions: readonly T[], now: Date, rule: PruneRule = defaultPruneRule): T[] {
  if (rule.keepAllDays === null) return [...versions];
  const cutoff = now.getTime() - rule.keepAllDays * 24 * 60 * 60 * 1000;
  const day = (entry: T) => entry.version.time.slice(0, 10);
  return versions.filter((entry, i) => {
    if (entry.version.reason === "named" || Date.parse(entry.version.time) >= cutoff) return true;
    const next = versions[i + 1];
    return next === undefined || day(next) !== day(entry);
  });
}
