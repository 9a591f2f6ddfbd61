import type { DeskStory } from "../../shared/desk/story";
import type { DeskProgress, DeskSnapshot, PathToken } from "../../shared/ipc";
import type { Notify } from "./document-service";
import { UserFacingError } from "./errors";
import type { PathGrants } from "./grants";
import { inProcessDesk, workerDesk, type DeskRunner } from "./desk-runner";
import { storyPath } from "./desk-index";

// The desks the windows show (File > Open Desk Folder…): one reader and watcher per folder, however
// many windows show it, and main's copy of its list, from which each window gets its snapshot and
// then every change as an event. Windows name a desk by the token main gave for its folder and a
// story by its path in the folder, and only a story on the list can be opened.

interface OpenDesk {
  token: PathToken;
  folder: string;
  stories: Map<string, DeskStory>;
  seq: number;
  progress: DeskProgress;
  problem: string | null;
  windows: Set<string>;
  runner: DeskRunner;
}

export interface DeskServiceOptions {
  grants: PathGrants;
  notify?: Notify;
  /// The built desk worker (desk-runner.ts); without it desks are read in this thread.
  workerScript?: string | null;
}

/// The desk folders open in the app.
export class DeskService {
  private readonly desks = new Map<PathToken, OpenDesk>();

  constructor(private readonly options: DeskServiceOptions) {}

  /// Shows a folder as a desk in a window: starts reading and watching it unless another window shows it already.
  open(windowId: string, folder: string): DeskSnapshot {
    const token = this.options.grants.issue("desk-folder", folder);
    let desk = this.desks.get(token);
    if (!desk) {
      desk = this.start(token, this.options.grants.resolve("desk-folder", token)!);
      this.desks.set(token, desk);
    }
    desk.windows.add(windowId);
    return this.snapshot(windowId, token);
  }

  /// The desk's stories as they are now.
  snapshot(windowId: string, token: PathToken): DeskSnapshot {
    const desk = this.shown(windowId, token);
    return { desk: token, path: desk.folder, seq: desk.seq, stories: [...desk.stories.values()], progress: desk.progress, problem: desk.problem };
  }

  /// The ids of the stories whose headline or text holds every word of the query.
  async search(windowId: string, token: PathToken, query: string): Promise<string[]> {
    return this.shown(windowId, token).runner.search(query);
  }

  /// The file of a story on the desk's list, to open it.
  storyPath(windowId: string, token: PathToken, id: string): string {
    const desk = this.shown(windowId, token);
    const story = desk.stories.get(id);
    if (!story) throw new UserFacingError("not-found", "That story is no longer on the desk: it was moved or deleted.");
    if (story.problem) throw new UserFacingError("invalid-article", `${id} ${story.problem}.`);
    return storyPath(desk.folder, id);
  }

  /// The window no longer shows the desk; the folder is no longer watched once no window shows it.
  async close(windowId: string, token: PathToken): Promise<void> {
    const desk = this.shown(windowId, token);
    desk.windows.delete(windowId);
    if (desk.windows.size > 0) return;
    this.desks.delete(token);
    await desk.runner.close();
  }

  /// The window has gone: it shows no desk.
  async closeWindow(windowId: string): Promise<void> {
    for (const desk of [...this.desks.values()]) if (desk.windows.has(windowId)) await this.close(windowId, desk.token);
  }

  /// Stops every desk (on quit).
  async dispose(): Promise<void> {
    const desks = [...this.desks.values()];
    this.desks.clear();
    await Promise.all(desks.map((desk) => desk.runner.close()));
  }

  private shown(windowId: string, token: PathToken): OpenDesk {
    const desk = this.desks.get(token);
    if (!desk?.windows.has(windowId)) throw new UserFacingError("invalid-request", "This window has no such desk open: open it with File > Open Desk Folder….");
    return desk;
  }

  private start(token: PathToken, folder: string): OpenDesk {
    const send = (desk: OpenDesk, changed: DeskStory[], removed: string[]) => {
      desk.seq += 1;
      for (const windowId of desk.windows) {
        this.options.notify?.(windowId, "desk:changed", { desk: token, seq: desk.seq, changed, removed, progress: desk.progress, problem: desk.problem });
      }
    };
    const events = {
      change: ({ changed, removed }: { changed: DeskStory[]; removed: string[] }) => {
        for (const story of changed) desk.stories.set(story.id, story);
        for (const id of removed) desk.stories.delete(id);
        send(desk, changed, removed);
      },
      progress: (progress: DeskProgress) => {
        desk.progress = progress;
        send(desk, [], []);
      },
      failed: (message: string) => {
        desk.problem = message;
        send(desk, [], []);
      },
    };
    const script = this.options.workerScript;
    const desk: OpenDesk = {
      token,
      folder,
      stories: new Map(),
      seq: 0,
      progress: { done: 0, total: 0, indexing: true },
      problem: null,
      windows: new Set(),
      runner: script ? workerDesk(script, folder, events) : inProcessDesk(folder, events),
    };
    void desk.runner.ready.then(() => {
      desk.progress = { ...desk.progress, done: desk.progress.total, indexing: false };
      send(desk, [], []);
    });
    return desk;
  }
}
