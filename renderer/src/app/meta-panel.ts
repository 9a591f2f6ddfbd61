import type { Node as PMNode } from "prosemirror-model";
import type { EditorState } from "prosemirror-state";
import { fieldNode, fieldText, statusLabels, type ArticleMeta, type ArticleStatus } from "../../../shared/article";
import type { NewsroomSettings } from "../../../shared/settings";
import { maxTagLength, maxTags } from "../../../shared/meta-schema";
import { choosableStatuses } from "../../../shared/workflow";
import type { ArticleEditor } from "../editor";
import { textWithoutDeleted } from "../../../shared/review/deleted-text";
import { slugInAnyScript, suggestSlugFor } from "../../../shared/slug";
import { metaOf, setMeta } from "../editor/meta";
import type { CommandRunner } from "./command-runner";
import { element } from "./dom";

// The metadata panel beside the article, in sections a journalist can fold away: Story (slug,
// language, keywords, status, embargo, word target, version), Wire (urgency, priority, genre,
// subjects, place, sign-off, editor's note), Rights and People (authors and the byline). Every
// change is a SetMetaStep transaction, so it is undone with Mod-Z like typing and marks the
// document changed.

/// Languages offered in the panel (BCP 47), with their names.
export const languages: [string, string][] = [
  ["en", "English"],
  ["fr", "Français"],
  ["de", "Deutsch"],
  ["es", "Español"],
  ["it", "Italiano"],
  ["pt", "Português"],
  ["nl", "Nederlands"],
  ["ar", "العربية"],
  ["he", "עברית"],
  ["fa", "فارسی"],
  ["ru", "Русский"],
  ["zh", "中文"],
];

