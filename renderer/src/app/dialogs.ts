import { element } from "./dom";

// A small modal form: labelled inputs, a message line for what is wrong, OK and Cancel.
// Each dialog of the app is one `openForm` call with its fields and what submitting does.

/// One input of a form.
export interface FormField {
  name: string;
  label: string;
  type?: "text" | "textarea" | "url" | "date" | "datetime-local" | "number" | "select" | "email" | "choose";
  value?: string;
  placeholder?: string;
  hint?: string;
  options?: { value: string; label: string }[];
  /// For "choose": the button's words, and what picking does (answers the value and what to show, or null when cancelled).
  buttonLabel?: string;
  choose?: () => Promise<{ value: string; label: string } | null>;
}

/// What the form shows and does.
export interface FormSpec {
  title: string;
  submitLabel: string;
  /// The cancel button's words (default "Cancel").
  cancelLabel?: string;
  /// A sentence under the title.
  message?: string;
  fields: FormField[];
  /// Does the work; answers what is wrong (the dialog stays open) or null (it closes).
  submit: (values: Record<string, string>) => Promise<string | null> | string | null;
  /// An extra action such as "Remove link", closing the dialog.
  extra?: { label: string; action: () => void };
}

/// Opens a modal form; resolves true when it was submitted, false when cancelled.
export function openForm(spec: FormSpec): Promise<boolean> {
  const dialog = element("dialog", { class: "form-dialog", "aria-labelledby": "dialog-title" });
  const form = element("form", { method: "dialog", novalidate: "" });
  form.append(element("h2", { id: "dialog-title" }, spec.title));
  if (spec.message) form.append(element("p", { class: "form-message" }, spec.message));
  const inputs = new Map<string, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>();
  const error = element("p", { class: "form-error", role: "alert" });
  for (const field of spec.fields) {
    const id = `field-${field.name}`;
    const row = element("div", { class: "form-row" });
    row.append(element("label", { for: id }, field.label));
    let input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    if (field.type === "choose") {
      // The label names the row, not the button, whose own words ("Choose image…") are its name.
      row.replaceChildren(element("label", { id: `${id}-label` }, field.label));
      input = element("input", { type: "hidden", name: field.name });
      input.value = field.value ?? "";
      const chosen = element("span", { class: "form-chosen", "aria-live": "polite" }, field.value ? "(current image)" : "");
      const button = element("button", { type: "button", id, "aria-describedby": `${id}-label` }, field.buttonLabel ?? "Choose…");
      const carrier = input;
      button.addEventListener("click", () => {
        button.disabled = true;
        error.textContent = "";
        void (field.choose?.() ?? Promise.resolve(null))
          .then((picked) => {
            if (!picked) return;
            carrier.value = picked.value;
            chosen.textContent = picked.label;
          })
          .catch((e: unknown) => (error.textContent = String((e as Error)?.message ?? e)))
          .finally(() => (button.disabled = false));
      });
      row.append(button, chosen, input);
      if (field.hint) row.append(element("p", { class: "form-hint" }, field.hint));
      inputs.set(field.name, input);
      form.append(row);
      continue;
    }
    if (field.type === "select") {
      input = element("select", { id, name: field.name });
      for (const option of field.options ?? []) input.append(element("option", { value: option.value }, option.label));
      input.value = field.value ?? "";
    } else if (field.type === "textarea") {
      input = element("textarea", { id, name: field.name, rows: "4" });
      if (field.placeholder) input.placeholder = field.placeholder;
      input.value = field.value ?? "";
    } else {
      input = element("input", { id, name: field.name, type: field.type ?? "text", autocomplete: "off" });
      if (field.placeholder) input.placeholder = field.placeholder;
      input.value = field.value ?? "";
    }
    if (field.hint) {
      const hint = element("p", { class: "form-hint", id: `${id}-hint` }, field.hint);
      input.setAttribute("aria-describedby", hint.id);
      row.append(input, hint);
    } else row.append(input);
    inputs.set(field.name, input);
    form.append(row);
  }
  const actions = element("div", { class: "form-actions" });
  const cancel = element("button", { type: "button", value: "cancel" }, spec.cancelLabel ?? "Cancel");
  const ok = element("button", { type: "submit", class: "primary" }, spec.submitLabel);
  if (spec.extra) {
    const extra = element("button", { type: "button", class: "danger" }, spec.extra.label);
    extra.addEventListener("click", () => {
      spec.extra!.action();
      close(true);
    });
    actions.append(extra);
  }
  actions.append(cancel, ok);
  form.append(error, actions);
  dialog.append(form);
  document.body.append(dialog);

  let close: (submitted: boolean) => void = () => undefined;
  const result = showModal(dialog, cancel, false, (finish) => (close = finish));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const values: Record<string, string> = {};
    for (const [name, input] of inputs) values[name] = input.value;
    ok.disabled = true;
    void Promise.resolve(spec.submit(values))
      .then((problem) => {
        if (problem) {
          error.textContent = problem;
          ok.disabled = false;
        } else close(true);
      })
      .catch((e: unknown) => {
        error.textContent = String((e as Error)?.message ?? e);
        ok.disabled = false;
      });
  });
  (inputs.values().next().value as HTMLElement | undefined)?.focus();
  return result;
}

/// Shows a modal <dialog> already in the page and resolves with what `finish` is called with;
/// Escape and the cancel button resolve with `cancelled`. The dialog is removed when done.
export function showModal<T>(dialog: HTMLDialogElement, cancel: HTMLElement, cancelled: T, start: (finish: (value: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve) => {
    const finish = (value: T) => {
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    cancel.addEventListener("click", () => finish(cancelled));
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      finish(cancelled);
    });
    start(finish);
    dialog.showModal();
  });
}
