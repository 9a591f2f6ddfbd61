import { InputRule } from "prosemirror-inputrules";
import type { EditorState, Transaction } from "prosemirror-state";
import { quoteStyle, type QuoteStyle } from "../../../shared/quote-marks";
import { metaOf } from "./meta";

// Typographic replacements while typing: quotes by the article's language (shared/quote-marks.ts),
// dashes, ellipses.
// Each rule is an input rule, so Backspace right after one (undoInputRule) restores what was typed.

export { quoteStyle, type QuoteStyle } from "../../../shared/quote-marks";

function languageOf(state: EditorState): string {
  try {
    return metaOf(state).language;
  } catch {
    return "en";
  }
}

/// Replaces the match's first group (or the whole match) like a string input rule does.
function replaceGroup(state: EditorState, match: RegExpMatchArray, start: number, end: number, insert: string): Transaction {
  const offset = match[0].lastIndexOf(match[1]);
  let text = insert + match[0].slice(offset + match[1].length);
  let from = start + offset;
  if (from > end) {
    text = match[0].slice(offset - (from - end), offset) + text;
    from = end;
  }
  return state.tr.insertText(text, from, end);
}

// What may stand before an opening quote: a space, a bracket, or another opening quote (a quote
// inside a quote), of any language's style.
const opening = /(?:^|[\s{[(<'"\u2018\u201C\u00AB\u201E\u2039])/.source;

/// The typography input rules; `enabled` is asked each time, so the setting applies at once.
export function typographyRules(enabled: () => boolean): InputRule[] {
  const rule = (match: RegExp, pick: (style: QuoteStyle) => string) =>
    new InputRule(match, (state, found, start, end) => (enabled() ? replaceGroup(state, found, start, end, pick(quoteStyle(languageOf(state)))) : null));
  return [
    rule(new RegExp(`${opening}(")$`), (s) => s.openDouble),
    rule(/(")$/, (s) => s.closeDouble),
    rule(new RegExp(`${opening}(')$`), (s) => s.openSingle),
    rule(/(')$/, (s) => s.closeSingle),
    rule(/(--)$/, () => "—"),
    rule(/(\.\.\.)$/, () => "…"),
  ];
}
