import { Plugin } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";

/// What an empty field shows.
export const placeholders: Record<string, string> = {
  kicker: "Kicker",
  headline: "Headline",
  standfirst: "Standfirst: the story in a sentence or two",
  byline: "Byline",
  dateline: "Dateline place",
  tagline: "Tagline, e.g. (FRANCE 24 with AFP)",
  paragraph: "Write the story…",
};

/// Shows a placeholder in each empty field (and in an empty body).
export function placeholderPlugin(): Plugin {
  return new Plugin({
    props: {
      decorations(state) {
        const decorations: Decoration[] = [];
        state.doc.forEach((field, offset) => {
          if (field.type.name === "body") {
            if (field.childCount === 1 && field.firstChild!.content.size === 0) {
              decorations.push(Decoration.node(offset + 1, offset + 1 + field.firstChild!.nodeSize, { class: "empty", "data-placeholder": placeholders.paragraph }));
            }
            return;
          }
          const text = placeholders[field.type.name];
          if (text && field.content.size === 0 && field.isTextblock) {
            decorations.push(Decoration.node(offset, offset + field.nodeSize, { class: "empty", "data-placeholder": text }));
          }
        });
        return DecorationSet.create(state.doc, decorations);
      },
    },
  });
}
