import type { EditorState, Plugin } from "prosemirror-state";
import { TextSelection } from "prosemirror-state";
import type { Settings } from "../../../shared/ipc";
import { checkArticle } from "../../../shared/style/article-check";
import type { StyleGuide } from "../../../shared/style/guide";
import type { RuleSource } from "../../../shared/style/rule-file";
import { acceptedWords, dictionaryFor, dictionaryNames } from "../../../shared/style/spelling";
import type { ArticleEditor } from "../editor";
import { metaOf } from "../editor/meta";
import { fixAll, StyleCard } from "../editor/style-card";
import { setStyleGuide, shownMatches, styleCheckPlugin, styleVersion, type ShownMatch } from "../editor/style-check";
import { SpellingChecks } from "../editor/style-spelling";
import { call } from "./api";
import { element } from "./dom";

// The house-style and spelling checks in the window: the checks' editor plugin, the card (hover
// or Mod-.), and the Checks panel beside the article, which lists every match grouped by rule
// with counts, jumps to each, fixes all of a rule in one undo step, and holds the checks'
// settings (the newsroom's guide folder, the personal dictionary, the newsroom's word list).
// The guides (their rules, read at build time, and a newsroom's YAML with its parser) load and
// compile after the article's first frame, in their own chunk: the checks start when they
// arrive, and nothing waits for them before.

/// Resolves once the page has painted a frame (or soon, in a window that is not shown yet and so paints none).
const afterAFrame = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 250);
  });

/// The default guides with a newsroom's rule files on top, compiled (loaded on first use). The
/// default guides come already read by the build; the YAML reader loads only for a newsroom's own.
async function compileGuide(custom: readonly RuleSource[]): Promise<StyleGuide> {
  const [{ StyleGuide }, { defaultGuideSpecs }] = await Promise.all([import("../../../shared/style/guide"), import("../../../shared/style/default-guide-specs")]);
  if (custom.length === 0) return StyleGuide.fromSpecs(defaultGuideSpecs, [], [], { compiledDefaults: true });
  const { readRuleFiles } = await import("../../../shared/style/rule-file");
  const own = readRuleFiles(custom);
  return StyleGuide.fromSpecs(defaultGuideSpecs, own.rules, own.errors, { compiledDefaults: true });
}

/// What the window's shell gets: the plugin to install, and the panel's commands.
export interface ChecksPanel {
  readonly plugin: Plugin;
  /// Redraws the panel and the words spelling accepts from an editor state.
  refresh(state: EditorState): void;
  toggle(): void;
  shown(): boolean;
  /// The card of the match at the cursor or the next one (Mod-.); false when there is none.
  openCard(): boolean;
  /// The error-level matches, as the pre-export check lists them (once the guide has loaded).
  errors(state: EditorState): Promise<string[]>;
  /// Reads the settings again (the guide folder, the word lists) and checks with them.
  useSettings(settings: Settings): Promise<void>;
}

const levelOrder = { error: 0, warning: 1, suggestion: 2 } as const;
const levelNames = { error: "Errors", warning: "Warnings", suggestion: "Suggestions" } as const;

