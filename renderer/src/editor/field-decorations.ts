import type { EditorState } from "prosemirror-state";
import { Plugin } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import { schema, type FieldName } from "../../../shared/schema";
import { lengthLevel, lengthLimits } from "./counts";
import { fieldLabels, placeholders } from "./fields";

// Every top-level field gets its accessible name and role, a placeholder while empty, and the
// short fields a length meter against ARTICLE-MODEL.md's limits.
// Only the eight top-level fields (and the body's first block) are visited, never the text.

const multiLine = new Set<FieldName>(["standfirst", "body"]);

function fieldAttrs(name: FieldName, length: number): Record<string, string> {
  const empty = length === 0;
  const attrs: Record<string, string> = { "aria-label": fieldLabels[name], "data-field": name };
  const limit = lengthLimits[name];
  if (limit) {
    attrs["data-meter"] = `${length}/${limit.warn}`;
    attrs["data-level"] = lengthLevel(name, length);
  }
  if (name !== "related") {
    attrs.role = "textbox";
    attrs["aria-multiline"] = multiLine.has(name) ? "true" : "false";
  }
  const placeholder = placeholders[name];
  if (empty && placeholder) {
    attrs.class = "empty";
    attrs["data-placeholder"] = placeholder;
  }
  return attrs;
}

/// The decorations of the fields: names, roles, placeholders.
export function fieldDecorations(state: EditorState): DecorationSet {
  const decorations: Decoration[] = [];
  state.doc.forEach((field, offset) => {
    const name = field.type.name as FieldName;
    decorations.push(Decoration.node(offset, offset + field.nodeSize, fieldAttrs(name, field.isTextblock ? field.content.size : -1)));
    if (field.type === schema.nodes.body && field.childCount === 1 && field.firstChild!.type === schema.nodes.paragraph && field.firstChild!.content.size === 0) {
      decorations.push(Decoration.node(offset + 1, offset + 1 + field.firstChild!.nodeSize, { class: "empty", "data-placeholder": placeholders.paragraph! }));
    }
  });
  return DecorationSet.create(state.doc, decorations);
}

/// Gives each field its accessible name, role and placeholder.
export function fieldDecorationsPlugin(): Plugin {
  return new Plugin({ props: { decorations: fieldDecorations } });
}
