import type { Article } from "../../../shared/article";
import { checkBeforeExport } from "../../../shared/export/checks";
import { hasSuggestions, settledDoc } from "../../../shared/review/suggestions";
import { exportFormatDescriptions } from "../../../shared/export/formats";
import { publishedMeta } from "../../../shared/workflow";
import type { ArticlePayload, ExportFormat, Settings } from "../../../shared/ipc";
import { call } from "./api";
import { showModal } from "./dialogs";
import { element } from "./dom";

// File > Export: pick formats, see what must be fixed first and what is only a warning, then
// export into a folder the main process asks for (and remembers). "Export again" repeats the
// last choice without asking for them. Either way, when files of those names are already in the
// folder, main writes nothing and names them; the journalist chooses Replace, Keep both or
// Cancel here, and the export runs again with the choice.

/// What the dialog needs from the window.
export interface ExportContext {
  handle: () => string;
  article: () => Article;
  articleJSON: () => ArticlePayload;
  settings: () => Promise<Settings>;
  /// The house style's error-level matches, one sentence each (they block the export like the field rules).
  styleErrors: () => Promise<string[]>;
  /// Accepts every open suggestion in the article (one undo step): "Accept All and Export".
  acceptAllSuggestions?: () => void;
  /// Gives the article what an export marked published at `at` gave its files (one undo step).
  markPublished?: (at: Date) => void;
}

/// Exports with the last formats and folder; falls back to the dialog when there is no last choice.
export async function exportAgain(context: ExportContext): Promise<string[] | null> {
  const settings = await context.settings();
  const check = checkBeforeExport(context.article(), new Date(), await context.styleErrors(), settings.exportFormats);
  if (!settings.exportFolder || settings.exportFormats.length === 0 || check.errors.length > 0) return openExportDialog(context);
  return runExport(context, settings.exportFormats, settings.exportFolder.token);
}

/// Opens the export dialog; resolves with the files written, or null when cancelled.
export async function openExportDialog(context: ExportContext): Promise<string[] | null> {
  const settings = await context.settings();
  const styleErrors = await context.styleErrors();
  const dialog = element("dialog", { class: "form-dialog export-dialog", "aria-labelledby": "export-title" });
  const form = element("form", { method: "dialog", novalidate: "" });
  form.append(element("h2", { id: "export-title" }, "Export article"));

  const formats = element("fieldset", { class: "export-formats" });
  formats.append(element("legend", {}, "Formats"));
  const boxes = new Map<ExportFormat, HTMLInputElement>();
  for (const format of exportFormatDescriptions) {
    const id = `export-${format.id}`;
    const box = element("input", { type: "checkbox", id, name: "format", value: format.id });
    box.checked = settings.exportFormats.includes(format.id);
    const label = element("label", { for: id, class: "export-format" });
    label.append(box, ` ${format.label} `, element("span", { class: "form-hint" }, `.${format.extension}`));
    formats.append(label);
    boxes.set(format.id, box);
  }
  form.append(formats);

  // Marked published, the files say so (status, version, publication time) and so does the article
  // afterwards; refused while the embargo is to come (here, and again by main).
  const publishedId = "export-published";
  const published = element("input", { type: "checkbox", id: publishedId, name: "published" });
  const publishedLabel = element("label", { for: publishedId, class: "export-format export-published" });
  publishedLabel.append(published, " Mark as published ", element("span", { class: "form-hint" }, `(version ${publishedVersion(context.article())})`));
  if (context.markPublished) form.append(publishedLabel);

  // The check depends on the formats chosen: the Word document carries the open review, the others do not.
  const problems = element("div", { class: "export-problems" });
  form.append(problems);
  if (settings.exportFolder) form.append(element("p", { class: "form-hint" }, `Last folder: ${settings.exportFolder.path}`));

  const error = element("p", { class: "form-error", role: "alert" });
  const actions = element("div", { class: "form-actions" });
  const cancel = element("button", { type: "button" }, "Cancel");
  const submit = element("button", { type: "submit", class: "primary" }, "Export…");
  // Offered when open suggestions are all that stands in the way: accept them all, then export.
  const acceptAndExport = element("button", { type: "button", class: "primary", hidden: "" }, "Accept All and Export");
  acceptAndExport.addEventListener("click", () => {
    context.acceptAllSuggestions?.();
    showCheck();
    if (!submit.disabled) form.requestSubmit(submit);
  });
  const chosenFormats = () => [...boxes].filter(([, box]) => box.checked).map(([id]) => id);
  const showCheck = () => {
    const article = context.article();
    const check = checkBeforeExport(article, new Date(), styleErrors, chosenFormats(), published.checked);
    const onlySuggestionsBlock =
      !!context.acceptAllSuggestions && check.errors.length > 0 && hasSuggestions(article.doc) && checkBeforeExport({ ...article, doc: settledDoc(article.doc, true) }, new Date(), styleErrors, chosenFormats(), published.checked).errors.length === 0;
    acceptAndExport.hidden = !onlySuggestionsBlock;
    problems.replaceChildren();
    if (check.errors.length > 0) problems.append(problemList("Fix before exporting", check.errors, "export-errors"));
    if (check.warnings.length > 0) problems.append(problemList("Warnings", check.warnings, "export-warnings"));
    submit.textContent = check.errors.length > 0 ? "Export" : check.warnings.length > 0 ? "Export anyway" : "Export…";
    submit.disabled = check.errors.length > 0;
  };
  showCheck();
  formats.addEventListener("change", showCheck);
  published.addEventListener("change", showCheck);
  actions.append(cancel, acceptAndExport, submit);
  form.append(error, actions);
  dialog.append(form);
  document.body.append(dialog);

  const result = showModal<string[] | null>(dialog, cancel, null, (close) => {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const chosen = chosenFormats();
      if (chosen.length === 0) {
        error.textContent = "Choose at least one format.";
        return;
      }
      submit.disabled = true;
      error.textContent = "";
      runExport(context, chosen, undefined, published.checked).then(
        (files) => (files ? close(files) : (submit.disabled = false)),
        (e: unknown) => {
          error.textContent = (e as Error).message;
          submit.disabled = false;
        },
      );
    });
  });
  (boxes.values().next().value as HTMLInputElement | undefined)?.focus();
  return result;
}

