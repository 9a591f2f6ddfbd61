import { Plugin, TextSelection } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";

// The browser reports selection changes with an event that can arrive after the next key
// (Shift+Home then Mod-K, Home then Backspace typed quickly). Keys and dialogs read the
// browser's selection first, so commands act where the caret really is.

/// Reads the browser's selection into the editor state when it is ahead of it.
export function syncSelectionFromDOM(view: EditorView): void {
  const dom = view.dom.ownerDocument.getSelection();
  if (!view.hasFocus() || !dom?.anchorNode || !dom.focusNode || !(view.state.selection instanceof TextSelection)) return;
  if (!view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return;
  try {
    const anchor = view.posAtDOM(dom.anchorNode, dom.anchorOffset);
    const head = view.posAtDOM(dom.focusNode, dom.focusOffset);
    const { selection } = view.state;
    if (anchor !== selection.anchor || head !== selection.head) view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, anchor, head)));
  } catch {
    // A position inside a widget or node view has no document position: keep the state's selection.
  }
}

/// Brings the state's selection up to date with the browser's before any key is handled.
export function selectionSyncPlugin(): Plugin {
  return new Plugin({
    props: {
      handleKeyDown(view) {
        syncSelectionFromDOM(view);
        return false;
      },
    },
  });
}
