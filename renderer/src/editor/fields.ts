import type { Node as PMNode, ResolvedPos } from "prosemirror-model";
import { NodeSelection, Plugin, Selection, TextSelection, type Command, type EditorState } from "prosemirror-state";
import { fieldNames, schema, type FieldName } from "../../../shared/schema";

// Moving between the article's fields, and keeping Enter and Backspace inside them.

/// The index among the top-level fields of the field holding this position.
export function fieldIndexAt($pos: ResolvedPos): number {
  return $pos.depth === 0 ? Math.min($pos.index(0), fieldNames.length - 1) : $pos.index(0);
}

/// The name of the field the selection starts in.
export function currentFieldName(state: EditorState): FieldName {
  return fieldNames[fieldIndexAt(state.selection.$from)];
}

/// Start of the top-level field at `index`.
export function fieldPos(doc: PMNode, index: number): number {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  return pos;
}

/// A selection at the start (or end) of the field at `index`, or null when it has nowhere to put one.
export function selectionInField(doc: PMNode, index: number, atEnd = false): Selection | null {
  const field = doc.child(index);
  const pos = fieldPos(doc, index);
  if (field.isTextblock) return TextSelection.create(doc, pos + 1 + (atEnd ? field.content.size : 0));
  if (field.type === schema.nodes.related) {
    if (field.childCount === 0) return null;
    const link = atEnd ? pos + field.content.size + 1 - field.lastChild!.nodeSize : pos + 1;
    return NodeSelection.create(doc, link);
  }
  const inner = atEnd ? doc.resolve(pos + field.nodeSize - 1) : doc.resolve(pos + 1);
  return Selection.findFrom(inner, atEnd ? -1 : 1, true);
}

/// Moves the selection to the next (dir 1) or previous (-1) field; false past the first or last.
export function moveToField(dir: 1 | -1): Command {
  return (state, dispatch) => {
    const { doc } = state;
    for (let i = fieldIndexAt(state.selection.$from) + dir; i >= 0 && i < doc.childCount; i += dir) {
      const selection = selectionInField(doc, i, dir < 0 && doc.child(i).type === schema.nodes.body);
      if (!selection) continue;
      dispatch?.(state.tr.setSelection(selection).scrollIntoView());
      return true;
    }
    return false;
  };
}

/// Tab: to the next field.
export const nextField = moveToField(1);
/// Shift-Tab: to the previous field.
export const previousField = moveToField(-1);

/// True when the cursor's block is a field of its own (not inside the body).
function inOneLineField(state: EditorState): boolean {
  const { $from } = state.selection;
  return $from.depth === 1 && $from.parent.isTextblock;
}

/// Enter in a one-line field moves to the next field instead of splitting it.
export const enterInField: Command = (state, dispatch) => {
  if (!inOneLineField(state)) return false;
  return nextField(state, dispatch);
};

/// Backspace at the start of a field (or of the body's first paragraph) does nothing rather
/// than merging the field into the one before; a subheading there becomes a paragraph.
export const backspaceAtFieldStart: Command = (state, dispatch) => {
  const { $cursor } = state.selection as TextSelection;
  if (!$cursor || $cursor.parentOffset > 0) return false;
  if ($cursor.depth === 1) return true;
  if ($cursor.depth === 2 && $cursor.node(1).type === schema.nodes.body && $cursor.index(1) === 0) {
    if ($cursor.parent.type === schema.nodes.paragraph) return true;
    if (dispatch) dispatch(state.tr.setBlockType($cursor.pos, $cursor.pos, schema.nodes.paragraph));
    return true;
  }
  return false;
};

/// Delete at the end of a field (or of the body's last block) does nothing rather than pulling the next field in.
export const deleteAtFieldEnd: Command = (state) => {
  const { $cursor } = state.selection as TextSelection;
  if (!$cursor || $cursor.parentOffset < $cursor.parent.content.size) return false;
  if ($cursor.depth === 1) return true;
  return $cursor.depth === 2 && $cursor.node(1).type === schema.nodes.body && $cursor.index(1) === $cursor.node(1).childCount - 1;
};

/// Deleting a selection that spans several fields empties the parts of each field it covers, keeping every field.
export const deleteAcrossFields: Command = (state, dispatch) => {
  const { $from, $to, empty } = state.selection;
  const { doc } = state;
  const first = fieldIndexAt($from);
  const last = Math.min($to.depth === 0 && $to.pos === doc.content.size ? doc.childCount - 1 : $to.index(0), doc.childCount - 1);
  if (empty || (first === last && $from.depth > 0 && $to.depth > 0)) return false;
  if (dispatch) {
    const tr = state.tr;
    for (let i = last; i >= first; i--) {
      const start = fieldPos(doc, i) + 1;
      const end = start + doc.child(i).content.size;
      const from = Math.max(start, $from.pos);
      const to = Math.min(end, $to.pos);
      if (from >= to) continue;
      if (doc.child(i).type === schema.nodes.body && from === start && to === end) {
        tr.replaceWith(from, to, schema.nodes.paragraph.create());
      } else tr.delete(from, to);
    }
    const cursor = Selection.near(tr.doc.resolve(Math.max(1, tr.mapping.map($from.pos, -1))));
    dispatch(tr.setSelection(cursor).scrollIntoView());
  }
  return true;
};

/// Typing over or cutting a selection that spans fields changes what each field had selected, keeping every field.
export function fieldGuardPlugin(): Plugin {
  return new Plugin({
    props: {
      handleTextInput(view, _from, _to, text) {
        if (!deleteAcrossFields(view.state, view.dispatch)) return false;
        view.dispatch(view.state.tr.insertText(text).scrollIntoView());
        return true;
      },
      handleDOMEvents: {
        // ProseMirror's own cut would delete the range in one step, pulling text from one field into another.
        cut(view, event) {
          const data = event.clipboardData;
          if (!data || !deleteAcrossFields(view.state)) return false;
          const { dom, text } = view.serializeForClipboard(view.state.selection.content());
          event.preventDefault();
          data.clearData();
          data.setData("text/html", dom.innerHTML);
          data.setData("text/plain", text);
          deleteAcrossFields(view.state, view.dispatch);
          return true;
        },
      },
    },
  });
}

/// Selects the whole field the cursor is in; when it already is, the whole article.
export const selectField: Command = (state, dispatch) => {
  const index = fieldIndexAt(state.selection.$from);
  if (index !== fieldIndexAt(state.selection.$to)) return false;
  const start = fieldPos(state.doc, index) + 1;
  const end = start + state.doc.child(index).content.size;
  const { from, to } = state.selection;
  if (from <= start && to >= end) return false;
  const selection = state.doc.child(index).isTextblock ? TextSelection.create(state.doc, start, end) : TextSelection.between(state.doc.resolve(start), state.doc.resolve(end));
  dispatch?.(state.tr.setSelection(selection));
  return true;
};
