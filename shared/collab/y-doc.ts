import type { Node as PMNode } from "prosemirror-model";
import * as Y from "yjs";
import { updateYFragment, yXmlFragmentToProsemirrorJSON } from "y-prosemirror";
import { yNames } from "./y-names";

// The document part of a shared story: a Y.XmlFragment in y-prosemirror's own layout (elements
// named as the schema's nodes, their attributes as attributes, text as Y.XmlText with marks as
// formatting), so the editor's ySyncPlugin and every other replica read and write the same thing.

/// The fragment that holds the story's document.
export const docFragment = (ydoc: Y.Doc): Y.XmlFragment => ydoc.getXmlFragment(yNames.doc);

/// Writes `doc` into the fragment as the smallest change y-prosemirror finds (its updateYFragment,
/// what the editor's binding does on every transaction): unchanged blocks and text are kept, so edits
/// others made to the rest merge. `doc` should be the document read from this Y.Doc with an edit
/// applied; whatever it lacks of the fragment is taken out.
export function writeDoc(ydoc: Y.Doc, doc: PMNode): void {
  updateYFragment(ydoc, docFragment(ydoc), doc, { mapping: new Map(), isOMark: new Map() });
}

/// What of `doc` a shared story cannot hold, in words (empty when nothing): y-prosemirror 1.3.7
/// keeps marks on text only, so a suggested edit on a whole block (a block suggested in or out, or
/// its kind changed) would be lost. The window settles them before sharing.
export function unsharedParts(doc: PMNode): string[] {
  const ids = new Set<string>();
  doc.descendants((node) => {
    if (!node.isText) for (const mark of node.marks) ids.add(String(mark.attrs.id ?? mark.type.name));
  });
  if (ids.size === 0) return [];
  const count = ids.size === 1 ? "1 suggested edit" : `${ids.size} suggested edits`;
  return [`${count} on whole blocks (a block suggested in or out, or its kind changed): accept or reject ${ids.size === 1 ? "it" : "them"} before sharing the story, as a shared story keeps suggested edits on words only`];
}

/// The fragment as ProseMirror JSON, as it is (it may not fit the schema after a merge: see y-repair.ts).
/// Reads only: y-prosemirror's node builders delete an element the schema refuses, which would lose its words.
export function readDocJSON(ydoc: Y.Doc): Record<string, unknown> {
  return yXmlFragmentToProsemirrorJSON(docFragment(ydoc));
}
