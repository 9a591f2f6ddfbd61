import { NodeSelection, TextSelection, type Command, type EditorState } from "prosemirror-state";
import { closeHistory } from "prosemirror-history";
import { schema } from "../../../shared/schema";
import { isWebHref } from "../../../shared/urls";
import { fieldPos } from "./fields";

// The related links at the end of the article: add, change, remove, reorder.

/// One related story.
export interface RelatedLink {
  href: string;
  title: string;
  label: string | null;
}

const relatedIndex = 7;

function relatedStart(state: EditorState): number {
  return fieldPos(state.doc, relatedIndex) + 1;
}

/// The related links, in order.
export function relatedLinks(state: EditorState): RelatedLink[] {
  const links: RelatedLink[] = [];
  state.doc.child(relatedIndex).forEach((node) => links.push(node.attrs as RelatedLink));
  return links;
}

/// The position of the related link at `index`.
export function relatedLinkPos(state: EditorState, index: number): number {
  let pos = relatedStart(state);
  for (let i = 0; i < index; i++) pos += state.doc.child(relatedIndex).child(i).nodeSize;
  return pos;
}

/// The index of the selected related link, or -1.
export function selectedRelatedIndex(state: EditorState): number {
  const { selection } = state;
  if (!(selection instanceof NodeSelection) || selection.node.type !== schema.nodes.related_link) return -1;
  return selection.$from.index(1);
}

function clean(link: RelatedLink): RelatedLink {
  return { href: link.href.trim(), title: link.title.trim(), label: link.label?.trim() || null };
}

/// Adds a related link at the end (or at `index`) and selects it; the URL must be http or https.
export function addRelatedLink(link: RelatedLink, index?: number): Command {
  return (state, dispatch) => {
    const value = clean(link);
    if (!isWebHref(value.href) || !value.title) return false;
    if (dispatch) {
      const count = state.doc.child(relatedIndex).childCount;
      const pos = relatedLinkPos(state, Math.min(index ?? count, count));
      const tr = closeHistory(state.tr).insert(pos, schema.nodes.related_link.create(value));
      dispatch(tr.setSelection(NodeSelection.create(tr.doc, pos)).scrollIntoView());
    }
    return true;
  };
}

/// Changes the related link at `index`.
export function updateRelatedLink(index: number, link: RelatedLink): Command {
  return (state, dispatch) => {
    const value = clean(link);
    if (index < 0 || index >= state.doc.child(relatedIndex).childCount || !isWebHref(value.href) || !value.title) return false;
    if (dispatch) {
      const pos = relatedLinkPos(state, index);
      const tr = closeHistory(state.tr).setNodeMarkup(pos, undefined, value);
      dispatch(tr.setSelection(NodeSelection.create(tr.doc, pos)));
    }
    return true;
  };
}

/// Removes the related link at `index`.
export function removeRelatedLink(index: number): Command {
  return (state, dispatch) => {
    const related = state.doc.child(relatedIndex);
    if (index < 0 || index >= related.childCount) return false;
    if (dispatch) {
      const pos = relatedLinkPos(state, index);
      const tr = closeHistory(state.tr).delete(pos, pos + related.child(index).nodeSize);
      const count = related.childCount - 1;
      if (count > 0) tr.setSelection(NodeSelection.create(tr.doc, relatedLinkPos({ doc: tr.doc } as EditorState, Math.min(index, count - 1))));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/// Moves the related link at `from` to position `to` in the list, and selects it there. The links it
/// passes are the ones moved, so the moved link (and its selection) stays as it is.
export function moveRelatedLink(from: number, to: number): Command {
  return (state, dispatch) => {
    const related = state.doc.child(relatedIndex);
    if (from === to || from < 0 || to < 0 || from >= related.childCount || to >= related.childCount) return false;
    if (dispatch) {
      const passed = to < from ? [to, from - 1] : [from + 1, to];
      const start = relatedLinkPos(state, passed[0]);
      const end = relatedLinkPos(state, passed[1] + 1);
      const nodes = state.doc.slice(start, end).content;
      const tr = closeHistory(state.tr).delete(start, end);
      const moved = tr.mapping.map(relatedLinkPos(state, from));
      const at = to < from ? moved + related.child(from).nodeSize : moved;
      tr.insert(at, nodes);
      const finalPos = tr.mapping.slice(1).map(moved, to < from ? -1 : 1);
      dispatch(tr.setSelection(NodeSelection.create(tr.doc, finalPos)).scrollIntoView());
    }
    return true;
  };
}

/// Moves the selected related link up (-1) or down (1); at either end it stays put (and keeps the selection).
export function moveSelectedRelatedLink(dir: 1 | -1): Command {
  return (state, dispatch) => {
    const index = selectedRelatedIndex(state);
    if (index < 0) return false;
    moveRelatedLink(index, index + dir)(state, dispatch);
    return true;
  };
}

/// Removes the selected related link.
export const removeSelectedRelatedLink: Command = (state, dispatch) => {
  const index = selectedRelatedIndex(state);
  return index >= 0 && removeRelatedLink(index)(state, dispatch);
};

/// Selects the related link before (-1) or after (1) the selected one; above the first, the end of
/// the tagline; below the last, nothing moves (the key is still taken).
export function selectRelatedNeighbour(dir: 1 | -1): Command {
  return (state, dispatch) => {
    const index = selectedRelatedIndex(state);
    if (index < 0) return false;
    const next = index + dir;
    if (next >= state.doc.child(relatedIndex).childCount) return true;
    const selection = next < 0 ? TextSelection.create(state.doc, relatedStart(state) - 2) : NodeSelection.create(state.doc, relatedLinkPos(state, next));
    dispatch?.(state.tr.setSelection(selection).scrollIntoView());
    return true;
  };
}
