import { windowTitle } from "../../shared/document-title";
import type { DocumentService, DocumentState } from "./document-service";
import type { Dialogs } from "./dialogs";

// Which window owns which document, and the window lifecycle: opening a file in the right window,
// the close and quit prompts, the title. Electron-free: the Electron glue and the e2e host each
// give it a WindowShell (their real windows, or pages) and route close and quit requests here.

/// What the lifecycle does to real windows; the host of the app implements it.
export interface WindowShell {
  /// Opens a new editor window and answers its id.
  create(): string;
  /// Brings a window to the front.
  focus(id: string): void;
  /// Closes a window for good: the prompts are over.
  destroy(id: string): void;
  /// Shows a window's title and edited marker.
  setTitle(id: string, title: string, state: DocumentState | null): void;
  /// The window in front, if any.
  focusedId(): string | null;
}

/// What the Window menu lists.
export interface WindowEntry {
  id: string;
  title: string;
  edited: boolean;
  focused: boolean;
}

interface Tracked {
  state: DocumentState | null;
  /// Resolves once the window has its first document (it asks for one as it starts).
  ready: Promise<void>;
  markReady: () => void;
  /// Set once the prompts said the window may go.
  mayClose: boolean;
  /// The close being decided, so a second click does not ask twice.
  closing: Promise<boolean> | null;
}

/// The windows of the app and their documents.
export class WindowLifecycle {
  private readonly windows = new Map<string, Tracked>();
  private quitConfirmed = false;
  private quitting: Promise<boolean> | null = null;

  constructor(
    private readonly shell: WindowShell,
    private readonly documents: DocumentService,
    private readonly dialogs: Dialogs,
    private readonly onChange: () => void = () => undefined,
  ) {}

  /// Opens a new editor window and tracks it.
  open(): string {
    const id = this.shell.create();
    this.track(id);
    return id;
  }

  /// Tracks a window that exists already (the e2e host's pages announce themselves).
  track(id: string): void {
    if (this.windows.has(id)) return;
    let markReady = () => undefined as void;
    const ready = new Promise<void>((resolve) => (markReady = resolve));
    this.windows.set(id, { state: null, ready, markReady, mayClose: false, closing: null });
    this.onChange();
  }

  /// A window's document changed path, title or edited state (null once it has none).
  documentState(id: string, state: DocumentState | null): void {
    const tracked = this.windows.get(id);
    if (!tracked) return;
    tracked.state = state;
    if (state) tracked.markReady();
    this.shell.setTitle(id, windowTitle(state?.title ?? "Copydesk", state?.edited ?? false), state);
    this.onChange();
  }

  /// Something the Window menu shows changed (a window came to the front).
  documentStateUnchanged(): void {
    this.onChange();
  }

  /// True when the window may close without asking (the prompts are done, or the app is quitting).
  mayClose(id: string): boolean {
    return this.quitConfirmed || (this.windows.get(id)?.mayClose ?? true);
  }

  /// What the window's close button does: asks the window for its article, asks about unsaved
  /// changes, then closes it; false when the user cancelled.
  requestClose(id: string): Promise<boolean> {
    const tracked = this.windows.get(id);
    if (!tracked) return Promise.resolve(true);
    tracked.closing ??= this.decideClose(id, tracked).finally(() => (tracked.closing = null));
    return tracked.closing;
  }

  /// The window has gone (closed, crashed): its documents are closed and their recovery copies removed.
  async closed(id: string): Promise<void> {
    if (!this.windows.delete(id)) return;
    await this.documents.closeWindow(id);
    this.onChange();
  }

  /// What File > Quit does: asks about each window in turn; false when the user cancelled, which stops the quit.
  requestQuit(): Promise<boolean> {
    if (this.quitConfirmed) return Promise.resolve(true);
    this.quitting ??= this.decideQuit().finally(() => (this.quitting = null));
    return this.quitting;
  }

  /// True once the user agreed to quit.
  get quitAgreed(): boolean {
    return this.quitConfirmed;
  }

  /// Opens a file in its own window: focuses the window that has it, reuses an empty window in front, or opens a new one.
  async openFile(path: string): Promise<void> {
    const existing = this.documents.store.findByPath(path);
    if (existing) return this.shell.focus(existing.owner);
    const reused = this.emptyFocusedWindow();
    const id = reused ?? this.open();
    const tracked = this.windows.get(id);
    if (!tracked) return;
    await tracked.ready;
    try {
      const opened = await this.documents.open(id, path);
      if (opened) this.documents.notifyOpened(id, opened);
    } catch (e) {
      const error = e as Error & { details?: string[] };
      await this.dialogs.tell({ message: error.message, detail: error.details?.join("\n"), kind: "error" });
      // A window opened only for this file goes again; one that was there stays.
      if (!reused) {
        tracked.mayClose = true;
        await this.documents.closeWindow(id);
        this.shell.destroy(id);
      }
    }
  }

  /// The Window menu's entries.
  entries(): WindowEntry[] {
    const focused = this.shell.focusedId();
    return [...this.windows.entries()].map(([id, t]) => ({
      id,
      title: t.state?.title ?? "Copydesk",
      edited: t.state?.edited ?? false,
      focused: id === focused,
    }));
  }

  /// The ids of the open windows, oldest first.
  get ids(): string[] {
    return [...this.windows.keys()];
  }

  private async decideClose(id: string, tracked: Tracked): Promise<boolean> {
    if (tracked.mayClose || this.quitConfirmed) return true;
    if (!(await this.documents.confirmClose(id))) return false;
    tracked.mayClose = true;
    await this.documents.closeWindow(id);
    this.shell.destroy(id);
    return true;
  }

  private async decideQuit(): Promise<boolean> {
    for (const id of this.ids) {
      const tracked = this.windows.get(id);
      if (tracked?.closing && !(await tracked.closing)) return false;
      if (!(await this.documents.confirmClose(id))) return false;
    }
    for (const id of this.ids) await this.documents.closeWindow(id);
    await this.documents.dispose();
    this.quitConfirmed = true;
    return true;
  }

  private emptyFocusedWindow(): string | null {
    const focused = this.shell.focusedId();
    const state = focused ? this.windows.get(focused)?.state : null;
    return focused && state && state.path === null && !state.edited ? focused : null;
  }
}
