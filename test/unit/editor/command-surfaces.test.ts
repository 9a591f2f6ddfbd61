import { describe, expect, it } from "vitest";
import { undo } from "prosemirror-history";
import { inputRules } from "prosemirror-inputrules";
import type { Command, EditorState, Plugin, Transaction } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { menuTemplate, type MenuItemTemplate } from "../../../electron/services/menu-template";
import { bindingCommands, commandBindings, type ShellActions } from "../../../renderer/src/app/command-bindings";
import { commandRunner, type CommandTarget } from "../../../renderer/src/app/command-runner";
import { toolbarGroups } from "../../../renderer/src/app/toolbar-items";
import { articleKeymap } from "../../../renderer/src/editor/keymap";
import { typographyRules } from "../../../renderer/src/editor/typography";
import type { CommandId } from "../../../shared/commands";
import { emptyQuery, setFindQuery } from "../../../renderer/src/editor/find";
import { article, fieldStart, p, posOf, related, run, select, selectNode, stateOf, ul } from "./builders";

// Keys, the toolbar and the menu run the one bound command: Undo (also right after a smart
// quote) and Find behave the same whichever way they are given.

/// An editor as the commands see it, recording what it was asked to run.
class TestEditor implements CommandTarget {
  readonly ran: Command[] = [];
  focused = 0;
  constructor(public state: EditorState) {}
  get view(): EditorView {
    return { state: this.state, dispatch: (tr: Transaction) => (this.state = this.state.apply(tr)) } as unknown as EditorView;
  }
  run(command: Command): boolean {
    this.ran.push(command);
    return command(this.state, (tr) => (this.state = this.state.apply(tr)), this.view);
  }
  focus(): void {
    this.focused++;
  }
}

/// The shell's actions, recording the calls.
function recordingShell(): ShellActions & { calls: string[] } {
  const calls: string[] = [];
  const note = (name: string) => (...args: unknown[]) => void calls.push([name, ...args.map(String)].join(" "));
  return {
    calls,
    file: note("file"),
    editLink: note("editLink"),
    insertFigure: note("insertFigure"),
    addRelatedLink: note("addRelatedLink"),
    editRelatedLink: note("editRelatedLink"),
    editDateline: note("editDateline"),
    addNote: note("addNote"),
    toggleSuggesting: note("toggleSuggesting"),
    addDeskNote: note("addDeskNote"),
    changeStatus: note("changeStatus"),
    editIdentity: note("editIdentity"),
    find: note("find"),
    closeFind: note("closeFind"),
    toggleSmartQuotes: note("toggleSmartQuotes"),
    smartQuotes: () => true,
    toggleMetadata: note("toggleMetadata"),
    metadataShown: () => false,
    checkCard: note("checkCard"),
    toggleChecks: note("toggleChecks"),
    checksShown: () => false,
    toggleHistory: note("toggleHistory"),
    historyShown: () => false,
    toggleReview: note("toggleReview"),
    reviewShown: () => false,
    toggleCheckAsYouType: note("toggleCheckAsYouType"),
    checkAsYouType: () => true,
    editNewsroomDefaults: note("editNewsroomDefaults"),
    editNewsroomServers: note("editNewsroomServers"),
  };
}

/// A window's commands on an editor: the bindings, the runner, the editor's keymap, the toolbar and a menu whose items reach the runner as IPC would.
function windowOn(state: EditorState) {
  const editor = new TestEditor(state);
  const shell = recordingShell();
  const bindings = commandBindings(shell);
  const commands = commandRunner(bindings, () => editor, "linux");
  const keymap = articleKeymap(bindingCommands(bindings), "linux");
  const toolbarItem = (id: CommandId) => toolbarGroups(bindings, commands).flatMap((g) => g.items).find((item) => item.id === id)!;
  const menu = menuTemplate({
    platform: "linux",
    appName: "Copydesk",
    send: (command) => commands.runFromMenu((JSON.parse(JSON.stringify({ command })) as { command: unknown }).command),
    main: { new: () => undefined },
    openRecent: () => undefined,
    clearRecent: () => undefined,
    focusWindow: () => undefined,
    about: () => undefined,
    recentFiles: [],
    windows: [],
  });
  const menuItem = (id: CommandId) => {
    const all = (items: MenuItemTemplate[]): MenuItemTemplate[] => items.flatMap((i) => [i, ...all(i.submenu ?? [])]);
    return all(menu).find((item) => item.command === id)!;
  };
  const pressKey = (key: string, keyCode: number, modifiers: Partial<Pick<KeyboardEvent, "ctrlKey" | "altKey" | "shiftKey" | "metaKey">> = {}) =>
    commands.handleKey({ key, keyCode, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...modifiers } as KeyboardEvent, ["window"]);
  return { editor, shell, bindings, commands, keymap, toolbarItem, menuItem, pressKey };
}

const typography = inputRules({ rules: typographyRules(() => true) });

/// Types text through the input rules, as the view does.
function typeInto(state: EditorState, text: string, plugin: Plugin): EditorState {
  const view = { state, composing: false, dispatch: (tr: Transaction) => (view.state = view.state.apply(tr)) };
  for (const ch of text) {
    const { from, to } = view.state.selection;
    const handled = plugin.props.handleTextInput!.call(plugin, view as unknown as EditorView, from, to, ch, () => view.state.tr);
    if (!handled) view.dispatch(view.state.tr.insertText(ch, from, to));
  }
  return view.state;
}

