import type { Node as PMNode } from "prosemirror-model";
import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet, type EditorView } from "prosemirror-view";
import { blockText, checkTextBlock, ignoredTest, textBlocks, type ArticleMatch } from "../../../shared/style/article-check";
import type { BlockResult, LanguageRules, StyleGuide } from "../../../shared/style/guide";
import type { BlockMatch, Level } from "../../../shared/style/rule";
import { changedRange } from "./counts";
import { metaOf } from "./meta";
import { isLongArticle, mapStretch, onScreen, scrollerOf, stillCovers, stretchFor, type DrawnStretch } from "./style-window";

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
  /// Asks for the texts whose matches are not known yet; calls `ready` with them when they are.
  request(texts: string[], language: string, ready: (texts: readonly string[]) => void): void;
  /// Changes whenever earlier answers may change (a word was added to the dictionary…).
  readonly version: number;
}

/// The plugin's state: the underlines (each carrying its match) and what they were computed with.
interface StyleState {
  guide: StyleGuide | null;
  decorations: DecorationSet;
  /// The underlines drawn: all of them, or in a long article those of the stretch around what is
  /// on screen (style-window.ts).
  drawn: DecorationSet;
  stretch: DrawnStretch | null;
  /// Counts the published results, so views (the Checks panel) know when to redraw.
  version: number;
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

type Meta = { guide: StyleGuide | null } | { decorations?: DecorationSet; stretch?: DrawnStretch | null };

/// The underlines of `all` drawn for a stretch (all of them for none).
const drawnOf = (all: DecorationSet, stretch: DrawnStretch | null, doc: PMNode) => (stretch ? DecorationSet.create(doc, all.find(stretch.from, stretch.to)) : all);

const styleKey = new PluginKey<StyleState>("style-check");

/// The most blocks whose underlines one pass changes: the view redraws each such block when the
/// pass publishes, in one task, so the first check of a long article (every block at once: 1.5 s
/// at 2,600 paragraphs on a loaded machine) is published a part at a time, with frames between.
const maxBlocksRedrawn = 100;

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
  /// Runs work when the page is idle (requestIdleCallback; tests and benchmarks pass their own);
  /// `afterTyping`: once the journalist has paused too (the work follows an edit).
  idle?: (work: (deadline: { timeRemaining(): number }) => void, when: { afterTyping: boolean }) => () => void;
  /// The time in ms (performance.now; tests pass their own).
  clock?: () => number;
  /// The positions at the top and the bottom of what is on screen, and how to hear of a scroll
  /// (the page's by default; tests pass their own).
  screen?: {
    positions(view: EditorView): { top: number; bottom: number } | null;
    onScroll(view: EditorView, listener: () => void): () => void;
  };
}

/// Whether the view is in a page (a view without a DOM, in a test or a script, has no screen).
const laidOut = (view: EditorView) => typeof window !== "undefined" && view.dom instanceof HTMLElement && view.dom.isConnected;

/// What is on screen in a page: from the layout, and the scroll of the editor's scrolling pane.
const pageScreen: NonNullable<StyleCheckOptions["screen"]> = {
  positions: (view) => (laidOut(view) ? onScreen(view, scrollerOf(view)) : null),
  onScroll(view, listener) {
    if (!laidOut(view)) return () => undefined;
    const scroller = scrollerOf(view);
    let frame: number | null = null;
    const scrolled = () => {
      frame ??= requestAnimationFrame(() => {
        frame = null;
        listener();
      });
    };
    scroller.addEventListener("scroll", scrolled, { passive: true });
    return () => {
      scroller.removeEventListener("scroll", scrolled);
      if (frame !== null) cancelAnimationFrame(frame);
    };
  },
};

/// How long typing must pause before the checks look at what changed, and how long they wait at
/// most while it goes on (a burst of typing on a loaded machine can last several seconds; the
/// underlines come at the next pause). Checking between keys cost a typist a view update whenever
/// an underline changed (issue 15: typing with the checks on is to cost within 10% of typing with
/// them off).
const typingPauseMs = 400;
const longestWaitMs = 10_000;