/// Builds the checks of a window; `container` is the panel's element, `documentArea` where the card floats.
export function checksPanel(
  container: HTMLElement,
  documentArea: HTMLElement,
  editor: () => ArticleEditor,
  options: {
    settings: () => Settings;
    saveSettings: (changes: Partial<Settings>) => Promise<void>;
    /// Lets the journalist choose the style guide folder in main's dialog, or forgets it (`clear`).
    chooseGuideFolder: (clear: boolean) => Promise<void>;
    show: (text: string, kind?: "info" | "error") => void;
  },
): ChecksPanel {
  let guide: StyleGuide | null = null;
  let guideLoaded: Promise<StyleGuide> | null = null;
  /// False when the journalist turned checking as they type off (Edit > Check as You Type).
  let asYouType = true;
  const spelling = new SpellingChecks();
  const plugin = styleCheckPlugin({ guide: () => guide, extra: spelling });
  const card = new StyleCard(() => editor().view, {
    suggest: (word, language) => spelling.suggest(word, language),
    addToDictionary: (word) => {
      const words = options.settings().personalDictionary;
      void options.saveSettings({ personalDictionary: [...new Set([...words, word])].sort() });
    },
  }, documentArea);

  // The card on hover: over an underline it shows, leaving it hides the card after a moment.
  documentArea.addEventListener("mouseover", (event) => {
    const mark = (event.target as HTMLElement).closest?.(".style-mark");
    if (!mark || card.focused) return;
    const view = editor().view;
    const pos = view.posAtDOM(mark, 0);
    const match = shownMatches(view.state, pos, pos + 1).find((m) => m.from <= pos && m.to > pos);
    if (match) card.show(match, false);
  });
  documentArea.addEventListener("mouseout", (event) => {
    if ((event.target as HTMLElement).closest?.(".style-mark") && !card.element.contains(event.relatedTarget as Node | null)) card.hideSoon();
  });

  container.hidden = true;
  const summary = element("p", { class: "checks-summary", role: "status" });
  const list = element("div", { class: "checks-list" });
  container.append(element("h2", { class: "panel-title" }, "Checks"), summary, list, settingsForm());

  function settingsForm(): HTMLElement {
    const details = element("details", { class: "checks-settings" });
    details.append(element("summary", {}, "Style guide and dictionaries"));
    const form = element("form", { class: "meta-form", "aria-label": "Checks settings" });
    form.addEventListener("submit", (e) => e.preventDefault());
    // The folder is chosen in main's dialog: the window shows it, and never names a folder itself.
    const folder = element("output", { id: "checks-guide-folder", class: "form-hint" });
    const chooseFolder = element("button", { type: "button", class: "form-button" }, "Choose folder…");
    const clearFolder = element("button", { type: "button", class: "form-button" }, "No guide folder");
    const showFolder = () => {
      const chosen = options.settings().styleGuideFolder;
      folder.textContent = chosen ?? "None: the default guides only.";
      clearFolder.hidden = !chosen;
    };
    const onFolder = (clear: boolean) => () =>
      void options
        .chooseGuideFolder(clear)
        .then(showFolder)
        .catch((e: unknown) => options.show(`The style guide folder was not changed: ${(e as Error).message}`, "error"));
    chooseFolder.addEventListener("click", onFolder(false));
    clearFolder.addEventListener("click", onFolder(true));
    const folderRow = element("div", { class: "form-actions" });
    folderRow.append(chooseFolder, clearFolder);
    const personal = element("textarea", { id: "checks-personal", rows: "4", spellcheck: "false" });
    const newsroom = element("textarea", { id: "checks-newsroom", rows: "4", spellcheck: "false" });
    const row = (label: string, input: HTMLElement, id: string) => {
      const div = element("div", { class: "meta-row" });
      div.append(element("label", { for: id }, label), input);
      form.append(div);
    };
    row("Newsroom style guide folder", folder, "checks-guide-folder");
    form.append(folderRow);
    row("Personal dictionary (one word a line)", personal, "checks-personal");
    row("Newsroom word list: names, places", newsroom, "checks-newsroom");
    const save = element("button", { type: "button", class: "form-button" }, "Save and check again");
    form.append(save);
    details.append(form);
    details.addEventListener("toggle", () => {
      if (!details.open) return;
      const s = options.settings();
      showFolder();
      personal.value = s.personalDictionary.join("\n");
      newsroom.value = s.newsroomWords.join("\n");
    });
    const lines = (text: string) => [...new Set(text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))];
    save.addEventListener("click", () => {
      void options
        .saveSettings({ personalDictionary: lines(personal.value), newsroomWords: lines(newsroom.value) })
        .catch((e: unknown) => options.show(`The checks' settings were not saved: ${(e as Error).message}`, "error"));
    });
    return details;
  }

  function jumpTo(match: ShownMatch): void {
    const view = editor().view;
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, match.from, match.to)).scrollIntoView());
    view.focus();
  }

  let shownVersion = -1;
  function redraw(state: EditorState): void {
    const version = styleVersion(state);
    if (version === shownVersion || container.hidden) return;
    shownVersion = version;
    if (!asYouType) {
      summary.textContent = "Check as you type is off (Edit menu): the pre-export check still lists house-style errors.";
      list.replaceChildren();
      return;
    }
    const matches = shownMatches(state);
    const groups = new Map<string, ShownMatch[]>();
    for (const m of matches) groups.set(m.rule, [...(groups.get(m.rule) ?? []), m]);
    const counts = { error: 0, warning: 0, suggestion: 0 };
    for (const m of matches) counts[m.level]++;
    const language = metaOf(state).language || "en";
    const dictionary = dictionaryFor(language);
    summary.textContent =
      matches.length === 0
        ? `No matches.${dictionary ? "" : ` No spelling dictionary for “${language}”: house style only.`}`
        : `${counts.error} errors, ${counts.warning} warnings, ${counts.suggestion} suggestions.${dictionary ? ` Spelling: ${dictionaryNames[dictionary]}.` : ` No spelling dictionary for “${language}”.`}`;
    list.replaceChildren();
    const ordered = [...groups.entries()].sort(([, a], [, b]) => levelOrder[a[0].level] - levelOrder[b[0].level] || b.length - a.length);
    let lastLevel = "";
    for (const [rule, items] of ordered) {
      const level = items[0].level;
      if (level !== lastLevel) {
        list.append(element("h3", { class: `checks-level checks-${level}` }, levelNames[level]));
        lastLevel = level;
      }
      const group = element("section", { class: "checks-group", "aria-label": `${rule}: ${items.length}` });
      const head = element("div", { class: "checks-group-head" });
      head.append(element("span", { class: `checks-rule checks-${level}` }, rule), element("span", { class: "checks-count" }, String(items.length)));
      if (items.some((m) => m.replacements.length > 0)) {
        const all = element("button", { type: "button", class: "link-button", "aria-label": `Fix all: ${rule}` }, "Fix all");
        all.addEventListener("click", () => {
          editor().run(fixAll(rule));
          editor().focus();
        });
        head.append(all);
      }
      group.append(head, element("p", { class: "checks-message" }, items[0].message));
      const ul = element("ul", { class: "checks-items" });
      for (const m of items) {
        const li = element("li");
        const jump = element("button", { type: "button", class: "checks-item", title: m.message }, `${m.field}${m.field === "body" ? ` ¶${m.block}` : ""}: ${m.text.length > 40 ? `${m.text.slice(0, 40)}…` : m.text}`);
        jump.addEventListener("click", () => jumpTo(m));
        li.append(jump);
        ul.append(li);
      }
      group.append(ul);
      list.append(group);
    }
  }

  let acceptedFrom: unknown[] = [];
  function refresh(state: EditorState): void {
    const meta = metaOf(state);
    const settings = options.settings();
    const inputs = [state.doc.child(1), state.doc.child(3), meta.tags, settings.personalDictionary, settings.newsroomWords];
    if (inputs.some((x, i) => x !== acceptedFrom[i])) {
      acceptedFrom = inputs;
      spelling.setAccepted(acceptedWords(state.doc, meta, [settings.personalDictionary, settings.newsroomWords]));
    }
    redraw(state);
  }

  return {
    plugin,
    refresh,
    toggle() {
      container.hidden = !container.hidden;
      shownVersion = -1;
      if (!container.hidden) redraw(editor().state);
    },
    shown: () => !container.hidden,
    openCard: () => card.showAtCursor(),
    async errors(state) {
      const rules = guide ?? (await (guideLoaded ??= compileGuide([])));
      const meta = metaOf(state);
      return checkArticle(state.doc, meta, rules.forLanguage(meta.language || "en"))
        .filter((m) => m.level === "error")
        .map((m) => `House style (${m.rule}) in the ${m.field}${m.field === "body" ? ` ¶${m.block}` : ""}: ${m.message} (“${m.text}”)`);
    },
    async useSettings(settings) {
      const none = { files: [], errors: [] as string[], folder: null };
      // A folder that cannot be read leaves the default guides in force, and says so.
      const custom = settings.styleGuideFolder ? call("style:guide", {}).catch((e: unknown) => ({ ...none, errors: [`its folder could not be read: ${(e as Error).message}`] })) : Promise.resolve(none);
      guideLoaded = Promise.all([custom, afterAFrame()]).then(([c]) => compileGuide(c.files));
      guide = await guideLoaded;
      const problems = [...(await custom).errors, ...guide.errors];
      if (problems.length) options.show(`The newsroom style guide has problems: ${problems.slice(0, 3).join("; ")}${problems.length > 3 ? "; …" : ""}`, "error");
      asYouType = settings.checkAsYouType;
      const view = editor().view;
      view.dispatch(setStyleGuide(view.state, asYouType ? guide : null));
      shownVersion = -1;
      acceptedFrom = [];
      refresh(view.state);
    },
  };
}
