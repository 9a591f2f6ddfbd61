import { describe, expect, it } from "vitest";
import { schema } from "../../../shared/schema";
import {
  editAttribution,
  enterInQuoteParts,
  insertFigure,
  insertPullquote,
  pullquote,
  setPullquoteRole,
  setSubheading,
  toggleBlockquote,
  toggleBulletList,
  toggleOrderedList,
  updateFigureImage,
} from "../../../renderer/src/editor/commands";
import { linkAt, removeLink, setLink } from "../../../renderer/src/editor/links";
import { apply, article, fieldStart, link, outline, p, posOf, run, select, stateOf } from "./builders";

const doc = article({ headline: "Storm", body: [p("Ferries stayed in port.")] });
const inParagraph = () => select(stateOf(doc), posOf(doc, "Ferries", 3));

describe("body blocks", () => {
  it("makes a subheading, only in the body", () => {
    expect(outline(run(inParagraph(), setSubheading).doc)).toContain("subheading: Ferries stayed in port.");
    expect(apply(select(stateOf(doc), fieldStart(doc, "headline")), setSubheading)).toBeNull();
  });

  it("wraps in a block quote with an attribution, and lifts out again", () => {
    let state = run(inParagraph(), toggleBlockquote);
    expect(state.doc.child(5).firstChild!.type).toBe(schema.nodes.blockquote);
    state = run(state, editAttribution);
    expect(state.selection.$from.parent.type).toBe(schema.nodes.attribution);
    state = state.apply(state.tr.insertText("Harbour master"));
    expect(state.doc.child(5).firstChild!.lastChild!.textContent).toBe("Harbour master");
    state = run(state, enterInQuoteParts);
    expect(state.selection.$from.parent.type).toBe(schema.nodes.paragraph);
    expect(state.selection.$from.depth).toBe(2);
  });

  it("turns a paragraph into a pull quote with a role and an attribution", () => {
    let state = run(inParagraph(), insertPullquote("showcase"));
    const quote = state.doc.child(5).firstChild!;
    expect(quote.type).toBe(schema.nodes.pullquote);
    expect(quote.attrs.role).toBe("showcase");
    expect(quote.textContent).toBe("Ferries stayed in port.");
    state = run(state, setPullquoteRole("inline"));
    expect(state.doc.child(5).firstChild!.attrs.role).toBe("inline");
    state = run(state, pullquote);
    expect(state.doc.child(5).firstChild!.attrs.role).toBe("showcase");
    state = run(state, enterInQuoteParts);
    expect(state.selection.$from.parent.type).toBe(schema.nodes.attribution);
  });

  it("toggles bullet and numbered lists and switches between them", () => {
    let state = run(inParagraph(), toggleBulletList);
    expect(state.doc.child(5).firstChild!.type).toBe(schema.nodes.bullet_list);
    state = run(state, toggleOrderedList);
    expect(state.doc.child(5).firstChild!.type).toBe(schema.nodes.ordered_list);
    state = run(state, toggleOrderedList);
    expect(state.doc.child(5).firstChild!.type).toBe(schema.nodes.paragraph);
  });

  it("inserts a figure in place of an empty paragraph, with a paragraph after it", () => {
    const empty = article();
    const state = run(select(stateOf(empty), fieldStart(empty, "body") + 1), insertFigure({ src: "https://example.com/a.jpg", alt: "A harbour", credit: "© AFP" }));
    expect(outline(state.doc)).toContain("figure: © AFP");
    expect(state.doc.child(5).childCount).toBe(2);
    expect(state.selection.$from.parent.type).toBe(schema.nodes.paragraph);
    state.doc.check();
  });

  it("changes a figure's image and adds the caption and credit it lacked, in their places", () => {
    const empty = article();
    const withFigure = run(select(stateOf(empty), fieldStart(empty, "body") + 1), insertFigure({ src: "https://example.com/a.jpg", alt: "A harbour" }));
    const figurePos = fieldStart(withFigure.doc, "body");
    const state = run(withFigure, updateFigureImage(figurePos, "https://example.com/b.jpg", "Boats at dawn", { caption: "The harbour at dawn", credit: "© AFP" }));
    const figure = state.doc.nodeAt(figurePos)!;
    expect(figure.content.content.map((c) => `${c.type.name}:${c.textContent}`)).toEqual(["image:", "caption:The harbour at dawn", "credit:© AFP"]);
    expect(figure.firstChild!.attrs).toEqual({ src: "https://example.com/b.jpg", alt: "Boats at dawn" });
    const again = run(state, updateFigureImage(figurePos, "https://example.com/b.jpg", "Boats", { caption: "Other", credit: "Other" }));
    expect(again.doc.nodeAt(figurePos)!.childCount).toBe(3);
    expect(again.doc.nodeAt(figurePos)!.child(1).textContent).toBe("The harbour at dawn");
  });
});

describe("links", () => {
  it("sets a link on the selection and finds it again", () => {
    const from = posOf(doc, "Ferries");
    const state = run(select(stateOf(doc), from, from + 7), setLink("https://example.com"));
    const found = linkAt(select(state, from + 3));
    expect(found).toMatchObject({ from, to: from + 7, href: "https://example.com" });
  });

  it("refuses javascript:, data: and bare addresses", () => {
    const from = posOf(doc, "Ferries");
    for (const href of ["javascript:alert(1)", "data:text/html,x", "example.com", " "]) {
      expect(apply(select(stateOf(doc), from, from + 7), setLink(href))).toBeNull();
    }
    expect(apply(select(stateOf(doc), from, from + 7), setLink("mailto:desk@example.com"))).not.toBeNull();
  });

  it("does not link in fields without links, and removes links", () => {
    expect(apply(select(stateOf(doc), fieldStart(doc, "headline"), fieldStart(doc, "headline") + 3), setLink("https://example.com"))).toBeNull();
    const linked = article({ body: [p("See ", link("this", "https://example.com"), " now")] });
    const state = run(select(stateOf(linked), posOf(linked, "this", 2)), removeLink);
    expect(state.doc.rangeHasMark(0, state.doc.content.size, schema.marks.link)).toBe(false);
  });
});
