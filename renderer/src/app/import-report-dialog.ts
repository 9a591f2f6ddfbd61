import type { ImportReport } from "../../../shared/ipc";
import { element } from "./dom";

// The import report as a dialog (the message line's Report… button, renderer/src/app/import-report.ts):
// where each part came from and what was left out and why.

/// Opens the report as a modal dialog; resolves when it is closed.
export function openImportReport(report: ImportReport): Promise<void> {
  const dialog = element("dialog", { class: "form-dialog import-report", "aria-labelledby": "import-report-title" });
  dialog.append(element("h2", { id: "import-report-title" }, "Import report"));
  const sections: [string, string[], string][] = [
    ["Found", report.found, "import-found"],
    ["Left out, changed or to check", report.warnings, "import-warnings"],
  ];
  for (const [title, lines, className] of sections) {
    if (lines.length === 0) continue;
    const section = element("section", { class: className, "aria-label": title });
    section.append(element("h3", {}, title));
    const list = element("ul");
    for (const line of lines) list.append(element("li", {}, line));
    section.append(list);
    dialog.append(section);
  }
  const close = element("button", { type: "button" }, "Close");
  dialog.append(element("div", { class: "form-actions" }));
  dialog.lastElementChild!.append(close);
  document.body.append(dialog);
  return new Promise((resolve) => {
    const done = () => {
      dialog.remove();
      resolve();
    };
    close.addEventListener("click", () => dialog.close());
    dialog.addEventListener("close", done, { once: true });
    dialog.showModal();
    close.focus();
  });
}
