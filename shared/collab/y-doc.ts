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

/// The fragment as ProseMirror JSON, as it is (it may not fit the schema after a merge: see y-repair.ts).
/// Reads only: y-prosemirror's node builders delete an element the schema refuses, which would lose its words.
export function readDocJSON(ydoc: Y.Doc): Record<string, unknown> {
  return yXmlFragmentToProsemirrorJSON(docFragment(ydoc));
}
