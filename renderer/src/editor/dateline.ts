import type { Command, EditorState } from "prosemirror-state";
import { closeHistory } from "prosemirror-history";
import { formatDatelineDate } from "../../../shared/dateline-date";
import { schema } from "../../../shared/schema";
import { fieldPos } from "./fields";

// The dateline: the place is text in the flow; date and source agency are attributes, shown
// after the place as "WASHINGTON, Jan. 7, 2014 (AFP) —" in the article's language.

const datelineIndex = 4;

/// The dateline's date (ISO) and source agency.
export interface DatelineAttrs {
  date: string | null;
  source: string | null;
}

/// The date and source of the dateline in this state.
export function datelineAttrs(state: EditorState): DatelineAttrs {
  return state.doc.child(datelineIndex).attrs as DatelineAttrs;
}

/// Sets the dateline's date and source agency.
export function setDateline(attrs: DatelineAttrs): Command {
  return (state, dispatch) => {
    const date = attrs.date?.trim() || null;
    const source = attrs.source?.trim() || null;
    if (date !== null && Number.isNaN(Date.parse(date))) return false;
    const current = datelineAttrs(state);
    if (current.date === date && current.source === source) return false;
    dispatch?.(closeHistory(state.tr).setNodeMarkup(fieldPos(state.doc, datelineIndex), schema.nodes.dateline, { date, source }));
    return true;
  };
}

/// A dateline date in the article's language (shared/dateline-date.ts, which the exports use too).
export { formatDatelineDate };

/// What follows the place: ", Jan. 7, 2014 (AFP) —" (without the leading comma when there is no place).
export function datelineSuffix(attrs: DatelineAttrs, language: string, hasPlace: boolean): string {
  const parts: string[] = [];
  if (attrs.date) parts.push(formatDatelineDate(attrs.date, language));
  if (attrs.source) parts.push(`(${attrs.source})`);
  if (parts.length === 0) return "";
  const lead = hasPlace && attrs.date ? ", " : hasPlace ? " " : "";
  return `${lead}${parts.join(" ")} —`;
}

/// Today as an ISO date in local time, for the date picker's default.
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
