import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { menuTemplate, type MenuItemTemplate, type MenuOptions } from "../../../electron/services/menu-template";
import { commandBindings, type CommandBindings, type ShellActions } from "../../../renderer/src/app/command-bindings";
import { commandIds, commandSpec, isRendererCommand, keyConflicts, type CommandId, type CommandSpec } from "../../../shared/commands";
import { acceleratorOf, keyLabel, normalizeKey } from "../../../shared/keys";
import { rowProblems, shortcutMarkers, shortcutTable, withShortcutTable } from "../../../shared/shortcut-table";

// The command table (shared/commands.ts) is the one source of the keys, the menu, the toolbar and
// the README's shortcut table: these check that each is complete and agrees with it.

const root = join(__dirname, "..", "..", "..");

const noShell: ShellActions = {
  file: () => undefined,
  editLink: () => undefined,
  insertFigure: () => undefined,
  addRelatedLink: () => undefined,
  editRelatedLink: () => undefined,
  editDateline: () => undefined,
  addNote: () => undefined,
  changeStatus: () => undefined,
  toggleSuggesting: () => undefined,
  addDeskNote: () => undefined,
  editIdentity: () => undefined,
  find: () => undefined,
  closeFind: () => undefined,
  toggleSmartQuotes: () => undefined,
  smartQuotes: () => true,
  toggleMetadata: () => undefined,
  metadataShown: () => false,
  checkCard: () => undefined,
  toggleChecks: () => undefined,
  checksShown: () => false,
  toggleHistory: () => undefined,
  historyShown: () => false,
  toggleReview: () => undefined,
  reviewShown: () => false,
  toggleCheckAsYouType: () => undefined,
  checkAsYouType: () => true,
  editNewsroomDefaults: () => undefined,
  editNewsroomServers: () => undefined,
};

function menuOptions(changes: Partial<MenuOptions> = {}): MenuOptions {
  return {
    platform: "linux",
    appName: "Copydesk",
    send: () => true,
    main: { new: () => undefined },
    openRecent: () => undefined,
    clearRecent: () => undefined,
    focusWindow: () => undefined,
    about: () => undefined,
    recentFiles: [],
    windows: [],
    ...changes,
  };
}

/// Every item of a menu template, submenus included.
function allItems(items: MenuItemTemplate[]): MenuItemTemplate[] {
  return items.flatMap((item) => [item, ...allItems(item.submenu ?? [])]);
}

const menuItemOf = (items: MenuItemTemplate[], id: CommandId) => allItems(items).find((item) => item.command === id);

describe("the README's shortcut table", () => {
  it("is the one the command table generates (npm run readme:shortcuts rewrites it)", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    expect(readme).toContain(shortcutMarkers.start);
    expect(withShortcutTable(readme), "README.md's shortcut table differs from shared/commands.ts: run npm run readme:shortcuts").toBe(readme);
  });

  it("lists every command that has keys, once, with its keys and what it does", () => {
    expect(rowProblems()).toEqual([]);
    const table = shortcutTable();
    for (const id of commandIds.filter((id) => commandSpec(id).keys?.length)) {
      expect(table).toContain(commandSpec(id).does);
      for (const key of commandSpec(id).keys ?? []) expect(table).toContain(keyLabel(key.key, "linux"));
    }
    expect(table).toContain("| Ctrl+Z / Ctrl+Shift+Z or Ctrl+Y (Windows, Linux) |");
    expect(table).toContain("| Tab / Shift+Tab in a list | indent / outdent |");
  });
});

describe("the command table", () => {
  it("has no key claimed by two commands in the same place on the same platform", () => {
    expect(keyConflicts()).toEqual([]);
  });

  it("finds a key claimed twice, however it is written, unless a narrower scope is tried first", () => {
    const spec = (keys: CommandSpec["keys"]): CommandSpec => ({ label: "x", does: "x", keys });
    expect(keyConflicts({ a: spec([{ key: "Mod-Shift-z", scope: "editor" }]), b: spec([{ key: "Shift-Mod-Z", scope: "editor" }]) })).toHaveLength(3);
    expect(keyConflicts({ find: spec([{ key: "Mod-f", scope: "window" }]), editorFind: spec([{ key: "Mod-f", scope: "editor" }]) })).toHaveLength(3);
    expect(keyConflicts({ a: spec([{ key: "Mod-y", scope: "editor", platforms: ["mac"] }]), b: spec([{ key: "Mod-y", scope: "editor", platforms: ["linux"] }]) })).toEqual([]);
    expect(keyConflicts({ indent: spec([{ key: "Tab", scope: "list" }]), next: spec([{ key: "Tab", scope: "editor" }]) })).toEqual([]);
    expect(keyConflicts({ next: spec([{ key: "Enter", scope: "find-box" }]), enter: spec([{ key: "Enter", scope: "editor" }]) })).toEqual([]);
  });

  it("writes each key in one notation: modifiers in order, lower-case letters", () => {
    for (const id of commandIds) {
      for (const { key } of commandSpec(id).keys ?? []) expect(normalizeKey(key, "linux").replace(/^Ctrl/, "Mod"), `${id}: ${key}`).toBe(key);
    }
  });

  it("places on the menu and the toolbar only commands someone runs from there", () => {
    for (const id of commandIds) {
      const { runs, menu, toolbar } = commandSpec(id);
      if (runs === "in-place") expect(menu ?? toolbar, id).toBeUndefined();
      if (runs === "main") expect(toolbar, id).toBeUndefined();
    }
  });
});

