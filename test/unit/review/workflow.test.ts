import { redo, undo } from "prosemirror-history";
import { describe, expect, it } from "vitest";
import { articleFromJSON, parseArticleFile, serializeArticle } from "../../../shared/article-file";
import type { Identity } from "../../../shared/ipc";
import { localEmbargoTime } from "../../../shared/embargo";
import { canFileToDesk, canSendBack, choosableStatuses, publicationStatus, publishedMeta, publishRefusal } from "../../../shared/workflow";
import { embargoChipText, isEmbargoed } from "../../../shared/embargo";
import { metaOf } from "../../../renderer/src/editor/meta";
import { reviewOfState } from "../../../renderer/src/review/review-state";
import { changeStatus } from "../../../renderer/src/review/workflow-commands";
import { article, meta, p, run, stateOf } from "../editor/builders";

// The desk's workflow: a change of status is one undo step that records who and when (and the
// desk note sent with it) in the file; publishing counts the article's own version; an embargo
// still to come refuses an export marked published.

const reporter: Identity = { id: "p-reporter", name: "Tom Reyes", initials: "TR" };
const editor: Identity = { id: "p-editor", name: "Amira Haddad", initials: "AH" };
const at = new Date("2026-11-29T10:00:00Z");
const later = new Date("2026-11-29T11:30:00Z");
const story = () => stateOf(article({ headline: "Arms sales to Iraq", body: [p("The United States will speed up arms sales.")] }));

describe("changing the status", () => {
  it("files to the desk: the status, the log entry with who and when, and the desk note, in one undo step", () => {
    const before = story();
    const filed = run(before, changeStatus("filed", reporter, "  Checked the figures with the ministry.  ", at, "d1"));
    expect(metaOf(filed).status).toBe("filed");
    const review = reviewOfState(filed);
    expect(review.workflow).toEqual([{ status: "filed", by: "p-reporter", time: at.toISOString(), note: "d1" }]);
    expect(review.notes.d1).toMatchObject({ anchor: "article", author: "p-reporter", body: "Checked the figures with the ministry." });
    expect(review.people["p-reporter"]).toMatchObject({ name: "Tom Reyes" });

    const undone = run(filed, undo);
    expect(metaOf(undone).status).toBe("draft");
    expect(reviewOfState(undone).workflow).toEqual([]);
    expect(reviewOfState(undone).notes).toEqual({});
    const redone = run(undone, redo);
    expect(reviewOfState(redone).workflow).toEqual(review.workflow);
  });

  it("writes no note when none is given, and refuses a change to the status the story has", () => {
    const filed = run(story(), changeStatus("filed", reporter, "", at));
    expect(reviewOfState(filed).workflow[0].note).toBeNull();
    expect(reviewOfState(filed).notes).toEqual({});
    expect(changeStatus("filed", editor, "again", later)(filed)).toBe(false);
  });

  it("keeps the whole hand-off in the file: filed by the reporter, sent back by the desk", () => {
    let state = run(story(), changeStatus("filed", reporter, "", at));
    state = run(state, changeStatus("draft", editor, "Needs a second source.", later, "d2"));
    const checked = articleFromJSON({ meta: metaOf(state), doc: state.doc.toJSON(), assets: {}, review: reviewOfState(state) });
    if (!checked.ok) throw new Error(checked.errors.join("\n"));
    const reopened = parseArticleFile(serializeArticle(checked.article));
    if (!reopened.ok) throw new Error(reopened.errors.join("\n"));
    expect(reopened.article.meta.status).toBe("draft");
    expect(reopened.article.review?.workflow.map((w) => [w.status, reopened.article.review?.people[w.by].name, w.time])).toEqual([
      ["filed", "Tom Reyes", at.toISOString()],
      ["draft", "Amira Haddad", later.toISOString()],
    ]);
    expect(reopened.article.review?.notes.d2.body).toBe("Needs a second source.");
  });

  it("offers File to Desk on a draft and Send Back on a story with the desk", () => {
    expect(["draft", "filed", "in-edit", "ready", "published", "held", "killed"].filter((s) => canFileToDesk(s as never))).toEqual(["draft"]);
    expect(["draft", "filed", "in-edit", "ready", "published", "held", "killed"].filter((s) => canSendBack(s as never))).toEqual(["filed", "in-edit", "ready", "held"]);
    expect(choosableStatuses("draft")).not.toContain("published");
    expect(choosableStatuses("published")[0]).toBe("published");
  });
});

describe("publishing", () => {
  it("gives the wire's status for each of ours", () => {
    expect(["draft", "filed", "in-edit", "ready", "published", "held", "killed"].map((s) => publicationStatus(s as never))).toEqual([
      "withheld",
      "withheld",
      "withheld",
      "usable",
      "usable",
      "withheld",
      "canceled",
    ]);
  });

  it("keeps version 1 for the first publication and counts each republish", () => {
    const first = publishedMeta(meta({ status: "ready" }), at);
    expect(first).toMatchObject({ status: "published", version: 1, firstPublished: at.toISOString(), published: at.toISOString() });
    const again = publishedMeta(first, later);
    expect(again).toMatchObject({ version: 2, firstPublished: at.toISOString(), published: later.toISOString() });
    expect(publishedMeta(again, later).version).toBe(3);
  });

  it("refuses an export marked published before the embargo, and allows it from the embargo on", () => {
    const embargoed = meta({ embargo: "2030-01-01T09:00:00.000Z" });
    // In the reader's local time, as the window shows the embargo, never raw UTC.
    expect(publishRefusal(embargoed, at)).toContain(`embargoed until ${localEmbargoTime("2030-01-01T09:00:00.000Z")}:`);
    expect(publishRefusal(embargoed, new Date("2030-01-01T09:00:00.000Z"))).toBeNull();
    expect(publishRefusal(meta({ embargo: null }), at)).toBeNull();
  });
});

describe("the embargo in the window", () => {
  it("shows an embargo still to come in local time, and nothing once it has passed", () => {
    expect(isEmbargoed("2030-01-01T09:00:00Z", at)).toBe(true);
    expect(isEmbargoed("2020-01-01T09:00:00Z", at)).toBe(false);
    expect(embargoChipText("2030-01-01T09:00:00Z", at, "en-GB")).toMatch(/^Embargoed until 1 Jan 2030, \d\d:\d\d$/);
    expect(embargoChipText("2020-01-01T09:00:00Z", at)).toBe("");
    expect(embargoChipText(null, at)).toBe("");
  });
});
