import { normalizeKey, platforms, type Platform } from "./keys";

// Every command of the editor and the app, once: its name, its keys on each platform, where the
// menu and the toolbar show it, and who runs it. This file holds descriptions only (it runs
// everywhere); the renderer binds each id to what it does (`renderer/src/app/command-bindings.ts`)
// and the main process binds the few it runs itself (`electron/services/menu-template.ts`). The
// editor's keymap, the window's shortcuts, the find bar's keys, the toolbar, the Electron menu and
// the README's shortcut table are all generated from this table.

/// Where a key works. A scope lies within another; keys of a scope marked `triedFirst` are tried
/// before those of the scope it lies within, and may share their keys (Tab indents in a list, and
/// moves to the next field elsewhere).
export const keyScopes = {
  window: { within: null, where: "", triedFirst: false },
  editor: { within: "window", where: "", triedFirst: false },
  list: { within: "editor", where: "in a list", triedFirst: true },
  "related-link": { within: "editor", where: "on a selected related link", triedFirst: true },
  link: { within: "editor", where: "on a link", triedFirst: true },
  table: { within: "editor", where: "in a table", triedFirst: true },
  "find-bar": { within: "window", where: "in the find bar", triedFirst: false },
  "find-box": { within: "find-bar", where: "in the Find box", triedFirst: false },
  "replace-box": { within: "find-bar", where: "in the Replace box", triedFirst: false },
  dialog: { within: "window", where: "in a dialog", triedFirst: false },
} as const;
export type KeyScope = keyof typeof keyScopes;

/// The scopes the article editor's keymap answers, the narrower first.
export const editorKeyScopes: readonly KeyScope[] = ["related-link", "table", "list", "editor"];

/// One key of a command, in ProseMirror's notation ("Mod-Shift-z"; "Mod-click" for a click).
export interface CommandKey {
  key: string;
  scope: KeyScope;
  /// The platforms that have this key (all when left out).
  platforms?: readonly Platform[];
}

/// The menus of the menu bar and their groups (separated by a line), in order. Groups the table
/// does not fill hold the menu's own items (Open Recent, Cut/Copy/Paste, zoom…).
export const menuGroups = {
  File: ["open", "save", "workflow", "export", "window"],
  Edit: ["history", "clipboard", "find", "typing"],
  Format: ["text", "blocks", "lists"],
  Insert: ["insert", "table"],
  View: ["panels", "zoom", "screen"],
} as const;
export type MenuName = keyof typeof menuGroups;

/// Where a command appears in the menu bar: its menu and group (in table order within the group).
export type MenuPlacement = { [M in MenuName]: { menu: M; group: (typeof menuGroups)[M][number] } }[MenuName];

/// The toolbar's groups, in order.
export const toolbarGroupNames = ["File", "History", "Text", "Blocks", "Article"] as const;
export type ToolbarGroupName = (typeof toolbarGroupNames)[number];

/// Where a command appears in the toolbar.
export interface ToolbarPlacement {
  group: ToolbarGroupName;
  /// What the button shows instead of the label ("B", "↶"); the label stays its accessible name.
  face?: string;
  /// What the button does, in words (its tooltip, followed by the shortcut).
  title: string;
}

/// One command.
export interface CommandSpec {
  /// Its name in menus and on the toolbar (the button's accessible name).
  label: string;
  /// What it does, as the README's shortcut table says it.
  does: string;
  /// Who runs it: the renderer (the default: it binds the command), the main process (its menu
  /// runs it: no window needed), or whatever has the focus where it happens (a dialog's Escape,
  /// a click on a link), which the table only lists.
  runs?: "main" | "in-place";
  keys?: readonly CommandKey[];
  menu?: MenuPlacement;
  toolbar?: ToolbarPlacement;
}

function keys(scope: KeyScope, ...names: string[]): CommandKey[] {
  return names.map((key) => ({ key, scope }));
}

function only(on: readonly Platform[], list: CommandKey[]): CommandKey[] {
  return list.map((key) => ({ ...key, platforms: on }));
}

