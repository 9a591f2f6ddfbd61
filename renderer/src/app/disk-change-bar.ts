import { element } from "./dom";

// The question asked when another program changed the open file while the window has edits.
// It is a bar above the article, not a modal dialog: it takes no focus, so a journalist typing
// when it appears goes on typing into the article and loses no keystroke.

let open: { bar: HTMLElement; answer: (load: boolean) => void } | null = null;

/// Asks whether to drop the window's edits for the version on disk; true to load it. A newer
/// question replaces an unanswered one (which then keeps the window's version). With `showChanges`,
/// a third button shows the two versions compared and leaves the question open.
export function askLoadFromDisk(place: HTMLElement, title: string, message: string, showChanges?: () => void): Promise<boolean> {
  open?.answer(false);
  return new Promise<boolean>((resolve) => {
    const bar = element("section", { class: "notice-bar", role: "dialog", "aria-modal": "false", "aria-labelledby": "disk-change-title" });
    const load = element("button", { type: "button" }, "Load Version on Disk");
    const keep = element("button", { type: "button", class: "secondary" }, "Keep My Version");
    bar.append(
      element("h2", { id: "disk-change-title" }, `“${title}” changed on disk`),
      element("p", {}, `${message} You have changes that are not saved. Load the version on disk and drop them, or keep yours?`),
      load,
      keep,
    );
    if (showChanges) {
      const changes = element("button", { type: "button", class: "secondary" }, "Show Changes");
      changes.addEventListener("click", showChanges);
      bar.append(changes);
    }
    const answer = (value: boolean) => {
      bar.remove();
      if (open?.bar === bar) open = null;
      resolve(value);
    };
    load.addEventListener("click", () => answer(true));
    keep.addEventListener("click", () => answer(false));
    open = { bar, answer };
    place.prepend(bar);
  });
}
