import { articleStatuses, statusLabels, type ArticleStatus } from "../article";
import { searchable, type DeskStory } from "./story";

// The desk's list: its columns, the order they sort in, the filters, and the full-text search.
// The desk view and `copydesk ls` both use these, so a column sorts and filters the same in both.

/// The columns of the desk, in the order the list shows them.
export const deskColumns = ["headline", "status", "authors", "words", "embargo", "urgency", "updated", "review"] as const;
export type DeskColumn = (typeof deskColumns)[number];

/// Each column's header.
export const columnLabels: Record<DeskColumn, string> = {
  headline: "Headline",
  status: "Status",
  authors: "Author",
  words: "Words",
  embargo: "Embargo",
  urgency: "Urgency",
  updated: "Updated",
  review: "Notes / suggestions",
};

/// Which way a column sorts.
export type SortDirection = "ascending" | "descending";

/// The order a column sorts in first: newest, most urgent, longest first where that is what a desk looks for.
export const firstDirection: Record<DeskColumn, SortDirection> = {
  headline: "ascending",
  status: "ascending",
  authors: "ascending",
  words: "descending",
  embargo: "ascending",
  urgency: "ascending",
  updated: "descending",
  review: "descending",
};

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
const statusRank = (status: ArticleStatus | null) => (status === null ? articleStatuses.length : articleStatuses.indexOf(status));

/// Compares two stories by a column, ascending. Stories without a value (no embargo, no urgency,
/// a file that could not be read) compare as larger than any value.
function compareBy(column: DeskColumn): (a: DeskStory, b: DeskStory) => number {
  const nullsLast = <T>(value: (s: DeskStory) => T | null, compare: (x: T, y: T) => number) => (a: DeskStory, b: DeskStory) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return compare(x, y);
  };
  const text = (value: (s: DeskStory) => string) => nullsLast((s) => value(s) || null, (x: string, y: string) => collator.compare(x, y));
  const number = (x: number, y: number) => x - y;
  switch (column) {
    case "headline":
      return text((s) => s.headline);
    case "status":
      return (a, b) => statusRank(a.status) - statusRank(b.status);
    case "authors":
      return text((s) => s.authors.join(", "));
    case "words":
      return (a, b) => a.words - b.words;
    case "embargo":
      return nullsLast((s) => (s.embargo ? Date.parse(s.embargo) : null), number);
    case "urgency":
      return nullsLast((s) => s.urgency, number);
    case "updated":
      return (a, b) => (Date.parse(a.updated) || 0) - (Date.parse(b.updated) || 0);
    case "review":
      return (a, b) => a.notes + a.suggestions - (b.notes + b.suggestions);
  }
}

/// The stories sorted by a column (a copy); ties keep the path order, so the list never shuffles.
export function sortStories(stories: readonly DeskStory[], column: DeskColumn, direction: SortDirection): DeskStory[] {
  const compare = compareBy(column);
  const sign = direction === "ascending" ? 1 : -1;
  const byId = (a: DeskStory, b: DeskStory) => collator.compare(a.id, b.id);
  return [...stories].sort((a, b) => sign * compare(a, b) || byId(a, b));
}

/// What the list is narrowed to; a filter left out lets every story through.
export interface DeskFilter {
  status?: ArticleStatus;
  /// One author's name, as the list shows it.
  author?: string;
  urgency?: number;
  embargoed?: boolean;
  /// Only stories with open notes or suggestions.
  openReview?: boolean;
  /// The ids the full-text search found (`searchStories`); left out when nothing is searched for.
  found?: ReadonlySet<string>;
}

/// True when a story passes every filter.
export function passes(story: DeskStory, filter: DeskFilter): boolean {
  if (filter.status !== undefined && story.status !== filter.status) return false;
  if (filter.author !== undefined && !story.authors.includes(filter.author)) return false;
  if (filter.urgency !== undefined && story.urgency !== filter.urgency) return false;
  if (filter.embargoed !== undefined && (story.embargo !== null) !== filter.embargoed) return false;
  if (filter.openReview !== undefined && story.notes + story.suggestions > 0 !== filter.openReview) return false;
  if (filter.found !== undefined && !filter.found.has(story.id)) return false;
  return true;
}

/// The stories that pass the filter, in their order.
export function filterStories(stories: readonly DeskStory[], filter: DeskFilter): DeskStory[] {
  return stories.filter((story) => passes(story, filter));
}

/// Every author named on the desk, sorted: the choices of the author filter.
export function authorsOn(stories: readonly DeskStory[]): string[] {
  return [...new Set(stories.flatMap((s) => s.authors))].sort(collator.compare);
}

/// The words of a search, as compared: each must be in a story for it to be found.
export function searchTerms(query: string): string[] {
  return searchable(query).split(/\s+/u).filter((term) => term !== "");
}

/// The ids of the stories whose text holds every word of the query (anywhere, in any case, accents
/// aside), in the order given; an empty query finds none. A plain scan: 5,000 stories take a few
/// milliseconds (`npm run bench`, the desk part), less than keeping an index up to date would.
export function searchStories(texts: Iterable<[id: string, searchText: string]>, query: string): string[] {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const found: string[] = [];
  for (const [id, text] of texts) if (terms.every((term) => text.includes(term))) found.push(id);
  return found;
}

/// A story's status as a person reads it ("In edit"), or "—" for a file that could not be read.
export function statusText(story: DeskStory): string {
  return story.status ? statusLabels[story.status] : "—";
}