const defaultIdle: NonNullable<StyleCheckOptions["idle"]> = (work, { afterTyping }) => {
  let idleId: number | null = null;
  const whenIdle = () => {
    if (typeof requestIdleCallback === "function") idleId = requestIdleCallback(work, { timeout: 1500 });
    else work({ timeRemaining: () => 8 });
  };
  const timer = setTimeout(whenIdle, afterTyping ? typingPauseMs : 0);
  return () => {
    clearTimeout(timer);
    if (idleId !== null) cancelIdleCallback(idleId);
  };
};

/// Checks the article against the house style and spelling and underlines what it finds.
export function styleCheckPlugin(options: StyleCheckOptions = {}): Plugin<StyleState> {
  return new Plugin<StyleState>({
    key: styleKey,
    state: {
      init: () => ({ guide: options.guide?.() ?? null, decorations: DecorationSet.empty, drawn: DecorationSet.empty, stretch: null, version: 0 }),
      apply(tr, value): StyleState {
        const meta = tr.getMeta(styleKey) as Meta | undefined;
        if (meta && "guide" in meta) return { ...value, guide: meta.guide, decorations: DecorationSet.empty, drawn: DecorationSet.empty, version: value.version + 1 };
        if (meta) {
          const decorations = meta.decorations ?? value.decorations;
          const stretch = meta.stretch === undefined ? value.stretch : meta.stretch;
          return { ...value, decorations, stretch, drawn: drawnOf(decorations, stretch, tr.doc), version: value.version + (meta.decorations ? 1 : 0) };
        }
        if (!tr.docChanged) return value;
        const decorations = mapUnderlines(value.decorations, tr);
        return { ...value, decorations, stretch: mapStretch(value.stretch, tr.mapping), drawn: value.stretch ? mapUnderlines(value.drawn, tr) : decorations };
      },
    },
    props: { decorations: (state) => styleKey.getState(state)?.drawn },
    view: (view) => new StyleCheckView(view, options),
  });
}

/// What a block's underlines were made from: its matches (by offset in the block) and the article-wide ones.
interface Published {
  key: string;
  wide: string;
}

const keyOf = (matches: readonly BlockMatch[]) => matches.map((m) => `${m.rule}:${m.from}:${m.to}:${m.level}:${m.replacements.join("\u0001")}`).join("|");

/// Runs the checks in idle time and publishes their underlines. Each pass looks at every block
/// (cheap: node identity and a few map lookups) but does work only for the blocks that changed
/// since the last pass, whose spelling answers came, or whose article-wide matches moved; and it
/// dispatches only when an underline changed.
class StyleCheckView {
  private cancel: (() => void) | null = null;
  /// Block results per set of rules, kept while a block's node is unchanged.
  private readonly results = new WeakMap<LanguageRules, WeakMap<PMNode, BlockResult>>();
  private readonly texts = new WeakMap<PMNode, string>();
  /// What each block's underlines were last made from (reset when the rules, ignores or accepted words change).
  private published = new WeakMap<PMNode, Published>();
  private publishedWith: unknown[] = [];
  /// Blocks whose text went to the spelling worker, and texts whose answers came since the last pass.
  private asked = new WeakSet<PMNode>();
  private arrived = new Set<string>();
  /// When the first edit not yet checked came (null when there is none), and the last edit.
  private typingSince: number | null = null;
  private lastEditAt = -Infinity;
  private readonly clock: () => number;
  /// A block whose new match at the caret waits until the caret leaves it (the word being typed).
  private deferred: { node: PMNode; from: number; to: number } | null = null;

  private readonly screen: NonNullable<StyleCheckOptions["screen"]>;
  private readonly stopListening: () => void;

  constructor(
    private readonly view: EditorView,
    private readonly options: StyleCheckOptions,
  ) {
    this.clock = options.clock ?? (() => performance.now());
    this.screen = options.screen ?? pageScreen;
    this.stopListening = this.screen.onScroll(view, this.scrolled);
    this.schedule();
  }

  /// The stretch of a long article whose underlines should be drawn now (null: all of them).
  private wantedStretch(): DrawnStretch | null {
    const { doc, selection } = this.view.state;
    // Only a long article is measured against the screen: a shorter one draws every underline.
    if (!isLongArticle(doc)) return null;
    const shown = this.screen.positions(this.view) ?? { top: selection.head, bottom: selection.head };
    return stretchFor(doc, shown.top, shown.bottom);
  }

