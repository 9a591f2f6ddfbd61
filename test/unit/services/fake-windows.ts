import { articleToJSON, type Article } from "../../../shared/article";
import type { DocumentHandle, EventName, EventTypes } from "../../../shared/ipc";
import type { Backend } from "../../../electron/services/backend";
import type { DocumentService, Notify } from "../../../electron/services/document-service";
import type { WindowShell } from "../../../electron/services/window-lifecycle";

// Windows for the service tests: each holds an article the way the renderer does (a revision
// count, the revision last saved), tells main its state, and answers main's requests for the
// article, through the backend's own channels when there is a backend. A window can be made
// to stop answering, like a hung renderer.

interface Page {
  handle: DocumentHandle;
  article: Article;
  revision: number;
  savedRevision: number;
  answering: boolean;
}

/// A recorded event sent to a window.
export interface SentEvent {
  windowId: string;
  event: EventName;
  payload: unknown;
}

/// The windows of a test, as the lifecycle's WindowShell and the services' Notify.
export class FakeWindows implements WindowShell {
  readonly sent: SentEvent[] = [];
  readonly titles = new Map<string, string>();
  readonly destroyed: string[] = [];
  readonly focused: string[] = [];
  private readonly pages = new Map<string, Page>();
  private docs: DocumentService | null = null;
  private backend: Backend | null = null;
  private created = 0;

  /// Connects the services the windows talk to.
  attach(target: { backend: Backend } | { docs: DocumentService }): this {
    if ("backend" in target) {
      this.backend = target.backend;
      this.docs = target.backend.documents;
    } else this.docs = target.docs;
    return this;
  }

  /// The events sent to windows, other than requests for their article.
  events<E extends EventName>(event: E): { windowId: string; payload: EventTypes[E] }[] {
    return this.sent.filter((e) => e.event === event).map((e) => ({ windowId: e.windowId, payload: e.payload as EventTypes[E] }));
  }

  readonly notify: Notify = (windowId, event, payload) => {
    this.sent.push({ windowId, event, payload });
    if (event !== "document:snapshot-request") return;
    const { requestId, handle } = payload as EventTypes["document:snapshot-request"];
    const page = this.pages.get(windowId);
    if (page && !page.answering) return;
    queueMicrotask(() => {
      const snapshot =
        page && page.handle === handle
          ? { handle, revision: page.revision, edited: page.revision !== page.savedRevision, article: articleToJSON(page.article) }
          : null;
      if (this.backend) void this.backend.handle("document:snapshot", { requestId, snapshot }, { windowId });
      else this.docs?.answerSnapshot(windowId, requestId, snapshot);
    });
  };

  /// The window shows a document (opened, created) with no edits.
  shows(windowId: string, handle: DocumentHandle, article: Article, edited = false): void {
    this.pages.set(windowId, { handle, article, revision: edited ? 1 : 0, savedRevision: 0, answering: true });
  }

  /// The journalist's edit: the window holds the new article and tells main its revision.
  async edit(windowId: string, article: Article): Promise<void> {
    const page = this.page(windowId);
    page.article = article;
    page.revision += 1;
    await this.docs!.report(windowId, page.handle, page.revision, true);
  }

  /// The window saves what it holds (Ctrl+S); the saved revision is recorded as the renderer does.
  async save(windowId: string, as = false): Promise<unknown> {
    const page = this.page(windowId);
    const saved = await this.docs!.save(windowId, page.handle, articleToJSON(page.article), page.revision, as);
    if (saved) page.savedRevision = Math.max(page.savedRevision, saved.revision);
    return saved;
  }

  /// The window stops answering (a hung renderer).
  hang(windowId: string): void {
    this.page(windowId).answering = false;
  }

  /// What the window holds.
  page(windowId: string): Page {
    const page = this.pages.get(windowId);
    if (!page) throw new Error(`window ${windowId} shows no document`);
    return page;
  }

  create(): string {
    this.created += 1;
    return `new-window-${this.created}`;
  }

  focus(id: string): void {
    this.focused.push(id);
  }

  destroy(id: string): void {
    this.destroyed.push(id);
    void this.backend?.windows.closed(id);
  }

  setTitle(id: string, title: string): void {
    this.titles.set(id, title);
  }

  focusedId(): string | null {
    return null;
  }
}
