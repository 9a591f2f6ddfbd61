// The embargo as people read it: in the window, in the reader's own time zone (never raw UTC).
// The line an export opens with (in the article's language and the newsroom's time zone) is
// written here too, so the window and every format say the same thing.

/// True while the embargo is still to come.
export function isEmbargoed(embargo: string | null, now: Date): boolean {
  if (embargo === null) return false;
  const until = Date.parse(embargo);
  return !Number.isNaN(until) && until > now.getTime();
}

/// "Embargoed until 1 Jan 2030, 09:00" in the reader's local time (and `locale`, the system's by
/// default), or "" when there is no embargo still to come.
export function embargoChipText(embargo: string | null, now: Date, locale?: string): string {
  if (!isEmbargoed(embargo, now)) return "";
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(embargo!));
  return `Embargoed until ${when}`;
}
