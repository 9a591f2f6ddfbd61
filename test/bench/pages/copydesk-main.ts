import type { AppHandle } from "../../../shared/app-handle";
import type { ArticleJSON } from "../../../shared/article";
import type { CopydeskApi, EventName, EventTypes, IpcResult, OpenedDocument } from "../../../shared/ipc";
import { defaultSettings } from "../../../shared/settings";

// The main process as the real renderer (out/renderer, built by electron-vite) sees it in the
// benchmark: `window.copydesk` answering in the page, with the generated article as the new
// document. It asks for the article the way main's recovery does (after 0.75 s without edits, at
// most 1.5 s after the first unwritten one) and copies what it gets as IPC would (structured
// clone), so that cost is in the figures. Loaded before the app's script.

declare global {
  interface Window {
    benchArticle: ArticleJSON;
    /// Opens an article in the window as main does (File > Open); resolves at the end of the first frame after it.
    benchOpen(article: ArticleJSON): Promise<number>;
    /// The article as Save sends it (the renderer's half of a save): resolves with the ms it took.
    benchSaveSnapshot(): Promise<number>;
  }
}

const listeners = new Map<string, Set<(payload: unknown) => void>>();
function emit<E extends EventName>(event: E, payload: EventTypes[E]): void {
  for (const listener of listeners.get(event) ?? []) listener(payload);
}

const quietMs = 750;
const maxDelayMs = 1500;
let recovery: { timer: ReturnType<typeof setTimeout>; firstAt: number } | null = null;
let requests = 0;

function scheduleRecovery(): void {
  const now = Date.now();
  if (recovery) clearTimeout(recovery.timer);
  const firstAt = recovery?.firstAt ?? now;
  const due = Math.min(now + quietMs, firstAt + maxDelayMs);
  recovery = {
    firstAt,
    timer: setTimeout(() => {
      recovery = null;
      emit("document:snapshot-request", { requestId: `r${++requests}`, handle });
    }, Math.max(0, due - now)),
  };
}

let handle = "bench-1";
const opened = (article: ArticleJSON): OpenedDocument => ({ handle, path: null, title: "Untitled", article, edited: false, migratedFrom: null });
const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });

const api: CopydeskApi = {
  async invoke(channel, request) {
    // An answer from another process comes in a later task.
    await new Promise((resolve) => setTimeout(resolve, 0));
    let value: unknown = null;
    switch (channel) {
      case "settings:get":
        // `?checks=off`: the same renderer with Check as You Type off (the bench's "Copydesk, checks off").
        // An identity is given, so the first-start question (who is writing) does not take the keys.
        value = {
          ...defaultSettings,
          theme: "light",
          checkAsYouType: !location.search.includes("checks=off"),
          identity: { id: "bench", name: "Bench Typist", initials: "BT" },
        };
        break;
      case "document:new":
        value = opened(window.benchArticle);
        break;
      case "recovery:list":
      case "recent:list":
        value = [];
        break;
      case "document:state":
        if ((request as { edited: boolean }).edited) scheduleRecovery();
        break;
      case "document:snapshot":
      case "document:save":
        structuredClone(request);
        break;
    }
    return ok(value) as never;
  },
  on(event, listener) {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener as (payload: unknown) => void);
    return () => void set.delete(listener as (payload: unknown) => void);
  },
};
Object.defineProperty(window, "copydesk", { value: Object.freeze(api) });

window.benchOpen = async (article) => {
  handle = `bench-${++requests}`;
  const start = performance.now();
  emit("document:opened", structuredClone(opened(article)));
  const end = await window.benchProbe.nextFrame();
  return end - start;
};

window.benchSaveSnapshot = async () => {
  const app = (window as unknown as { copydeskApp: AppHandle }).copydeskApp;
  const start = performance.now();
  // Main holds the images already: the save carries the text and the metadata.
  const { meta, doc } = app.articleJSON();
  structuredClone({ handle, article: { meta, doc }, revision: 1 });
  return performance.now() - start;
};

// The editor is editable once the app marks itself ready.
const root = () => document.getElementById("app");
new MutationObserver((_changes, observer) => {
  const app = root();
  if (app?.dataset.ready !== "true") return;
  observer.disconnect();
  window.benchProbe.ready(app.querySelector(".ProseMirror")!);
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-ready"] });
