import { keymap } from "prosemirror-keymap";
import type { AppHandle } from "../../../shared/app-handle";
import type { OpenedDocument } from "../../../shared/ipc";
import { ArticleEditor } from "../editor";
import { ApiError, call } from "./api";
import { DocumentSession } from "./document-session";

declare global {
  interface Window {
    copydeskApp?: AppHandle;
  }
}

const changeReportDelay = 300;

/// Builds the window: toolbar, editor, status bar; opens a new article and wires the commands.
export async function startApp(root: HTMLElement): Promise<void> {
  root.innerHTML = "";
  const toolbar = element("header", "toolbar", { role: "toolbar", "aria-label": "File" });
  const main = element("main", "document", {});
  const status = element("footer", "statusbar", {});
  const message = element("div", "message", { role: "status", "aria-live": "polite" });
  status.append(message);
  root.append(toolbar, main, status);

  let session = new DocumentSession(await call("document:new", {}));
  let reportTimer: ReturnType<typeof setTimeout> | undefined;

  const shortcuts = keymap({
    "Mod-s": () => (run("save")(), true),
    "Mod-Shift-s": () => (run("save-as")(), true),
    "Mod-o": () => (run("open")(), true),
  });
  const editor = new ArticleEditor(main, {
    plugins: [shortcuts],
    doc: session.doc,
    language: session.meta.language,
    onDocChange: () => {
      if (!session.edited) {
        session.edited = true;
        updateTitle();
      }
      clearTimeout(reportTimer);
      reportTimer = setTimeout(reportChange, changeReportDelay);
    },
  });

  function reportChange(): void {
    void call("document:changed", { handle: session.handle, article: session.toJSON(editor.doc), edited: session.edited }).catch(
      showError,
    );
  }

  function updateTitle(): void {
    document.title = `${session.edited ? "• " : ""}${session.title} — Copydesk`;
  }

  function show(text: string, kind: "info" | "error" = "info"): void {
    message.textContent = text;
    message.dataset.kind = kind;
    message.setAttribute("role", kind === "error" ? "alert" : "status");
  }

  function showError(e: unknown): void {
    if (e instanceof ApiError) {
      const details = e.error.details?.length ? ` ${e.error.details.join("; ")}` : "";
      show(`${e.message}${details}`, "error");
    } else show(`Something went wrong: ${(e as Error)?.message ?? String(e)}`, "error");
  }

  function load(opened: OpenedDocument): void {
    const previous = session.handle;
    session = new DocumentSession(opened);
    editor.setDoc(session.doc);
    updateTitle();
    if (previous !== session.handle) void call("document:close", { handle: previous }).catch(() => undefined);
    show(opened.migratedFrom ? `Opened ${session.title} (updated from version ${opened.migratedFrom}).` : `Opened ${session.title}.`);
  }

  const commands: Record<string, () => Promise<void>> = {
    save: async () => {
      if (await session.save(editor.doc)) show(`Saved ${session.path}.`);
      updateTitle();
    },
    "save-as": async () => {
      if (await session.save(editor.doc, true)) show(`Saved ${session.path}.`);
      updateTitle();
    },
    open: async () => {
      const opened = await call("document:open", {});
      if (opened) load(opened);
    },
  };
  const run = (name: string) => () => void (commands[name]?.() ?? Promise.resolve()).catch(showError);

  for (const [name, label, shortcut] of [
    ["open", "Open…", "Mod-O"],
    ["save", "Save", "Mod-S"],
    ["save-as", "Save As…", "Mod-Shift-S"],
  ] as const) {
    const button = element("button", `toolbar-${name}`, { type: "button", title: `${label} (${shortcut.replace("Mod", "Ctrl")})` });
    button.textContent = label;
    button.addEventListener("click", run(name));
    toolbar.append(button);
  }

  window.copydesk.on("menu:command", ({ command }) => run(command)());
  window.copydesk.on("document:opened", (opened) => load(opened));

  window.copydeskApp = {
    articleJSON: () => session.toJSON(editor.doc),
    title: () => session.title,
    path: () => session.path,
    edited: () => session.edited,
  };
  updateTitle();
  root.dataset.ready = "true";
  editor.focus();
}

function element(tag: string, className: string, attrs: Record<string, string>): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}
