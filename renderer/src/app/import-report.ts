import type { ImportReport } from "../../../shared/ipc";
import { element } from "./dom";

// The import report in the window: after every import the message line sums it up ("Imported:
// 7 parts found, 2 things left out or changed") with a Report button that lists, in a dialog,
// where each part came from and what was left out and why.

/// The message line's summary of a report.
export function importSummary(report: ImportReport): string {
  const found = `${report.found.length} part${report.found.length === 1 ? "" : "s"} found`;
  const warned = report.warnings.length === 0 ? "nothing left out" : `${report.warnings.length} thing${report.warnings.length === 1 ? "" : "s"} left out or to check`;
  return `Imported: ${found}, ${warned}. Check the article, then save it as a Copydesk article.`;
}

/// A "Report…" button for the message line that opens the report.
export function reportButton(report: ImportReport): HTMLButtonElement {
  const button = element("button", { type: "button", class: "message-action" }, "Report…");
  // The dialog's code loads when the report is first asked for.
  button.addEventListener("click", () => void import("./import-report-dialog").then(({ openImportReport }) => openImportReport(report)));
  return button;
}
