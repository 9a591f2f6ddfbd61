import type { Node as PMNode } from "prosemirror-model";

// The text of a block as it would be published while suggested edits are open: the words a
// suggestion deletes are still in the document (struck through) but not in the story, so the
// counts, the house-style checks and the spelling leave them out. Marks are matched by name, so
// that this module stays as light as the counts that use it.

const isDeleted = (node: PMNode): boolean => node.marks.some((mark) => mark.type.name === "deletion");

/// True when a text block holds words a suggestion deletes (or its zero-width break markers).
function hasDeleted(block: PMNode): boolean {
  let found = false;
  block.forEach((child) => {
    if (!found && (isDeleted(child) || child.text?.includes("\u200B"))) found = true;
  });
  return found;
}

/// A text block's text with deleted words left out; with `placeholder`, each of their characters
/// (and each zero-width break marker) is replaced by it instead, so positions still match the
/// document's. `leaf` stands for a node that is not text, as `textBetween` takes it.
export function textWithoutDeleted(block: PMNode, placeholder?: string, leaf = ""): string {
  if (!hasDeleted(block)) return leaf ? block.textBetween(0, block.content.size, undefined, leaf) : block.textContent;
  let text = "";
  block.forEach((child) => {
    if (!child.isText) text += leaf;
    else if (isDeleted(child)) text += placeholder === undefined ? "" : placeholder.repeat(child.nodeSize);
    else text += placeholder === undefined ? child.text!.replaceAll("\u200B", "") : child.text!.replaceAll("\u200B", placeholder);
  });
  return text;
}
