import { BrowserWindow, dialog } from "electron";
import { fileURLToPath } from "node:url";
import type { EventName, EventTypes } from "../../shared/ipc";
import type { Backend } from "../services/backend";
import type { DocumentState } from "../services/document-service";
import { sendEvent } from "./ipc";
import { createEditorWindow } from "./window";

// One window per document: the windows by the id the backend knows them by (their web contents
// id), their title and edited marker, the close and quit prompts, and where a file opens.

/// What the Window menu lists.
export interface WindowEntry {
  id: string;
  title: string;
  edited: boolean;
  focused: boolean;
}

interface Tracked {
  window: BrowserWindow;
  state: DocumentState | null;
  /// Resolves once the renderer has its first document (it asks for one as it starts).
  ready: Promise<void>;
  markReady: () => void;
  mayClose: boolean;
}

/// The editor windows and their documents.
export class DocumentWindows {
  private readonly windows = new Map<string, Tracked>();
  private quitConfirmed = false;
  private backend: Backend | null = null;

  constructor(private readonly onChange: () => void) {}

  /// Connects the backend, once it exists (its options refer to this object).
  attach(backend: Backend): void {
    this.backend = backend;
  }

  /// A new editor window, tracked, with its close prompt and file drops.
  create(): BrowserWindow {
    const window = createEditorWindow();
    const id = String(window.webContents.id);
    let markReady = () => undefined as void;
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    this.windows.set(id, { window, state: null, ready, markReady, mayClose: false });
    window.on("close", (event) => {
      const tracked = this.windows.get(id);
      if (!tracked || tracked.mayClose || this.quitConfirmed || !this.hasChanges(id)) return;
      event.preventDefault();
      void this.confirmAndClose(id);
    });
    window.on("closed", () => {
      this.windows.delete(id);
      void this.backend?.documents.closeWindow(id);
      this.onChange();
    });
    window.on("focus", () => this.onChange());
    window.webContents.on("will-navigate", (_event, url) => {
      if (url.startsWith("file:") && url.toLowerCase().endsWith(".article")) void this.openFile(fileURLToPath(url));
    });
    this.onChange();
    return window;
  }

  /// Called by the backend whenever a window's document changes path, title or edited state.
  update(id: string, state: DocumentState | null): void {
    const tracked = this.windows.get(id);
    if (!tracked) return;
    tracked.state = state;
    if (state) tracked.markReady();
    const { window } = tracked;
    if (window.isDestroyed()) return;
    const title = state?.title ?? "Copydesk";
    window.setTitle(`${state?.edited ? "• " : ""}${title} — Copydesk`);
    if (process.platform === "darwin") {
      window.setDocumentEdited(state?.edited ?? false);
      window.setRepresentedFilename(state?.path ?? "");
    }
    this.onChange();
  }

  /// Brings a window to the front.
  focus(id: string): void {
    const window = this.windows.get(id)?.window;
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }

  /// Sends an event to a window's page.
  send<E extends EventName>(id: string, event: E, payload: EventTypes[E]): void {
    const window = this.windows.get(id)?.window;
    if (window) sendEvent(window, event, payload);
  }

  /// Opens a file in its own window: focuses the window that has it, reuses an empty focused one, or makes a new one.
  async openFile(path: string): Promise<void> {
    const backend = this.backend;
    if (!backend) return;
    const existing = backend.documents.store.findByPath(path);
    if (existing) return this.focus(existing.owner);
    const id = this.emptyFocusedWindow() ?? String(this.create().webContents.id);
    const tracked = this.windows.get(id);
    if (!tracked) return;
    await tracked.ready;
    try {
      const opened = await backend.documents.open(id, path);
      if (opened) sendEvent(tracked.window, "document:opened", opened);
    } catch (e) {
      const error = e as Error & { details?: string[] };
      await this.tellError(error.message, error.details);
      if (!tracked.state && !tracked.window.isDestroyed()) tracked.window.close();
    }
  }

  /// The Window menu's entries.
  entries(): WindowEntry[] {
    const focused = BrowserWindow.getFocusedWindow();
    return [...this.windows.entries()].map(([id, t]) => ({
      id,
      title: t.state?.title ?? "Copydesk",
      edited: t.state?.edited ?? false,
      focused: t.window === focused,
    }));
  }

  /// The quit prompt: asks about each changed window; on Cancel the quit stops.
  async confirmQuit(): Promise<boolean> {
    if (this.quitConfirmed || !this.backend) return true;
    const ids = [...this.windows.keys()];
    const ok = await this.backend.documents.confirmQuit(ids);
    if (!ok) return false;
    for (const id of ids) await this.backend.documents.closeWindow(id);
    await this.backend.dispose();
    this.quitConfirmed = true;
    return true;
  }

  /// True once the user agreed to quit.
  get quitting(): boolean {
    return this.quitConfirmed;
  }

  /// The number of windows open.
  get count(): number {
    return this.windows.size;
  }

  private async confirmAndClose(id: string): Promise<void> {
    const tracked = this.windows.get(id);
    if (!tracked || !this.backend) return;
    if (!(await this.backend.documents.confirmClose(id))) return;
    await this.backend.documents.closeWindow(id);
    tracked.mayClose = true;
    if (!tracked.window.isDestroyed()) tracked.window.close();
  }

  private hasChanges(id: string): boolean {
    return this.backend?.documents.store.ownedBy(id).some((doc) => doc.edited) ?? false;
  }

  private emptyFocusedWindow(): string | null {
    const focused = BrowserWindow.getFocusedWindow();
    for (const [id, t] of this.windows) {
      if (t.window === focused && t.state && t.state.path === null && !t.state.edited) return id;
    }
    return null;
  }

  private async tellError(message: string, details?: string[]): Promise<void> {
    await dialog.showMessageBox({ type: "error", message, detail: details?.join("\n"), buttons: ["OK"] });
  }
}
