import { describe, expect, it } from "vitest";
import { AllSelection, NodeSelection } from "prosemirror-state";
import { backspaceAtFieldStart, currentFieldName, deleteAcrossFields, deleteAtFieldEnd, enterInField, nextField, previousField } from "../../../renderer/src/editor/fields";
import { fieldDecorations } from "../../../renderer/src/editor/field-decorations";
import { apply, article, fieldStart, h2, outline, p, related, run, select, stateOf } from "./builders";

const doc = article({ kicker: "World", headline: "Storm", byline: "By A", body: [p("One"), p("Two")], tagline: "(AFP)", related: [related("Next")] });

describe("moving between fields", () => {
  it("Tab walks the fields in order, skipping nothing that can hold a cursor", () => {
    let state = select(stateOf(doc), fieldStart(doc, "kicker"));
    const visited = [currentFieldName(state)];
    for (let i = 0; i < 7; i++) {
      state = run(state, nextField);
      visited.push(currentFieldName(state));
    }
    expect(visited).toEqual(["kicker", "headline", "standfirst", "byline", "dateline", "body", "tagline", "related"]);
    expect(state.selection).toBeInstanceOf(NodeSelection);
    expect(apply(state, nextField)).toBeNull();
  });

  it("Shift-Tab goes back, into the end of the body", () => {
    const state = run(select(stateOf(doc), fieldStart(doc, "tagline")), previousField);
    expect(currentFieldName(state)).toBe("body");
    expect(state.selection.$from.parent.textContent).toBe("Two");
    expect(apply(select(stateOf(doc), fieldStart(doc, "kicker")), previousField)).toBeNull();
  });

  it("Enter in a one-line field moves to the next one and never splits it", () => {
    const state = run(select(stateOf(doc), fieldStart(doc, "headline") + 2), enterInField);
    expect(currentFieldName(state)).toBe("standfirst");
    expect(outline(state.doc)).toEqual(outline(doc));
    expect(apply(select(stateOf(doc), fieldStart(doc, "body") + 1), enterInField)).toBeNull();
  });

  it("Enter with no related links after the tagline does nothing", () => {
    const bare = article({ tagline: "(AFP)" });
    expect(apply(select(stateOf(bare), fieldStart(bare, "tagline")), enterInField)).toBeNull();
  });
});

describe("keeping fields whole", () => {
  it("Backspace at the start of a field or of the body does nothing", () => {
    for (const field of ["headline", "standfirst", "tagline"]) {
      expect(apply(select(stateOf(doc), fieldStart(doc, field)), backspaceAtFieldStart)?.doc.eq(doc)).toBe(true);
    }
    expect(apply(select(stateOf(doc), fieldStart(doc, "body") + 1), backspaceAtFieldStart)?.doc.eq(doc)).toBe(true);
  });

  it("Backspace at the start of a subheading opening the body makes it a paragraph", () => {
    const withHeading = article({ body: [h2("Aside"), p("Text")] });
    const state = run(select(stateOf(withHeading), fieldStart(withHeading, "body") + 1), backspaceAtFieldStart);
    expect(outline(state.doc)).toContain("paragraph: Aside");
  });

  it("Backspace inside text is left to the normal commands", () => {
    expect(apply(select(stateOf(doc), fieldStart(doc, "headline") + 2), backspaceAtFieldStart)).toBeNull();
  });

  it("Delete at the end of a field does nothing", () => {
    expect(apply(select(stateOf(doc), fieldStart(doc, "headline") + 5), deleteAtFieldEnd)?.doc.eq(doc)).toBe(true);
  });

  it("deleting across fields empties what was selected and keeps every field", () => {
    const from = fieldStart(doc, "headline") + 2;
    const to = fieldStart(doc, "byline") + 2;
    const state = run(select(stateOf(doc), from, to), deleteAcrossFields);
    expect(outline(state.doc).slice(0, 4)).toEqual(["kicker: World", "headline: St", "standfirst: ", "byline:  A"]);
    state.doc.check();
  });

  it("deleting everything empties every field and keeps them all", () => {
    const state = run(stateOf(doc).apply(stateOf(doc).tr.setSelection(new AllSelection(doc))), deleteAcrossFields);
    expect(outline(state.doc)).toEqual(outline(article()));
    state.doc.check();
  });
});

describe("field decorations", () => {
  it("name every field and show placeholders and length meters", () => {
    const state = stateOf(article({ headline: "x".repeat(80) }));
    const specs = fieldDecorations(state)
      .find()
      .map((d) => (d as unknown as { type: { attrs: Record<string, string> } }).type.attrs);
    const headline = specs.find((a) => a["data-field"] === "headline")!;
    expect(headline).toMatchObject({ "aria-label": "Headline", role: "textbox", "data-meter": "80/70", "data-level": "warn" });
    expect(specs.find((a) => a["data-field"] === "kicker")).toMatchObject({ class: "empty", "data-placeholder": expect.stringContaining("Kicker") });
    expect(specs.find((a) => a["data-field"] === "related")).not.toHaveProperty("role");
  });
});
