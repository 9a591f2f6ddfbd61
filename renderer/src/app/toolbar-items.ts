import { commandIds, commandSpec, isRendererCommand, shownKey, toolbarGroupNames, type ToolbarGroupName } from "../../../shared/commands";
import type { CommandBindings } from "./command-bindings";
import type { CommandRunner } from "./command-runner";
import type { ToolbarItem } from "./toolbar";

// The toolbar's buttons, generated from the command table: its placement gives the group, face
// and title; the binding gives whether the button is on and whether it can run.

/// The toolbar groups, each with the buttons of the commands placed in it, in table order.
export function toolbarGroups(bindings: CommandBindings, commands: CommandRunner): { label: ToolbarGroupName; items: ToolbarItem[] }[] {
  const placed = commandIds.filter(isRendererCommand);
  return toolbarGroupNames.map((group) => ({
    label: group,
    items: placed.flatMap((id): ToolbarItem[] => {
      const { label, toolbar } = commandSpec(id);
      if (toolbar?.group !== group) return [];
      const { active, enabled } = bindings[id];
      const shortcut = shownKey(id, commands.platform) ?? undefined;
      return [{ id, label, title: toolbar.title, face: toolbar.face, shortcut, active, enabled, run: () => commands.run(id, { focusEditor: true }) }];
    }),
  }));
}
