import { Plugin } from "prosemirror-state";
import type { DecorationAttrs } from "prosemirror-view";
import { redoCommand, undoCommand, yCursorPlugin, ySyncPlugin, ySyncPluginKey, yUndoPlugin } from "y-prosemirror";
import type { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { yNames } from "../../../shared/collab/y-names";
import { personColour, personColours } from "../../../shared/review/people";
import { sharedHistoryKey } from "./shared-history";
import { editorOrigin, mirroredTypes, mirrorPlugin } from "./mirror";
import type { Asset } from "../../../shared/article";
import type { AssetStore } from "../editor/assets";

// A shared story in the editor: y-prosemirror binds the document to the shared document's `doc`
// fragment, shows the others' cursors and selections with their names and colours, and undoes
// only this journalist's own changes (text, metadata and review alike); the mirror keeps the
// metadata and the review in the shared maps (mirror.ts).

/// What the others see of this journalist (the awareness's `user` field, as y-prosemirror reads
/// it): their name and colour (the colour their notes have).
export interface Presence {
  name: string;
  color: string;
}

/// The presence of someone named `name`.
export function presenceOf(name: string): Presence {
  return { name, color: personColour(name) };
}

/// The editor's images, as the shared story's plugins reach them (the editor replaces its store when an article opens).
export type SharedAssets = () => Pick<AssetStore, "referencedBy" | "hold">;

/// The editor plugins of a shared story (in place of the undo history); `awareness` shows the others' cursors.
export function sharedPlugins(ydoc: Y.Doc, awareness: Awareness | null, assets?: SharedAssets): Plugin[] {
  const fragment = ydoc.getXmlFragment(yNames.doc);
  // One undo for the text and for the metadata and review this journalist changed: nobody else's.
  const undoManager = new Y.UndoManager([fragment, ...mirroredTypes(ydoc)], {
    trackedOrigins: new Set<unknown>([ySyncPluginKey, editorOrigin]),
    captureTransaction: (tr) => tr.meta.get("addToHistory") !== false,
  });
  const plugins = [
    // Before the sync, so an image's bytes reach the others before the figure that shows it.
    ...(assets ? [assetsPlugin(ydoc, assets)] : []),
    ySyncPlugin(fragment),
    ...(awareness ? [yCursorPlugin(awareness, { cursorBuilder, selectionBuilder })] : []),
    yUndoPlugin({ undoManager }),
    new Plugin({ key: sharedHistoryKey, state: { init: () => ({ undo: undoCommand, redo: redoCommand }), apply: (_tr, value) => value } }),
    mirrorPlugin(ydoc),
  ];
  return plugins;
}

/// Keeps the story's images in the shared document: those the editor's figures use are added to it
/// (never taken out while shared), and those a colleague added are given to the editor's store.
function assetsPlugin(ydoc: Y.Doc, assets: SharedAssets): Plugin {
  const shared = ydoc.getMap<Asset>(yNames.assets);
  return new Plugin({
    view() {
      const fromOthers = (event: Y.YMapEvent<Asset>) => {
        for (const key of event.keysChanged) {
          const asset = shared.get(key);
          if (asset) assets().hold(key, asset);
        }
      };
      shared.observe(fromOthers);
      return {
        update(view, previous) {
          if (view.state.doc === previous.doc) return;
          const missing = Object.entries(assets().referencedBy(view.state.doc)).filter(([key]) => !shared.has(key));
          if (missing.length) ydoc.transact(() => missing.forEach(([key, asset]) => shared.set(key, { type: asset.type, data: asset.data })), editorOrigin);
        },
        destroy: () => shared.unobserve(fromOthers),
      };
    },
  });
}

/// Someone's caret: a bar in their colour with their name above it, drawn by the style sheet from
/// `data-name` (so the name is no part of the article's text). The colour is set through the style
/// object (the page's CSP refuses style attributes).
function cursorBuilder(user: Partial<Presence>): HTMLElement {
  const caret = document.createElement("span");
  caret.className = "collab-cursor";
  caret.dataset.name = user.name ?? "Someone";
  caret.style.setProperty("--person", validColour(user.color));
  return caret;
}

/// Someone's selection: a class per person colour (app.css), since decorations set attributes.
function selectionBuilder(user: Partial<Presence>): DecorationAttrs {
  const index = personColours.indexOf(validColour(user.color) as (typeof personColours)[number]);
  return { class: `collab-selection collab-colour-${index < 0 ? 0 : index}` };
}

function validColour(colour: unknown): string {
  return typeof colour === "string" && (personColours as readonly string[]).includes(colour) ? colour : personColours[0];
}
