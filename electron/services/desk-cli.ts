import { parseArgs } from "node:util";
import { articleStatuses, type ArticleStatus } from "../../shared/article";
import { deskColumns, filterStories, firstDirection, sortStories, statusText, type DeskColumn } from "../../shared/desk/desk-list";
import type { DeskStory } from "../../shared/desk/story";
import { DeskFolderError, DeskIndex } from "./desk-index";

// `copydesk ls FOLDER`: the desk's list for scripts, read by the same code as the app's desk view
// (desk-index.ts). Exit 0 with the list (files that could not be read are lines saying why), 1 when
// the folder itself cannot be read, 2 when the command was misused.

type Print = (line: string) => void;

export const lsUsage = `  copydesk ls FOLDER [--status S] [--sort COLUMN] [--json]
                                   list the stories in a folder and its subfolders: status, urgency,
                                   words, open notes and suggestions, updated, embargo, author, file
                                   and headline; newest first, or by COLUMN (${deskColumns.join(", ")})`;

/// `copydesk ls FOLDER [--status S] [--sort COLUMN] [--json]`.
export async function lsCommand(args: string[], out: Print, err: Print): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { status: { type: "string" }, sort: { type: "string" }, json: { type: "boolean" } }, allowPositionals: true, strict: true });
  } catch (e) {
    err(`copydesk ls: ${(e as Error).message}`);
    return 2;
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1) {
    err("copydesk ls: name one folder");
    return 2;
  }
  const status = values.status;
  if (status !== undefined && !articleStatuses.includes(status as ArticleStatus)) {
    err(`copydesk ls: --status is one of ${articleStatuses.join(", ")}`);
    return 2;
  }
  const column = (values.sort ?? "updated") as DeskColumn;
  if (!deskColumns.includes(column)) {
    err(`copydesk ls: --sort is one of ${deskColumns.join(", ")}`);
    return 2;
  }
  const index = new DeskIndex(positionals[0]);
  try {
    await index.scan();
  } catch (e) {
    if (!(e instanceof DeskFolderError)) throw e;
    err(`copydesk ls: ${e.message}`);
    return 1;
  }
  const stories = sortStories(filterStories(index.stories(), status ? { status: status as ArticleStatus } : {}), column, firstDirection[column]);
  if (values.json) out(JSON.stringify(stories, null, 2));
  else for (const line of deskTable(stories)) out(line);
  return 0;
}

/// When, to the minute, in UTC: "2026-11-29 10:00Z".
const minute = (iso: string | null) => (iso && !Number.isNaN(Date.parse(iso)) ? `${new Date(iso).toISOString().slice(0, 16).replace("T", " ")}Z` : "—");
const cut = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/// The list as plain text columns under a header line; the headline (or why a file could not be read) last.
export function deskTable(stories: readonly DeskStory[]): string[] {
  const rows = stories.map((s) => [
    statusText(s),
    s.urgency === null ? "—" : String(s.urgency),
    s.problem ? "—" : String(s.words),
    String(s.notes),
    String(s.suggestions),
    minute(s.updated),
    minute(s.embargo),
    cut(s.authors.join(", ") || "—", 30),
    s.id,
    s.problem ?? s.headline,
  ]);
  const header = ["STATUS", "URG", "WORDS", "NOTES", "SUGG", "UPDATED", "EMBARGO", "AUTHOR", "FILE", "HEADLINE"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const numeric = new Set([1, 2, 3, 4]);
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : numeric.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