/// The commands, in the order the menus and the toolbar show them within their groups.
export const commandTable = {
  new: { label: "New", does: "new article (new window)", runs: "main", keys: keys("window", "Mod-n"), menu: { menu: "File", group: "open" } },
  "new-from-template": {
    label: "New from Template…",
    does: "start a story from a template (news, brief, live update, obituary, results, or the newsroom's own): its structure and metadata, as a new untitled article",
    keys: keys("window", "Mod-Shift-n"),
    menu: { menu: "File", group: "open" },
  },
  open: {
    label: "Open…",
    does: "open",
    keys: keys("window", "Mod-o"),
    menu: { menu: "File", group: "open" },
    toolbar: { group: "File", title: "Open an article" },
  },
  "open-desk": {
    label: "Open Desk Folder…",
    does: "open a folder of stories (a newsroom share, a synced folder) as the desk: its stories to sort, filter, search and open",
    keys: keys("window", "Mod-Shift-o"),
    menu: { menu: "File", group: "open" },
  },
  "show-desk": {
    label: "Desk",
    does: "show the desk again, or go back to the article (Escape on the desk does too)",
    keys: keys("window", "Mod-Shift-d"),
    menu: { menu: "View", group: "panels" },
  },
  "open-from-newsroom": {
    label: "Open from Newsroom…",
    does: "open a story of a newsroom server to write it together",
    keys: keys("window", "Mod-Alt-Shift-o"),
    menu: { menu: "File", group: "workflow" },
  },
  "share-to-newsroom": {
    label: "Share to Newsroom…",
    does: "share the story on a newsroom server to write it together",
    menu: { menu: "File", group: "workflow" },
  },
  "take-offline": {
    label: "Take Offline",
    does: "work offline on a shared story",
    menu: { menu: "File", group: "workflow" },
  },
  "bring-online": {
    label: "Bring Back Online",
    does: "reconnect a shared story and merge",
    menu: { menu: "File", group: "workflow" },
  },
  save: { label: "Save", does: "save", keys: keys("window", "Mod-s"), menu: { menu: "File", group: "save" }, toolbar: { group: "File", title: "Save the article" } },
  "save-as": {
    label: "Save As…",
    does: "save as",
    keys: keys("window", "Mod-Shift-s"),
    menu: { menu: "File", group: "save" },
    toolbar: { group: "File", title: "Save under a new name" },
  },
  "save-version": {
    label: "Save Version…",
    does: "save a named version of the article (History lists it)",
    keys: keys("window", "Mod-Alt-s"),
    menu: { menu: "File", group: "save" },
  },
  "compare-file": {
    label: "Compare with File…",
    does: "compare the article with another article file (e.g. the reporter's original), shown as a redline",
    keys: keys("window", "Mod-Alt-o"),
    menu: { menu: "File", group: "save" },
  },
  import: { label: "Import…", does: "import an HTML, Markdown, NITF or DOCX file", menu: { menu: "File", group: "export" } },
  export: {
    label: "Export…",
    does: "export…",
    keys: keys("window", "Mod-e"),
    menu: { menu: "File", group: "export" },
    toolbar: { group: "File", title: "Export to HTML, NITF and other formats" },
  },
  "export-again": { label: "Export Again", does: "export again", keys: keys("window", "Mod-Shift-e"), menu: { menu: "File", group: "export" } },

  undo: {
    label: "Undo",
    does: "undo (right after a smart replacement, gives back what you typed)",
    keys: keys("editor", "Mod-z"),
    menu: { menu: "Edit", group: "history" },
    toolbar: { group: "History", face: "↶", title: "Undo" },
  },
  redo: {
    label: "Redo",
    does: "redo",
    keys: [...keys("editor", "Mod-Shift-z"), ...only(["windows", "linux"], keys("editor", "Mod-y"))],
    menu: { menu: "Edit", group: "history" },
    toolbar: { group: "History", face: "↷", title: "Redo" },
  },
  enter: {
    label: "Enter",
    does: "next field from a one-line field; new paragraph in the body; from a quote's text to its attribution, then out",
    // The schema has no line breaks: Shift-Enter acts as Enter rather than letting the browser insert one.
    keys: keys("editor", "Enter", "Shift-Enter"),
  },
  backspace: { label: "Delete backwards", does: "delete backwards (right after a smart replacement, gives back what you typed)", keys: keys("editor", "Backspace") },
  delete: { label: "Delete forwards", does: "delete forwards (at a field's edge, never merges two fields)", keys: keys("editor", "Delete") },
  "next-field": { label: "Next field", does: "next field", keys: keys("editor", "Tab") },
  "previous-field": { label: "Previous field", does: "previous field", keys: keys("editor", "Shift-Tab") },
  indent: { label: "Indent", does: "indent", keys: keys("list", "Tab") },
  outdent: { label: "Outdent", does: "outdent", keys: keys("list", "Shift-Tab") },
  "select-field": { label: "Select field", does: "select the field; again for the whole article", keys: keys("editor", "Mod-a") },
  find: {
    label: "Find…",
    does: "find",
    keys: keys("window", "Mod-f"),
    menu: { menu: "Edit", group: "find" },
    toolbar: { group: "Article", title: "Find in the article" },
  },
  replace: { label: "Find and Replace…", does: "find and replace", keys: keys("window", "Mod-Alt-f"), menu: { menu: "Edit", group: "find" } },
  "find-next": { label: "Next match", does: "next match", keys: [...keys("window", "F3", "Mod-g"), ...keys("find-box", "Enter")] },
  "find-previous": { label: "Previous match", does: "previous match", keys: [...keys("window", "Shift-F3", "Mod-Shift-g"), ...keys("find-box", "Shift-Enter")] },
  "replace-one": { label: "Replace", does: "replace this match", keys: keys("replace-box", "Enter") },
  "replace-all": { label: "Replace all", does: "replace every match (one undo step)", keys: keys("replace-box", "Mod-Enter", "Alt-Enter") },
  "close-find": { label: "Close the find bar", does: "close the find bar", keys: keys("find-bar", "Escape") },
  "check-card": {
    label: "Check at Cursor",
    does: "the style or spelling check at the cursor, or the next one: its fixes (Enter applies one, one undo step), Ignore here, Ignore rule",
    keys: keys("editor", "Mod-."),
    menu: { menu: "Edit", group: "typing" },
  },
  "fix-all": {
    label: "Fix All for This Rule",
    does: "fix every match of that check's rule (one undo step)",
    keys: keys("editor", "Mod-Shift-."),
    menu: { menu: "Edit", group: "typing" },
  },
  "check-as-you-type": {
    label: "Check as You Type",
    does: "house style and spelling underlined as you type, on or off (the pre-export check runs either way)",
    menu: { menu: "Edit", group: "typing" },
  },
  "newsroom-defaults": {
    label: "Newsroom Defaults…",
    does: "the newsroom's defaults: copyright holder, notice and usage terms of new stories, the embargo lines' time zone, whether NITF and ninjs carry the editor's note",
    menu: { menu: "Edit", group: "typing" },
  },
  "newsroom-servers": {
    label: "Newsroom Server…",
    does: "add or forget a newsroom server and its token",
    menu: { menu: "Edit", group: "typing" },
  },
  "smart-quotes": {
    label: "Smart quotes",
    does: "smart quotes and dashes on or off",
    menu: { menu: "Edit", group: "typing" },
    toolbar: { group: "Article", face: "“”", title: "Smart quotes and dashes while typing" },
  },

  bold: { label: "Bold", does: "bold", keys: keys("editor", "Mod-b"), menu: { menu: "Format", group: "text" }, toolbar: { group: "Text", face: "B", title: "Bold" } },
  italic: { label: "Italic", does: "italic", keys: keys("editor", "Mod-i"), menu: { menu: "Format", group: "text" }, toolbar: { group: "Text", face: "I", title: "Italic" } },
  link: {
    label: "Link…",
    does: "add, change or remove a link",
    keys: keys("editor", "Mod-k"),
    menu: { menu: "Format", group: "text" },
    toolbar: { group: "Text", title: "Add or edit a link" },
  },
  "open-link": { label: "Open link", does: "open it in the browser", runs: "in-place", keys: keys("link", "Mod-click") },
  paragraph: {
    label: "Paragraph",
    does: "paragraph",
    keys: keys("editor", "Mod-Alt-0"),
    menu: { menu: "Format", group: "blocks" },
    toolbar: { group: "Blocks", face: "¶", title: "Paragraph" },
  },
  subheading: {
    label: "Subheading",
    does: "subheading",
    keys: keys("editor", "Mod-Alt-2"),
    menu: { menu: "Format", group: "blocks" },
    toolbar: { group: "Blocks", face: "H2", title: "Subheading" },
  },
  blockquote: {
    label: "Block quote",
    does: "block quote",
    keys: keys("editor", "Mod-Alt-q"),
    menu: { menu: "Format", group: "blocks" },
    toolbar: { group: "Blocks", face: "❝ Quote", title: "Block quote" },
  },
  pullquote: {
    label: "Pull quote",
    does: "pull quote (again: change its role)",
    keys: keys("editor", "Mod-Alt-p"),
    menu: { menu: "Format", group: "blocks" },
    toolbar: { group: "Blocks", face: "❞ Pull", title: "Pull quote (again: change its role)" },
  },
  attribution: {
    label: "Attribution",
    does: "attribution",
    keys: keys("editor", "Mod-Alt-a"),
    menu: { menu: "Format", group: "blocks" },
    toolbar: { group: "Blocks", face: "— Who", title: "Attribution of the quote" },
  },
  "bullet-list": {
    label: "Bullet list",
    does: "bulleted list",
    keys: keys("editor", "Mod-Shift-8"),
    menu: { menu: "Format", group: "lists" },
    toolbar: { group: "Blocks", face: "• List", title: "Bullet list" },
  },
  "ordered-list": {
    label: "Numbered list",
    does: "numbered list",
    keys: keys("editor", "Mod-Shift-7"),
    menu: { menu: "Format", group: "lists" },
    toolbar: { group: "Blocks", face: "1. List", title: "Numbered list" },
  },

  figure: {
    label: "Figure…",
    does: "insert a figure; inside a figure, edit its image and alt text",
    keys: keys("editor", "Mod-Alt-g"),
    menu: { menu: "Insert", group: "insert" },
    toolbar: { group: "Blocks", face: "▣ Figure", title: "Insert a figure (in a figure: change its image)" },
  },
  "insert-table": {
    label: "Insert Table",
    does: "insert a table (a caption line, a header row and two rows of three cells)",
    // Ctrl+Alt+T opens a terminal on Linux desktops: there, Shift is added.
    keys: [...only(["mac", "windows"], keys("editor", "Mod-Alt-t")), ...only(["linux"], keys("editor", "Mod-Alt-Shift-t"))],
    menu: { menu: "Insert", group: "table" },
    toolbar: { group: "Blocks", face: "▦ Table", title: "Insert a table" },
  },
  "add-row-before": { label: "Add Row Before", does: "add a row above", keys: keys("table", "Mod-Shift-Enter"), menu: { menu: "Insert", group: "table" } },
  "add-row-after": { label: "Add Row After", does: "add a row below", keys: keys("table", "Mod-Enter"), menu: { menu: "Insert", group: "table" } },
  "add-column-before": {
    label: "Add Column Before",
    does: "add a column before (to the left)",
    keys: keys("table", "Mod-Alt-Shift-Enter"),
    menu: { menu: "Insert", group: "table" },
  },
  "add-column-after": { label: "Add Column After", does: "add a column after (to the right)", keys: keys("table", "Mod-Alt-Enter"), menu: { menu: "Insert", group: "table" } },
  "delete-row": { label: "Delete Row", does: "delete the row", keys: keys("table", "Mod-Shift-Backspace"), menu: { menu: "Insert", group: "table" } },
  "delete-column": { label: "Delete Column", does: "delete the column", keys: keys("table", "Mod-Alt-Shift-Backspace"), menu: { menu: "Insert", group: "table" } },
  "header-row": { label: "Header Row", does: "the table's first row heads its columns, or not", menu: { menu: "Insert", group: "table" } },
  "delete-table": { label: "Delete Table", does: "delete the whole table", menu: { menu: "Insert", group: "table" } },
  "next-cell": { label: "Next cell", does: "next cell (from the last one, a new row)", keys: keys("table", "Tab") },
  "previous-cell": { label: "Previous cell", does: "previous cell (from the first one, the caption)", keys: keys("table", "Shift-Tab") },
  dateline: {
    label: "Dateline…",
    does: "dateline date and agency",
    keys: keys("editor", "Mod-Alt-d"),
    menu: { menu: "Insert", group: "insert" },
    toolbar: { group: "Article", title: "Dateline date and source" },
  },
  "related-link": {
    label: "Related link…",
    does: "add a related link",
    keys: keys("editor", "Mod-Alt-r"),
    menu: { menu: "Insert", group: "insert" },
    toolbar: { group: "Article", face: "Related…", title: "Add a related link" },
  },
  "add-note": {
    label: "Add Note",
    does: "add a note on the selected text; it shows in the margin, with reply, resolve and delete",
    keys: keys("editor", "Mod-Alt-n"),
    menu: { menu: "Insert", group: "insert" },
    toolbar: { group: "Article", face: "✎ Note", title: "Add a note on the selected text" },
  },
  "file-to-desk": {
    label: "File to Desk…",
    does: "file the story to the desk (status Filed), with an optional note for the editor",
    keys: keys("editor", "Mod-Alt-Shift-f"),
    menu: { menu: "File", group: "workflow" },
  },
  "send-back": {
    label: "Send Back to Reporter…",
    does: "send the story back to its reporter (status Draft), with an optional note saying what to do",
    menu: { menu: "File", group: "workflow" },
  },
  "desk-note": { label: "Desk Note…", does: "add a desk note: a note on the whole article", menu: { menu: "Insert", group: "insert" } },
  identity: { label: "Name and Initials…", does: "your name and initials, as your notes show them", menu: { menu: "Insert", group: "insert" } },
  "suggest-mode": {
    label: "Suggest Changes",
    does: "suggest mode on or off: what you type, delete or reformat becomes a suggestion (insertions underlined, deletions struck through) for the author to accept or reject",
    keys: keys("editor", "Mod-Alt-Shift-s"),
    menu: { menu: "Insert", group: "insert" },
    toolbar: { group: "Article", face: "± Suggest", title: "Suggest changes instead of making them" },
  },
  "accept-suggestion": {
    label: "Accept Suggestion",
    does: "accept the suggestion at the cursor, or every suggestion in the selection",
    keys: keys("editor", "Mod-Alt-Shift-a"),
    menu: { menu: "Insert", group: "insert" },
  },
  "reject-suggestion": {
    label: "Reject Suggestion",
    does: "reject the suggestion at the cursor, or every suggestion in the selection",
    keys: keys("editor", "Mod-Alt-Shift-r"),
    menu: { menu: "Insert", group: "insert" },
  },
  "accept-all-suggestions": { label: "Accept All Suggestions", does: "accept every suggestion in the article", menu: { menu: "Insert", group: "insert" } },
  "reject-all-suggestions": { label: "Reject All Suggestions", does: "reject every suggestion in the article", menu: { menu: "Insert", group: "insert" } },
  "move-related-up": { label: "Move up", does: "move it up", keys: keys("related-link", "Alt-ArrowUp") },
  "move-related-down": { label: "Move down", does: "move it down", keys: keys("related-link", "Alt-ArrowDown") },
  "select-previous-related": { label: "Previous related link", does: "select the previous one", keys: keys("related-link", "ArrowUp") },
  "select-next-related": { label: "Next related link", does: "select the next one", keys: keys("related-link", "ArrowDown") },
  "edit-related-link": { label: "Edit related link", does: "edit it", keys: keys("related-link", "Enter") },
  "remove-related-link": { label: "Remove related link", does: "remove it", keys: keys("related-link", "Delete", "Backspace") },

  metadata: {
    label: "Metadata",
    does: "show or hide the metadata panel",
    keys: keys("window", "Mod-Alt-m"),
    menu: { menu: "View", group: "panels" },
    toolbar: { group: "Article", title: "Show or hide the metadata panel" },
  },
  history: {
    label: "History",
    does: "show or hide the History panel: the article's versions, each as a redline against the article now, and Restore",
    keys: keys("window", "Mod-Alt-h"),
    menu: { menu: "View", group: "panels" },
  },
  "review-panel": {
    label: "Review",
    does: "show or hide the Review panel: every open note and suggestion, by author; each goes to its place, and suggestions are accepted or rejected there",
    keys: keys("window", "Mod-Alt-Shift-v"),
    menu: { menu: "View", group: "panels" },
  },
  checks: {
    label: "Checks",
    does: "show or hide the Checks panel (house style and spelling, by rule)",
    keys: keys("window", "Mod-Alt-c"),
    menu: { menu: "View", group: "panels" },
    toolbar: { group: "Article", title: "Show or hide the Checks panel: house style and spelling" },
  },
  "close-dialog": { label: "Close the dialog", does: "close the dialog", runs: "in-place", keys: keys("dialog", "Escape") },
} as const satisfies Record<string, CommandSpec>;

