import { commandIds, commandSpec, keyScopes, type CommandId, type CommandKey } from "./commands";
import { keyLabel, platformNames, platforms } from "./keys";

// The README's "Keyboard shortcuts" table, generated from the command table
// (`npm run readme:shortcuts` writes it; a unit test fails when the README differs).

/// The README's rows: commands shown side by side in one row ("Ctrl+B / Ctrl+I | bold / italic").
export const shortcutRows: readonly (readonly CommandId[])[] = [
  ["new"],
  ["new-from-template"],
  ["open", "save", "save-as"],
  ["open-desk"],
  ["open-from-newsroom"],
  ["show-desk"],
  ["save-version"],
  ["compare-file"],
  ["history"],
  ["export", "export-again"],
  ["undo", "redo"],
  ["enter"],
  ["backspace", "delete"],
  ["next-field", "previous-field"],
  ["indent", "outdent"],
  ["select-field"],
  ["bold", "italic"],
  ["link"],
  ["open-link"],
  ["paragraph", "subheading"],
  ["blockquote"],
  ["pullquote"],
  ["attribution"],
  ["bullet-list", "ordered-list"],
  ["figure"],
  ["insert-table"],
  ["next-cell", "previous-cell"],
  ["add-row-after", "add-row-before"],
  ["add-column-after", "add-column-before"],
  ["delete-row", "delete-column"],
  ["dateline"],
  ["related-link"],
  ["add-note"],
  ["file-to-desk"],
  ["suggest-mode"],
  ["accept-suggestion", "reject-suggestion"],
  ["review-panel"],
  ["move-related-up", "move-related-down"],
  ["select-previous-related", "select-next-related", "edit-related-link", "remove-related-link"],
  ["find", "replace"],
  ["find-next"],
  ["find-previous"],
  ["replace-one", "replace-all"],
  ["close-find", "close-dialog"],
  ["metadata"],
  ["checks"],
  ["check-card", "fix-all"],
];

/// Where the generated table starts and ends in the README.
export const shortcutMarkers = {
  start: "<!-- shortcuts: generated from shared/commands.ts by `npm run readme:shortcuts` -->",
  end: "<!-- /shortcuts -->",
};

function label(key: CommandKey): string {
  const text = keyLabel(key.key, "linux");
  if (!key.platforms || key.platforms.length === platforms.length) return text;
  return `${text} (${key.platforms.map((p) => platformNames[p]).join(", ")})`;
}

/// A command's keys grouped by scope: "F3 or Ctrl+G; Enter in the Find box". `sayWhere` false leaves the scope out.
function keysText(keys: readonly CommandKey[], sayWhere: boolean): string {
  const scopes = [...new Set(keys.map((k) => k.scope))];
  return scopes
    .map((scope) => {
      const names = keys.filter((k) => k.scope === scope).map(label).join(" or ");
      const where = keyScopes[scope].where;
      return sayWhere && where ? `${names} ${where}` : names;
    })
    .join("; ");
}

/// One row of the table: the keys of its commands, then what they do.
function row(ids: readonly CommandId[]): string {
  const specs = ids.map(commandSpec);
  const scopes = new Set(specs.flatMap((s) => (s.keys ?? []).map((k) => k.scope)));
  const shared = scopes.size === 1 ? keyScopes[[...scopes][0]].where : "";
  const keys = specs.map((s) => keysText(s.keys ?? [], !shared)).join(" / ");
  return `| ${shared ? `${keys} ${shared}` : keys} | ${specs.map((s) => s.does).join(" / ")} |`;
}

/// Commands with keys missing from the rows, or listed twice: the table would not be complete.
export function rowProblems(): string[] {
  const listed = shortcutRows.flat();
  const twice = listed.filter((id, i) => listed.indexOf(id) !== i).map((id) => `${id} is listed twice`);
  const missing = commandIds.filter((id) => commandSpec(id).keys?.length && !listed.includes(id)).map((id) => `${id} has keys but no row`);
  return [...twice, ...missing];
}

/// The Markdown table of every keyboard shortcut.
export function shortcutTable(): string {
  const problems = rowProblems();
  if (problems.length) throw new Error(`The shortcut table is incomplete: ${problems.join("; ")}`);
  return ["| keys | does |", "| --- | --- |", ...shortcutRows.map(row)].join("\n");
}

/// The README with its shortcut section replaced by `table`; throws when the markers are missing.
export function withShortcutTable(readme: string, table = shortcutTable()): string {
  const start = readme.indexOf(shortcutMarkers.start);
  const end = readme.indexOf(shortcutMarkers.end);
  if (start < 0 || end < start) throw new Error(`The README has no shortcut markers (${shortcutMarkers.start} … ${shortcutMarkers.end}).`);
  return `${readme.slice(0, start + shortcutMarkers.start.length)}\n\n${table}\n\n${readme.slice(end)}`;
}