  /// A scroll of a long article: the underlines around what is now on screen are drawn, once what
  /// is drawn no longer covers it.
  private scrolled = (): void => {
    if (this.view.isDestroyed) return;
    const current = styleKey.getState(this.view.state)?.stretch ?? null;
    const wanted = this.wantedStretch();
    if (stillCovers(current, wanted)) return;
    this.view.dispatch(this.view.state.tr.setMeta(styleKey, { stretch: wanted } satisfies Meta).setMeta("addToHistory", false));
  };

  update(view: EditorView, previous: EditorState): void {
    if (styleKey.getState(view.state) === styleKey.getState(previous)) this.selectionMoved(view, previous);
    else if (view.state.doc !== previous.doc) this.scheduleAfterTyping();
    else this.schedule();
  }

  /// The caret left the word that was being typed: its block's new match may show now.
  private selectionMoved(view: EditorView, previous: EditorState): void {
    if (this.deferred && view.state.selection !== previous.selection) {
      const { head } = view.state.selection;
      if (head < this.deferred.from || head > this.deferred.to) {
        this.published.delete(this.deferred.node);
        this.deferred = null;
        this.schedule();
      }
    }
  }

  destroy(): void {
    this.cancel?.();
    this.stopListening();
  }

  /// Spelling answers for texts asked in an earlier pass: they are shown at the next pause in the
  /// typing too (an answer often arrives once the journalist has started typing again).
  private extraReady = (texts: readonly string[]): void => {
    for (const text of texts) this.arrived.add(text);
    this.schedule(true);
  };

  private schedule(afterTyping = false): void {
    if (this.cancel) return;
    this.cancel = (this.options.idle ?? defaultIdle)(
      (deadline) => {
        this.cancel = null;
        if (this.view.isDestroyed) return;
        // Work that was waiting (a long check going on part by part, a spelling answer) does
        // not run between two keys either: it waits for the typing to pause.
        const now = this.clock();
        const typing = now - this.lastEditAt < typingPauseMs;
        const overdue = this.typingSince !== null && now - this.typingSince > longestWaitMs;
        if (typing && !overdue) return this.schedule(true);
        this.typingSince = null;
        if (!this.run(deadline)) this.schedule();
      },
      { afterTyping },
    );
  }

  /// After an edit, the pass waits for a pause in the typing (each edit restarts the wait), but
  /// never for more than `longestWaitMs` from the first edit it has not looked at.
  private scheduleAfterTyping(): void {
    const now = this.clock();
    this.lastEditAt = now;
    this.typingSince ??= now;
    if (this.cancel && now - this.typingSince > longestWaitMs) return;
    this.cancel?.();
    this.cancel = null;
    this.schedule(true);
  }

  private textOf(node: PMNode): string {
    let text = this.texts.get(node);
    if (text === undefined) this.texts.set(node, (text = blockText(node)));
    return text;
  }

