import type { Node as PMNode } from "prosemirror-model";
import type { EditorState } from "prosemirror-state";
import { fieldNode, fieldText, statusLabels, type ArticleMeta, type ArticleStatus } from "../../../shared/article";
import { choosableStatuses } from "../../../shared/workflow";
import type { ArticleEditor } from "../editor";
import { textWithoutDeleted } from "../../../shared/review/deleted-text";
import { slugInAnyScript, suggestSlugFor } from "../../../shared/slug";
import { metaOf, setMeta } from "../editor/meta";
import type { CommandRunner } from "./command-runner";
import { element } from "./dom";

// The metadata panel beside the article. Every change is a SetMetaStep transaction, so it is
// undone with Mod-Z like typing and marks the document changed.

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

/// Builds the panel; the returned function refreshes it from an editor state.
export function metaPanel(
  container: HTMLElement,
  editor: () => ArticleEditor,
  commands: CommandRunner,
  /// Changes the status as a change of workflow (who and when recorded, a version taken).
  changeStatus: (status: ArticleStatus) => void,
): (state: EditorState) => void {
  const form = element("form", { class: "meta-form", "aria-label": "Article metadata" });
  form.addEventListener("submit", (e) => e.preventDefault());
  const row = (label: string, input: HTMLElement, id: string, extra?: HTMLElement) => {
    input.id = id;
    const div = element("div", { class: "meta-row" });
    div.append(element("label", { for: id }, label), input);
    if (extra) div.append(extra);
    form.append(div);
  };
  // A change that leaves the metadata as it was (a slug typed as it already is) shows it again as it is.
  const change = <K extends keyof ArticleMeta>(key: K, value: ArticleMeta[K]) => {
    if (editor().run(setMeta(key, value))) return;
    shownMeta = null;
    refresh(editor().state);
  };

  // A headline (or a slug typed) in another script waits for the transliterator, loaded on first need.
  const suggestion = (headline: string) => suggestSlugFor(headline, metaOf(editor().state).id);
  const slug = element("input", { type: "text", autocomplete: "off", spellcheck: "false" });
  const suggest = element("button", { type: "button", class: "link-button" }, "Use suggested slug");
  slug.addEventListener("change", () => void slugInAnyScript(slug.value).then((value) => change("slug", value)));
  suggest.addEventListener("click", () => void suggestion(fieldText(editor().doc, "headline")).then((value) => change("slug", value)));
  row("Slug", slug, "meta-slug", suggest);

  const language = element("select");
  for (const [code, name] of languages) language.append(element("option", { value: code, lang: code }, `${name} (${code})`));
  language.addEventListener("change", () => change("language", language.value));
  row("Language", language, "meta-language");

  const tags = element("input", { type: "text", autocomplete: "off", placeholder: "Comma-separated, e.g. IRAQ" });
  tags.addEventListener("change", () => change("tags", [...new Set(tags.value.split(",").map((t) => t.trim()).filter(Boolean))]));
  row("Tags", tags, "meta-tags");

  // "Published" is offered only once an export marked published has made it so.
  const status = element("select");
  const statusOptions = (current: ArticleStatus) =>
    status.replaceChildren(...choosableStatuses(current).map((s) => element("option", { value: s }, statusLabels[s])));
  statusOptions("draft");
  status.addEventListener("change", () => {
    changeStatus(status.value as ArticleStatus);
    shownMeta = null;
    refresh(editor().state);
  });
  row("Status", status, "meta-status");

  const embargo = element("input", { type: "datetime-local" });
  embargo.addEventListener("change", () => change("embargo", embargo.value ? new Date(embargo.value).toISOString() : null));
  row("Embargo until", embargo, "meta-embargo");

  const target = element("input", { type: "number", min: "0", step: "50", inputmode: "numeric" });
  target.addEventListener("change", () => {
    const value = Number.parseInt(target.value, 10);
    change("wordTarget", Number.isFinite(value) && value > 0 ? value : null);
  });
  row("Word target", target, "meta-word-target");

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
  const set = (input: HTMLInputElement | HTMLSelectElement, value: string) => {
    if (input.value !== value && !dirty.has(input)) input.value = value;
  };
  // The panel changes only with the metadata and the headline: typing elsewhere leaves both as
  // they were (the same objects), and then there is nothing to do.
  let shownMeta: ArticleMeta | null = null;
  let shownHeadline: PMNode | null = null;
  function refresh(state: EditorState): void {
    const meta = metaOf(state);
    const headline = fieldNode(state.doc, "headline");
    if (headline !== shownHeadline) {
      shownHeadline = headline;
      void suggestion(headline ? textWithoutDeleted(headline) : "").then((placeholder) => {
        if (shownHeadline === headline && slug.placeholder !== placeholder) slug.placeholder = placeholder;
      });
    }
    if (meta === shownMeta) return;
    shownMeta = meta;
    set(slug, meta.slug);
    if (!Array.from(language.options).some((o) => o.value === meta.language)) language.append(element("option", { value: meta.language }, meta.language));
    set(language, meta.language);
    set(tags, meta.tags.join(", "));
    if (!Array.from(status.options).some((o) => o.value === meta.status) || (meta.status !== "published" && status.options[0]?.value === "published")) statusOptions(meta.status);
    set(status, meta.status);
    set(embargo, embargoInputValue(meta.embargo));
    set(target, meta.wordTarget === null ? "" : String(meta.wordTarget));
  }
  return refresh;
}
