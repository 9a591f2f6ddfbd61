import type { EditorState } from "prosemirror-state";
import { Plugin } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import { fieldLength, fields, lengthLevel, type FieldName } from "../../../shared/fields";
import { schema } from "../../../shared/schema";

// Every top-level field gets its accessible name and role, a placeholder while empty, and the
// fields with length limits a meter, all from the field descriptions in shared/fields.ts.
// Only the eight top-level fields (and the body's first block) are visited, never the text.

function fieldAttrs(field: { name: FieldName; text: string | null }): Record<string, string> {
  const { name, text } = field;
  const description = fields[name];
  const attrs: Record<string, string> = { "aria-label": description.label, "data-field": name };
  if (description.limits && text !== null) {
    const length = fieldLength(text);
    attrs["data-meter"] = `${length}/${description.limits.warn}`;
    attrs["data-level"] = lengthLevel(name, length);
  }
  if (name !== "related") {
    attrs.role = "textbox";
    attrs["aria-multiline"] = description.oneLine ? "false" : "true";
  }
  if (text === "" && description.placeholder) {
    attrs.class = "empty";
    attrs["data-placeholder"] = description.placeholder;
  }
  return attrs;
}

/// The decorations of the fields: names, roles, placeholders; and the body block with the caret.
export function fieldDecorations(state: EditorState): DecorationSet {
  const decorations: Decoration[] = [];
  state.doc.forEach((field, offset) => {
    const name = field.type.name as FieldName;
    decorations.push(Decoration.node(offset, offset + field.nodeSize, fieldAttrs({ name, text: field.isTextblock ? field.textContent : null })));
    if (field.type === schema.nodes.body && field.childCount === 1 && field.firstChild!.type === schema.nodes.paragraph && field.firstChild!.content.size === 0) {
      decorations.push(Decoration.node(offset + 1, offset + 1 + field.firstChild!.nodeSize, { class: "empty", "data-placeholder": fields.body.placeholder! }));
    }
  });
  // The body block with the caret is always laid out (app.css lets the others out of view skip it),
  // so the browser never places the caret in a block whose layout it skipped.
  const { $head } = state.selection;
  if ($head.depth >= 2 && $head.node(1).type === schema.nodes.body) {
    const start = $head.before(2);
    decorations.push(Decoration.node(start, start + $head.node(2).nodeSize, { class: "caret-block" }));
  }
  return DecorationSet.create(state.doc, decorations);
}

/// Gives each field its accessible name, role and placeholder.
export function fieldDecorationsPlugin(): Plugin {
  return new Plugin({ props: { decorations: fieldDecorations } });
}