/// Exports into the folder main granted (its token), or one the journalist picks in main's dialog;
/// asks first when some of the files are already there. Null when the journalist cancelled.
async function runExport(context: ExportContext, formats: ExportFormat[], folder?: string, published = false): Promise<string[] | null> {
  const request = { handle: context.handle(), article: context.articleJSON(), formats, ...(folder ? { folder } : {}), ...(published ? { published } : {}) };
  const first = await call("export:run", request);
  let result = first;
  if (first && "existing" in first) {
    const existing = await askAboutExisting(first.existing, formats.length);
    if (!existing) return null;
    result = await call("export:run", { ...request, folder: first.folder, existing });
  }
  if (!result || !("files" in result)) return null;
  if (result.published) context.markPublished?.(new Date(result.published));
  return result.files;
}

/// The version an export marked published now gives the article: the same the first time, one more after.
const publishedVersion = (article: Article): number => publishedMeta(article.meta, new Date()).version;

/// What to do with files already in the folder: write over them, or write the new ones under a number beside them.
export type ExistingChoice = "replace" | "keep-both";

/// Asks what to do about the export's files already in the folder (their names, of `total` to
/// write); resolves with the choice, or null for Cancel (nothing is written).
export function askAboutExisting(names: readonly string[], total: number): Promise<ExistingChoice | null> {
  const dialog = element("dialog", {
    class: "form-dialog export-existing",
    "aria-labelledby": "export-existing-title",
    "aria-describedby": "export-existing-message",
  });
  const form = element("form", { method: "dialog" });
  const count = names.length < total ? `${names.length} of the ${total} files` : total === 1 ? "The file" : total === 2 ? "Both files" : `All ${total} files`;
  form.append(
    element("h2", { id: "export-existing-title" }, names.length === 1 ? "Replace the file?" : "Replace the files?"),
    element("p", { id: "export-existing-message", class: "form-message" }, `${count} to export ${names.length === 1 ? "is" : "are"} already in the folder:`),
  );
  const list = element("ul", { class: "export-existing-names", "aria-label": "Files already in the folder" });
  for (const name of names) list.append(element("li", {}, name));
  form.append(
    list,
    element("p", { class: "form-hint" }, "Replace writes over them. Keep both leaves them alone and adds a number to the new files' names, the same for each."),
  );
  const actions = element("div", { class: "form-actions" });
  const cancel = element("button", { type: "button" }, "Cancel");
  const replace = element("button", { type: "button" }, "Replace");
  const keepBoth = element("button", { type: "button", class: "primary" }, "Keep both");
  actions.append(cancel, replace, keepBoth);
  form.append(actions);
  dialog.append(form);
  document.body.append(dialog);
  const result = showModal<ExistingChoice | null>(dialog, cancel, null, (close) => {
    replace.addEventListener("click", () => close("replace"));
    keepBoth.addEventListener("click", () => close("keep-both"));
  });
  // The choice that loses nothing has the focus: Enter keeps both.
  keepBoth.focus();
  return result;
}

function problemList(title: string, problems: string[], className: string): HTMLElement {
  const section = element("section", { class: className, "aria-label": title });
  section.append(element("h3", {}, title));
  const list = element("ul");
  for (const problem of problems) list.append(element("li", {}, problem));
  section.append(list);
  return section;
}
