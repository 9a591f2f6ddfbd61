import { PluginKey, TextSelection, type EditorState, type StateField, type Transaction } from "prosemirror-state";

// Where a paste still being read will go. Reading a whole page takes a moment (the extraction is
// loaded, then Readability runs); meanwhile the journalist may type on. The paste goes where the
// caret was when it was pasted, mapped through every change since, so the words typed meanwhile
// stay together after it and the paste does not land in the middle of them.

/// A place held for a paste: the selection at the time of the paste, as mapped since.
export interface PastePlace {
  from: number;
  to: number;
}

type Places = ReadonlyMap<number, PastePlace>;
type PlaceChange = { hold: number; place: PastePlace } | { release: number };

/// The paste plugin's key; its state is the places held.
export const pastePlaces = new PluginKey<Places>("pastePlaces");

/// The places held, mapped through each change of the document (text typed at a place goes after it).
export const pastePlacesState: StateField<Places> = {
  init: () => new Map(),
  apply(tr, places) {
    const change = tr.getMeta(pastePlaces) as PlaceChange | undefined;
    if (!tr.docChanged && !change) return places;
    const next = new Map<number, PastePlace>();
    for (const [id, { from, to }] of places) {
      const mappedFrom = tr.mapping.map(from, -1);
      next.set(id, { from: mappedFrom, to: Math.max(mappedFrom, tr.mapping.map(to, -1)) });
    }
    if (change && "hold" in change) next.set(change.hold, change.place);
    if (change && "release" in change) next.delete(change.release);
    return next;
  },
};

let lastId = 0;

/// Holds the selection of `state` for a paste; answers the transaction to dispatch and the place's id.
export function holdPastePlace(state: EditorState): { tr: Transaction; id: number } {
  const id = ++lastId;
  const { from, to } = state.selection;
  return { tr: state.tr.setMeta(pastePlaces, { hold: id, place: { from, to } }).setMeta("addToHistory", false), id };
}

/// The place held for that paste, as mapped since; null when it is no longer held.
export function pastePlace(state: EditorState, id: number): PastePlace | null {
  return pastePlaces.getState(state)?.get(id) ?? null;
}

/// Marks `tr` as the end of the paste `id`: its place is no longer held.
export function releasePastePlace(tr: Transaction, id: number): Transaction {
  return tr.setMeta(pastePlaces, { release: id });
}

/// Inserts what was pasted at its held place. When the journalist moved or typed since the paste,
/// their selection is kept (mapped past the insertion); otherwise the caret goes after what was pasted,
/// as a paste leaves it.
export function replacePlace(tr: Transaction, place: PastePlace, insert: (tr: Transaction) => void): Transaction {
  const selection = tr.selection;
  const moved = selection.from !== place.from || selection.to !== place.to;
  const steps = tr.steps.length;
  tr.setSelection(TextSelection.create(tr.doc, place.from, place.to));
  insert(tr);
  if (moved) tr.setSelection(selection.map(tr.doc, tr.mapping.slice(steps)));
  return tr;
}
