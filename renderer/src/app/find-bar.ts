import type { EditorState } from "prosemirror-state";
import { keysOf, type KeyScope, type RendererCommandId } from "../../../shared/commands";
import type { ArticleEditor } from "../editor";
import { currentMatchIndex, emptyQuery, findStateOf, setFindQuery, type FindQuery } from "../editor/find";
import type { CommandRunner } from "./command-runner";
import { element, shortcutLabel } from "./dom";

// The find and replace bar above the article (Mod-F, Mod-Alt-F). Its keys and buttons run the
// commands of the table (next and previous match, replace, close).

/// The bar's controls: open it (with or without the replace row), close it, refresh it from a state.
export interface FindBar {
  open(replace: boolean): void;
  close(): void;
  refresh(state: EditorState): void;
}

/// Builds the find bar in `container` (hidden until opened).
export function findBar(container: HTMLElement, editor: () => ArticleEditor, commands: CommandRunner): FindBar {
  const bar = element("div", { class: "find-bar", role: "search", hidden: "", "aria-label": "Find and replace" });
  const find = element("input", { type: "search", id: "find-text", placeholder: "Find", autocomplete: "off", "aria-label": "Find" });
  const replace = element("input", { type: "text", id: "replace-text", placeholder: "Replace with", autocomplete: "off", "aria-label": "Replace with" });
  const option = (label: string, name: keyof FindQuery) => {
    const wrap = element("label", { class: "find-option" });
    const box = element("input", { type: "checkbox", name });
    wrap.append(box, document.createTextNode(label));
    box.addEventListener("change", update);
    return { wrap, box };
  };
  const matchCase = option("Match case", "caseSensitive");
  const wholeWord = option("Whole word", "wholeWord");
  const regex = option("Regex", "regex");
  const count = element("span", { class: "find-count", role: "status", "aria-live": "polite" });
  // A button running a command, its tooltip naming the command's key in the bar.
  const btn = (label: string, title: string, id: RendererCommandId, scope: KeyScope) => {
    const key = keysOf(id, commands.platform, scope)[0];
    const b = element("button", { type: "button", title: key ? `${title} (${shortcutLabel(key)})` : title }, label);
    b.addEventListener("click", () => commands.run(id));
    return b;
  };
  const run = (command: Parameters<ArticleEditor["run"]>[0]) => editor().run(command);
  const previous = btn("Previous", "Previous match", "find-previous", "find-box");
  const next = btn("Next", "Next match", "find-next", "find-box");
  const replaceOne = btn("Replace", "Replace this match", "replace-one", "replace-box");
  const replaceEvery = btn("Replace all", "Replace every match (one undo step)", "replace-all", "replace-box");
  const close = btn("Close", "Close", "close-find", "find-bar");
  const replaceRow = element("div", { class: "find-row replace-row" });
  replaceRow.append(replace, replaceOne, replaceEvery);
  const findRow = element("div", { class: "find-row" });
  findRow.append(find, previous, next, matchCase.wrap, wholeWord.wrap, regex.wrap, count, close);
  bar.append(findRow, replaceRow);
  container.append(bar);

  function query(): FindQuery {
    return { text: find.value, replace: replace.value, caseSensitive: matchCase.box.checked, wholeWord: wholeWord.box.checked, regex: regex.box.checked };
  }
  function update(): void {
    run(setFindQuery(query()));
  }
  function hide(): void {
    bar.hidden = true;
    run(setFindQuery(emptyQuery));
    editor().focus();
  }
  find.addEventListener("input", update);
  replace.addEventListener("input", update);
  bar.addEventListener("keydown", (e) => {
    const scopes: KeyScope[] = e.target === find ? ["find-box", "find-bar"] : e.target === replace ? ["replace-box", "find-bar"] : ["find-bar"];
    if (commands.handleKey(e, scopes)) e.preventDefault();
  });

  return {
    open(withReplace) {
      bar.hidden = false;
      replaceRow.hidden = !withReplace;
      const { from, to } = editor().state.selection;
      const selected = editor().state.doc.textBetween(from, to);
      if (selected && !selected.includes("\n") && selected.length < 200) find.value = selected;
      if (withReplace && find.value) replace.focus();
      else {
        find.focus();
        find.select();
      }
      update();
    },
    close: hide,
    refresh(state) {
      if (bar.hidden) return;
      const { matches, error } = findStateOf(state);
      const current = currentMatchIndex(state);
      count.textContent = error ?? (find.value ? (matches.length ? `${current >= 0 ? current + 1 : "–"} of ${matches.length}` : "No matches") : "");
      count.dataset.kind = error ? "error" : "";
    },
  };
}
