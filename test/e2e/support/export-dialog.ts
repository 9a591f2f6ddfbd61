import { expect, type Locator } from "@playwright/test";
import type { ExportFormat } from "../../../shared/ipc";
import type { Copydesk } from "./copydesk";

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

  /// Exports into `folder` (answering the folder dialog) and waits for the app to say it is done.
  async exportTo(folder: string): Promise<void> {
    await this.app.target.answerDialogs({ kind: "folder", path: folder });
    await this.dialog.getByRole("button", { name: /^Export/ }).click();
    await expect(this.dialog).toBeHidden({ timeout: 30_000 });
    await this.app.expectMessage(/^Exported \d+ files?/);
  }
}