describe("the renderer's bindings", () => {
  it("bind every command the renderer runs, and nothing else", () => {
    const bindings = commandBindings(noShell);
    expect(Object.keys(bindings).sort()).toEqual(commandIds.filter(isRendererCommand).sort());
    for (const binding of Object.values(bindings)) expect(typeof (binding.command ?? binding.action)).toBe("function");
  });

  it("do not compile with a command left out", () => {
    const { undo: _left, ...withoutUndo } = commandBindings(noShell);
    // @ts-expect-error: every renderer command must be bound
    const incomplete: CommandBindings = withoutUndo;
    expect(incomplete).not.toHaveProperty("undo");
  });
});

describe("the menu template", () => {
  it("holds every command placed on a menu, with its label and shown key", () => {
    const template = menuTemplate(menuOptions());
    for (const id of commandIds.filter((id) => commandSpec(id).menu)) {
      const item = menuItemOf(template, id);
      expect(item, id).toBeDefined();
      expect(item!.label).toBe(commandSpec(id).label);
    }
    expect(menuItemOf(template, "save")).toMatchObject({ accelerator: "CmdOrCtrl+S", registerAccelerator: false });
    expect(menuItemOf(template, "replace")).toMatchObject({ accelerator: "CmdOrCtrl+Alt+F" });
    expect(menuItemOf(template, "import")!.accelerator).toBeUndefined();
    const file = template.find((menu) => menu.label === "&File")!.submenu!;
    expect(file.map((item) => item.label ?? item.role ?? item.type)).toEqual([
      "New",
      "New from Template…",
      "Open…",
      "Open Desk Folder…",
      "Open Recent",
      "separator",
      "Save",
      "Save As…",
      "Save Version…",
      "Compare with File…",
      "separator",
      "Open from Newsroom…",
      "Share to Newsroom…",
      "Take Offline",
      "Bring Back Online",
      "File to Desk…",
      "Send Back to Reporter…",
      "separator",
      "Import…",
      "Export…",
      "Export Again",
      "separator",
      "close",
      "quit",
    ]);
  });

  it("sends renderer commands to the focused window and lets the page take their keys", () => {
    const sent: string[] = [];
    const template = menuTemplate(menuOptions({ send: (id) => sent.push(id) > 0 }));
    for (const id of ["undo", "find", "bold", "metadata", "smart-quotes"] as const) menuItemOf(template, id)!.click!();
    expect(sent).toEqual(["undo", "find", "bold", "metadata", "smart-quotes"]);
    expect(menuItemOf(template, "undo")!.registerAccelerator).toBe(false);
  });

  it("runs the main process's commands itself, with their keys registered", () => {
    let windows = 0;
    const template = menuTemplate(menuOptions({ main: { new: () => windows++ } }));
    const item = menuItemOf(template, "new")!;
    item.click!();
    expect(windows).toBe(1);
    expect(item).toMatchObject({ accelerator: acceleratorOf("Mod-n") });
    expect(item.registerAccelerator).toBeUndefined();
  });

  it("falls back to the main process when no window has the focus", () => {
    let asked = 0;
    const template = menuTemplate(menuOptions({ send: () => false, withoutWindow: { open: () => asked++ } }));
    menuItemOf(template, "open")!.click!();
    menuItemOf(template, "save")!.click!();
    expect(asked).toBe(1);
  });

  it("uses each platform's keys", () => {
    const mac = menuTemplate(menuOptions({ platform: "darwin" }));
    expect(mac[0]).toEqual({ role: "appMenu" });
    expect(menuItemOf(mac, "redo")!.accelerator).toBe("CmdOrCtrl+Shift+Z");
    expect(allItems(mac).some((item) => item.role === "quit")).toBe(false);
  });
});
