import { describe, expect, it } from "vitest";
import { inputRules, undoInputRule } from "prosemirror-inputrules";
import type { EditorState, Plugin } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { markdownRules } from "../../../renderer/src/editor/input-rules";
import { quoteStyle, typographyRules } from "../../../renderer/src/editor/typography";
import { schema } from "../../../shared/schema";
import { article, fieldStart, run, select, stateOf } from "./builders";

// Types text character by character through the input rules, as the view would.
function typeInto(state: EditorState, text: string, plugin: Plugin): EditorState {
  const view = {
    state,
    composing: false,
    dispatch(tr: Parameters<EditorView["dispatch"]>[0]) {
      view.state = view.state.apply(tr);
    },
  };
  for (const ch of text) {
    const { from, to } = view.state.selection;
    const handled = plugin.props.handleTextInput!.call(plugin, view as unknown as EditorView, from, to, ch, () => view.state.tr);
    if (!handled) view.dispatch(view.state.tr.insertText(ch, from, to));
  }
  return view.state;
}

function setup(language: string, enabled = true) {
  const plugin = inputRules({ rules: [...typographyRules(() => enabled), ...markdownRules()] });
  const doc = article();
  const state = select(stateOf(doc, { meta: { language }, plugins: [plugin] }), fieldStart(doc, "body") + 1);
  return { plugin, state };
}

const bodyText = (state: EditorState) => state.doc.child(5).textContent;

describe("smart quotes by language", () => {
  it("uses English curly quotes and apostrophes", () => {
    const { plugin, state } = setup("en");
    expect(bodyText(typeInto(state, `"We'll not," he said. 'Fine'`, plugin))).toBe("“We’ll not,” he said. ‘Fine’");
  });

  it("uses French guillemets with narrow no-break spaces", () => {
    const { plugin, state } = setup("fr");
    expect(bodyText(typeInto(state, `Il a dit "non" à l'armée`, plugin))).toBe("Il a dit «\u202fnon\u202f» à l’armée");
  });

  it("uses German low-high quotes", () => {
    const { plugin, state } = setup("de-AT");
    expect(bodyText(typeInto(state, `Er sagte "nein"`, plugin))).toBe("Er sagte „nein“");
    expect(quoteStyle("xx")).toEqual(quoteStyle("en"));
  });

  it("uses guillemets in Arabic (as the Arabic press sets quotations) and in Persian", () => {
    const arabic = setup("ar-EG");
    expect(bodyText(typeInto(arabic.state, `قال "لا" ثم 'نعم'`, arabic.plugin))).toBe("قال «لا» ثم ’نعم‘");
    const persian = setup("fa");
    expect(bodyText(typeInto(persian.state, `گفت "نه" و 'آری'`, persian.plugin))).toBe("گفت «نه» و ‹آری›");
  });

  it("uses Hebrew and Urdu quotes as CLDR gives them", () => {
    const hebrew = setup("he");
    expect(bodyText(typeInto(hebrew.state, `אמר "לא"`, hebrew.plugin))).toBe("אמר ”לא”");
    const urdu = setup("ur");
    expect(bodyText(typeInto(urdu.state, `کہا "نہیں"`, urdu.plugin))).toBe("کہا ”نہیں“");
  });

  it("turns double hyphens into an em dash and three dots into an ellipsis", () => {
    const { plugin, state } = setup("en");
    expect(bodyText(typeInto(state, "Wait -- what...", plugin))).toBe("Wait — what…");
  });

  it("leaves everything as typed when the setting is off", () => {
    const { plugin, state } = setup("en", false);
    expect(bodyText(typeInto(state, `"Hi" -- ok...`, plugin))).toBe(`"Hi" -- ok...`);
  });

  it("Backspace right after a replacement restores what was typed", () => {
    const { plugin, state } = setup("en");
    const typed = typeInto(state, "a--", plugin);
    expect(bodyText(typed)).toBe("a—");
    expect(bodyText(run(typed, undoInputRule))).toBe("a--");
  });
});

describe("Markdown shortcuts", () => {
  it("start subheadings, quotes and lists in the body", () => {
    for (const [typed, type] of [
      ["## ", schema.nodes.subheading],
      ["> ", schema.nodes.blockquote],
      ["- ", schema.nodes.bullet_list],
      ["1. ", schema.nodes.ordered_list],
    ] as const) {
      const { plugin, state } = setup("en");
      expect(typeInto(state, typed, plugin).doc.child(5).firstChild!.type).toBe(type);
    }
  });

  it("stay text in the headline", () => {
    const plugin = inputRules({ rules: markdownRules() });
    const doc = article();
    const state = select(stateOf(doc, { plugins: [plugin] }), fieldStart(doc, "headline"));
    expect(typeInto(state, "## > x", plugin).doc.child(1).textContent).toBe("## > x");
  });
});
