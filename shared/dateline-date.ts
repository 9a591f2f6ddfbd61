// A dateline's date in the article's language, as the editor shows it and the exports write it:
// Intl's medium date, with English months in their wire-style abbreviations ("Jan. 7, 2014",
// "March 3, 2014", "Sept. 30, 2014"); Arabic "٧ يناير ٢٠١٤", French "7 janv. 2014".

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
    // The dates of the articles open or exported: a handful, but never let it grow unbounded.
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
