import type { MarkType } from "prosemirror-model";
import type { Command, EditorState } from "prosemirror-state";
import { redo, redoDepth, undo, undoDepth } from "prosemirror-history";
import { schema } from "../../../shared/schema";
import type { ArticleEditor } from "../editor";
import {
  ancestorOf,
  editAttribution,
  inBody,
  pullquote,
  setParagraph,
  setSubheading,
  toggleBlockquote,
  toggleBulletList,
  toggleEm,
  toggleOrderedList,
  toggleStrong,
} from "../editor/commands";
import { canLink } from "../editor/links";
import type { ToolbarItem } from "./toolbar";

// The toolbar's buttons and the menu commands the renderer runs, from one table.

/// What the toolbar needs from the shell beyond editor commands.
export interface ShellActions {
  file(name: "open" | "save" | "save-as" | "export"): void;
  editLink(): void;
  insertFigure(): void;
  addRelatedLink(): void;
  editDateline(): void;
  find(replace: boolean): void;
  toggleSmartQuotes(): void;
  smartQuotes(): boolean;
  toggleMetadata(): void;
  metadataShown(): boolean;
}

function markActive(type: MarkType) {
  return (state: EditorState) => {
    const { from, $from, to, empty } = state.selection;
    return empty ? Boolean(type.isInSet(state.storedMarks ?? $from.marks())) : state.doc.rangeHasMark(from, to, type);
  };
}

const blockIs = (name: string) => (state: EditorState) => state.selection.$from.parent.type.name === name;

/// The toolbar groups for an editor and the shell's actions.
export function toolbarGroups(editor: () => ArticleEditor, actions: ShellActions): { label: string; items: ToolbarItem[] }[] {
  const cmd = (command: Command) => () => {
    editor().run(command);
    editor().focus();
  };
  const can = (command: Command) => (state: EditorState) => command(state);
  return [
    {
      label: "File",
      items: [
        { id: "open", label: "Open…", title: "Open an article", shortcut: "Mod-o", run: () => actions.file("open") },
        { id: "save", label: "Save", title: "Save the article", shortcut: "Mod-s", run: () => actions.file("save") },
        { id: "save-as", label: "Save As…", title: "Save under a new name", shortcut: "Mod-Shift-s", run: () => actions.file("save-as") },
        { id: "export", label: "Export…", title: "Export to HTML, NITF and other formats", shortcut: "Mod-e", run: () => actions.file("export") },
      ],
    },
    {
      label: "History",
      items: [
        { id: "undo", label: "Undo", face: "↶", title: "Undo", shortcut: "Mod-z", run: cmd(undo), enabled: (s) => undoDepth(s) > 0 },
        { id: "redo", label: "Redo", face: "↷", title: "Redo", shortcut: "Mod-Shift-z", run: cmd(redo), enabled: (s) => redoDepth(s) > 0 },
      ],
    },
    {
      label: "Text",
      items: [
        { id: "bold", label: "Bold", face: "B", title: "Bold", shortcut: "Mod-b", run: cmd(toggleStrong), active: markActive(schema.marks.strong), enabled: can(toggleStrong) },
        { id: "italic", label: "Italic", face: "I", title: "Italic", shortcut: "Mod-i", run: cmd(toggleEm), active: markActive(schema.marks.em), enabled: can(toggleEm) },
        { id: "link", label: "Link…", title: "Add or edit a link", shortcut: "Mod-k", run: () => actions.editLink(), active: markActive(schema.marks.link), enabled: canLink },
      ],
    },
    {
      label: "Blocks",
      items: [
        { id: "paragraph", label: "Paragraph", face: "¶", title: "Paragraph", shortcut: "Mod-Alt-0", run: cmd(setParagraph), active: blockIs("paragraph"), enabled: inBody },
        { id: "subheading", label: "Subheading", face: "H2", title: "Subheading", shortcut: "Mod-Alt-2", run: cmd(setSubheading), active: blockIs("subheading"), enabled: inBody },
        { id: "quote", label: "Block quote", face: "❝ Quote", title: "Block quote", shortcut: "Mod-Alt-q", run: cmd(toggleBlockquote), active: (s) => Boolean(ancestorOf(s, schema.nodes.blockquote)), enabled: inBody },
        { id: "pullquote", label: "Pull quote", face: "❞ Pull", title: "Pull quote (again: change its role)", shortcut: "Mod-Alt-p", run: cmd(pullquote), active: (s) => Boolean(ancestorOf(s, schema.nodes.pullquote)), enabled: can(pullquote) },
        { id: "attribution", label: "Attribution", face: "— Who", title: "Attribution of the quote", shortcut: "Mod-Alt-a", run: cmd(editAttribution), enabled: can(editAttribution) },
        { id: "bullet-list", label: "Bullet list", face: "• List", title: "Bullet list", shortcut: "Mod-Shift-8", run: cmd(toggleBulletList), active: (s) => Boolean(ancestorOf(s, schema.nodes.bullet_list)), enabled: inBody },
        { id: "ordered-list", label: "Numbered list", face: "1. List", title: "Numbered list", shortcut: "Mod-Shift-7", run: cmd(toggleOrderedList), active: (s) => Boolean(ancestorOf(s, schema.nodes.ordered_list)), enabled: inBody },
        { id: "figure", label: "Figure…", face: "▣ Figure", title: "Insert a figure (in a figure: change its image)", shortcut: "Mod-Alt-g", run: () => actions.insertFigure(), enabled: inBody },
      ],
    },
    {
      label: "Article",
      items: [
        { id: "dateline", label: "Dateline…", title: "Dateline date and source", shortcut: "Mod-Alt-d", run: () => actions.editDateline() },
        { id: "related", label: "Related link…", face: "Related…", title: "Add a related link", shortcut: "Mod-Alt-r", run: () => actions.addRelatedLink() },
        { id: "find", label: "Find…", title: "Find and replace", shortcut: "Mod-f", run: () => actions.find(true) },
        { id: "smart-quotes", label: "Smart quotes", face: "“”", title: "Smart quotes and dashes while typing", run: () => actions.toggleSmartQuotes(), active: () => actions.smartQuotes() },
        { id: "metadata", label: "Metadata", title: "Show or hide the metadata panel", shortcut: "Mod-Alt-m", run: () => actions.toggleMetadata(), active: () => actions.metadataShown() },
      ],
    },
  ];
}

/// The commands the main process's menu may send, by name.
export function menuCommands(editor: () => ArticleEditor, actions: ShellActions): Record<string, () => void> {
  const cmd = (command: Command) => () => void editor().run(command);
  return {
    open: () => actions.file("open"),
    save: () => actions.file("save"),
    "save-as": () => actions.file("save-as"),
    export: () => actions.file("export"),
    undo: cmd(undo),
    redo: cmd(redo),
    "toggle-bold": cmd(toggleStrong),
    "toggle-italic": cmd(toggleEm),
    link: () => actions.editLink(),
    paragraph: cmd(setParagraph),
    subheading: cmd(setSubheading),
    blockquote: cmd(toggleBlockquote),
    pullquote: cmd(pullquote),
    attribution: cmd(editAttribution),
    "bullet-list": cmd(toggleBulletList),
    "ordered-list": cmd(toggleOrderedList),
    figure: () => actions.insertFigure(),
    "related-link": () => actions.addRelatedLink(),
    dateline: () => actions.editDateline(),
    find: () => actions.find(false),
    replace: () => actions.find(true),
    "toggle-smart-quotes": () => actions.toggleSmartQuotes(),
    metadata: () => actions.toggleMetadata(),
  };
}
