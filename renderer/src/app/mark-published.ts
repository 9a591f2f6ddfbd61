import { closeHistory } from "prosemirror-history";
import type { Command } from "prosemirror-state";
import type { ArticleMeta } from "../../../shared/article";
import type { Identity } from "../../../shared/ipc";
import { publishedMeta } from "../../../shared/workflow";
import { metaOf, SetMetaStep } from "../editor/meta";
import { withAuthor } from "../review/note-commands";
import { reviewOfState, SetWorkflowStep } from "../review/review-state";

// After an export marked published (File > Export…, "Mark as published"), the article takes what
// the files say: status published, the publication times and the counted version
// (shared/workflow.ts `publishedMeta`), at the moment main wrote them, as one undo step. A story
// that was not published yet also logs its change of status, as any change of status does
// (renderer/src/review/workflow-commands.ts), when the window knows who is exporting.

const publishedKeys = ["status", "firstPublished", "published", "version"] as const satisfies readonly (keyof ArticleMeta)[];

/// Gives the article the metadata an export marked published at `at` gave its files; false when nothing changes.
export function markPublished(at: Date, author: Identity | null): Command {
  return (state, dispatch) => {
    const meta = metaOf(state);
    const next = publishedMeta(meta, at);
    const changed = publishedKeys.filter((key) => meta[key] !== next[key]);
    if (changed.length === 0) return false;
    if (dispatch) {
      let tr = state.tr;
      for (const key of changed) tr = tr.step(new SetMetaStep(key, next[key], meta[key]));
      if (author && meta.status !== "published") {
        const log = reviewOfState(state).workflow;
        tr = withAuthor(tr, state, author).step(new SetWorkflowStep([...log, { status: "published", by: author.id, time: at.toISOString(), note: null }], log));
      }
      dispatch(closeHistory(tr));
    }
    return true;
  };
}
