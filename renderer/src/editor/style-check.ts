import type { Node as PMNode } from "prosemirror-model";
import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet, type EditorView } from "prosemirror-view";
import { blockText, ignoredTest, textBlocks, type ArticleMatch, type TextBlock } from "../../../shared/style/article-check";
import type { BlockResult, LanguageRules, StyleGuide } from "../../../shared/style/guide";
import type { BlockMatch, Level } from "../../../shared/style/rule";
import { changedRange } from "./counts";
import { metaOf } from "./meta";

// House style and spelling as you type. A transaction only maps the underlines it already has;
// the checks run when the browser is idle, block by block, and each block's result is kept for
// as long as the block is unchanged (ProseMirror keeps the identity of unchanged nodes), so only
// the blocks a transaction changed are checked again. Spelling comes from a worker
// (style-spelling.ts) and joins each block's matches when it answers.

/// What a check of one block's text adds to the style rules: its misspelled words (spelling), or
/// undefined while they are not known yet.
export interface ExtraChecks {
  /// The matches for a block's text, or undefined when not known yet (then `pending` is called).
  matchesFor(text: string, language: string): BlockMatch[] | undefined;
  /// Asks for the texts whose matches are not known yet; calls `ready` when some are.
  request(texts: string[], language: string, ready: () => void): void;
  /// Changes whenever earlier answers may change (a word was added to the dictionary…).
  readonly version: number;
}

/// The plugin's state: the underlines (each carrying its match) and what they were computed with.
interface StyleState {
  guide: StyleGuide | null;
  decorations: DecorationSet;
  /// Counts the published results, so views (the Checks panel) know when to redraw.
  version: number;
  /// True when the document changed since the underlines were last computed.
  stale: boolean;
}

/// A match as an underline carries it: the match and where it is now.
export interface ShownMatch extends Omit<ArticleMatch, "pos"> {
  from: number;
  to: number;
  /// Offsets of the match in its block's text, as checked.
  offset: { from: number; to: number };
  /// The block's text as checked (for "Ignore here").
  blockText: string;
}

type Meta = { guide: StyleGuide | null } | { decorations: DecorationSet };

const styleKey = new PluginKey<StyleState>("style-check");

const levelClass: Record<Level, string> = { error: "style-error", warning: "style-warning", suggestion: "style-suggestion" };

function underline(match: ShownMatch): Decoration {
  const spelling = match.rule === "spelling" ? " style-spelling" : "";
  return Decoration.inline(
    match.from,
    match.to,
    { class: `style-mark ${levelClass[match.level]}${spelling}`, "data-rule": match.rule },
    { match, inclusiveStart: false, inclusiveEnd: false },
  );
}

/// The underlines after a change: moved with the text, and those whose text the change touched
/// dropped (they no longer say what is there) until the check runs again.
function mapUnderlines(decorations: DecorationSet, tr: Transaction): DecorationSet {
  const mapped = decorations.map(tr.mapping, tr.doc);
  const range = changedRange(tr);
  if (!range) return mapped;
  const touched = mapped.find(range.newFrom, range.newTo).filter((d) => tr.doc.textBetween(d.from, d.to, undefined, "\ufffc") !== (d.spec.match as ShownMatch).text);
  return touched.length ? mapped.remove(touched) : mapped;
}

/// Options of the plugin: the spelling worker's results, and how to wait for idle time.
export interface StyleCheckOptions {
  /// The guide a new editor state starts with (the window's current one).
  guide?: () => StyleGuide | null;
  extra?: ExtraChecks;
  /// Runs work when the page is idle (requestIdleCallback; tests and benchmarks pass their own).
  idle?: (work: (deadline: { timeRemaining(): number }) => void) => () => void;
}

