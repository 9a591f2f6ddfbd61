import type { OpenedDocument, TemplateEntry, TemplateList } from "../../../shared/ipc";
import { call } from "./api";
import { showModal } from "./dialogs";
import { element } from "./dom";
import "./template-dialog.css";

// File > New from Template…: the story templates as a list of choices (one radio button each:
// arrow keys move between them, Enter creates), each with its story type and what it is for.
// A template that cannot be read is listed with its problem and cannot be chosen. The newsroom's
// folder is chosen in main's dialog from here; the window never names a path.

/// A story started from the chosen template, and which one.
export interface TemplateStory {
  opened: OpenedDocument;
  template: TemplateEntry;
}

/// Opens the dialog; resolves with the new story, or null when cancelled.
export async function openTemplateDialog(): Promise<TemplateStory | null> {
  let list = await call("template:list", {});
  const dialog = element("dialog", { class: "form-dialog template-dialog", "aria-labelledby": "template-title" });
  const form = element("form", { method: "dialog", novalidate: "" });
  form.append(element("h2", { id: "template-title" }, "New from template"));

  const choices = element("fieldset", { class: "template-choices" });
  const folderLine = element("div", { class: "template-folder" });
  const error = element("p", { class: "form-error", role: "alert" });
  const cancel = element("button", { type: "button" }, "Cancel");
  const submit = element("button", { type: "submit", class: "primary" }, "Create");
  const actions = element("div", { class: "form-actions" });
  actions.append(cancel, submit);
  form.append(choices, folderLine, error, actions);
  dialog.append(form);
  document.body.append(dialog);

  /// The chosen template, when one is chosen and can be used.
  const chosen = (): TemplateEntry | null => {
    const id = (form.querySelector<HTMLInputElement>("input[name=template]:checked") ?? null)?.value;
    return list.templates.find((t) => t.id === id && t.problems.length === 0) ?? null;
  };

  /// Shows the list (keeping the choice when the template is still there) and the folder line.
  const show = (keep: string | null) => {
    choices.replaceChildren(element("legend", {}, "Story type"));
    list.templates.forEach((template, index) => choices.append(choice(template, index, keep)));
    if (!chosen()) choices.querySelector<HTMLInputElement>("input:not([disabled])")?.click();
    folderLine.replaceChildren(...folderControls(list, (clear) => void chooseFolder(clear)));
    submit.disabled = !chosen();
  };

  const chooseFolder = async (clear: boolean) => {
    error.textContent = "";
    try {
      const keep = chosen()?.id ?? null;
      list = await call("template:choose-folder", clear ? { clear: true } : {});
      show(keep);
      (choices.querySelector<HTMLInputElement>("input:checked") ?? choices.querySelector("input"))?.focus();
    } catch (e) {
      error.textContent = (e as Error).message;
    }
  };

  show(null);
  choices.addEventListener("change", () => (submit.disabled = !chosen()));
  const result = showModal<TemplateStory | null>(dialog, cancel, null, (close) => {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const template = chosen();
      if (!template) {
        error.textContent = "Choose a template.";
        return;
      }
      submit.disabled = true;
      error.textContent = "";
      call("template:new", { template: template.id }).then(
        (opened) => close({ opened, template }),
        (e: unknown) => {
          error.textContent = (e as Error).message;
          submit.disabled = false;
        },
      );
    });
  });
  choices.querySelector<HTMLInputElement>("input:checked")?.focus();
  return result;
}

/// One template as a choice: its name and story type (the radio button's name), and what it is
/// for or why it cannot be used (its description).
function choice(template: TemplateEntry, index: number, keep: string | null): HTMLElement {
  const id = `template-${index}`;
  const usable = template.problems.length === 0;
  const radio = element("input", { type: "radio", id, name: "template", value: template.id, "aria-describedby": `${id}-about` });
  radio.disabled = !usable;
  radio.checked = usable && template.id === keep;
  const label = element("label", { for: id, class: "template-name" }, template.name);
  if (usable && template.storyType && template.storyType !== template.name) label.append(" ", element("span", { class: "template-type" }, template.storyType));
  if (!template.builtIn) label.append(" ", element("span", { class: "template-type" }, "Newsroom"));
  const about = usable
    ? element("span", { id: `${id}-about`, class: "form-hint" }, template.description)
    : element("span", { id: `${id}-about`, class: "template-problem" }, `Cannot be used: ${template.problems.join("; ")}`);
  const text = element("span", { class: "template-text" });
  text.append(label, about);
  const row = element("div", { class: usable ? "template-choice" : "template-choice broken" });
  // The whole line chooses the template, not only its name.
  row.addEventListener("click", (event) => {
    if (usable && event.target !== radio && event.target !== label) radio.click();
  });
  row.append(radio, text);
  return row;
}

/// Where the newsroom's templates come from, with the buttons that choose or forget the folder.
function folderControls(list: TemplateList, choose: (clear: boolean) => void): HTMLElement[] {
  const where = list.folder
    ? element("p", { class: "form-hint" }, `The newsroom's templates: ${list.folder}`)
    : element("p", { class: "form-hint" }, "Built-in templates only. A newsroom's own are .article files in a folder.");
  const controls: HTMLElement[] = [where];
  if (list.problem) controls.push(element("p", { class: "template-problem", role: "status" }, list.problem));
  const buttons = element("div", { class: "template-folder-buttons" });
  const pick = element("button", { type: "button" }, list.folder ? "Change Templates Folder…" : "Choose Templates Folder…");
  pick.addEventListener("click", () => choose(false));
  buttons.append(pick);
  if (list.folder) {
    const forget = element("button", { type: "button" }, "Built-in Only");
    forget.addEventListener("click", () => choose(true));
    buttons.append(forget);
  }
  controls.push(buttons);
  return controls;
}
