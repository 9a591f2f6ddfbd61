import { BrowserWindow } from "electron";
import type { EventName, EventTypes } from "../../shared/ipc";
import type { WindowLifecycle, WindowShell } from "../services/window-lifecycle";
import { sendEvent } from "./ipc";
import { createEditorWindow } from "./window";

// The Electron side of the window lifecycle: real BrowserWindows, known by their web contents
// id. What happens on close, quit and open is decided by WindowLifecycle (electron/services),
// which the e2e host drives the same way.

/// Electron's windows, as the lifecycle's WindowShell.
export class ElectronWindows implements WindowShell {
  private readonly windows = new Map<string, BrowserWindow>();
  private lifecycle: WindowLifecycle | null = null;

  /// Connects the lifecycle, once it exists (it is built with this shell).
  attach(lifecycle: WindowLifecycle): void {
    this.lifecycle = lifecycle;
  }

  create(): string {
    const window = createEditorWindow();
    const id = String(window.webContents.id);
    this.windows.set(id, window);
    window.on("close", (event) => {
      if (!this.lifecycle || this.lifecycle.mayClose(id)) return;
      event.preventDefault();
      void this.lifecycle.requestClose(id);
    });
    window.on("closed", () => {
      this.windows.delete(id);
      void this.lifecycle?.closed(id);
    });
    window.on("focus", () => this.lifecycle?.documentStateUnchanged());
    return id;
  }

  focus(id: string): void {
    const window = this.windows.get(id);
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }

  destroy(id: string): void {
    const window = this.windows.get(id);
    if (window && !window.isDestroyed()) window.close();
  }

  setTitle(id: string, title: string, state: { path: string | null; edited: boolean } | null): void {
    const window = this.windows.get(id);
    if (!window || window.isDestroyed()) return;
    window.setTitle(title);
    if (process.platform === "darwin") {
      window.setDocumentEdited(state?.edited ?? false);
      window.setRepresentedFilename(state?.path ?? "");
    }
  }

  focusedId(): string | null {
    const focused = BrowserWindow.getFocusedWindow();
    return focused ? String(focused.webContents.id) : null;
  }

  /// Sends an event to a window's page.
  send<E extends EventName>(id: string, event: E, payload: EventTypes[E]): void {
    const window = this.windows.get(id);
    if (window) sendEvent(window, event, payload);
  }

  /// The number of windows open.
  get count(): number {
    return this.windows.size;
  }
}
