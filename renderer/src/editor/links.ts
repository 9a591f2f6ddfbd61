import type { Mark } from "prosemirror-model";
import { Plugin, type Command, type EditorState } from "prosemirror-state";
import { schema } from "../../../shared/schema";
import { linkHrefProblem } from "../../../shared/urls";

// Links inside text: find the one at the cursor, set it, remove it; clicks never navigate.

const linkType = schema.marks.link;

/// The link at the selection: its range, address and title, or null.
export function linkAt(state: EditorState): { from: number; to: number; href: string; title: string | null } | null {
  const { $from, from, to } = state.selection;
  const mark = linkType.isInSet($from.marks()) ?? linkType.isInSet($from.nodeAfter?.marks ?? []);
  if (!mark) return null;
  const start = $from.start();
  const runs: { from: number; to: number }[] = [];
  let current: { from: number; to: number } | null = null;
  $from.parent.forEach((child, offset) => {
    const childFrom = start + offset;
    if (!mark.isInSet(child.marks)) {
      current = null;
      return;
    }
    if (current) current.to = childFrom + child.nodeSize;
    else runs.push((current = { from: childFrom, to: childFrom + child.nodeSize }));
  });
  const run = runs.find((r) => r.from <= from && to <= r.to) ?? runs.find((r) => r.from <= from && from <= r.to);
  if (!run) return null;
  return { ...run, href: mark.attrs.href as string, title: mark.attrs.title as string | null };
}

/// True when a link may be set where the selection is.
export function canLink(state: EditorState): boolean {
  const { $from, $to } = state.selection;
  return $from.sameParent($to) && $from.parent.type.allowsMarkType(linkType);
}

/// Sets a link on the selection (or on the whole link at the cursor); when nothing is selected, inserts the address as text.
/// Refuses addresses other than http, https and mailto (see `linkHrefProblem`).
export function setLink(href: string, title: string | null = null): Command {
  return (state, dispatch) => {
    if (linkHrefProblem(href) || !canLink(state)) return false;
    if (dispatch) {
      const mark = linkType.create({ href: href.trim(), title: title || null });
      const existing = linkAt(state);
      const { from, to, empty } = state.selection;
      const tr = state.tr;
      if (existing) tr.removeMark(existing.from, existing.to, linkType).addMark(existing.from, existing.to, mark);
      else if (!empty) tr.addMark(from, to, mark);
      else tr.insert(from, schema.text(href.trim(), [mark]));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/// Removes the link at the selection.
export const removeLink: Command = (state, dispatch) => {
  const existing = linkAt(state);
  const { from, to, empty } = state.selection;
  if (!existing && (empty || !state.doc.rangeHasMark(from, to, linkType))) return false;
  if (dispatch) {
    const range = existing ?? { from, to };
    dispatch(state.tr.removeMark(range.from, range.to, linkType));
  }
  return true;
};

/// The link mark, if any, of a DOM click target inside the editor.
export function linkOfEvent(event: Event): HTMLAnchorElement | null {
  const target = event.target as Element | null;
  return target?.closest?.("a[href]") ?? null;
}

/// Stops clicks on links (in text and related links) from navigating; Mod-click hands the address to `open`.
export function linkClickPlugin(open: (href: string) => void): Plugin {
  const handle = (event: MouseEvent): boolean => {
    const anchor = linkOfEvent(event);
    if (!anchor) return false;
    event.preventDefault();
    if ((event.ctrlKey || event.metaKey) && event.type === "click") {
      const href = anchor.getAttribute("href") ?? "";
      if (!linkHrefProblem(href)) open(href);
    }
    return false;
  };
  return new Plugin({
    props: {
      handleDOMEvents: {
        click: (_view, event) => handle(event),
        auxclick: (_view, event) => handle(event),
      },
    },
  });
}

/// The marks of a link, for tests and tooltips.
export function linkMarkOf(marks: readonly Mark[]): Mark | undefined {
  return linkType.isInSet(marks);
}
