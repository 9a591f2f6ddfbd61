import { fixedWords } from "./export/fixed-words";
import { primaryLanguage } from "./text-direction";

// The embargo as people read it: in the window, in the reader's own time zone (never raw UTC).
// The line an export opens with (in the article's language and the newsroom's time zone) is
// written here too, so the window and every format say the same thing.

/// True while the embargo is still to come.
export function isEmbargoed(embargo: string | null, now: Date): boolean {
  if (embargo === null) return false;
  const until = Date.parse(embargo);
  return !Number.isNaN(until) && until > now.getTime();
}

/// "1 Jan 2030, 09:00": a moment in the reader's local time (and `locale`, the system's by default);
/// text that is not a date comes back as it is.
export function localEmbargoTime(embargo: string, locale?: string): string {
  const until = Date.parse(embargo);
  if (Number.isNaN(until)) return embargo;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(until));
}

/// "Embargoed until 1 Jan 2030, 09:00" in the reader's local time (and `locale`, the system's by
/// default), or "" when there is no embargo still to come.
export function embargoChipText(embargo: string | null, now: Date, locale?: string): string {
  if (!isEmbargoed(embargo, now)) return "";
  return `Embargoed until ${localEmbargoTime(embargo!, locale)}`;
}

/// A time zone Intl knows, else UTC (the settings refuse unknown zones; an export never fails on one).
function usableTimeZone(timeZone: string | null): string | undefined {
  if (timeZone === null) return undefined;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

/// The line text, Word, PDF and HTML exports open with: "EMBARGOED UNTIL 09:00 GMT 1 Jan 2030", the
/// words and month in the article's `language`, the time in `timeZone` (IANA; null is this
/// computer's) with the zone's name, so that a desk in another zone reads it right. The wire's
/// order (time, zone, day, month, year) is kept in every language; only the words change. A
/// pure function of its arguments: an export of a story whose embargo has passed still says when
/// it was (the copy tells when it could run, as a wire's does).
export function embargoLine(embargo: string, language: string, timeZone: string | null): string {
  const words = fixedWords(language).embargoedUntil;
  // A language without its own words (English ones) gets English months too, not "1 1 2030".
  const locale = fixedWords(language) === fixedWords("en") && primaryLanguage(language) !== "en" ? "en" : language;
  const until = Date.parse(embargo);
  if (Number.isNaN(until)) return `${words} ${embargo}`;
  let parts: Intl.DateTimeFormatPart[];
  const options: Intl.DateTimeFormatOptions = {
    timeZone: usableTimeZone(timeZone),
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
  };
  try {
    parts = new Intl.DateTimeFormat(locale, options).formatToParts(new Date(until));
  } catch {
    // A language tag Intl refuses: English month names rather than no line.
    parts = new Intl.DateTimeFormat("en", options).formatToParts(new Date(until));
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${words} ${part("hour")}:${part("minute")} ${part("timeZoneName")} ${part("day")} ${part("month")} ${part("year")}`;
}
