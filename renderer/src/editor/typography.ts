import { InputRule } from "prosemirror-inputrules";
import type { EditorState, Transaction } from "prosemirror-state";
import { metaOf } from "./meta";

// Typographic replacements while typing: quotes by the article's language, dashes, ellipses.
// Each rule is an input rule, so Backspace right after one (undoInputRule) restores what was typed.

/// Opening and closing double and single quotes of a language.
export interface QuoteStyle {
  openDouble: string;
  closeDouble: string;
  openSingle: string;
  closeSingle: string;
}

const narrowNoBreakSpace = "\u202f";

const styles: Record<string, QuoteStyle> = {
  en: { openDouble: "“", closeDouble: "”", openSingle: "‘", closeSingle: "’" },
  fr: { openDouble: `«${narrowNoBreakSpace}`, closeDouble: `${narrowNoBreakSpace}»`, openSingle: "‘", closeSingle: "’" },
  de: { openDouble: "„", closeDouble: "“", openSingle: "‚", closeSingle: "‘" },
  es: { openDouble: "«", closeDouble: "»", openSingle: "‘", closeSingle: "’" },
  it: { openDouble: "«", closeDouble: "»", openSingle: "‘", closeSingle: "’" },
};

/// The quotes of a BCP 47 language (English ones for languages without their own here).
export function quoteStyle(language: string): QuoteStyle {
  return styles[language.toLowerCase().split("-")[0]] ?? styles.en;
}

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

const opening = /(?:^|[\s{[(<'"\u2018\u201C\u00AB\u201E])/.source;

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
