import { expect, type Locator } from "@playwright/test";
import type { ExportFormat } from "../../../shared/ipc";
import type { Copydesk } from "./copydesk";

/// The longest an export may take on a busy machine: a first PDF starts the host's own Chromium.
export const exportTimeout = 90_000;

/// File > Export, as a tester drives it: choose formats, read the checks, export to a folder.
export class ExportDialog {
  readonly dialog: Locator;

  constructor(private readonly app: Copydesk) {
    this.dialog = app.page.getByRole("dialog", { name: "Export article" });
  }

  /// Opens the dialog with its shortcut.
  async open(): Promise<void> {
    await this.app.page.keyboard.press("ControlOrMeta+E");
    await expect(this.dialog).toBeVisible();
  }

  /// Ticks exactly these formats.
  async choose(formats: ExportFormat[]): Promise<void> {
    for (const box of await this.dialog.getByRole("checkbox").all()) {
      const id = (await box.getAttribute("value")) as ExportFormat;
      await box.setChecked(formats.includes(id));
    }
  }

  /// What must be fixed before exporting, as listed.
  errors(): Locator {
    return this.dialog.getByRole("region", { name: "Fix before exporting" }).getByRole("listitem");
  }

  /// What is only a warning, as listed.
  warnings(): Locator {
    return this.dialog.getByRole("region", { name: "Warnings" }).getByRole("listitem");
  }

  /// The Export button (its words say whether there are warnings).
  exportButton(): Locator {
    return this.dialog.getByRole("button", { name: /^Export/ });
  }

  /// Exports into `folder` (answering the folder dialog) and waits for the app to say it is done.
  async exportTo(folder: string): Promise<void> {
    await this.app.target.answerDialogs({ kind: "folder", path: folder });
    await this.app.expectMessageFrom(async () => {
      await this.exportButton().click();
      await expect(this.dialog).toBeHidden({ timeout: exportTimeout });
    }, /^Exported \d+ files?/);
  }

  /// Exports into `folder` where some of the files already are: answers the question about them.
  async exportExpectingQuestion(folder: string): Promise<ExistingFilesQuestion> {
    await this.app.target.answerDialogs({ kind: "folder", path: folder });
    await this.exportButton().click();
    const question = new ExistingFilesQuestion(this.app);
    await expect(question.dialog).toBeVisible({ timeout: exportTimeout });
    return question;
  }
}

/// The question asked when files of the export's names are already in the folder: Replace, Keep both or Cancel.
export class ExistingFilesQuestion {
  readonly dialog: Locator;

  constructor(app: Copydesk) {
    this.dialog = app.page.getByRole("dialog", { name: /^Replace the files?\?$/ });
  }

  /// What it says, in one sentence ("1 of the 2 files to export is already in the folder:").
  message(): Locator {
    return this.dialog.locator(".form-message");
  }

  /// The names of the files already there, as listed.
  names(): Locator {
    return this.dialog.getByRole("list", { name: "Files already in the folder" }).getByRole("listitem");
  }

  /// Answers with one of its buttons and waits for the question to go.
  async answer(choice: "Replace" | "Keep both" | "Cancel"): Promise<void> {
    await this.dialog.getByRole("button", { name: choice, exact: true }).click();
    await expect(this.dialog).toBeHidden({ timeout: exportTimeout });
  }
}

/// The status bar's line after an export, and its Show in folder button.
export function exportedLine(app: Copydesk): { message: Locator; showInFolder: Locator } {
  const message = app.message();
  return { message, showInFolder: message.getByRole("button", { name: "Show in folder" }) };
}
