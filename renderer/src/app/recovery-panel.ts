import type { OpenedDocument, RecoveryEntry } from "../../../shared/ipc";
import { call } from "./api";
import { element } from "./dom";

/// What the recovery panel does with a restored document and with failures.
export interface RecoveryActions {
  /// Why a copy cannot be restored into this window now (e.g. it holds unsaved work), or null.
  cannotRestore: () => string | null;
  restored: (opened: OpenedDocument) => void;
  failed: (error: unknown) => void;
}

/// After a crash: lists the recovery copies the main process kept (title, file, time, words)
/// with Restore and Discard for each. Shows nothing when there is nothing to recover.
export async function offerRecovery(place: HTMLElement, actions: RecoveryActions): Promise<void> {
  const entries = await call("recovery:list", {});
  if (entries.length === 0) return;
  const panel = element("section", { class: "recovery-panel", role: "region", "aria-labelledby": "recovery-title" });
  const title = element("h2", { id: "recovery-title" }, "Copydesk closed unexpectedly. These articles can be recovered:");
  const list = element("ul", { class: "recovery-list" });
  panel.append(title, list);
  for (const entry of entries) list.append(row(entry));
  place.prepend(panel);

  function row(entry: RecoveryEntry): HTMLElement {
    const item = element("li", { class: "recovery-entry" });
    const when = new Date(entry.savedAt).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
    const name = element("strong", {}, entry.title);
    const details = element("span", { class: "recovery-details" }, ` ${entry.path ?? "never saved"} · ${when} · ${entry.words.toLocaleString()} words`);
    const restore = element("button", { type: "button", "aria-label": `Restore ${entry.title}` }, "Restore");
    const discard = element("button", { type: "button", class: "secondary", "aria-label": `Discard ${entry.title}` }, "Discard");
    restore.addEventListener("click", () => {
      const reason = actions.cannotRestore();
      if (reason) actions.failed(new Error(reason));
      else act(item, () => call("recovery:restore", { id: entry.id }).then(actions.restored));
    });
    discard.addEventListener("click", () => act(item, () => call("recovery:discard", { id: entry.id }).then(() => undefined)));
    item.append(name, details, restore, discard);
    return item;
  }

  function act(item: HTMLElement, action: () => Promise<void>): void {
    for (const button of item.querySelectorAll("button")) button.disabled = true;
    action().then(
      () => {
        item.remove();
        if (list.childElementCount === 0) panel.remove();
      },
      (error: unknown) => {
        for (const button of item.querySelectorAll("button")) button.disabled = false;
        actions.failed(error);
      },
    );
  }
}
