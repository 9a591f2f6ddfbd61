import { baseKeymap, chainCommands } from "prosemirror-commands";
import { redo, undo } from "prosemirror-history";
import { undoInputRule } from "prosemirror-inputrules";
import { keymap } from "prosemirror-keymap";
import { liftListItem, sinkListItem, splitListItem } from "prosemirror-schema-list";
import type { Command, Plugin } from "prosemirror-state";
import { schema } from "../../../shared/schema";
import {
  editAttribution,
  enterInQuoteParts,
  pullquote,
  setParagraph,
  setSubheading,
  toggleBlockquote,
  toggleBulletList,
  toggleEm,
  toggleOrderedList,
  toggleStrong,
} from "./commands";
import { backspaceAtFieldStart, deleteAcrossFields, deleteAtFieldEnd, enterInField, nextField, previousField, selectField } from "./fields";
import { findNext } from "./find";
import { moveSelectedRelatedLink, removeSelectedRelatedLink, selectedRelatedIndex } from "./related";
import type { EditorHooks } from "./views";

/// What the keyboard asks the app for: dialogs and panels outside the document.
export interface AppHooks extends EditorHooks {
  editLink(): void;
  insertFigure(): void;
  find(replace: boolean): void;
}

function always(action: () => void): Command {
  return () => {
    action();
    return true;
  };
}

/// Every keyboard shortcut of the editor, by key (README lists them).
export function articleKeymap(hooks: AppHooks): Record<string, Command> {
  const li = schema.nodes.list_item;
  const editSelectedRelated: Command = (state) => {
    const index = selectedRelatedIndex(state);
    if (index < 0) return false;
    hooks.editRelatedLink(index);
    return true;
  };
  const enter = chainCommands(enterInField, enterInQuoteParts, editSelectedRelated, splitListItem(li), baseKeymap.Enter);
  return {
    "Mod-z": chainCommands(undoInputRule, undo),
    "Mod-Shift-z": redo,
    "Mod-y": redo,
    Backspace: chainCommands(undoInputRule, deleteAcrossFields, removeSelectedRelatedLink, backspaceAtFieldStart),
    Delete: chainCommands(deleteAcrossFields, removeSelectedRelatedLink, deleteAtFieldEnd),
    Enter: enter,
    // The schema has no line breaks: Shift-Enter acts as Enter rather than letting the browser insert one.
    "Shift-Enter": enter,
    Tab: chainCommands(sinkListItem(li), nextField),
    "Shift-Tab": chainCommands(liftListItem(li), previousField),
    "Mod-a": selectField,
    "Mod-b": toggleStrong,
    "Mod-i": toggleEm,
    "Mod-k": always(hooks.editLink),
    "Mod-Alt-0": setParagraph,
    "Mod-Alt-2": setSubheading,
    "Mod-Alt-q": toggleBlockquote,
    "Mod-Alt-p": pullquote,
    "Mod-Alt-a": editAttribution,
    "Mod-Shift-8": toggleBulletList,
    "Mod-Shift-7": toggleOrderedList,
    "Mod-Alt-g": always(hooks.insertFigure),
    "Mod-Alt-r": always(hooks.addRelatedLink),
    "Mod-Alt-d": always(hooks.editDateline),
    "Alt-ArrowUp": moveSelectedRelatedLink(-1),
    "Alt-ArrowDown": moveSelectedRelatedLink(1),
    "Mod-f": always(() => hooks.find(false)),
    "Mod-Alt-f": always(() => hooks.find(true)),
    F3: findNext(1),
    "Shift-F3": findNext(-1),
    "Mod-g": findNext(1),
    "Mod-Shift-g": findNext(-1),
  };
}

/// The editor's keymap plugin.
export function articleKeymapPlugin(hooks: AppHooks): Plugin {
  return keymap(articleKeymap(hooks));
}
