import { Slice } from "prosemirror-model";
import { Plugin, TextSelection } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { fieldNode } from "../../../shared/article";
import { isAssetType, maxAssetBytes } from "../../../shared/asset-policy";
import { schema } from "../../../shared/schema";
import type { AssetStore } from "./assets";
import { figureNode } from "./commands";
import { fieldPos } from "./fields";
import { imageSources, flattenForField, parseSlice, replaceImageSources, sanitizeHTML, takeHeadline, takesBlocks, textToSlice } from "./paste";

// Paste and drop from outside the editor, through the sanitizer in paste.ts.

const inertParse = (html: string): Document => new DOMParser().parseFromString(html, "text/html");

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((ok, fail) => {
    const reader = new FileReader();
    reader.onload = () => ok(reader.result as string);
    reader.onerror = () => fail(reader.error);
    reader.readAsDataURL(file);
  });
}

/// Inserts a slice at the selection once its embedded images are stored as assets.
async function insertSlice(view: EditorView, slice: Slice, assets: AssetStore, headline: string | null): Promise<void> {
  const sources = new Map<string, string>();
  for (const src of imageSources(slice, "data")) sources.set(src, (await assets.addDataUrl(src)) ?? "");
  // An image of the article itself (copied from it) stays; one the article does not hold is left out.
  for (const src of imageSources(slice, "asset")) if (assets.displayUrl(src) === "") sources.set(src, "");
  const ready = sources.size ? replaceImageSources(slice, sources) : slice;
  const tr = view.state.tr;
  if (ready.size) tr.replaceSelection(ready);
  if (headline) {
    const pos = fieldPos(tr.doc, 1);
    if (fieldNode(tr.doc, "headline")?.content.size === 0) tr.insertText(headline, pos + 1);
  }
  if (tr.docChanged) view.dispatch(tr.scrollIntoView().setMeta("uiEvent", "paste"));
}

/// Images dropped or pasted as files become figures.
async function insertImageFiles(view: EditorView, files: File[], assets: AssetStore): Promise<void> {
  const figures = [];
  for (const file of files) {
    const src = await assets.addDataUrl(await readAsDataUrl(file));
    if (src) figures.push(figureNode({ src, alt: "" }));
  }
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
function handleTransfer(view: EditorView, data: DataTransfer | null, assets: AssetStore): boolean {
  if (!data) return false;
  const files = imageFiles(data);
  if (files.length && takesBlocks(view.state.selection.$from)) {
    void insertImageFiles(view, files, assets);
    return true;
  }
  const html = data.getData("text/html");
  const text = data.getData("text/plain");
  const { $from } = view.state.selection;
  const blocks = takesBlocks($from);
  let slice: Slice;
  let headline: string | null = null;
  if (html) {
    const body = sanitizeHTML(html, inertParse);
    if (blocks) headline = takeHeadline(body, fieldNode(view.state.doc, "headline")?.content.size === 0);
    slice = parseSlice(body, $from);
  } else slice = textToSlice(text);
  if (!blocks) slice = flattenForField(slice, $from);
  void insertSlice(view, slice, assets, headline);
  return true;
}

/// Paste and drop from outside: HTML mapped onto the schema with everything hostile dropped,
/// plain text split into paragraphs, images stored as assets; fields take only what they allow.
export function pastePlugin(assets: AssetStore): Plugin {
  return new Plugin({
    props: {
      handlePaste: (view, event) => handleTransfer(view, event.clipboardData, assets),
      handleDrop: (view, event, _slice, moved) => {
        if (moved) return false;
        const at = view.posAtCoords({ left: (event as DragEvent).clientX, top: (event as DragEvent).clientY });
        if (at) view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(at.pos))));
        return handleTransfer(view, (event as DragEvent).dataTransfer, assets);
      },
    },
  });
}
