import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from "electron";

// The editing context menu of a window: cut, copy, paste and select all. Spelling is the
// editor's own (shared/style/spelling.ts, its card on Mod-.), so Chromium's spellchecker and its
// menu items are off.

/// Shows cut, copy, paste and select all where the click was in editable text, copy over a selection.
export function attachContextMenu(window: BrowserWindow): void {
  const contents = window.webContents;
  contents.on("context-menu", (_event, params) => {
    const items: MenuItemConstructorOptions[] = [];
    if (params.isEditable) {
      items.push(
        { role: "cut", enabled: params.editFlags.canCut },
        { role: "copy", enabled: params.editFlags.canCopy },
        { role: "paste", enabled: params.editFlags.canPaste },
        { type: "separator" },
        { role: "selectAll" },
      );
    } else if (params.selectionText) items.push({ role: "copy" });
    if (items.length > 0) Menu.buildFromTemplate(items).popup({ window });
  });
}
