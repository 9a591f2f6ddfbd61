import type { Command, EditorState } from "prosemirror-state";
import { closeHistory } from "prosemirror-history";
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

const apMonths = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

const dateFormats = new Map<string, { format: Intl.DateTimeFormat; english: boolean }>();

/// Intl's medium date format of a language (English for a language Intl does not know), made once
/// per language: building one costs far more than formatting with it.
function dateFormat(language: string): { format: Intl.DateTimeFormat; english: boolean } {
  let cached = dateFormats.get(language);
  if (!cached) {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat(language || "en", { dateStyle: "medium", timeZone: "UTC" });
    } catch {
      format = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });
    }
    cached = { format, english: format.resolvedOptions().locale.toLowerCase().startsWith("en") };
    dateFormats.set(language, cached);
  }
  return cached;
}

const formatted = new Map<string, string>();

/// A dateline date in the article's language with Intl's medium date; English months take their
/// wire-style abbreviations ("Jan. 7, 2014", "March 3, 2014", "Sept. 30, 2014").
export function formatDatelineDate(iso: string, language: string): string {
  const key = `${language}\u0000${iso}`;
  let text = formatted.get(key);
  if (text === undefined) {
    text = formatDate(iso, language);
    // The dates of the articles open in this window: a handful, but never let it grow unbounded.
    if (formatted.size > 256) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}

function formatDate(iso: string, language: string): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  if (Number.isNaN(day.getTime())) return iso;
  const { format, english } = dateFormat(language);
  return format
    .formatToParts(day)
    .map((part) => (english && part.type === "month" ? apMonths[day.getUTCMonth()] : part.value))
    .join("");
}

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
