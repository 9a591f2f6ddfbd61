import type { MarkType } from "prosemirror-model";
import { baseKeymap, chainCommands } from "prosemirror-commands";
import { redo, undo } from "prosemirror-history";
import { undoInputRule } from "prosemirror-inputrules";
import { sharedRedo, sharedUndo } from "../collab/shared-history";
import { liftListItem, sinkListItem, splitListItem } from "prosemirror-schema-list";
import type { Command, EditorState } from "prosemirror-state";
import type { CommandId, RendererCommandId } from "../../../shared/commands";
import { schema } from "../../../shared/schema";
import {
  ancestorOf,
  editAttribution,
  enterInQuoteParts,
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
import { backspaceAtFieldStart, deleteAcrossFields, deleteAtFieldEnd, enterInField, nextField, previousField, selectField } from "../editor/fields";
import { findNext, replaceAll, replaceMatch } from "../editor/find";
import { canLink } from "../editor/links";
import { fixAllAtCursor } from "../editor/style-card";
import { canAddNote } from "../review/note-commands";
import { metaOf } from "../editor/meta";
import { canFileToDesk, canSendBack } from "../../../shared/workflow";
import { isSuggesting, settle } from "../review/suggest-mode";
import { backspaceInTable, deleteAcrossTable, deleteInTable, deleteTable, enterInTable, headerRowOn, insertTable, nextCell, previousCell, tableCommands, toggleHeaderRow } from "../editor/tables";
import { moveSelectedRelatedLink, removeSelectedRelatedLink, selectedRelatedIndex, selectRelatedNeighbour } from "../editor/related";

// What each command of the table (shared/commands.ts) does in the renderer: a ProseMirror
// command on the article, or an action of the window's shell. The keys, the toolbar and the menu
// all run these, so a command behaves the same whichever way it is given.

/// The file commands: the shell implements them (they talk to the main process).
export type FileCommandId = Extract<
  CommandId,
  | "new-from-template"
  | "open"
  | "open-desk"
  | "show-desk"
  | "open-from-newsroom"
  | "share-to-newsroom"
  | "take-offline"
  | "bring-online"
  | "save"
  | "save-as"
  | "save-version"
  | "compare-file"
  | "import"
  | "export"
  | "export-again"
>;

/// What the commands need from the window's shell: dialogs, panels, settings and files.
export interface ShellActions {
  file(id: FileCommandId): void;
  editLink(): void;
  insertFigure(): void;
  addRelatedLink(): void;
  editRelatedLink(index: number): void;
  editDateline(): void;
  /// A note on the selected text, or on the whole article (the margin asks for its words).
  addNote(): void;
  /// Turns suggest mode on or off (asking for the writer's name first when there is none).
  toggleSuggesting(): void;
  addDeskNote(): void;
  /// Changes the status with an optional desk note: "File to Desk…" (filed) and "Send Back to Reporter…" (draft).
  changeStatus(to: "filed" | "draft"): void;
  /// The user's name and initials (Settings).
  editIdentity(): void;
  find(replace: boolean): void;
  closeFind(): void;
  toggleSmartQuotes(): void;
  smartQuotes(): boolean;
  toggleMetadata(): void;
  metadataShown(): boolean;
  /// The card of the style or spelling check at the cursor (or the next one).
  checkCard(): void;
  /// The History panel: versions and their redlines.
  toggleHistory(): void;
  historyShown(): boolean;
  /// The Review panel: the open notes and suggestions.
  toggleReview(): void;
  reviewShown(): boolean;
  toggleChecks(): void;
  checksShown(): boolean;
  toggleCheckAsYouType(): void;
  checkAsYouType(): boolean;
  /// Edit > Newsroom Defaults…: the rights of new stories, the embargo time zone, the editor's note in exports.
  editNewsroomDefaults(): void;
  /// Edit > Newsroom Server…: the servers to write together on, and their tokens.
  editNewsroomServers(): void;
}

/// How a command applies: a ProseMirror command run on the article, or a shell action; with
/// whether it can run (a toolbar button is disabled otherwise) and whether it is on (pressed).
export type CommandBinding = ({ command: Command; action?: never } | { action: () => void; command?: never }) & {
  enabled?: (state: EditorState) => boolean;
  active?: (state: EditorState) => boolean;
};

/// One binding for every command the renderer runs: a command left out does not compile.
export type CommandBindings = Readonly<Record<RendererCommandId, CommandBinding>>;

/// Undo that first gives back what was typed when the last change was a smart replacement.
export const undoTyping: Command = chainCommands(undoInputRule, sharedUndo, undo);

function markActive(type: MarkType) {
  return (state: EditorState) => {
    const { from, $from, to, empty } = state.selection;
    return empty ? Boolean(type.isInSet(state.storedMarks ?? $from.marks())) : state.doc.rangeHasMark(from, to, type);
  };
}

const blockIs = (name: string) => (state: EditorState) => state.selection.$from.parent.type.name === name;
const inside = (name: keyof typeof schema.nodes) => (state: EditorState) => Boolean(ancestorOf(state, schema.nodes[name]));
const can = (command: Command) => (state: EditorState) => command(state);

/// A ProseMirror command, enabled when it applies.
const whenItApplies = (command: Command, extra: Omit<CommandBinding, "command" | "action"> = {}): CommandBinding => ({ command, enabled: can(command), ...extra });

/// Enter on a selected related link opens its dialog.
function editSelectedRelated(shell: ShellActions): Command {
  return (state, dispatch) => {
    const index = selectedRelatedIndex(state);
    if (index < 0) return false;
    if (dispatch) shell.editRelatedLink(index);
    return true;
  };
}

/// The renderer's binding of every command.
export function commandBindings(shell: ShellActions): CommandBindings {
  const li = schema.nodes.list_item;
  const file = (id: FileCommandId): CommandBinding => ({ action: () => shell.file(id) });
  return {
    "new-from-template": file("new-from-template"),
    open: file("open"),
    "open-desk": file("open-desk"),
    "show-desk": file("show-desk"),
    "open-from-newsroom": file("open-from-newsroom"),
    "share-to-newsroom": file("share-to-newsroom"),
    "take-offline": file("take-offline"),
    "bring-online": file("bring-online"),
    save: file("save"),
    "save-as": file("save-as"),
    "save-version": file("save-version"),
    "compare-file": file("compare-file"),
    import: file("import"),
    export: file("export"),
    "export-again": file("export-again"),

    undo: whenItApplies(undoTyping),
    redo: whenItApplies(chainCommands(sharedRedo, redo)),
    enter: { command: chainCommands(enterInField, enterInTable, enterInQuoteParts, splitListItem(li), baseKeymap.Enter) },
    backspace: { command: chainCommands(undoInputRule, deleteAcrossFields, deleteAcrossTable, backspaceAtFieldStart, backspaceInTable) },
    delete: { command: chainCommands(deleteAcrossFields, deleteAcrossTable, deleteAtFieldEnd, deleteInTable) },
    "next-field": { command: nextField },
    "previous-field": { command: previousField },
    indent: { command: sinkListItem(li) },
    outdent: { command: liftListItem(li) },
    "select-field": { command: selectField },
    find: { action: () => shell.find(false) },
    replace: { action: () => shell.find(true) },
    "find-next": { command: findNext(1) },
    "find-previous": { command: findNext(-1) },
    "replace-one": { command: replaceMatch },
    "replace-all": { command: replaceAll },
    "close-find": { action: () => shell.closeFind() },
    "check-card": { action: () => shell.checkCard() },
    "fix-all": whenItApplies(fixAllAtCursor()),
    "check-as-you-type": { action: () => shell.toggleCheckAsYouType(), active: () => shell.checkAsYouType() },
    "newsroom-defaults": { action: () => shell.editNewsroomDefaults() },
    "newsroom-servers": { action: () => shell.editNewsroomServers() },
    "smart-quotes": { action: () => shell.toggleSmartQuotes(), active: () => shell.smartQuotes() },

    bold: whenItApplies(toggleStrong, { active: markActive(schema.marks.strong) }),
    italic: whenItApplies(toggleEm, { active: markActive(schema.marks.em) }),
    link: { action: () => shell.editLink(), active: markActive(schema.marks.link), enabled: canLink },
    paragraph: { command: setParagraph, active: blockIs("paragraph"), enabled: inBody },
    subheading: { command: setSubheading, active: blockIs("subheading"), enabled: inBody },
    blockquote: { command: toggleBlockquote, active: inside("blockquote"), enabled: inBody },
    pullquote: whenItApplies(pullquote, { active: inside("pullquote") }),
    attribution: whenItApplies(editAttribution),
    "bullet-list": { command: toggleBulletList, active: inside("bullet_list"), enabled: inBody },
    "ordered-list": { command: toggleOrderedList, active: inside("ordered_list"), enabled: inBody },

    figure: { action: () => shell.insertFigure(), enabled: inBody },
    "insert-table": whenItApplies(insertTable()),
    "add-row-before": whenItApplies(tableCommands.addRowBefore),
    "add-row-after": whenItApplies(tableCommands.addRowAfter),
    "add-column-before": whenItApplies(tableCommands.addColumnBefore),
    "add-column-after": whenItApplies(tableCommands.addColumnAfter),
    "delete-row": whenItApplies(tableCommands.deleteRow),
    "delete-column": whenItApplies(tableCommands.deleteColumn),
    "header-row": whenItApplies(toggleHeaderRow, { active: headerRowOn }),
    "delete-table": whenItApplies(deleteTable),
    "next-cell": { command: nextCell },
    "previous-cell": { command: previousCell },
    dateline: { action: () => shell.editDateline() },
    "related-link": { action: () => shell.addRelatedLink() },
    "add-note": { action: () => shell.addNote(), enabled: canAddNote },
    "desk-note": { action: () => shell.addDeskNote() },
    "file-to-desk": { action: () => shell.changeStatus("filed"), enabled: (state) => canFileToDesk(metaOf(state).status) },
    "send-back": { action: () => shell.changeStatus("draft"), enabled: (state) => canSendBack(metaOf(state).status) },
    identity: { action: () => shell.editIdentity() },
    "suggest-mode": { action: () => shell.toggleSuggesting(), active: isSuggesting },
    "accept-suggestion": whenItApplies(settle(true, "selection")),
    "reject-suggestion": whenItApplies(settle(false, "selection")),
    "accept-all-suggestions": whenItApplies(settle(true, "all")),
    "reject-all-suggestions": whenItApplies(settle(false, "all")),
    "move-related-up": { command: moveSelectedRelatedLink(-1) },
    "move-related-down": { command: moveSelectedRelatedLink(1) },
    "select-previous-related": { command: selectRelatedNeighbour(-1) },
    "select-next-related": { command: selectRelatedNeighbour(1) },
    "edit-related-link": { command: editSelectedRelated(shell) },
    "remove-related-link": { command: removeSelectedRelatedLink },

    metadata: { action: () => shell.toggleMetadata(), active: () => shell.metadataShown() },
    history: { action: () => shell.toggleHistory(), active: () => shell.historyShown() },
    "review-panel": { action: () => shell.toggleReview(), active: () => shell.reviewShown() },
    checks: { action: () => shell.toggleChecks(), active: () => shell.checksShown() },
  };
}

/// Each binding as a ProseMirror command (a shell action always applies), for keymaps.
export function bindingCommands(bindings: CommandBindings): Record<RendererCommandId, Command> {
  const entries = Object.entries(bindings) as [RendererCommandId, CommandBinding][];
  const asCommand = ({ command, action }: CommandBinding): Command =>
    command ??
    ((_state, dispatch) => {
      if (dispatch) action();
      return true;
    });
  return Object.fromEntries(entries.map(([id, binding]) => [id, asCommand(binding)])) as Record<RendererCommandId, Command>;
}
