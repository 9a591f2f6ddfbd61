import { undo } from "prosemirror-history";
import { describe, expect, it } from "vitest";
import type { Identity } from "../../../shared/ipc";
import { markPublished } from "../../../renderer/src/app/mark-published";
import { metaOf } from "../../../renderer/src/editor/meta";
import { reviewOfState } from "../../../renderer/src/review/review-state";
import { article, p, run, stateOf } from "../editor/builders";

// After an export marked published, the window gives the article what the files say, as one undo
// step: status, publication times, the counted version, and the change of status in the log.

const editor: Identity = { id: "p-editor", name: "Amira Haddad", initials: "AH" };
const first = new Date("2030-01-01T10:00:00Z");
const second = new Date("2030-01-02T08:00:00Z");
const story = () => stateOf(article({ headline: "Arms sales to Iraq", body: [p("The United States will speed up arms sales.")] }));

describe("markPublished", () => {
  it("publishes: status, first and last publication, version kept the first time, one log entry by who, in one undo step", () => {
    const before = story();
    const published = run(before, markPublished(first, editor));
    expect(metaOf(published)).toMatchObject({ status: "published", firstPublished: first.toISOString(), published: first.toISOString(), version: 1 });
    expect(reviewOfState(published).workflow).toEqual([{ status: "published", by: "p-editor", time: first.toISOString(), note: null }]);
    const undone = run(published, undo);
    expect(metaOf(undone)).toMatchObject({ status: metaOf(before).status, firstPublished: null, published: null, version: 1 });
    expect(reviewOfState(undone).workflow).toEqual([]);
  });

  it("republishes: one more version and the last publication time, no new log entry (the status stays)", () => {
    const once = run(story(), markPublished(first, editor));
    const twice = run(once, markPublished(second, editor));
    expect(metaOf(twice)).toMatchObject({ status: "published", firstPublished: first.toISOString(), published: second.toISOString(), version: 2 });
    expect(reviewOfState(twice).workflow).toHaveLength(1);
    expect(metaOf(run(twice, undo)).version).toBe(1);
  });

  it("without a known person, changes the metadata and logs nothing", () => {
    const published = run(story(), markPublished(first, null));
    expect(metaOf(published).status).toBe("published");
    expect(reviewOfState(published).workflow).toEqual([]);
  });
});
