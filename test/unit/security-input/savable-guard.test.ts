import { undo } from "prosemirror-history";
import type { Node as PMNode } from "prosemirror-model";
import { EditorState, type Transaction } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { figureNode } from "../../../renderer/src/editor/commands";
import { savableGuardPlugin } from "../../../renderer/src/editor/savable";
import { statePlugins } from "../../../renderer/src/editor/setup";
import { articleToJSON, assetScheme } from "../../../shared/article";
import { articleFromJSON } from "../../../shared/article-file";
import { assetKey } from "../../../shared/asset-policy";
import { maxDocDepth } from "../../../shared/doc-check";
import { schema } from "../../../shared/schema";
import { pngBase64 } from "../../support/hostile-html";
import { article } from "../services/helpers";

// The editor's last line behind paste, drop and the dialogs (issue 10, item 1): a transaction that
// would leave what the file format refuses is not applied, whichever way it came (a command, a
// plugin, a script), and the journalist is told why; everything the format accepts goes through,
// undo included. After each, the editor's article still passes the file check.

const n = schema.nodes;
const heldKey = assetKey(pngBase64);
const held = { [heldKey]: { type: "image/png", data: pngBase64 } };

/// An article in the editor with the guard and the state plugins, and what the guard said.
function editor(): { state: EditorState; said: string[] } {
  const said: string[] = [];
  const start = article("Harbour reopens", "The first ferry left at six.");
  const state = EditorState.create({
    doc: start.doc,
    plugins: [savableGuardPlugin((key) => key === heldKey, (message) => said.push(message)), ...statePlugins(start.meta)],
  });
  return { state, said };
}

/// The end of the body's first paragraph, and the position after it.
function bodyPlaces(doc: PMNode): { textEnd: number; afterParagraph: number } {
  let before = 0;
  for (let i = 0; i < 5; i++) before += doc.child(i).nodeSize;
  const paragraph = doc.child(5).firstChild!;
  return { textEnd: before + 1 + paragraph.nodeSize - 1, afterParagraph: before + 1 + paragraph.nodeSize };
}

/// Whether the article the editor holds passes the file format's check.
function savable(state: EditorState): string[] {
  const json = articleToJSON({ ...article(""), doc: state.doc });
  const result = articleFromJSON({ ...json, assets: held });
  return result.ok ? [] : result.errors;
}

/// A bulleted list nested `levels` deep, each item a paragraph and the next list (two levels of the file's depth each).
function nestedList(levels: number): PMNode {
  let list = n.bullet_list.create(null, n.list_item.create(null, n.paragraph.create(null, schema.text("Deepest"))));
  for (let i = 1; i < levels; i++) list = n.bullet_list.create(null, n.list_item.create(null, [n.paragraph.create(null, schema.text("Level")), list]));
  return list;
}

/// The most lists a body may nest (doc, body, then two levels a list, the paragraph inside the innermost).
const deepestList = Math.floor((maxDocDepth - 4) / 2);

describe("the editor's savable guard", () => {
  it.each<[string, (state: EditorState) => Transaction, RegExp]>([
    ["a figure whose image is a data: URL", (s) => s.tr.insert(bodyPlaces(s.doc).afterParagraph, figureNode({ src: `data:image/png;base64,${pngBase64}`, alt: "Quay" })), /image src "data:image\/png;base64,.*" is neither https nor an embedded asset/],
    ["a figure whose embedded image the article does not hold", (s) => s.tr.insert(bodyPlaces(s.doc).afterParagraph, figureNode({ src: `${assetScheme}${"0".repeat(64)}`, alt: "" })), /image refers to asset 000000000000…, which the file does not hold/],
    ["a link to javascript:", (s) => s.tr.addMark(bodyPlaces(s.doc).textEnd - 5, bodyPlaces(s.doc).textEnd, schema.marks.link.create({ href: "javascript:alert(1)" })), /link href "javascript:alert\(1\)" is not http, https or mailto/],
    [`lists nested past the ${maxDocDepth}-level limit`, (s) => s.tr.insert(bodyPlaces(s.doc).afterParagraph, nestedList(deepestList + 1)), new RegExp(`it would nest the article more than ${maxDocDepth} levels deep`)],
  ])("refuses %s, says why, and leaves the article as it was", (_name, change, why) => {
    const { state, said } = editor();
    const after = state.apply(change(state));
    expect(after.doc.eq(state.doc)).toBe(true);
    expect(said).toEqual([expect.stringMatching(new RegExp(`^That change was not made: ${why.source}\\.$`))]);
    expect(savable(after)).toEqual([]);
  });

  it("refuses an image's address set to a data: URL in place (a step that moves nothing), and says why", () => {
    const { state, said } = editor();
    const withFigure = state.apply(state.tr.insert(bodyPlaces(state.doc).afterParagraph, figureNode({ src: "https://images.example.com/quay.jpg", alt: "Quay" })));
    const imagePos = bodyPlaces(withFigure.doc).afterParagraph + 1;
    expect(withFigure.doc.nodeAt(imagePos)?.type).toBe(n.image);
    const after = withFigure.apply(withFigure.tr.setNodeAttribute(imagePos, "src", `data:image/png;base64,${pngBase64}`));
    expect(after.doc.eq(withFigure.doc)).toBe(true);
    expect(said).toEqual([expect.stringMatching(/^That change was not made: image src "data:image\/png;base64,.*" is neither https nor an embedded asset\.$/)]);
  });

  it("lets through typing, an https image, an image the article holds, a safe link, lists nested to the limit, and undo of each", () => {
    const { state, said } = editor();
    let next = state.apply(state.tr.insertText(" More words.", bodyPlaces(state.doc).textEnd));
    next = next.apply(next.tr.insert(bodyPlaces(next.doc).afterParagraph, figureNode({ src: "https://images.example.com/quay.jpg", alt: "Quay" })));
    next = next.apply(next.tr.insert(bodyPlaces(next.doc).afterParagraph, figureNode({ src: `${assetScheme}${heldKey}`, alt: "Held" })));
    next = next.apply(next.tr.addMark(bodyPlaces(next.doc).textEnd - 6, bodyPlaces(next.doc).textEnd, schema.marks.link.create({ href: "https://example.com/" })));
    next = next.apply(next.tr.insert(bodyPlaces(next.doc).afterParagraph, nestedList(deepestList)));
    expect(said).toEqual([]);
    expect(next.doc.child(5).childCount).toBe(4);
    expect(savable(next)).toEqual([]);
    while (undo(next, (tr) => (next = next.apply(tr))));
    expect(next.doc.eq(state.doc)).toBe(true);
    expect(said).toEqual([]);
  });
});
