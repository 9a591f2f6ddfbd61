import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countsDisplay, countsText } from "../../../renderer/src/app/status-bar";
import { articleCounts } from "../../../shared/word-count";
import { article, fieldStart, h2, p, posOf, stateOf } from "./builders";

// The status bar writes the counts off the keystroke: the first state at once, later ones at most
// every 250 ms, the latest winning. Whatever it shows once written is shared/word-count.ts's count.

const globals = globalThis as unknown as { document?: Document };
let saved: Document | undefined;
beforeAll(() => {
  saved = globals.document;
  globals.document = parseHTML("<!doctype html><html><body><footer></footer></body></html>").document;
});
afterAll(() => {
  globals.document = saved;
});

/// A status bar whose timer the test fires by hand.
function statusBar() {
  const footer = document.querySelector("footer")!.cloneNode() as HTMLElement;
  const timers: { run: () => void; ms: number }[] = [];
  const show = countsDisplay(footer, { later: (run, ms) => timers.push({ run, ms }) });
  const text = (name: string) => footer.querySelector(`.count-${name}`)!.textContent;
  const fire = () => timers.splice(0).forEach((timer) => timer.run());
  return { show, text, timers, fire };
}

describe("the status bar's counts", () => {
  const doc = article({ headline: "Storm closes the harbour", body: [p("Ferries stayed in port."), h2("Later"), p("Roads reopened on Tuesday.")] });

  it("shows the first state at once", () => {
    const bar = statusBar();
    bar.show(stateOf(doc));
    expect(bar.timers).toHaveLength(0);
    expect(bar.text("words")).toBe(`${articleCounts(doc).words} words`);
  });

  it("writes a burst of keystrokes once, later, with the count of the last state", () => {
    const bar = statusBar();
    let state = stateOf(doc);
    bar.show(state);
    const shown = bar.text("words");
    const at = posOf(state.doc, "Roads") + "Roads".length;
    for (const [i, key] of [..." and bridges"].entries()) {
      state = state.apply(state.tr.insertText(key, at + i));
      bar.show(state);
    }
    expect(bar.text("words")).toBe(shown);
    expect(bar.timers.map((t) => t.ms)).toEqual([250]);
    bar.fire();
    const counts = articleCounts(state.doc);
    expect(bar.text("words")).toBe(`${counts.words} words`);
    expect(bar.text("characters")).toBe(`${counts.characters} characters`);
    expect(counts.words).toBe(articleCounts(doc).words + 2);
  });

  it("agrees with shared/word-count.ts after any edits, once written", () => {
    const bar = statusBar();
    let state = stateOf(doc, { meta: { wordTarget: 10 } });
    bar.show(state);
    const edits = [
      (s: typeof state) => s.tr.insertText("Kicker words here", fieldStart(s.doc, "kicker")),
      (s: typeof state) => s.tr.delete(posOf(s.doc, "Ferries"), posOf(s.doc, "port") + 4),
      (s: typeof state) => s.tr.insertText(" U.S. al-Qaeda 150,000", posOf(s.doc, "Tuesday") + 7),
    ];
    for (const edit of edits) {
      state = state.apply(edit(state));
      bar.show(state);
      bar.fire();
      const { words, characters } = articleCounts(state.doc);
      expect(countsText({ words, characters }, 10).words).toBe(bar.text("words"));
      expect(bar.text("characters")).toBe(`${characters} characters`);
    }
    expect(bar.text("target")).toContain("of 10");
  });

  it("says what the counts mean", () => {
    expect(countsText({ words: 1, characters: 5 }, null)).toEqual({ words: "1 word", characters: "5 characters", reading: "1 min read", target: null });
    expect(countsText({ words: 1200, characters: 7000 }, 1000).target).toEqual({ percent: 120, text: "120% of 1,000", level: "over" });
  });
});
