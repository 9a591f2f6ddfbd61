import { Slice } from "prosemirror-model";
import { Plugin, TextSelection, type EditorState, type Transaction } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { fieldNode } from "../../../shared/article";
import { imageTypeNames, isAssetType, maxAssetBytes, maxAssetSize } from "../../../shared/asset-policy";
import { maxDocDepth } from "../../../shared/doc-check";
import { schema } from "../../../shared/schema";
import type { AssetStore } from "./assets";
import { figureNode } from "./commands";
import { fieldPos } from "./fields";
import {
  imageSources,
  flattenForField,
  parseSlice,
  plainSlice,
  replaceImageSources,
  sanitizeHTML,
  sliceDepth,
  takeHeadline,
  takesBlocks,
  textToSlice,
} from "./paste";

// Paste and drop from outside the editor, through the sanitizer in paste.ts. What the file format
// would refuse is converted as it comes in: a data: image becomes an image main keeps (asset:add)
// when its bytes are one the asset policy accepts, and is left out with a message otherwise;
// structure nested too deep for the article becomes plain paragraphs.

/// Tells the journalist what a paste or drop changed or left out.
export type PasteNotice = (message: string) => void;

const inertParse = (html: string): Document => new DOMParser().parseFromString(html, "text/html");

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((ok, fail) => {
    const reader = new FileReader();
    reader.onload = () => ok(reader.result as string);
    reader.onerror = () => fail(reader.error);
    reader.readAsDataURL(file);
  });
}

/// The `asset:` src of an embedded image main kept, or "" (and a note) when main refused it.
async function storedImage(src: string, assets: AssetStore, notes: string[]): Promise<string> {
  try {
    const stored = await assets.addDataUrl(src);
    if (stored) return stored;
    notes.push(`A pasted image was left out: it is not a ${imageTypeNames} image of at most ${maxAssetSize}.`);
  } catch (e) {
    notes.push(`A pasted image was left out: ${(e as Error).message}`);
  }
  return "";
}

/// A paste or drop of HTML or text, shaped for where it goes: the slice and, for an empty headline, the h1 it brings.
export interface PreparedPaste {
  slice: Slice;
  headline: string | null;
}

/// Sanitizes pasted HTML (or splits plain text) and shapes it for the selection: a field gets one line
/// of what it allows, the body blocks, plain paragraphs when the structure would nest too deep.
/// `parse` parses HTML inertly (the page's DOMParser, linkedom in tests); `notes` collects what was left out.
export function preparePaste(state: EditorState, html: string, text: string, parse: (html: string) => Document, notes: string[]): PreparedPaste {
  const { $from } = state.selection;
  const blocks = takesBlocks($from);
  let slice: Slice;
  let headline: string | null = null;
  if (html) {
    const body = sanitizeHTML(html, parse, notes);
    if (blocks) headline = takeHeadline(body, fieldNode(state.doc, "headline")?.content.size === 0);
    slice = parseSlice(body, $from);
  } else slice = textToSlice(text);
  if (!blocks) slice = flattenForField(slice, $from);
  else if ($from.depth + sliceDepth(slice) >= maxDocDepth) {
    slice = plainSlice(slice);
    notes.push("What was pasted was nested too deeply for an article, so it came in as plain paragraphs.");
  }
  return { slice, headline };
}

/// The transaction that inserts a prepared paste at the selection of `state()` (asked once its images are
/// stored: main keeps each embedded image, and one it refuses is left out with a note); null when nothing changes.
export async function pasteTransaction(state: () => EditorState, prepared: PreparedPaste, assets: AssetStore, notes: string[]): Promise<Transaction | null> {
  const { slice, headline } = prepared;
  const sources = new Map<string, string>();
  for (const src of imageSources(slice, "data")) sources.set(src, await storedImage(src, assets, notes));
  // An image of the article itself (copied from it) stays; one the article does not hold is left out.
  for (const src of imageSources(slice, "asset")) if (assets.displayUrl(src) === "") sources.set(src, "");
  const ready = sources.size ? replaceImageSources(slice, sources) : slice;
  const tr = state().tr;
  if (ready.size) tr.replaceSelection(ready);
  if (headline) {
    const pos = fieldPos(tr.doc, 1);
    if (fieldNode(tr.doc, "headline")?.content.size === 0) tr.insertText(headline, pos + 1);
  }
  return tr.docChanged ? tr.scrollIntoView().setMeta("uiEvent", "paste") : null;
}

/// Images dropped or pasted as files become figures.
async function insertImageFiles(view: EditorView, files: File[], assets: AssetStore, notice: PasteNotice): Promise<void> {
  const figures = [];
  const notes: string[] = [];
  for (const file of files) {
    const src = await storedImage(await readAsDataUrl(file), assets, notes);
    if (src) figures.push(figureNode({ src, alt: "" }));
  }
  if (notes.length > 0) notice([...new Set(notes)].join(" "));
  if (!figures.length) return;
  const { $from } = view.state.selection;
  if ($from.depth < 2 || $from.node(1).type !== schema.nodes.body) return;
  const at = $from.after(2);
  const tr = view.state.tr.insert(at, figures);
  view.dispatch(tr.setSelection(TextSelection.near(tr.doc.resolve(at + 1))).scrollIntoView());
}

/// The files of a paste or drop that may be images the asset policy accepts (their bytes decide when they are read).
function imageFiles(data: DataTransfer | null): File[] {
  return Array.from(data?.files ?? []).filter((f) => isAssetType(f.type) && f.size <= maxAssetBytes);
}

/// Handles what comes from the clipboard or a drop: sanitized HTML, plain text, image files.
function handleTransfer(view: EditorView, data: DataTransfer | null, assets: AssetStore, notice: PasteNotice): boolean {
  if (!data) return false;
  const files = imageFiles(data);
  if (files.length && takesBlocks(view.state.selection.$from)) {
    void insertImageFiles(view, files, assets, notice);
    return true;
  }
  const notes: string[] = [];
  const prepared = preparePaste(view.state, data.getData("text/html"), data.getData("text/plain"), inertParse, notes);
  void pasteTransaction(() => view.state, prepared, assets, notes).then(
    (tr) => {
      if (tr) view.dispatch(tr);
      if (notes.length > 0) notice([...new Set(notes)].join(" "));
    },
    (e: unknown) => notice(`The paste did not go in: ${(e as Error).message}`),
  );
  return true;
}

/// Paste and drop from outside: HTML mapped onto the schema with everything hostile dropped,
/// plain text split into paragraphs, images stored as assets; fields take only what they allow.
export function pastePlugin(assets: AssetStore, notice: PasteNotice = () => undefined): Plugin {
  return new Plugin({
    props: {
      handlePaste: (view, event) => handleTransfer(view, event.clipboardData, assets, notice),
      handleDrop: (view, event, _slice, moved) => {
        if (moved) return false;
        const at = view.posAtCoords({ left: (event as DragEvent).clientX, top: (event as DragEvent).clientY });
        if (at) view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(at.pos))));
        return handleTransfer(view, (event as DragEvent).dataTransfer, assets, notice);
      },
    },
  });
}
