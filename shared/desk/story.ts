import type { Node as PMNode } from "prosemirror-model";
import { fieldText, reviewOf, type Article, type ArticleStatus } from "../article";
import { textWithoutDeleted } from "../review/deleted-text";
import { openCounts } from "../review/open-review";
import { wordCount } from "../word-count";

// One line of the desk (File > Open Desk Folder…, `copydesk ls`): what an editor scans a list of
// stories for, taken from an article file. The app, its e2e host and the command line all make
// their lines here, so the list reads the same everywhere.

/// A story of the desk, as the list shows it. A file that could not be read is a line too, with
/// `problem` saying why and the other fields empty.
export interface DeskStory {
  /// The file's path relative to the desk folder, with "/" between folders: the story's id on the desk.
  id: string;
  headline: string;
  status: ArticleStatus | null;
  /// The names of its authors (`meta.authors`), or the byline's text when it names none.
  authors: string[];
  words: number;
  /// ISO 8601, or null when the story is not embargoed.
  embargo: string | null;
  /// 1 (most urgent) to 9, or null.
  urgency: number | null;
  /// When it was last saved (ISO 8601; the file's time for a file that could not be read).
  updated: string;
  /// Open notes (on the text and desk notes) and open suggestions.
  notes: number;
  suggestions: number;
  /// Why the file is not on the list as a story: "could not be read: …".
  problem?: string;
}

/// A story's line and the words its full-text search looks in (headline, standfirst, byline, body…).
export interface StorySummary {
  story: DeskStory;
  searchText: string;
}

/// The line of a story and its searchable text.
export function summarizeStory(id: string, article: Article): StorySummary {
  const { meta } = article;
  const byline = fieldText(article.doc, "byline").trim();
  const names = meta.authors.map((a) => a.name.trim()).filter((name) => name !== "");
  const { notes, suggestions } = openCounts(reviewOf(article));
  return {
    story: {
      id,
      headline: fieldText(article.doc, "headline").trim(),
      status: meta.status,
      authors: names.length > 0 ? names : byline ? [byline] : [],
      words: wordCount(article.doc),
      embargo: meta.embargo,
      urgency: meta.urgency,
      updated: meta.updated,
      notes,
      suggestions,
    },
    searchText: searchable(storyText(article.doc)),
  };
}

/// The line of a file that could not be read as a story.
export function unreadableStory(id: string, reason: string, updated: string): DeskStory {
  return { id, headline: "", status: null, authors: [], words: 0, embargo: null, urgency: null, updated, notes: 0, suggestions: 0, problem: `could not be read: ${reason}` };
}

/// The text of every text block of the article (figures' captions included), a line each, as published.
function storyText(doc: PMNode): string {
  const lines: string[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    lines.push(textWithoutDeleted(node, undefined, " "));
    return false;
  });
  return lines.join("\n");
}

/// Text as the search compares it: lower case, accents off ("Zürich" is found by "zurich").
export function searchable(text: string): string {
  return text.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
}
