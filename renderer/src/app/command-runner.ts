import { keydownHandler } from "prosemirror-keymap";
import type { Command, EditorState } from "prosemirror-state";
import type { EditorView } from "prosemirror-view";
import { isRendererCommand, type KeyScope, type RendererCommandId } from "../../../shared/commands";
import type { Platform } from "../../../shared/keys";
import { keymapOf } from "../editor/keymap";
import { bindingCommands, type CommandBindings } from "./command-bindings";

// Runs the bound commands from wherever they are given: a key in the window or the find bar, a
// toolbar or find-bar button, or a menu item sent by the main process.

/// What commands run on: the article's editor.
export interface CommandTarget {
  readonly state: EditorState;
  readonly view: EditorView;
  run(command: Command): boolean;
  focus(): void;
}

/// Runs commands by id and answers keys.
export interface CommandRunner {
  readonly platform: Platform;
  /// Runs a command; `focusEditor` gives the article the focus after a ProseMirror command (toolbar buttons).
  run(id: RendererCommandId, options?: { focusEditor?: boolean }): void;
  /// Runs a menu command sent by the main process, after checking it is one; false when it is not.
  runFromMenu(command: unknown): boolean;
  /// Runs the command a key is bound to in these scopes (the narrower first), or only among those
  /// commands; true when one took the key.
  handleKey(event: KeyboardEvent, scopes: readonly KeyScope[], only?: readonly RendererCommandId[]): boolean;
}

/// The runner of a window's commands.
export function commandRunner(bindings: CommandBindings, editor: () => CommandTarget, platform: Platform): CommandRunner {
  const commands = bindingCommands(bindings);
  const handlers = new Map<string, (view: EditorView, event: KeyboardEvent) => boolean>();
  const run: CommandRunner["run"] = (id, options = {}) => {
    const binding = bindings[id];
    if (binding.action) return binding.action();
    editor().run(binding.command);
    if (options.focusEditor) editor().focus();
  };
  return {
    platform,
    run,
    runFromMenu(command) {
      if (!isRendererCommand(command)) return false;
      run(command);
      return true;
    },
    handleKey(event, scopes, only) {
      const name = `${scopes.join(" ")}:${only?.join(" ") ?? ""}`;
      let handler = handlers.get(name);
      if (!handler) handlers.set(name, (handler = keydownHandler(keymapOf(scopes, commands, platform, only))));
      return handler(editor().view, event);
    },
  };
}
