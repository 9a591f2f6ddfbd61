import { randomUUID } from "node:crypto";
import type { DocumentHandle, DocumentSnapshot } from "../../shared/ipc";
import type { Notify } from "./document-service";
import { UserFacingError } from "./errors";

// The window owns its article; the main process asks for it whenever it must act on it (close,
// quit, the recovery copy), the way VS Code's shutdown participants are asked before a window
// goes. A request is an event to the window and the window's `document:snapshot` answer.

/// How long a window has to answer before main gives up on it.
export const defaultSnapshotTimeoutMs = 10_000;

interface Pending {
  windowId: string;
  handle: DocumentHandle;
  resolve: (snapshot: DocumentSnapshot | null) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/// Outstanding requests for windows' articles.
export class SnapshotRequests {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly notify: Notify | undefined,
    private readonly timeoutMs = defaultSnapshotTimeoutMs,
  ) {}

  /// Asks a window for its article; null when the window no longer has that document.
  /// Rejects with a message for the user when the window does not answer in time.
  request(windowId: string, handle: DocumentHandle, title: string): Promise<DocumentSnapshot | null> {
    const notify = this.notify;
    if (!notify) return Promise.reject(new UserFacingError("internal", "Copydesk cannot reach the window."));
    const requestId = randomUUID();
    return new Promise<DocumentSnapshot | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(
          new UserFacingError(
            "io",
            `The window of “${title}” did not answer within ${Math.round(this.timeoutMs / 1000)} s, so its latest text could not be read. ` +
              "Its recovery copy holds what it last reported.",
          ),
        );
      }, this.timeoutMs);
      this.pending.set(requestId, { windowId, handle, resolve, reject, timer });
      notify(windowId, "document:snapshot-request", { requestId, handle });
    });
  }

  /// A window's answer; refused when it answers a question it was not asked.
  answer(windowId: string, requestId: string, snapshot: DocumentSnapshot | null): void {
    const pending = this.pending.get(requestId);
    if (!pending || pending.windowId !== windowId) {
      throw new UserFacingError("invalid-request", "That answer does not match a question this window was asked.");
    }
    if (snapshot && snapshot.handle !== pending.handle) {
      throw new UserFacingError("invalid-request", "The window answered with another document than the one asked for.");
    }
    clearTimeout(pending.timer);
    this.pending.delete(requestId);
    pending.resolve(snapshot);
  }

  /// Gives up on every question to a window that has gone.
  forget(windowId: string): void {
    for (const [id, pending] of this.pending) {
      if (pending.windowId !== windowId) continue;
      clearTimeout(pending.timer);
      this.pending.delete(id);
      pending.resolve(null);
    }
  }
}