type Table = typeof commandTable;

/// The name of a command.
export type CommandId = keyof Table;
/// The commands the main process runs itself.
export type MainCommandId = { [K in CommandId]: Table[K] extends { runs: "main" } ? K : never }[CommandId];
/// The commands handled where they happen, which the table only lists.
export type InPlaceCommandId = { [K in CommandId]: Table[K] extends { runs: "in-place" } ? K : never }[CommandId];
/// The commands the renderer binds and runs (from its keys, toolbar and menu).
export type RendererCommandId = Exclude<CommandId, MainCommandId | InPlaceCommandId>;

/// Every command's id, in table order.
export const commandIds = Object.keys(commandTable) as CommandId[];

/// A command's description.
export function commandSpec(id: CommandId): CommandSpec {
  return commandTable[id];
}

/// True for the name of a command.
export function isCommandId(value: unknown): value is CommandId {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(commandTable, value);
}

/// True for a command the renderer runs (what the menu may send to a window).
export function isRendererCommand(value: unknown): value is RendererCommandId {
  return isCommandId(value) && commandSpec(value).runs === undefined;
}

/// The keys of a command on a platform, in every scope or in one.
export function keysOf(id: CommandId, platform: Platform, scope?: KeyScope): string[] {
  return (commandSpec(id).keys ?? []).filter((k) => (!k.platforms || k.platforms.includes(platform)) && (!scope || k.scope === scope)).map((k) => k.key);
}