const defaultIdle: NonNullable<StyleCheckOptions["idle"]> = (work) => {
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(work, { timeout: 1500 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(() => work({ timeRemaining: () => 8 }), 50);
  return () => clearTimeout(id);
};

/// Checks the article against the house style and spelling and underlines what it finds.
export function styleCheckPlugin(options: StyleCheckOptions = {}): Plugin<StyleState> {
  return new Plugin<StyleState>({
    key: styleKey,
    state: {
      init: () => ({ guide: options.guide?.() ?? null, decorations: DecorationSet.empty, version: 0, stale: true }),
      apply(tr, value): StyleState {
        const meta = tr.getMeta(styleKey) as Meta | undefined;
        if (meta && "guide" in meta) return { guide: meta.guide, decorations: DecorationSet.empty, version: value.version + 1, stale: true };
        if (meta && "decorations" in meta) return { ...value, decorations: meta.decorations, version: value.version + 1, stale: false };
        if (!tr.docChanged) return value;
        return { ...value, decorations: mapUnderlines(value.decorations, tr), stale: true };
      },
    },
    props: { decorations: (state) => styleKey.getState(state)?.decorations },
    view: (view) => new StyleCheckView(view, options),
  });
}

/// Runs the checks in idle time and publishes their underlines.
class StyleCheckView {
  private cancel: (() => void) | null = null;
  /// Block results per set of rules, kept while a block's node is unchanged.
  private readonly results = new WeakMap<LanguageRules, WeakMap<PMNode, BlockResult>>();
  /// What each block's underlines were last made from.
  private published = new WeakMap<PMNode, string>();
  private publishedWith: unknown[] = [];
  private extraVersion = -1;

  constructor(
    private readonly view: EditorView,
    private readonly options: StyleCheckOptions,
  ) {
    this.schedule();
  }

  update(view: EditorView): void {
    if (styleKey.getState(view.state)?.stale) this.schedule();
  }

  destroy(): void {
    this.cancel?.();
  }

  /// Checks again now that the extra checks (spelling) know more.
  private extraReady = (): void => {
    this.extraVersion = -1;
    this.schedule();
  };

  private schedule(): void {
    if (this.cancel) return;
    this.cancel = (this.options.idle ?? defaultIdle)((deadline) => {
      this.cancel = null;
      if (this.view.isDestroyed) return;
      if (!this.run(deadline)) this.schedule();
    });
  }

  /// Checks the blocks it can in the time given; true when it published the result.
  private run(deadline: { timeRemaining(): number }): boolean {
    const { state } = this.view;
    const plugin = styleKey.getState(state);
    if (!plugin?.guide) return true;
    const meta = metaOf(state);
    const rules = plugin.guide.forLanguage(meta.language || "en");
    let cache = this.results.get(rules);
    if (!cache) this.results.set(rules, (cache = new WeakMap()));
    const blocks = textBlocks(state.doc);
    // Checks blocks while the browser has idle time; when it has none (the callback came after
    // its timeout), still a few milliseconds' worth, so the checks never starve.
    const started = performance.now();
    for (const block of blocks) {
      if (cache.has(block.node)) continue;
      if (deadline.timeRemaining() <= 1 && performance.now() - started > 4) return false;
      cache.set(block.node, rules.checkBlock(blockText(block.node), block.field));
    }
    this.publish(state, blocks, rules, cache);
    return true;
  }

  private publish(state: EditorState, blocks: TextBlock[], rules: LanguageRules, cache: WeakMap<PMNode, BlockResult>): void {
    const meta = metaOf(state);
    const language = meta.language || "en";
    const extra = this.options.extra;
    const perBlock = blocks.map((b) => cache.get(b.node)!);
    const wide = rules.articleMatches(perBlock);
    const ignored = ignoredTest(meta.checkIgnores);
    const texts = blocks.map((b) => blockText(b.node));
    if (extra) {
      const missing = texts.filter((text) => text.trim() && !extra.matchesFor(text, language));
      if (missing.length) extra.request([...new Set(missing)], language, this.extraReady);
    }
    // Everything a block's underlines depend on besides the block itself.
    const context = [rules, meta.checkIgnores, extra?.version];
    const contextChanged = context.some((c, i) => c !== this.publishedWith[i]) || this.extraVersion === -1;
    if (contextChanged) this.published = new WeakMap();
    this.publishedWith = context;
    this.extraVersion = extra?.version ?? 0;

    let decorations = styleKey.getState(state)!.decorations;
    let changed = false;
    blocks.forEach((block, i) => {
      const text = texts[i];
      const own = [...perBlock[i].matches, ...(wide.get(i) ?? []), ...((extra && text.trim() && extra.matchesFor(text, language)) || [])];
      const matches = own.filter((m) => !ignored(m, text)).sort((a, b) => a.from - b.from);
      const key = matches.map((m) => `${m.rule}:${m.from}:${m.to}:${m.level}:${m.replacements.join("\u0001")}`).join("|");
      if (this.published.get(block.node) === key) return;
      this.published.set(block.node, key);
      const start = block.pos + 1;
      const end = block.pos + block.node.nodeSize - 1;
      decorations = decorations.remove(decorations.find(start, end));
      const shown = matches.map((m) =>
        underline({ ...m, field: block.field, block: block.index, from: start + m.from, to: start + m.to, offset: { from: m.from, to: m.to }, blockText: text }),
      );
      decorations = decorations.add(state.doc, shown);
      changed = true;
    });
    if (!changed && !styleKey.getState(state)!.stale) return;
    this.view.dispatch(state.tr.setMeta(styleKey, { decorations } satisfies Meta).setMeta("addToHistory", false));
  }
}

/// Uses another style guide (the newsroom's was loaded, or the checks are turned off with null).
export function setStyleGuide(state: EditorState, guide: StyleGuide | null): Transaction {
  return state.tr.setMeta(styleKey, { guide } satisfies Meta).setMeta("addToHistory", false);
}

/// The style guide the checks use.
export function styleGuideOf(state: EditorState): StyleGuide | null {
  return styleKey.getState(state)?.guide ?? null;
}

/// Every match shown, in document order.
export function shownMatches(state: EditorState, from?: number, to?: number): ShownMatch[] {
  const set = styleKey.getState(state)?.decorations;
  if (!set) return [];
  return set
    .find(from, to)
    .map((d) => ({ ...(d.spec.match as ShownMatch), from: d.from, to: d.to }))
    .sort((a, b) => a.from - b.from || a.to - b.to);
}

/// Counts the published results (changes when the underlines change).
export function styleVersion(state: EditorState): number {
  return styleKey.getState(state)?.version ?? 0;
}

/// True while the underlines are behind the document (a check is waiting for idle time).
export function styleStale(state: EditorState): boolean {
  return styleKey.getState(state)?.stale ?? false;
}
