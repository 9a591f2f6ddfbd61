import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createArticle } from "../../../shared/article";
import { articleToYDoc, yDocToArticle } from "../../../shared/collab/y-article";
import { shareVersions, watchVersions } from "../../../renderer/src/collab/versions";
import { VersionHistory } from "../../../renderer/src/review/version-history";
import { article as articleDoc, p } from "../editor/builders";

// The versions of a shared story: each window's go to the shared document, appended, when it
// saves, and another window's History is rebuilt with them; none is taken out.

const reporter = { id: "p-reporter", name: "Test Reporter", initials: "TR" };
const editor = { id: "p-editor", name: "Sam Desk", initials: "SD" };

function sharedStory() {
  const story = { ...createArticle({ id: "00000000-0000-4000-8000-000000000017", now: new Date("2026-11-29T10:00:00Z") }), doc: articleDoc({ headline: "Storm", body: [p("Ferries stayed in port.")] }) };
  const [a, b] = [new Y.Doc(), new Y.Doc()];
  articleToYDoc(story, a);
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  a.on("update", (update: Uint8Array, origin: unknown) => origin !== "link" && Y.applyUpdate(b, update, "link"));
  b.on("update", (update: Uint8Array, origin: unknown) => origin !== "link" && Y.applyUpdate(a, update, "link"));
  return { story, a, b };
}

describe("a shared story's versions", () => {
  it("go from one window to the other, with their authors, and each window is told of the other's only", () => {
    const { story, a, b } = sharedStory();
    const heard = { a: 0, b: 0 };
    watchVersions(a, () => heard.a++);
    watchVersions(b, () => heard.b++);
    const history = new VersionHistory(story.doc, story.review);
    expect(history.take({ doc: story.doc, meta: story.meta }, reporter, "named", { name: "Filed", now: new Date("2026-11-29T10:05:00Z") })).toBe(true);
    shareVersions(a, history);
    expect(heard).toEqual({ a: 0, b: 1 });
    const onB = yDocToArticle(b).article;
    expect(onB.review?.versions.map((v) => v.name)).toEqual(["Filed"]);
    expect(onB.review?.people[reporter.id]?.name).toBe(reporter.name);

    // The editor's window rebuilds its History with the reporter's version and adds its own: both stay.
    const desk = new VersionHistory(onB.doc, onB.review);
    desk.take({ doc: onB.doc, meta: onB.meta }, editor, "named", { name: "Edited", now: new Date("2026-11-29T10:10:00Z") });
    shareVersions(b, desk);
    shareVersions(a, history);
    expect(yDocToArticle(a).article.review?.versions.map((v) => v.name)).toEqual(["Filed", "Edited"]);
  });
});