/// The key a menu or a tooltip shows for a command: its first key that works in the window or the editor.
export function shownKey(id: CommandId, platform: Platform): string | null {
  return keysOf(id, platform, "window")[0] ?? keysOf(id, platform, "editor")[0] ?? null;
}

/// The renderer commands with keys in a scope on a platform, in table order.
export function keysInScope(scope: KeyScope, platform: Platform): { id: RendererCommandId; key: string }[] {
  return commandIds.filter(isRendererCommand).flatMap((id) => keysOf(id, platform, scope).map((key) => ({ id, key })));
}

function scopeChain(scope: KeyScope): KeyScope[] {
  const chain: KeyScope[] = [];
  for (let s: KeyScope | null = scope; s; s = keyScopes[s].within) chain.push(s);
  return chain;
}

/// True when a key in one scope would hide the same key in the other or be hidden by it: the
/// same scope, or one within the other, unless the narrower one (or one between) is tried first
/// and hands on the keys it does not take.
function overlaps(a: KeyScope, b: KeyScope): boolean {
  if (a === b) return true;
  const inner = scopeChain(a).includes(b) ? a : scopeChain(b).includes(a) ? b : null;
  if (!inner) return false;
  const outer = inner === a ? b : a;
  const between = scopeChain(inner).slice(0, scopeChain(inner).indexOf(outer));
  return !between.some((scope) => keyScopes[scope].triedFirst);
}

/// Keys two commands claim in overlapping scopes on the same platform, e.g. "Ctrl-f (linux): find window, search editor".
export function keyConflicts(table: Readonly<Record<string, CommandSpec>> = commandTable): string[] {
  const conflicts: string[] = [];
  for (const platform of platforms) {
    const claims = Object.entries(table).flatMap(([id, spec]) =>
      (spec.keys ?? []).filter((k) => !k.platforms || k.platforms.includes(platform)).map((k) => ({ id, key: normalizeKey(k.key, platform), scope: k.scope })),
    );
    claims.forEach((a, i) => {
      for (const b of claims.slice(i + 1)) {
        if (a.key === b.key && overlaps(a.scope, b.scope)) conflicts.push(`${a.key} (${platform}): ${a.id} ${a.scope}, ${b.id} ${b.scope}`);
      }
    });
  }
  return conflicts;
}
