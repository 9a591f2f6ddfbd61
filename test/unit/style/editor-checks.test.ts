import { TextSelection, type EditorState, type Transaction } from "prosemirror-state";
import { undo } from "prosemirror-history";
import type { EditorView } from "prosemirror-view";
import { describe, expect, it, vi } from "vitest";
import { applyFix, fixAll, ignoreHere, ignoreRule, matchAtOrAfter } from "../../../renderer/src/editor/style-card";
import { drawnMatches, setStyleGuide, shownMatches, styleCheckPlugin, type ExtraChecks, type StyleCheckOptions } from "../../../renderer/src/editor/style-check";
import { longArticleBlocks, margin } from "../../../renderer/src/editor/style-window";
import { metaOf } from "../../../renderer/src/editor/meta";
import { guideFromSources } from "../../../shared/style/rule-file";
import { article, p, posOf, stateOf } from "../editor/builders";
import { defaultSources } from "./guides";

// The editor's checks, on editor states with a stand-in for the view: the underlines come in
// idle time, later checks look only at the blocks a transaction changed, and fixes, Fix all and
// ignores are one undo step each.

const guide = guideFromSources(defaultSources);

/// An editor on a document with the checks plugin, its idle callbacks run when the test says.
function checkedEditor(paragraphs: string[], extra?: ExtraChecks, screen?: StyleCheckOptions["screen"]) {
  const idle: (() => void)[] = [];
  /// Whether each pass waiting was asked to wait for a pause in the typing.
  const afterTyping = new Map<() => void, boolean>();
  /// The plugin's clock: idle callbacks run when the typing has paused (a second later).
  let time = 0;
  const plugin = styleCheckPlugin({
    guide: () => guide,
    extra,
    clock: () => time,
    screen,
    idle: (work, when) => {
      const run = () => work({ timeRemaining: () => 50 });
      afterTyping.set(run, when.afterTyping);
      idle.push(run);
      return () => idle.splice(idle.indexOf(run), 1);
    },
  });
  const view = {
    state: stateOf(article({ body: paragraphs.map((t) => p(t)) }), { plugins: [plugin] }),
    isDestroyed: false,
    dispatch(tr: Transaction) {
      const previous = view.state;
      view.state = view.state.apply(tr);
      pluginView.update?.(view as unknown as EditorView, previous);
    },
  };
  const pluginView = plugin.spec.view!(view as unknown as EditorView);
  return {
    view,
    /// For each pass waiting, whether it waits for the typing to pause.
    waiting: () => idle.map((run) => afterTyping.get(run)),
    /// Runs the idle callbacks waiting now, without moving the clock (the journalist is still typing).
    runWaiting() {
      for (const run of idle.splice(0)) run();
    },
    /// Moves the clock on (as the typing goes on or pauses).
    wait(ms: number) {
      time += ms;
    },
    /// Runs the first idle callback waiting, after a pause.
    idleOnce() {
      time += 1000;
      idle.shift()?.();
    },
    /// Runs the idle callbacks waiting, and those they schedule, after a pause.
    idle() {
      time += 1000;
      for (let rounds = 0; idle.length && rounds < 20; rounds++) idle.shift()!();
    },
    run(command: (state: EditorState, dispatch: (tr: Transaction) => void) => boolean) {
      return command(view.state, (tr) => view.dispatch(tr));
    },
    marks: () => shownMatches(view.state).map((m) => m.text),
    text: () => view.state.doc.child(5).textContent,
  };
}

