import { closeHistory } from "prosemirror-history";
import { Slice } from "prosemirror-model";
import { Plugin, TextSelection, type EditorState, type Transaction } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { fieldNode } from "../../../shared/article";
import { imageTypeNames, isAssetType, maxAssetBytes, maxAssetSize } from "../../../shared/asset-policy";
import { maxDocDepth } from "../../../shared/doc-check";
import { maxPastedPageChars, pasteLook } from "../../../shared/import/paste-rule";
import { schema } from "../../../shared/schema";
import type { AssetStore } from "./assets";
import { figureNode } from "./commands";
import { fieldPos } from "./fields";
import type { PageOffer, PastedPageSlice } from "./page-paste";
import { holdPastePlace, pastePlace, pastePlaces, pastePlacesState, releasePastePlace, replacePlace } from "./paste-place";
import { withKnownReviewMarks } from "../review/review-state";
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

/// Offers the journalist the fields of a page pasted whole, with the paste's report.
export type PageOfferHandler = (offer: PageOffer) => void;

// The page extraction (Readability) is loaded only when a paste looks like a page.
const pageReader = () => import("./page-paste");

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
    slice = withKnownReviewMarks(state, parseSlice(body, $from));
  } else slice = textToSlice(text);
  if (!blocks) slice = flattenForField(slice, $from);
  else if ($from.depth + sliceDepth(slice) >= maxDocDepth) {
    slice = plainSlice(slice);
    notes.push("What was pasted was nested too deeply for an article, so it came in as plain paragraphs.");
  }
  return { slice, headline };
}

/// The slice with its embedded images stored: main keeps each one, and one it refuses is left out with a note.
async function storedImages(slice: Slice, assets: AssetStore, notes: string[]): Promise<Slice> {
  const sources = new Map<string, string>();
  for (const src of imageSources(slice, "data")) sources.set(src, await storedImage(src, assets, notes));
  // An image of the article itself (copied from it) stays; one the article does not hold is left out.
  for (const src of imageSources(slice, "asset")) if (assets.displayUrl(src) === "") sources.set(src, "");
  return sources.size ? replaceImageSources(slice, sources) : slice;
}

/// The transaction that inserts a prepared paste at the selection of `state()` (asked once its images are
/// stored: main keeps each embedded image, and one it refuses is left out with a note); null when nothing changes.
export async function pasteTransaction(state: () => EditorState, prepared: PreparedPaste, assets: AssetStore, notes: string[]): Promise<Transaction | null> {
  const { headline } = prepared;
  const ready = await storedImages(prepared.slice, assets, notes);
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

/// A paste into the body that looks like a page: read as one (the extraction loads now); its article goes in
/// where the caret was (paste-place.ts) as one undo step, and its fields and report are offered. Not a page
/// after all, it pastes as it comes.
async function pastePage(view: EditorView, html: string, text: string, assets: AssetStore, notice: PasteNotice, offerPage: PageOfferHandler): Promise<void> {
  const held = holdPastePlace(view.state);
  view.dispatch(held.tr);
  try {
    const notes: string[] = [];
    let page: PastedPageSlice | null = null;
    try {
      page = await (await pageReader()).readPastedPage(html, inertParse);
    } catch (e) {
      notes.push(`The page could not be read as an article (${(e as Error).message}), so it was pasted as it came.`);
    }
    if (!page) return pasteAsItComes(view, html, text, assets, notice, notes);
    let slice = page.slice;
    const place = pastePlace(view.state, held.id);
    if (place && view.state.doc.resolve(place.from).depth + sliceDepth(slice) >= maxDocDepth) {
      slice = plainSlice(slice);
      notes.push("The page's article was nested too deeply for an article, so it came in as plain paragraphs.");
    }
    const ready = await storedImages(slice, assets, notes);
    const at = pastePlace(view.state, held.id);
    if (!at || !takesBlocks(view.state.doc.resolve(at.from)) || !takesBlocks(view.state.doc.resolve(at.to))) {
      return notice("The page was not pasted: the place it was pasted at was deleted while the page was read. Paste it again where it goes.");
    }
    const tr = replacePlace(view.state.tr, at, (tr) => tr.replaceSelection(ready));
    view.dispatch(closeHistory(releasePastePlace(tr, held.id)).scrollIntoView().setMeta("uiEvent", "paste"));
    offerPage({ ...page.offer, leftOut: [...page.offer.leftOut, ...new Set(notes)] });
  } finally {
    if (pastePlace(view.state, held.id)) view.dispatch(releasePastePlace(view.state.tr, held.id));
  }
}

/// Pastes HTML or text as it comes: sanitized and shaped for the selection (preparePaste).
function pasteAsItComes(view: EditorView, html: string, text: string, assets: AssetStore, notice: PasteNotice, notes: string[] = []): void {
  const prepared = preparePaste(view.state, html, text, inertParse, notes);
  void pasteTransaction(() => view.state, prepared, assets, notes).then(
    (tr) => {
      if (tr) view.dispatch(tr);
      if (notes.length > 0) notice([...new Set(notes)].join(" "));
    },
    (e: unknown) => notice(`The paste did not go in: ${(e as Error).message}`),
  );
}

/// Handles what comes from the clipboard or a drop: a whole page, sanitized HTML, plain text, image files.
function handleTransfer(view: EditorView, data: DataTransfer | null, assets: AssetStore, notice: PasteNotice, offerPage: PageOfferHandler): boolean {
  if (!data) return false;
  const files = imageFiles(data);
  if (files.length && takesBlocks(view.state.selection.$from)) {
    void insertImageFiles(view, files, assets, notice);
    return true;
  }
  const html = data.getData("text/html");
  const text = data.getData("text/plain");
  const look = html && takesBlocks(view.state.selection.$from) ? pasteLook(html) : "selection";
  if (look === "maybe-page") {
    void pastePage(view, html, text, assets, notice, offerPage).catch((e: unknown) => notice(`The paste did not go in: ${(e as Error).message}`));
    return true;
  }
  const notes = look === "too-large" ? [`This page is too large to be read as one (over ${maxPastedPageChars / 1024 / 1024} MB of HTML), so it was pasted as it came, menus and all.`] : [];
  pasteAsItComes(view, html, text, assets, notice, notes);
  return true;
}

/// Paste and drop from outside: HTML mapped onto the schema with everything hostile dropped,
/// plain text split into paragraphs, images stored as assets; fields take only what they allow.
/// A whole page pasted into the body brings its article only, and `offerPage` offers its fields.
export function pastePlugin(assets: AssetStore, notice: PasteNotice = () => undefined, offerPage?: PageOfferHandler): Plugin {
  const offer = offerPage ?? ((page: PageOffer) => notice(["Pasted the page's article only.", ...page.leftOut].join(" ")));
  return new Plugin({
    key: pastePlaces,
    state: pastePlacesState,
    props: {
      handlePaste: (view, event) => handleTransfer(view, event.clipboardData, assets, notice, offer),
      handleDrop: (view, event, _slice, moved) => {
        if (moved) return false;
        const at = view.posAtCoords({ left: (event as DragEvent).clientX, top: (event as DragEvent).clientY });
        if (at) view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(at.pos))));
        return handleTransfer(view, (event as DragEvent).dataTransfer, assets, notice, offer);
      },
    },
  });
}
