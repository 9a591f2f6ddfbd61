import { isSuggestChangesEnabled, suggestChangesKey, transformToSuggestionTransaction } from "@handlewithcare/prosemirror-suggest-changes";
import type { Node as PMNode } from "prosemirror-model";
import { Plugin, TextSelection, type Command, type EditorState, type PluginKey, type Transaction } from "prosemirror-state";
import { AddMarkStep, AddNodeMarkStep, AttrStep, RemoveMarkStep, RemoveNodeMarkStep, ReplaceAroundStep, ReplaceStep, type Step } from "prosemirror-transform";
import { Decoration, DecorationSet } from "prosemirror-view";
import type { Identity } from "../../../shared/ipc";
import { hasSuggestions, isSuggestionMark, kindOfMark, settleSuggestions, suggestionIds, suggestionsIn } from "../../../shared/review/suggestions";
import { newReviewId, withAuthor } from "./note-commands";
import { reviewOfState, SetReviewEntryStep } from "./review-state";

// Suggest mode (track changes): while it is on, an edit becomes a suggestion instead of changing
// the words: what is typed is marked inserted, what is deleted stays, struck through. The
// library (@handlewithcare/prosemirror-suggest-changes) turns each transaction into its
// suggesting form; this module gives each new suggestion its entry in the review (who, when,
// what kind), in the same transaction, so undo takes both away together, and settles them:
// accept or reject one, all by one author, all in the selection, or all, each one undo step.

/// Suggest mode's state: whether it is on, and the ¶ shown where a paragraph break is suggested.
interface SuggestState {
  enabled: boolean;
  breaks: DecorationSet;
}

const zeroWidthSpace = "\u200B";

/// The plugin that holds whether suggest mode is on, under the library's key (its commands and
/// its dispatch read it there). It stands in for the library's own plugin, whose ¶ decorations are
/// found by walking the whole document on every update: here they are kept, mapped through each
/// change, and found again only in the blocks a change touched.
export function suggestModePlugin(): Plugin<SuggestState> {
  const key = suggestChangesKey as unknown as PluginKey<SuggestState>;
  return new Plugin<SuggestState>({
    key,
    state: {
      init: (_, state) => ({ enabled: false, breaks: breakMarks(state.doc, 0, state.doc.content.size, DecorationSet.empty) }),
      apply(tr, value) {
        const meta = tr.getMeta(suggestChangesKey) as { enabled?: boolean } | undefined;
        const enabled = meta && "enabled" in meta ? !!meta.enabled : value.enabled;
        if (!tr.docChanged) return enabled === value.enabled ? value : { ...value, enabled };
        let breaks = value.breaks.map(tr.mapping, tr.doc);
        for (const [from, to] of touchedRanges(tr)) breaks = breakMarks(tr.doc, from, to, breaks);
        return { enabled, breaks };
      },
    },
    props: {
      decorations: (state) => key.getState(state)?.breaks,
      // The zero-width spaces that mark a suggested break are stepped over, never stopped in.
      handleKeyDown(view, event) {
        const { selection } = view.state;
        if (!(selection instanceof TextSelection) || !selection.$cursor) return false;
        const $cursor = selection.$cursor;
        const step = event.key === "ArrowRight" && $cursor.nodeAfter?.text?.startsWith(zeroWidthSpace) ? 1 : event.key === "ArrowLeft" && $cursor.nodeBefore?.text?.endsWith(zeroWidthSpace) ? -1 : 0;
        if (step !== 0) view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, $cursor.pos + step)));
        return false;
      },
    },
  });
}

/// The ¶ marks of the text blocks around `from`–`to`, in place of those the set had there: one at
/// the end of a block whose last words are a suggested insertion or deletion that goes on into
/// the next block (the break between them is part of the suggestion).
function breakMarks(doc: PMNode, from: number, to: number, set: DecorationSet): DecorationSet {
  const blocks: { node: PMNode; pos: number }[] = [];
  const start = Math.max(0, from - 2);
  const end = Math.min(doc.content.size, to + 2);
  doc.nodesBetween(start, end, (node, pos) => {
    if (node.isTextblock) blocks.push({ node, pos });
    return !node.isTextblock;
  });
  if (blocks.length === 0) return set;
  const first = blocks[0].pos;
  const last = blocks.at(-1)!.pos + blocks.at(-1)!.node.nodeSize;
  const added: Decoration[] = [];
  blocks.forEach(({ node, pos }, i) => {
    const mark = node.lastChild?.marks.find((m) => m.type.name === "insertion" || m.type.name === "deletion");
    if (!mark) return;
    const next = blocks[i + 1]?.node.firstChild;
    const goesOn = node.lastChild!.text?.endsWith(zeroWidthSpace) || next?.marks.some((m) => m.eq(mark));
    if (!goesOn) return;
    const className = mark.type.name === "insertion" ? "suggest-ins suggest-break" : "suggest-del suggest-break";
    added.push(Decoration.widget(pos + node.nodeSize - 1, () => Object.assign(document.createElement("span"), { className, textContent: "¶" }), { key: `${className}:${mark.attrs.id as string}`, side: -1 }));
  });
  return set.remove(set.find(first, last)).add(doc, added);
}

/// True while edits become suggestions.
export const isSuggesting = (state: EditorState): boolean => isSuggestChangesEnabled(state);

