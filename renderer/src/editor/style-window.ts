import type { Node as PMNode } from "prosemirror-model";
import type { Mapping } from "prosemirror-transform";
import type { EditorView } from "prosemirror-view";
import { schema } from "../../../shared/schema";

// Which underlines a long article draws. ProseMirror's view looks up each block's decorations
// among those of all the blocks before it on every redraw, so with hundreds of underlined
// paragraphs typing pays for all of them (issue 15: at 1,000 paragraphs, drawing them cost 11% of
// keystroke latency at p95, running the checks about 1%). A long article draws the underlines of
// the blocks on screen and `margin` blocks either side; scrolling moves that stretch.

/// A stretch of the document, in positions.
export interface DrawnStretch {
  from: number;
  to: number;
}

/// Articles with more body blocks than this have their underlines drawn by stretches.
export const longArticleBlocks = 150;
/// Body blocks drawn beyond those on screen, each side.
export const margin = 40;

/// The body and where its content starts, or null.
function bodyOf(doc: PMNode): { body: PMNode; start: number } | null {
  let found: { body: PMNode; start: number } | null = null;
  doc.forEach((field, offset) => {
    if (field.type === schema.nodes.body) found = { body: field, start: offset + 1 };
  });
  return found;
}

/// Whether an article is long enough to draw its underlines by stretches.
export function isLongArticle(doc: PMNode): boolean {
  return (bodyOf(doc)?.body.childCount ?? 0) > longArticleBlocks;
}

/// The stretch to draw when positions `top` to `bottom` are on screen: null (everything) for an
/// article that is not long.
export function stretchFor(doc: PMNode, top: number, bottom: number): DrawnStretch | null {
  const found = bodyOf(doc);
  if (!found || found.body.childCount <= longArticleBlocks) return null;
  const { body, start } = found;
  const indexAt = (pos: number) => {
    if (pos <= start) return 0;
    let offset = start;
    for (let i = 0; i < body.childCount; i++) {
      offset += body.child(i).nodeSize;
      if (pos < offset) return i;
    }
    return body.childCount - 1;
  };
  const first = Math.max(0, indexAt(top) - margin);
  const last = Math.min(body.childCount - 1, indexAt(bottom) + margin);
  let from = start;
  for (let i = 0; i < first; i++) from += body.child(i).nodeSize;
  let to = from;
  for (let i = first; i <= last; i++) to += body.child(i).nodeSize;
  // What comes before the body (headline, standfirst…) is drawn while the body's top is.
  return { from: first === 0 ? 0 : from, to: last === body.childCount - 1 ? doc.content.size : to };
}

/// The stretch after a change of the document.
export function mapStretch(stretch: DrawnStretch | null, mapping: Mapping): DrawnStretch | null {
  return stretch && { from: mapping.map(stretch.from, -1), to: mapping.map(stretch.to, 1) };
}

/// Whether the stretch drawn still covers what is on screen with half its margin to spare.
export function stillCovers(drawn: DrawnStretch | null, wanted: DrawnStretch | null): boolean {
  if (!drawn || !wanted) return drawn === wanted;
  const spare = (wanted.to - wanted.from) / 4;
  return drawn.from <= Math.max(0, wanted.from + spare) && drawn.to >= wanted.to - spare;
}

const scrollers = new WeakMap<EditorView, HTMLElement | Window>();

/// The element that scrolls the editor (the window's document pane), or the page; found once per view.
export function scrollerOf(view: EditorView): HTMLElement | Window {
  let scroller = scrollers.get(view);
  if (scroller) return scroller;
  scroller = window;
  for (let node = view.dom.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === "auto" || overflowY === "scroll") {
      scroller = node;
      break;
    }
  }
  scrollers.set(view, scroller);
  return scroller;
}

/// The positions at the top and the bottom of what is on screen, or null when the editor is not laid out.
export function onScreen(view: EditorView, scroller: HTMLElement | Window): { top: number; bottom: number } | null {
  const area = scroller instanceof HTMLElement ? scroller.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
  const editor = view.dom.getBoundingClientRect();
  if (editor.height === 0) return null;
  const left = editor.left + editor.width / 2;
  const at = (y: number) => view.posAtCoords({ left, top: Math.min(Math.max(y, editor.top + 1), editor.bottom - 1) })?.pos ?? null;
  const top = at(area.top + 1);
  const bottom = at(area.bottom - 1);
  return top === null || bottom === null ? null : { top, bottom };
}