describe("the editor's checks", () => {
  it("underline in idle time, never while the keystroke is applied", () => {
    const editor = checkedEditor(["The minister said 5 people were hurt on January 7th, its a tragedy."]);
    expect(editor.marks()).toEqual([]);
    editor.idle();
    expect(editor.marks()).toEqual(["5", "January 7th", "its"]);
    editor.view.dispatch(editor.view.state.tr.insertText("Sadly, ", posOf(editor.view.state.doc, "The minister")));
    expect(editor.marks()).toEqual(["5", "January 7th", "its"]);
  });

  it("after an edit, wait for a pause in the typing, each key restarting the wait", () => {
    const editor = checkedEditor(["The minister said 5 people were hurt."]);
    expect(editor.waiting()).toEqual([false]);
    editor.idle();
    const at = posOf(editor.view.state.doc, "The minister");
    editor.view.dispatch(editor.view.state.tr.insertText("S", at));
    editor.view.dispatch(editor.view.state.tr.insertText("o", at + 1));
    expect(editor.waiting()).toEqual([true]);
    editor.idle();
    expect(editor.marks()).toEqual(["5"]);
    // A change of the guide (not an edit) is checked as soon as the page is idle.
    editor.view.dispatch(setStyleGuide(editor.view.state, guide));
    expect(editor.waiting()).toEqual([false]);
  });

  it("work already waiting (a long first check) does not run between two keys, but after the pause", () => {
    const editor = checkedEditor(Array.from({ length: 250 }, (_, i) => `Paragraph ${i + 10} says 5 things.`));
    editor.idleOnce();
    expect(editor.marks()).toHaveLength(100);
    editor.view.dispatch(editor.view.state.tr.insertText("Now ", posOf(editor.view.state.doc, "Paragraph 200")));
    editor.wait(100);
    editor.runWaiting();
    expect(editor.marks()).toHaveLength(100);
    expect(editor.waiting()).toEqual([true]);
    editor.idle();
    expect(editor.marks()).toHaveLength(250);
  });

  it("publish the first check of a long article a part at a time, so the view redraws a few blocks per task", () => {
    const editor = checkedEditor(Array.from({ length: 250 }, (_, i) => `Paragraph ${i + 10} says 5 things.`));
    editor.idleOnce();
    expect(editor.marks()).toHaveLength(100);
    editor.idleOnce();
    expect(editor.marks()).toHaveLength(200);
    editor.idle();
    expect(editor.marks()).toHaveLength(250);
  });

  it("draw a long article's underlines around what is on screen, and move them with a scroll", () => {
    // A stand-in for the screen: the positions of the paragraphs numbered `top` to `top + 9`.
    let top = 0;
    let scrolled = () => {};
    const paragraphs = Array.from({ length: 400 }, (_, i) => `Paragraph ${i + 10} says 5 things.`);
    const at = (state: EditorState, i: number) => posOf(state.doc, `Paragraph ${i + 10} says`);
    const editor = checkedEditor(paragraphs, undefined, {
      positions: (view) => ({ top: at(view.state, top), bottom: at(view.state, top + 9) }),
      onScroll: (_view, listener) => ((scrolled = listener), () => undefined),
    });
    editor.idle();
    expect(editor.marks()).toHaveLength(400);
    const drawnParagraphs = () => drawnMatches(editor.view.state).map((m) => Number(/Paragraph (\d+)/.exec(editor.view.state.doc.resolve(m.from).parent.textContent)![1]) - 10);
    expect(Math.max(...drawnParagraphs())).toBe(9 + margin);
    // A scroll that stays within the stretch drawn changes nothing; one past it moves the stretch.
    top = 5;
    scrolled();
    expect(Math.max(...drawnParagraphs())).toBe(9 + margin);
    top = 300;
    scrolled();
    expect(Math.min(...drawnParagraphs())).toBe(300 - margin);
    expect(Math.max(...drawnParagraphs())).toBe(309 + margin);
    // Typing on screen keeps the stretch in place, with the text.
    editor.view.dispatch(editor.view.state.tr.insertText("Now ", at(editor.view.state, 305)));
    expect(Math.min(...drawnParagraphs())).toBe(300 - margin);
    // An article that is not long draws every underline.
    const short = checkedEditor(paragraphs.slice(0, longArticleBlocks), undefined, {
      positions: () => ({ top: 0, bottom: 10 }),
      onScroll: () => () => undefined,
    });
    short.idle();
    expect(drawnMatches(short.view.state)).toHaveLength(longArticleBlocks);
  });

  it("check again only the blocks a transaction changed", () => {
    const editor = checkedEditor(Array.from({ length: 50 }, (_, i) => `Paragraph ${i + 10} says 5 things.`));
    const rules = guide.forLanguage("en");
    const checked = vi.spyOn(rules, "checkBlock");
    editor.idle();
    const first = checked.mock.calls.length;
    expect(first).toBeGreaterThanOrEqual(50);
    checked.mockClear();
    editor.view.dispatch(editor.view.state.tr.insertText("Now ", posOf(editor.view.state.doc, "Paragraph 30")));
    editor.idle();
    expect(checked.mock.calls.map(([text]) => text)).toEqual(["Now Paragraph 30 says 5 things."]);
    expect(editor.marks()).toHaveLength(50);
    checked.mockRestore();
  });

  it("drop an underline as soon as an edit changes its text", () => {
    const editor = checkedEditor(["They said 5 words."]);
    editor.idle();
    const five = posOf(editor.view.state.doc, "5");
    editor.view.dispatch(editor.view.state.tr.insertText("7", five, five + 1));
    expect(editor.marks()).toEqual([]);
    editor.idle();
    expect(editor.marks()).toEqual(["7"]);
  });

  it("apply a fix as one undo step, and Fix all for a rule as one undo step", () => {
    const editor = checkedEditor(["Firemen saw 3 cars and its over.", "Firemen left."]);
    editor.idle();
    const its = matchAtOrAfter(editor.view.state)!;
    expect(its.text).toBe("Firemen");
    expect(editor.run(fixAll("words-inclusive"))).toBe(true);
    expect(editor.view.state.doc.child(5).child(1).textContent).toBe("Firefighters left.");
    editor.idle();
    const three = shownMatches(editor.view.state).find((m) => m.text === "3")!;
    expect(editor.run(applyFix(three, three.replacements[0]))).toBe(true);
    expect(editor.view.state.doc.child(5).child(0).textContent).toBe("Firefighters saw three cars and its over.");
    editor.run(undo);
    expect(editor.view.state.doc.child(5).child(0).textContent).toBe("Firefighters saw 3 cars and its over.");
    editor.run(undo);
    expect(editor.view.state.doc.child(5).textContent).toBe("Firemen saw 3 cars and its over.Firemen left.");
  });

  it("refuse a fix whose text changed since the check", () => {
    const editor = checkedEditor(["They said 5 words."]);
    editor.idle();
    const [five] = shownMatches(editor.view.state);
    editor.view.dispatch(editor.view.state.tr.insertText("7", five.from, five.to));
    expect(editor.run(applyFix(five, "five"))).toBe(false);
  });

  it("keep Ignore here and Ignore rule in the metadata, undoable", () => {
    const editor = checkedEditor(["They said 5 words, its true, 6 times."]);
    editor.idle();
    const [five] = shownMatches(editor.view.state);
    editor.run(ignoreHere(five));
    editor.idle();
    expect(editor.marks()).toEqual(["its", "6"]);
    editor.run(ignoreRule("usage-its-its"));
    editor.idle();
    expect(editor.marks()).toEqual(["6"]);
    expect(metaOf(editor.view.state).checkIgnores).toEqual([{ rule: "numbers-one-to-nine", text: "5", context: "They said " }, { rule: "usage-its-its" }]);
    editor.run(undo);
    editor.idle();
    expect(editor.marks()).toEqual(["its", "6"]);
  });

  it("add the spelling worker's answers when they come, for the blocks whose text they are", () => {
    const answers = new Map<string, { from: number; to: number; text: string }[]>();
    let pending: (() => void) | null = null;
    const extra: ExtraChecks = {
      version: 0,
      matchesFor: (text) => answers.get(text)?.map((w) => ({ rule: "spelling", level: "warning", message: "?", from: w.from, to: w.to, text: w.text, replacements: [] })),
      request: (texts, _language, ready) => {
        pending = () => {
          for (const t of texts) answers.set(t, t.includes("recieve") ? [{ from: t.indexOf("recieve"), to: t.indexOf("recieve") + 7, text: "recieve" }] : []);
          ready(texts);
        };
      },
    };
    const editor = checkedEditor(["They recieve aid.", "All is well."], extra);
    editor.idle();
    expect(editor.marks()).toEqual([]);
    pending!();
    // Shown at the next pause in the typing, like the checks of an edit.
    expect(editor.waiting()).toEqual([true]);
    editor.idle();
    expect(editor.marks()).toEqual(["recieve"]);
  });
});

