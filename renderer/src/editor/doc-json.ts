import type { Node as PMNode } from "prosemirror-model";

// The document as JSON (what `doc.toJSON()` gives), for the article the window sends to main:
// when main asks for it every second or so while the journalist types, only the blocks that
// changed since the last time are turned into JSON again. ProseMirror keeps every unchanged node
// (identity included) from one state to the next, so a block's JSON is kept by its node.
// The JSON is shared between calls: it is copied when sent, and must not be changed.

const blockJSON = new WeakMap<PMNode, Record<string, unknown>>();

/// A node's JSON, kept for as long as the node lives.
function jsonOf(node: PMNode): Record<string, unknown> {
  let json = blockJSON.get(node);
  if (!json) {
    json = node.toJSON() as Record<string, unknown>;
    blockJSON.set(node, json);
  }
  return json;
}

/// A node holding many blocks (the document, the body): its own JSON anew, its children's kept.
function containerJSON(node: PMNode, child: (node: PMNode) => Record<string, unknown>): Record<string, unknown> {
  const json: Record<string, unknown> = { type: node.type.name };
  if (Object.keys(node.attrs).length) json.attrs = node.attrs;
  if (node.content.size) json.content = node.content.content.map(child);
  return json;
}

/// The article document as JSON, equal to `doc.toJSON()`, reusing the JSON of unchanged fields and body blocks.
export function docToJSON(doc: PMNode): Record<string, unknown> {
  return containerJSON(doc, (field) => (field.isTextblock ? jsonOf(field) : containerJSON(field, jsonOf)));
}
