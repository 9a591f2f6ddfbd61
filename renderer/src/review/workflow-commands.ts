import { closeHistory } from "prosemirror-history";
import type { Command } from "prosemirror-state";
import type { ArticleStatus } from "../../../shared/article";
import type { Identity } from "../../../shared/ipc";
import type { NoteThread } from "../../../shared/review/review";
import { SetMetaStep, metaOf } from "../editor/meta";
import { newReviewId, withAuthor } from "./note-commands";
import { reviewOfState, SetReviewEntryStep, SetWorkflowStep } from "./review-state";

// Changing the story's status (docs/article-model.md, "Workflow"): one undo step that sets the
// status, records who and when in the review's workflow log and, with "File to desk" and "Send
// back to reporter", adds the desk note written with it. The version a change of status takes is
// taken by the window when it sees the new status (renderer/src/app/shell.ts).

/// Sets the status by `author` at `now`, with an optional desk note; false when it is the status already.
export function changeStatus(status: ArticleStatus, author: Identity, note = "", now = new Date(), noteId = newReviewId()): Command {
  return (state, dispatch) => {
    const previous = metaOf(state).status;
    if (previous === status) return false;
    if (dispatch) {
      const time = now.toISOString();
      let tr = withAuthor(state.tr, state, author).step(new SetMetaStep("status", status, previous));
      const body = note.trim();
      if (body !== "") {
        const thread: NoteThread = { anchor: "article", quote: "", author: author.id, time, body, replies: [], resolved: null };
        tr = tr.step(new SetReviewEntryStep("notes", noteId, thread, null));
      }
      const log = reviewOfState(state).workflow;
      tr = tr.step(new SetWorkflowStep([...log, { status, by: author.id, time, note: body !== "" ? noteId : null }], log));
      dispatch(closeHistory(tr));
    }
    return true;
  };
}