/// The embargo as the datetime-local input shows it (local time), from an ISO date-time.
export function embargoInputValue(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/// What a section of the panel builds its rows with.
export interface MetaPanelContext {
  editor: () => ArticleEditor;
  /// The newsroom's defaults (Settings), read when a button asks for them.
  newsroom: () => NewsroomSettings;
  /// Sets one field as one undo step; a value the field already has shows the field as it is.
  change<K extends keyof ArticleMeta>(key: K, value: ArticleMeta[K]): void;
  /// Adds a labelled row to a section; `extra` goes under the input (a button, a hint).
  row(parent: HTMLElement, label: string, input: HTMLElement, id: string, ...extra: HTMLElement[]): HTMLElement;
  /// Says under an input why its value was not taken; what was typed stays in it to be corrected
  /// (`keep` false: the input shows the metadata again, for a refusal that typed nothing).
  refuse(input: HTMLElement, problem: string, keep?: boolean): void;
  /// Shows a value in an input, unless the journalist is still changing it.
  set(input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string): void;
  /// Shows the panel again as the metadata is (after a change that was refused).
  reshow(): void;
}

/// A section's refresh: called when the metadata (or the document, for the byline check) changed.
export type SectionRefresh = (meta: ArticleMeta, state: EditorState) => void;

/// Builds the panel; the returned function refreshes it from an editor state.
export function metaPanel(
  container: HTMLElement,
  editor: () => ArticleEditor,
  commands: CommandRunner,
  /// Changes the status as a change of workflow (who and when recorded, a version taken).
  changeStatus: (status: ArticleStatus) => void,
  newsroom: () => NewsroomSettings,
): (state: EditorState) => void {
  const form = element("form", { class: "meta-form", "aria-label": "Article metadata" });
  form.addEventListener("submit", (e) => e.preventDefault());
  const problems = new Map<HTMLElement, HTMLElement>();
  const context: MetaPanelContext = {
    editor,
    newsroom,
    change(key, value) {
      if (editor().run(setMeta(key, value))) return;
      context.reshow();
    },
    row(parent, label, input, id, ...extra) {
      input.id = id;
      const div = element("div", { class: "meta-row" });
      const problem = element("p", { class: "meta-problem", id: `${id}-problem`, role: "alert" });
      problem.hidden = true;
      problems.set(input, problem);
      div.append(element("label", { for: id }, label), input, ...extra, problem);
      parent.append(div);
      return div;
    },
    refuse(input, text, keep = true) {
      const problem = problems.get(input);
      if (!problem) return;
      if (keep) dirty.add(input);
      problem.textContent = text;
      problem.hidden = false;
      input.setAttribute("aria-invalid", "true");
      // The problem is read with the field, after any hint it already had.
      const hints = (input.getAttribute("aria-describedby") ?? "").split(" ").filter((id) => id && id !== problem.id);
      input.setAttribute("aria-describedby", [...hints, problem.id].join(" "));
    },
    set(input, value) {
      if (input.value !== value && !dirty.has(input)) input.value = value;
    },
    reshow() {
      shownMeta = null;
      refresh(editor().state);
    },
  };
  // A change taken clears what was said about its input.
  form.addEventListener(
    "change",
    (e) => {
      const problem = e.target instanceof HTMLElement ? problems.get(e.target) : undefined;
      if (!problem || problem.hidden) return;
      problem.hidden = true;
      const input = e.target as HTMLElement;
      input.removeAttribute("aria-invalid");
      const hints = (input.getAttribute("aria-describedby") ?? "").split(" ").filter((id) => id && id !== problem.id);
      if (hints.length) input.setAttribute("aria-describedby", hints.join(" "));
      else input.removeAttribute("aria-describedby");
    },
    true,
  );
  const section = (title: string, open: boolean) => {
    const details = element("details", { class: "meta-section" });
    details.open = open;
    const body = element("div", { class: "meta-section-body" });
    details.append(element("summary", {}, title), body);
    form.append(details);
    return body;
  };
  // Wire, Rights and People start folded, and their code (with the genre list) is loaded when
  // one is first unfolded: the first frame carries only the Story section.
  const sections: SectionRefresh[] = [];
  const foldedSection = (title: string, build: (parent: HTMLElement) => Promise<SectionRefresh>) => {
    const body = section(title, false);
    const details = body.parentElement as HTMLDetailsElement;
    let built: Promise<void> | null = null;
    details.addEventListener("toggle", () => {
      if (!details.open || built) return;
      built = build(body).then(
        (refreshSection) => {
          sections.push(refreshSection);
          refreshSection(metaOf(editor().state), editor().state);
        },
        (e: unknown) => {
          built = null;
          body.replaceChildren(element("p", { class: "meta-problem", role: "alert" }, `This section could not be loaded: ${(e as Error).message}`));
        },
      );
    });
  };

  const story = section("Story", true);
  // A headline (or a slug typed) in another script waits for the transliterator, loaded on first need.
  const suggestion = (headline: string) => suggestSlugFor(headline, metaOf(editor().state).id);
  const slug = element("input", { type: "text", autocomplete: "off", spellcheck: "false" });
  const suggest = element("button", { type: "button", class: "link-button" }, "Use suggested slug");
  slug.addEventListener("change", () => void slugInAnyScript(slug.value).then((value) => context.change("slug", value)));
  suggest.addEventListener("click", () => void suggestion(fieldText(editor().doc, "headline")).then((value) => context.change("slug", value)));
  context.row(story, "Slug", slug, "meta-slug", suggest);

  const language = element("select");
  for (const [code, name] of languages) language.append(element("option", { value: code, lang: code }, `${name} (${code})`));
  language.addEventListener("change", () => context.change("language", language.value));
  context.row(story, "Language", language, "meta-language");

  // The article's keywords (`tags` in the file; NITF key-list, ninjs keywords).
  const tags = element("input", { type: "text", autocomplete: "off", placeholder: "Comma-separated, e.g. IRAQ" });
  tags.addEventListener("change", () => {
    const keywords = [...new Set(tags.value.split(",").map((t) => t.trim()).filter(Boolean))];
    const long = keywords.find((keyword) => keyword.length > maxTagLength);
    if (long) return context.refuse(tags, `A keyword holds at most ${maxTagLength} characters; “${long.slice(0, 30)}…” has ${long.length}.`);
    if (keywords.length > maxTags) return context.refuse(tags, `A story has at most ${maxTags} keywords; this has ${keywords.length}.`);
    context.change("tags", keywords);
  });
  context.row(story, "Keywords", tags, "meta-tags");

  // "Published" is offered only once an export marked published has made it so.
  const status = element("select");
  const statusOptions = (current: ArticleStatus) =>
    status.replaceChildren(...choosableStatuses(current).map((s) => element("option", { value: s }, statusLabels[s])));
  statusOptions("draft");
  status.addEventListener("change", () => {
    changeStatus(status.value as ArticleStatus);
    context.reshow();
  });
  context.row(story, "Status", status, "meta-status");

  const embargo = element("input", { type: "datetime-local" });
  embargo.addEventListener("change", () => context.change("embargo", embargo.value ? new Date(embargo.value).toISOString() : null));
  context.row(story, "Embargo until", embargo, "meta-embargo");

  const target = element("input", { type: "number", min: "0", step: "50", inputmode: "numeric" });
  target.addEventListener("change", () => {
    const value = Number.parseInt(target.value, 10);
    context.change("wordTarget", Number.isFinite(value) && value > 0 ? value : null);
  });
  context.row(story, "Word target", target, "meta-word-target");

  // The article's own version and publication times: set by publishing, never typed.
  const published = element("dl", { class: "meta-facts", "aria-label": "Version and publication" });
  story.append(published);

  foldedSection("Wire", async (parent) => (await import("./meta-newsroom")).wireSection(parent, context));
  foldedSection("Rights", async (parent) => (await import("./meta-newsroom")).rightsSection(parent, context));
  foldedSection("People", async (parent) => (await import("./meta-people")).peopleSection(parent, context));

  container.append(element("h2", { class: "panel-title" }, "Metadata"), form);

  // An input the journalist is still changing (typed in, not yet committed) is left alone.
  const dirty = new Set<EventTarget>();
  form.addEventListener("input", (e) => e.target && dirty.add(e.target));
  form.addEventListener("change", (e) => e.target && dirty.delete(e.target), true);
  // Undo and redo in the panel step through the article's history unless a field is mid-edit.
  form.addEventListener("keydown", (e) => {
    if (e.target && dirty.has(e.target)) return;
    if (commands.handleKey(e, ["editor"], ["undo", "redo"])) e.preventDefault();
  });
  // The panel changes only with the metadata, the headline and the byline: typing elsewhere leaves
  // them as they were (the same objects), and then there is nothing to do.
  let shownMeta: ArticleMeta | null = null;
  let shownHeadline: PMNode | null = null;
  let shownByline: PMNode | null = null;
  function refresh(state: EditorState): void {
    const meta = metaOf(state);
    const headline = fieldNode(state.doc, "headline");
    if (headline !== shownHeadline) {
      shownHeadline = headline;
      void suggestion(headline ? textWithoutDeleted(headline) : "").then((placeholder) => {
        if (shownHeadline === headline && slug.placeholder !== placeholder) slug.placeholder = placeholder;
      });
    }
    const byline = fieldNode(state.doc, "byline");
    if (meta === shownMeta && byline === shownByline) return;
    shownByline = byline;
    for (const refreshSection of sections) refreshSection(meta, state);
    if (meta === shownMeta) return;
    shownMeta = meta;
    context.set(slug, meta.slug);
    if (!Array.from(language.options).some((o) => o.value === meta.language)) language.append(element("option", { value: meta.language }, meta.language));
    context.set(language, meta.language);
    context.set(tags, meta.tags.join(", "));
    if (!Array.from(status.options).some((o) => o.value === meta.status) || (meta.status !== "published" && status.options[0]?.value === "published")) statusOptions(meta.status);
    context.set(status, meta.status);
    context.set(embargo, embargoInputValue(meta.embargo));
    context.set(target, meta.wordTarget === null ? "" : String(meta.wordTarget));
    showPublication(published, meta);
  }
  return refresh;
}

/// The version and publication times as read-only facts, in local time.
function showPublication(list: HTMLElement, meta: ArticleMeta): void {
  const when = (iso: string | null) => {
    if (!iso) return "Not yet";
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  };
  const facts: [string, string][] = [
    ["Version", String(meta.version)],
    ["First published", when(meta.firstPublished)],
    ["Last published", when(meta.published)],
  ];
  list.replaceChildren(...facts.flatMap(([term, value]) => [element("dt", {}, term), element("dd", {}, value)]));
}
