import type { ComparedArticle } from "../../../shared/ipc";
import { schema } from "../../../shared/schema";
import type { ArticleEditor } from "../editor";
import { metaOf } from "../editor/meta";
import { element } from "../app/dom";
import { redlineView, type ComparedSide } from "./redline-view";
import "./history.css";

// The compare panel: the article in the window against another version of it that is not one of
// its own versions (File > Compare with File…: the reporter's original; the "changed on disk"
// question's Show Changes: the file as another program left it), as the same redline the History
// panel shows. It only shows: nothing it compares with is kept, and the article is not touched.
// The redline follows the article as it is edited, and the panel stays until closed.

/// How long the article must rest before the open panel compares it again, in milliseconds.
const redrawDelayMs = 250;

/// What the panel compares the article with, and how it names the two sides.
export interface Comparison {
  /// What the comparison is for, to close it when that is over ("disk": the question about the file on disk).
  kind: "file" | "disk";
  /// The heading, e.g. "Compared with reporter.article".
  title: string;
  /// Which side is which, e.g. "Struck through: only in reporter.article. Underlined: only in this article."
  legend: string;
  /// What the redline says when nothing differs.
  same: string;
  /// The other version: the redline starts from it.
  other: ComparedSide;
}

/// An article main read to compare with, as one side of the comparison.
export function comparedSide(article: ComparedArticle): ComparedSide {
  return { doc: schema.nodeFromJSON(article.doc), meta: article.meta };
}

/// The panel in `container`, for the window's editor.
export function comparePanel(container: HTMLElement, editor: () => ArticleEditor) {
  container.hidden = true;
  let shown: Comparison | null = null;
  let redrawTimer: ReturnType<typeof setTimeout> | undefined;

  function render(): void {
    if (!shown) return;
    const state = editor().state;
    const heading = element("h2", { class: "history-title", id: "compare-title" }, shown.title);
    const legend = element("p", { class: "compare-legend" }, shown.legend);
    const changes = element("section", { class: "compare-redline", "aria-labelledby": "compare-title" });
    changes.append(redlineView(shown.other, { doc: state.doc, meta: metaOf(state) }, shown.same));
    const close = element("button", { type: "button", class: "compare-close" }, "Close");
    close.addEventListener("click", () => {
      hide();
      editor().focus();
    });
    container.replaceChildren(heading, legend, changes, close);
  }

  function hide(): void {
    clearTimeout(redrawTimer);
    shown = null;
    container.hidden = true;
    container.replaceChildren();
  }

  return {
    /// Shows the article against another version; the focus goes to the panel's heading.
    show(comparison: Comparison): void {
      shown = comparison;
      container.hidden = false;
      render();
      const heading = container.querySelector<HTMLElement>("#compare-title");
      heading?.setAttribute("tabindex", "-1");
      heading?.focus();
    },
    /// Redraws the open panel a moment after the article stops changing.
    refresh(): void {
      if (!shown) return;
      clearTimeout(redrawTimer);
      redrawTimer = setTimeout(render, redrawDelayMs);
    },
    /// Closes the panel when it shows a comparison of that kind (the question it served is answered).
    closeIf(kind: Comparison["kind"]): void {
      if (shown?.kind === kind) hide();
    },
    close: hide,
    shown: () => shown !== null,
  };
}
