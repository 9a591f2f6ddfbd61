import type { Node as PMNode } from "prosemirror-model";
import { Plugin, PluginKey, TextSelection, type Command, type EditorState } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import { closeHistory } from "prosemirror-history";

// Find and replace over the text of every field. The query lives in plugin state; matches are
// recomputed when the document or the query changes and shown as decorations.

/// What to look for and how.
export interface FindQuery {
  text: string;
  replace: string;
  caseSensitive: boolean;
  wholeWord: boolean;
  regex: boolean;
}

/// A found range of the document.
export interface Match {
  from: number;
  to: number;
}

interface FindState {
  query: FindQuery;
  matches: Match[];
  error: string | null;
  decorations: DecorationSet;
}

/// An empty query.
export const emptyQuery: FindQuery = { text: "", replace: "", caseSensitive: false, wholeWord: false, regex: false };

const findKey = new PluginKey<FindState>("find");

/// The regular expression a query stands for, or the reason it is not valid.
export function queryPattern(query: FindQuery): RegExp | string | null {
  if (!query.text) return null;
  let source = query.regex ? query.text : query.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  if (query.wholeWord) source = `(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`;
  try {
    return new RegExp(source, `gu${query.caseSensitive ? "" : "i"}`);
  } catch (e) {
    return `Not a valid regular expression: ${(e as Error).message}`;
  }
}

/// Every match of the pattern in the document's text blocks, in order.
export function findMatches(doc: PMNode, pattern: RegExp): Match[] {
  const matches: Match[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const text = node.textBetween(0, node.content.size, undefined, "\ufffc");
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      matches.push({ from: pos + 1 + m.index, to: pos + 1 + m.index + m[0].length });
    }
    return false;
  });
  return matches;
}

function decorate(doc: PMNode, matches: Match[], selectionFrom: number): DecorationSet {
  return DecorationSet.create(
    doc,
    matches.map((m) => Decoration.inline(m.from, m.to, { class: m.from === selectionFrom ? "find-match current" : "find-match" })),
  );
}

function search(doc: PMNode, query: FindQuery, selectionFrom: number): Omit<FindState, "query"> {
  const pattern = queryPattern(query);
  if (typeof pattern === "string") return { matches: [], error: pattern, decorations: DecorationSet.empty };
  const matches = pattern ? findMatches(doc, pattern) : [];
  return { matches, error: null, decorations: decorate(doc, matches, selectionFrom) };
}

/// Keeps the find query and its matches; shows them as decorations.
export function findPlugin(): Plugin<FindState> {
  return new Plugin<FindState>({
    key: findKey,
    state: {
      init: () => ({ query: emptyQuery, matches: [], error: null, decorations: DecorationSet.empty }),
      apply(tr, value, _old, state) {
        const query = tr.getMeta(findKey) as FindQuery | undefined;
        if (query) return { query, ...search(tr.doc, query, state.selection.from) };
        if (!value.query.text || (!tr.docChanged && !tr.selectionSet)) return value;
        if (!tr.docChanged) return { ...value, decorations: decorate(tr.doc, value.matches, state.selection.from) };
        return { query: value.query, ...search(tr.doc, value.query, state.selection.from) };
      },
    },
    props: { decorations: (state) => findKey.getState(state)?.decorations },
  });
}

/// The query, its matches and any error in this state.
export function findStateOf(state: EditorState): { query: FindQuery; matches: Match[]; error: string | null } {
  return findKey.getState(state) ?? { query: emptyQuery, matches: [], error: null };
}

/// Sets the query (empty text clears the highlights).
export function setFindQuery(query: FindQuery): Command {
  return (state, dispatch) => {
    dispatch?.(state.tr.setMeta(findKey, query));
    return true;
  };
}

/// Selects the next (dir 1) or previous (-1) match from the selection, wrapping around.
export function findNext(dir: 1 | -1 = 1): Command {
  return (state, dispatch) => {
    const { matches } = findStateOf(state);
    if (matches.length === 0) return false;
    const { from, to } = state.selection;
    const next = dir > 0 ? (matches.find((m) => m.from >= to && !(m.from === from && m.to === to)) ?? matches[0]) : ([...matches].reverse().find((m) => m.to <= from) ?? matches[matches.length - 1]);
    dispatch?.(state.tr.setSelection(TextSelection.create(state.doc, next.from, next.to)).scrollIntoView());
    return true;
  };
}

/// The index of the match that is selected, or -1.
export function currentMatchIndex(state: EditorState): number {
  const { from, to } = state.selection;
  return findStateOf(state).matches.findIndex((m) => m.from === from && m.to === to);
}

function replacementFor(state: EditorState, match: Match): string {
  const { query } = findStateOf(state);
  if (!query.regex) return query.replace;
  const pattern = queryPattern(query) as RegExp;
  const text = state.doc.textBetween(match.from, match.to);
  return text.replace(new RegExp(pattern.source, pattern.flags.replace("g", "")), query.replace);
}

/// Replaces the selected match (or selects the next one first), then selects the next.
export const replaceMatch: Command = (state, dispatch) => {
  const index = currentMatchIndex(state);
  if (index < 0) return findNext(1)(state, dispatch);
  if (dispatch) {
    const match = findStateOf(state).matches[index];
    const tr = state.tr.insertText(replacementFor(state, match), match.from, match.to);
    const after = tr.mapping.map(match.to);
    dispatch(tr.setSelection(TextSelection.create(tr.doc, after)).scrollIntoView());
  }
  return true;
};

/// Replaces every match in one transaction: one undo step.
export const replaceAll: Command = (state, dispatch) => {
  const { matches } = findStateOf(state);
  if (matches.length === 0) return false;
  if (dispatch) {
    const tr = closeHistory(state.tr);
    for (const match of [...matches].reverse()) {
      const text = replacementFor(state, match);
      if (text) tr.insertText(text, match.from, match.to);
      else tr.delete(match.from, match.to);
    }
    dispatch(closeHistory(tr.scrollIntoView()));
  }
  return true;
};
