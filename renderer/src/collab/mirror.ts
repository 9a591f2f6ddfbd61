import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import type * as Y from "yjs";
import type { ArticleMeta } from "../../../shared/article";
import { yNames } from "../../../shared/collab/y-names";
import { readReview, writeReviewEdit } from "../../../shared/collab/y-review";
import type { Review } from "../../../shared/review/review";
import { metaOf, SetMetaStep } from "../editor/meta";
import { reviewOfState, SetReviewEntryStep, SetWorkflowStep, type ReviewEntryPart } from "../review/review-state";

// The metadata and the desk's review live in editor state as StateOnlyStep steps; in a shared
// story they also live in the shared document (shared/collab/y-article.ts): a map entry per
// metadata field, per person, note, reply and suggestion, the status log as an array. This plugin
// keeps the two the same: what changed in the editor (typed, or undone) is written to the shared
// document, and what another person changed there comes back as steps not added to undo.

/// The origin of the shared document's changes written from the editor's metadata and review
/// (the shared undo tracks it, so Undo takes back one's own metadata and review changes too).
export const editorOrigin = { name: "copydesk-editor" };

/// Whether the editor's last transaction goes to undo (a metadata change made after a save does not).
const mirrorKey = new PluginKey<{ addToHistory: boolean }>("shared-mirror");

/// The shared types the mirror reads and writes.
export function mirroredTypes(ydoc: Y.Doc): Y.AbstractType<unknown>[] {
  return [
    ydoc.getMap(yNames.meta),
    ydoc.getMap(yNames.people),
    ydoc.getMap(yNames.notes),
    ydoc.getMap(yNames.replies),
    ydoc.getMap(yNames.suggestions),
    ydoc.getArray(yNames.workflow),
  ] as Y.AbstractType<unknown>[];
}

const reviewParts: readonly ReviewEntryPart[] = ["people", "notes", "suggestions"];

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/// Keeps the metadata and the review of the editor and of the shared document the same.
export function mirrorPlugin(ydoc: Y.Doc): Plugin {
  return new Plugin({
    key: mirrorKey,
    state: {
      init: () => ({ addToHistory: true }),
      apply: (tr) => ({ addToHistory: tr.getMeta("addToHistory") !== false }),
    },
    view(view) {
      const fromOthers = (_event: unknown, transaction: Y.Transaction) => {
        if (transaction.origin !== editorOrigin) applyShared(view, ydoc);
      };
      const types = mirroredTypes(ydoc);
      for (const type of types) type.observe(fromOthers);
      applyShared(view, ydoc);
      return {
        update(updated, previous) {
          writeShared(previous, updated.state, ydoc);
        },
        destroy() {
          for (const type of types) type.unobserve(fromOthers);
        },
      };
    },
  });
}

/// Writes what differs between two editor states' metadata and review to the shared document, in one change.
export function writeShared(before: EditorState, after: EditorState, ydoc: Y.Doc): void {
  const [metaBefore, metaAfter] = [metaOf(before), metaOf(after)];
  const [reviewBefore, reviewAfter] = [reviewOfState(before), reviewOfState(after)];
  if (metaBefore === metaAfter && reviewBefore === reviewAfter) return;
  // What the shared document already holds is not written again (a change that came from it).
  const meta = ydoc.getMap(yNames.meta);
  const metaChanged = (Object.keys(metaAfter) as (keyof ArticleMeta)[]).filter((key) => !same(metaBefore[key], metaAfter[key]) && !same(meta.get(key), metaAfter[key]));
  const shared = readReview(ydoc, []);
  const reviewChanged = reviewBefore !== reviewAfter && !sameReview(shared, reviewAfter);
  if (metaChanged.length === 0 && !reviewChanged) return;
  ydoc.transact((transaction) => {
    // What the editor keeps out of undo (the time of a save) stays out of the shared undo too.
    if (mirrorKey.getState(after)?.addToHistory === false) transaction.meta.set("addToHistory", false);
    for (const key of metaChanged) meta.set(key, plain(metaAfter[key]));
    if (reviewChanged) writeReviewEdit(ydoc, { ...reviewAfter, ...shared }, reviewAfter);
  }, editorOrigin);
}

/// The steps that bring the editor's metadata and review to what the shared document holds (null when they agree).
export function sharedChanges(state: EditorState, ydoc: Y.Doc): Transaction | null {
  const tr = state.tr;
  const meta = metaOf(state);
  for (const [key, value] of ydoc.getMap(yNames.meta).entries()) {
    const field = key as keyof ArticleMeta;
    if (Object.hasOwn(meta, field) && !same(meta[field], value)) tr.step(new SetMetaStep(field, value as never, meta[field] as never));
  }
  const review: Review = reviewOfState(state);
  const shared = readReview(ydoc, []);
  for (const part of reviewParts) {
    const [held, now] = [review[part] as Record<string, unknown>, shared[part] as Record<string, unknown>];
    for (const [id, entry] of Object.entries(now)) if (!same(held[id], entry)) tr.step(new SetReviewEntryStep(part, id, entry as never, (held[id] ?? null) as never));
    for (const [id, entry] of Object.entries(held)) if (!Object.hasOwn(now, id)) tr.step(new SetReviewEntryStep(part, id, null, entry as never));
  }
  if (!same(review.workflow, shared.workflow)) tr.step(new SetWorkflowStep(shared.workflow, review.workflow));
  return tr.steps.length ? tr.setMeta("addToHistory", false).setMeta(mirrorKey, "shared") : null;
}

function sameReview(shared: Omit<Review, "versions">, review: Review): boolean {
  return reviewParts.every((part) => same(shared[part], review[part])) && same(shared.workflow, review.workflow);
}

function applyShared(view: EditorView, ydoc: Y.Doc): void {
  const tr = sharedChanges(view.state, ydoc);
  if (tr) view.dispatch(tr);
}
