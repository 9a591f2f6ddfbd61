import { baseKeymap } from "prosemirror-commands";
import { dropCursor } from "prosemirror-dropcursor";
import { gapCursor } from "prosemirror-gapcursor";
import { history } from "prosemirror-history";
import { inputRules } from "prosemirror-inputrules";
import { keymap } from "prosemirror-keymap";
import type { Command, Plugin } from "prosemirror-state";
import type { ArticleMeta } from "../../../shared/article";
import type { Review } from "../../../shared/review/review";
import { notesAfter, reviewPlugin } from "../review/review-state";
import { suggestModePlugin } from "../review/suggest-mode";
import type { AssetStore } from "./assets";
import { countsPlugin } from "./counts";
import { fieldDecorationsPlugin } from "./field-decorations";
import { fieldGuardPlugin } from "./fields";
import { findPlugin } from "./find";
import { markdownRules } from "./input-rules";
import { linkClickPlugin } from "./links";
import { metaPlugin } from "./meta";
import { pastePlugin, type PageOfferHandler } from "./paste-plugin";
import { savableGuardPlugin } from "./savable";
import { selectionSyncPlugin } from "./selection-sync";
import { tablePlugins } from "./tables";
import { typographyRules } from "./typography";
import { articleWidgetsPlugin, type EditorHooks } from "./views";

/// What the editor's plugins need from the app.
export interface SetupOptions {
  meta: ArticleMeta;
  assets: AssetStore;
  hooks: EditorHooks;
  /// The editor's keys (`articleKeymap`, generated from the command table).
  keys: Record<string, Command>;
  /// Whether smart quotes and dashes apply (asked on every keystroke).
  smartQuotes: () => boolean;
  /// Opens a link's address outside the app (Mod-click).
  openLink: (href: string) => void;
  /// Tells the journalist what a paste left out, or why a change was not made.
  notify?: (message: string) => void;
  /// Offers the fields of a page pasted whole, with the paste's report.
  offerPage?: PageOfferHandler;
  /// The desk's review (people, notes…) kept beside the document.
  review?: Review;
  /// A shared story's plugins (renderer/src/collab/binding.ts): its sync, cursors and undo of one's
  /// own changes, in place of the undo history of a story of one's own.
  sharing?: Plugin[];
}

/// The plugins of the article editor, in the order they are consulted.
export function articlePlugins(options: SetupOptions): Plugin[] {
  return [
    selectionSyncPlugin(),
    savableGuardPlugin((key) => options.assets.has(key), options.notify ?? (() => undefined), notesAfter),
    fieldGuardPlugin(),
    inputRules({ rules: [...typographyRules(options.smartQuotes), ...markdownRules()] }),
    keymap(options.keys),
    keymap(baseKeymap),
    ...(options.sharing ?? [history()]),
    metaPlugin(options.meta),
    reviewPlugin(options.review),
    suggestModePlugin(),
    countsPlugin(),
    findPlugin(),
    pastePlugin(options.assets, options.notify, options.offerPage),
    linkClickPlugin(options.openLink),
    fieldDecorationsPlugin(),
    articleWidgetsPlugin(options.hooks),
    ...tablePlugins(),
    dropCursor(),
    gapCursor(),
  ];
}

/// The plugins state-only code needs (tests, benchmarks): meta, review, counts, find and history.
export function statePlugins(meta: ArticleMeta, review?: Review): Plugin[] {
  return [history(), metaPlugin(meta), reviewPlugin(review), suggestModePlugin(), countsPlugin(), findPlugin()];
}
