import { chainCommands } from "prosemirror-commands";
import type { Command } from "prosemirror-state";
import { editorKeyScopes, keysInScope, type KeyScope, type RendererCommandId } from "../../../shared/commands";
import { normalizeKey, type Platform } from "../../../shared/keys";

// Keymaps generated from the command table (shared/commands.ts). A key claimed in several scopes
// runs the commands of the narrower scope first (a selected related link, a list), so a key that
// does not apply there falls through to the article-wide one.

/// The keys of these scopes (the narrower first) on a platform, each to the command, or chain of
/// commands, it runs; `only` keeps the keys of those commands.
export function keymapOf(
  scopes: readonly KeyScope[],
  commands: Readonly<Record<RendererCommandId, Command>>,
  platform: Platform,
  only?: readonly RendererCommandId[],
): Record<string, Command> {
  const byKey = new Map<string, { key: string; commands: Command[] }>();
  for (const scope of scopes) {
    for (const { id, key } of keysInScope(scope, platform)) {
      if (only && !only.includes(id)) continue;
      const entry = byKey.get(normalizeKey(key, platform)) ?? { key, commands: [] };
      entry.commands.push(commands[id]);
      byKey.set(normalizeKey(key, platform), entry);
    }
  }
  return Object.fromEntries([...byKey.values()].map(({ key, commands: list }) => [key, list.length === 1 ? list[0] : chainCommands(...list)]));
}

/// Every key the article editor answers.
export function articleKeymap(commands: Readonly<Record<RendererCommandId, Command>>, platform: Platform): Record<string, Command> {
  return keymapOf(editorKeyScopes, commands, platform);
}