  /// Checks and publishes what it can in the time given; true when it is done.
  private run(deadline: { timeRemaining(): number }): boolean {
    const { state } = this.view;
    const plugin = styleKey.getState(state);
    if (!plugin?.guide) return true;
    const meta = metaOf(state);
    const language = meta.language || "en";
    const rules = plugin.guide.forLanguage(language);
    let cache = this.results.get(rules);
    if (!cache) this.results.set(rules, (cache = new WeakMap()));
    // Checks blocks while the browser has idle time; when it has none (the callback came after
    // its timeout), still a few milliseconds' worth, so the checks never starve.
    const started = performance.now();
    const busy = () => deadline.timeRemaining() <= 1 && performance.now() - started > 4;
    const blocks = textBlocks(state.doc);
    for (const block of blocks) {
      if (cache.has(block.node)) continue;
      if (busy()) return false;
      cache.set(block.node, checkTextBlock(rules, block, this.textOf(block.node)));
    }
    const extra = this.options.extra;
    const context = [rules, meta.checkIgnores, extra?.version];
    if (context.some((c, i) => c !== this.publishedWith[i])) {
      this.published = new WeakMap();
      this.publishedWith = context;
    }
    const perBlock = blocks.map((b) => cache.get(b.node)!);
    const wide = rules.articleMatches(perBlock);
    const ignored = ignoredTest(meta.checkIgnores);
    const arrived = this.arrived;
    this.arrived = new Set();
    const toSpell: string[] = [];
    const caret = state.selection.empty ? state.selection.head : -1;
    // Blocks are disjoint, so each block's underlines are found in the published set, and all the
    // changes go into it at once at the end: one add and one remove, whatever the number of blocks.
    const decorations = plugin.decorations;
    const removed: Decoration[] = [];
    const added: Decoration[] = [];
    let done = true;
    let redrawn = 0;
    for (let i = 0; i < blocks.length; i++) {
      const { node, pos, field, index } = blocks[i];
      const wideMatches = wide.get(i);
      const wideKey = wideMatches ? keyOf(wideMatches) : "";
      const before = this.published.get(node);
      if (before && before.wide === wideKey && (arrived.size === 0 || !arrived.has(this.textOf(node)))) continue;
      if (busy()) {
        done = false;
        for (const text of arrived) this.arrived.add(text);
        break;
      }
      const text = this.textOf(node);
      if (extra && !this.asked.has(node) && text.trim()) {
        this.asked.add(node);
        toSpell.push(text);
      }
      const spelled = extra && text.trim() ? extra.matchesFor(text, language) : undefined;
      const start = pos + 1;
      const shownNow = decorations.find(start, pos + node.nodeSize - 1);
      // Until the spelling of a changed block is known, a block that shows spelling underlines
      // keeps them as they were (mapped with the text): publishing it without them, then with
      // them again when the worker answers, would redraw it twice for every key.
      if (spelled === undefined && extra && text.trim() && shownNow.some((d) => (d.spec.match as ShownMatch).rule === "spelling")) continue;
      // A new match touching the caret is the word being typed: it waits until the caret leaves it.
      const atCaret = (m: BlockMatch) =>
        caret >= start + m.from && caret <= start + m.to && !shownNow.some((d) => d.from === start + m.from && d.to === start + m.to && (d.spec.match as ShownMatch).rule === m.rule);
      const all = [...perBlock[i].matches, ...(wideMatches ?? []), ...(spelled ?? [])].filter((m) => !ignored(m, text));
      const waiting = all.find(atCaret);
      if (waiting) this.deferred = { node, from: start + waiting.from, to: start + waiting.to };
      const matches = (waiting ? all.filter((m) => !atCaret(m)) : all).sort((a, b) => a.from - b.from);
      const key = keyOf(matches);
      this.published.set(node, { key, wide: wideKey });
      const shownKey = keyOf(
        shownNow
          .map((d) => ({ ...(d.spec.match as ShownMatch), from: d.from - start, to: d.to - start }))
          .sort((a, b) => a.from - b.from),
      );
      if (shownKey === key) continue;
      removed.push(...shownNow);
      for (const m of matches) added.push(underline({ ...m, field, block: index, from: start + m.from, to: start + m.to, offset: { from: m.from, to: m.to }, blockText: text }));
      if (++redrawn === maxBlocksRedrawn && i < blocks.length - 1) {
        done = false;
        for (const text of arrived) this.arrived.add(text);
        break;
      }
    }
    if (extra && toSpell.length) extra.request([...new Set(toSpell)], language, this.extraReady);
    if (removed.length > 0 || added.length > 0) {
      const next = (removed.length > 0 ? decorations.remove(removed) : decorations).add(state.doc, added);
      const current = plugin.stretch;
      const wanted = this.wantedStretch();
      const stretch = stillCovers(current, wanted) ? current : wanted;
      this.view.dispatch(state.tr.setMeta(styleKey, { decorations: next, stretch } satisfies Meta).setMeta("addToHistory", false));
    }
    return done;
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

/// The underlines drawn now (in a long article, those around what is on screen).
export function drawnMatches(state: EditorState): ShownMatch[] {
  const set = styleKey.getState(state)?.drawn;
  return set ? set.find().map((d) => ({ ...(d.spec.match as ShownMatch), from: d.from, to: d.to })) : [];
}

/// Counts the published results (changes when the underlines change).
export function styleVersion(state: EditorState): number {
  return styleKey.getState(state)?.version ?? 0;
}