/// Turns suggest mode on or off (not an edit: the undo history does not record it).
export function setSuggesting(on: boolean): Command {
  return (state, dispatch) => {
    dispatch?.(state.tr.setMeta(suggestChangesKey, { skip: true, enabled: on }).setMeta("addToHistory", false));
    return true;
  };
}

/// Who a suggestion is by when the window has no name yet (the shell asks for one before suggesting).
const nobodyKnown: Identity = { id: "unknown", name: "Unknown", initials: "?" };

/// The transaction as suggest mode makes it: when suggesting, the edit as suggestions by `author`,
/// with their entries; otherwise the transaction itself.
export function suggestingTransaction(state: EditorState, tr: Transaction, author: Identity | null, now = new Date()): Transaction {
  if (!isSuggesting(state) || !tr.docChanged || tr.getMeta("history$") || "skip" in (tr.getMeta(suggestChangesKey) ?? {})) return tr;
  if (tr.steps.some((step) => step instanceof SetReviewEntryStep)) return tr;
  const suggested = transformToSuggestionTransaction(tr, state, () => newReviewId());
  return withEntries(state, suggested, author ?? nobodyKnown, now);
}

/// The transaction with an entry in the review for each suggestion it made that has none.
function withEntries(state: EditorState, tr: Transaction, author: Identity, now: Date): Transaction {
  const known = reviewOfState(state).suggestions;
  const added = new Map<string, ReturnType<typeof kindOfMark>>();
  for (const [from, to] of touchedRanges(tr)) {
    tr.doc.nodesBetween(from, to, (node) => {
      for (const mark of node.marks) {
        const id = mark.attrs.id as string;
        if (isSuggestionMark(mark) && !Object.hasOwn(known, id) && !added.has(id)) added.set(id, kindOfMark(mark));
      }
      return true;
    });
  }
  if (added.size === 0) return tr;
  let result = withAuthor(tr, state, author);
  for (const [id, kind] of added) result = result.step(new SetReviewEntryStep("suggestions", id, { author: author.id, time: now.toISOString(), kind }, null));
  return result;
}

/// The stretches of the final document a transaction's steps wrote to (marks added, text replaced).
function touchedRanges(tr: Transaction): [number, number][] {
  const ranges: [number, number][] = [];
  tr.steps.forEach((step: Step, i) => {
    const range = stepRange(step);
    if (!range) return;
    const rest = tr.mapping.slice(i + 1);
    const from = rest.map(range[0], -1);
    const to = Math.max(from, rest.map(range[1], 1));
    ranges.push([Math.max(0, from - 1), Math.min(tr.doc.content.size, to + 1)]);
  });
  return ranges;
}

function stepRange(step: Step): [number, number] | null {
  if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep) {
    const map = step.getMap();
    return [map.map((step as unknown as { from: number }).from, -1), map.map((step as unknown as { to: number }).to, 1)];
  }
  if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return [step.from, step.to];
  if (step instanceof AddNodeMarkStep || step instanceof RemoveNodeMarkStep || step instanceof AttrStep) return [step.pos, step.pos + 1];
  return null;
}

/// Which suggestions a settling command takes.
export type SuggestionChoice = { id: string } | { author: string } | "selection" | "all";

/// Accepts (or rejects) suggestions, as one undo step; false when there is none to settle.
export function settle(accept: boolean, choice: SuggestionChoice): Command {
  return (state, dispatch) => {
    // Asked only whether it applies (menus, on every change): the cheap answer, no list built.
    if (!dispatch) return choice === "selection" ? selectionIds(state).size > 0 : choice === "all" ? hasSuggestions(state.doc) : chosenIds(state, choice).size > 0;
    const ids = chosenIds(state, choice);
    if (ids.size === 0) return false;
    const range = choice === "selection" && !state.selection.empty ? { from: state.selection.from, to: state.selection.to } : {};
    const tr = settleSuggestions(state.tr, accept, { only: (id) => ids.has(id), ...range }) as Transaction;
    const known = reviewOfState(state).suggestions;
    const left = suggestionIds(tr.doc);
    for (const id of ids) if (!left.has(id) && Object.hasOwn(known, id)) tr.step(new SetReviewEntryStep("suggestions", id, null, known[id]));
    dispatch(tr.setMeta(suggestChangesKey, { skip: true }).scrollIntoView());
    return true;
  };
}

/// The ids a choice takes: one, an author's, those in (or at) the selection, or all.
function chosenIds(state: EditorState, choice: SuggestionChoice): Set<string> {
  const all = suggestionsIn(state.doc);
  if (choice === "all") return new Set(all.map((s) => s.id));
  if (typeof choice === "object" && "id" in choice) return new Set(all.some((s) => s.id === choice.id) ? [choice.id] : []);
  if (typeof choice === "object") {
    const known = reviewOfState(state).suggestions;
    return new Set(all.filter((s) => known[s.id]?.author === choice.author).map((s) => s.id));
  }
  return selectionIds(state);
}

/// The suggestions in the selection, or beside the cursor.
function selectionIds(state: EditorState): Set<string> {
  const { from, to } = state.selection;
  return suggestionIds(state.doc, Math.max(0, from - (from === to ? 1 : 0)), Math.min(state.doc.content.size, to + (from === to ? 1 : 0)));
}