describe("the word being typed", () => {
  it("is not underlined until the caret leaves it; marks already shown stay under the caret", () => {
    const editor = checkedEditor(["They said 5 words."]);
    editor.idle();
    const end = posOf(editor.view.state.doc, "words.") + "words.".length;
    const typed = editor.view.state.tr.insertText(" The the", end);
    editor.view.dispatch(typed.setSelection(TextSelection.create(typed.doc, end + 8)));
    editor.idle();
    expect(editor.marks()).toEqual(["5"]);
    const more = editor.view.state.tr.insertText(" end.", end + 8);
    editor.view.dispatch(more.setSelection(TextSelection.create(more.doc, end + 13)));
    editor.idle();
    expect(editor.marks()).toEqual(["5", "The the"]);
    editor.view.dispatch(editor.view.state.tr.setSelection(TextSelection.create(editor.view.state.doc, posOf(editor.view.state.doc, "5") + 1)));
    editor.idle();
    expect(editor.marks()).toEqual(["5", "The the"]);
  });
});

describe("a caret moving away from the word it typed", () => {
  it("shows the match it held back", () => {
    const editor = checkedEditor(["They said 5 words."]);
    editor.idle();
    const end = posOf(editor.view.state.doc, "words.") + "words.".length;
    const typed = editor.view.state.tr.insertText(" The the", end);
    editor.view.dispatch(typed.setSelection(TextSelection.create(typed.doc, end + 8)));
    editor.idle();
    expect(editor.marks()).toEqual(["5"]);
    editor.view.dispatch(editor.view.state.tr.setSelection(TextSelection.create(editor.view.state.doc, posOf(editor.view.state.doc, "They"))));
    editor.idle();
    expect(editor.marks()).toEqual(["5", "The the"]);
  });
});
