import { describe, expect, it } from "vitest";
import { undo } from "prosemirror-history";
import { addRelatedLink, moveRelatedLink, moveSelectedRelatedLink, relatedLinkPos, relatedLinks, removeSelectedRelatedLink, selectedRelatedIndex, updateRelatedLink } from "../../../renderer/src/editor/related";
import { datelineAttrs, datelineSuffix, formatDatelineDate, setDateline, todayIso } from "../../../renderer/src/editor/dateline";
import { apply, article, related, run, selectNode, stateOf } from "./builders";

const titles = (state: Parameters<typeof relatedLinks>[0]) => relatedLinks(state).map((l) => l.title);
const doc = article({ related: [related("One"), related("Two"), related("Three")] });

describe("related links", () => {
  it("adds http(s) links with a title and an optional label, and refuses others", () => {
    let state = stateOf(article());
    state = run(state, addRelatedLink({ href: " https://www.france24.com/en/a ", title: " Fallujah ", label: "IRAQ" }));
    expect(relatedLinks(state)).toEqual([{ href: "https://www.france24.com/en/a", title: "Fallujah", label: "IRAQ" }]);
    expect(selectedRelatedIndex(state)).toBe(0);
    expect(apply(state, addRelatedLink({ href: "mailto:a@b.c", title: "x", label: null }))).toBeNull();
    expect(apply(state, addRelatedLink({ href: "https://x.example", title: " ", label: null }))).toBeNull();
  });

  it("edits and removes", () => {
    let state = run(stateOf(doc), updateRelatedLink(1, { href: "https://example.com/2", title: "Deux", label: "" }));
    expect(relatedLinks(state)[1]).toEqual({ href: "https://example.com/2", title: "Deux", label: null });
    state = run(selectNode(state, relatedLinkPos(state, 0)), removeSelectedRelatedLink);
    expect(titles(state)).toEqual(["Deux", "Three"]);
    expect(selectedRelatedIndex(state)).toBe(0);
  });

  it("reorders by index and by moving the selected link, as one undo step each", () => {
    let state = run(stateOf(doc), moveRelatedLink(0, 2));
    expect(titles(state)).toEqual(["Two", "Three", "One"]);
    expect(selectedRelatedIndex(state)).toBe(2);
    state = run(state, moveSelectedRelatedLink(-1));
    expect(titles(state)).toEqual(["Two", "One", "Three"]);
    expect(titles(run(selectNode(state, relatedLinkPos(state, 0)), moveSelectedRelatedLink(-1)))).toEqual(["Two", "One", "Three"]);
    state = run(state, undo);
    expect(titles(state)).toEqual(["Two", "Three", "One"]);
  });
});

describe("dateline", () => {
  it("formats the date in the article's language", () => {
    expect(formatDatelineDate("2014-01-07", "en")).toBe("Jan. 7, 2014");
    expect(formatDatelineDate("2014-09-30", "en-GB")).toBe("30 Sept. 2014");
    expect(formatDatelineDate("2014-03-03", "en")).toBe("March 3, 2014");
    expect(formatDatelineDate("2014-01-07", "fr")).toBe("7 janv. 2014");
    expect(formatDatelineDate("2014-01-07", "de")).toBe("07.01.2014");
  });

  it("shows place, date and agency as a dateline", () => {
    expect(`WASHINGTON${datelineSuffix({ date: "2014-01-07", source: "AFP" }, "en", true)}`).toBe("WASHINGTON, Jan. 7, 2014 (AFP) —");
    expect(datelineSuffix({ date: "2014-01-07", source: null }, "en", false)).toBe("Jan. 7, 2014 —");
    expect(datelineSuffix({ date: null, source: null }, "en", true)).toBe("");
  });

  it("sets date and source as an undoable change", () => {
    let state = run(stateOf(article({ dateline: "WASHINGTON" })), setDateline({ date: "2014-01-07", source: " AFP " }));
    expect(datelineAttrs(state)).toEqual({ date: "2014-01-07", source: "AFP" });
    expect(apply(state, setDateline({ date: "not a date", source: null }))).toBeNull();
    state = run(state, undo);
    expect(datelineAttrs(state)).toEqual({ date: null, source: null });
    expect(todayIso(new Date(2024, 1, 3))).toBe("2024-02-03");
  });
});