/// The body after typing `a "`: the straight quote became a curly one.
function afterSmartQuote(): EditorState {
  const doc = article();
  const state = typeInto(select(stateOf(doc, { plugins: [typography] }), fieldStart(doc, "body") + 1), 'a "', typography);
  expect(body(state)).toBe("a “");
  return state;
}

const body = (state: EditorState) => state.doc.child(5).textContent;

describe("Undo", () => {
  it("is one command for Mod-Z, the toolbar and the menu", () => {
    const { bindings, keymap, toolbarItem, menuItem, editor } = windowOn(afterSmartQuote());
    expect(keymap["Mod-z"]).toBe(bindings.undo.command);
    toolbarItem("undo").run();
    menuItem("undo").click!();
    expect(editor.ran).toEqual([bindings.undo.command, bindings.undo.command]);
  });

  it("right after a smart quote gives back the straight quote, from the keys, the toolbar and the menu alike", () => {
    const keys = windowOn(afterSmartQuote());
    keys.editor.run(keys.keymap["Mod-z"]);
    const toolbar = windowOn(afterSmartQuote());
    toolbar.toolbarItem("undo").run();
    const menu = windowOn(afterSmartQuote());
    menu.menuItem("undo").click!();
    expect([body(keys.editor.state), body(toolbar.editor.state), body(menu.editor.state)]).toEqual(['a "', 'a "', 'a "']);
    // History's plain undo, which the toolbar and the menu used to run, takes the quote away instead.
    const plain = windowOn(afterSmartQuote());
    plain.editor.run(undo);
    expect(body(plain.editor.state)).not.toBe('a "');
  });

  it("gives the article the focus back from the toolbar", () => {
    const { toolbarItem, editor } = windowOn(afterSmartQuote());
    toolbarItem("undo").run();
    expect(editor.focused).toBe(1);
  });
});

describe("Find", () => {
  it("opens the same bar from Mod-F, the toolbar and the menu; Mod-Alt-F and the menu's Find and Replace open it with replace", () => {
    const { shell, keymap, toolbarItem, menuItem, pressKey } = windowOn(stateOf(article()));
    expect(pressKey("f", 70, { ctrlKey: true })).toBe(true);
    toolbarItem("find").run();
    menuItem("find").click!();
    expect(shell.calls).toEqual(["find false", "find false", "find false"]);
    expect(pressKey("f", 70, { ctrlKey: true, altKey: true })).toBe(true);
    menuItem("replace").click!();
    expect(shell.calls.slice(3)).toEqual(["find true", "find true"]);
    // The editor leaves Mod-F to the window, so nothing in the article can shadow it.
    expect(keymap["Mod-f"]).toBeUndefined();
  });

  it("moves to the next match with F3 and Mod-G anywhere in the window", () => {
    const doc = article({ body: [p("Storm and storm")] });
    const { editor, pressKey } = windowOn(run(stateOf(doc), setFindQuery({ ...emptyQuery, text: "storm" })));
    expect(pressKey("F3", 114)).toBe(true);
    expect(editor.state.selection.from).toBe(posOf(doc, "Storm"));
    expect(pressKey("g", 71, { ctrlKey: true })).toBe(true);
    expect(editor.state.selection.from).toBe(posOf(doc, "storm"));
  });
});

describe("the menu", () => {
  it("runs only renderer commands it is sent, checking what crosses IPC", () => {
    const { commands, shell } = windowOn(stateOf(article()));
    for (const payload of ["toggle-bold", "new", "close-dialog", 42, null, "__proto__"]) expect(commands.runFromMenu(payload)).toBe(false);
    expect(commands.runFromMenu("metadata")).toBe(true);
    expect(shell.calls).toEqual(["toggleMetadata"]);
  });
});

describe("the editor's keymap", () => {
  it("tries the keys of a selected related link first, then the article's", () => {
    const doc = article({ headline: "Storm", related: [related("One"), related("Two")] });
    const { shell, keymap, editor } = windowOn(selectNode(stateOf(doc), fieldStart(doc, "related")));
    editor.run(keymap.Enter);
    expect(shell.calls).toEqual(["editRelatedLink 0"]);
    editor.run(keymap.ArrowDown);
    editor.run(keymap.Backspace);
    expect(editor.state.doc.child(7).childCount).toBe(1);
    expect(editor.state.doc.child(7).firstChild!.attrs.title).toBe("One");
    const inHeadline = windowOn(select(stateOf(doc), fieldStart(doc, "headline") + 2));
    inHeadline.editor.run(inHeadline.keymap.Enter);
    expect(inHeadline.editor.state.selection.$from.parent.type.name).toBe("standfirst");
  });

  it("indents with Tab in a list and moves to the next field elsewhere", () => {
    const doc = article({ body: [ul("one", "two"), p("after")] });
    const inList = windowOn(select(stateOf(doc), fieldStart(doc, "body") + 2 + 7 + 3));
    expect(inList.editor.state.selection.$from.parent.textContent).toBe("two");
    inList.editor.run(inList.keymap.Tab);
    expect(inList.editor.state.doc.child(5).firstChild!.childCount).toBe(1);
    const inPara = windowOn(select(stateOf(doc), fieldStart(doc, "body") + 20));
    expect(inPara.editor.state.selection.$from.parent.textContent).toBe("after");
    inPara.editor.run(inPara.keymap.Tab);
    expect(inPara.editor.state.selection.$from.parent.type.name).toBe("tagline");
  });
});
