import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import * as Y from "yjs";
import { writeFileDurably } from "../electron/services/durable-write";
import { readStoryFolder, syncFolder, UpdateLog } from "./story-log";

// Where the newsroom server keeps its stories, under its data folder:
//
//   stories/<id>.article          the story as a plain article file (the desk view, `copydesk validate`)
//   yjs/<id>/<instance>.state     the whole Yjs document as this instance last compacted it
//   yjs/<id>/<instance>.log       updates acknowledged since then, each fsynced before its ack
//
// Each server instance writes only its own two files, so instances sharing the folder (scaled out
// through Redis) never overwrite each other's; a story is loaded from all of them (Yjs updates
// merge in any order and twice is the same as once). The Yjs files are the truth; the .article is
// a copy made from them at each compaction.

/// A story's id on the wire and on disk.
export const storyIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

/// The article file's text for a story's Yjs document.
export type ArticleText = (doc: Y.Doc) => string;

/// One story's files and the queue that keeps their writes in order.
class StoryFiles {
  private tail: Promise<void> = Promise.resolve();
  /// Updates fsynced to the log since the last compaction (the live document may not hold them yet).
  unsaved: Uint8Array[] = [];
  /// Resolves when every append so far is on disk.
  lastAppend: Promise<void> = Promise.resolve();
  readonly log: UpdateLog;
  readonly statePath: string;

  constructor(
    readonly folder: string,
    instance: string,
  ) {
    this.statePath = join(folder, `${instance}.state`);
    this.log = new UpdateLog(join(folder, `${instance}.log`), (step) => this.enqueue(step));
  }

  /// Runs `step` after every step queued before it.
  enqueue(step: () => Promise<void>): Promise<void> {
    const run = this.tail.then(step);
    this.tail = run.catch(() => undefined);
    return run;
  }
}

export class StoryStore {
  private readonly stories = new Map<string, StoryFiles>();

  constructor(
    readonly dataDir: string,
    /// This instance's name in the file names: one writer per file (known once the server listens).
    private readonly instance: () => string,
    private readonly articleText: ArticleText,
    private readonly report: (line: string) => void = () => undefined,
  ) {}

  get storiesFolder(): string {
    return join(this.dataDir, "stories");
  }

  articlePath(id: string): string {
    return join(this.storiesFolder, `${id}.article`);
  }

  /// Fills an empty document with everything stored for the story, and opens its log.
  load(id: string, doc: Y.Doc): Promise<void> {
    const story = this.files(id);
    return story.enqueue(async () => {
      if ((await mkdir(story.folder, { recursive: true })) !== undefined) {
        // A new story: its folder's entries in yjs/ (and yjs/ in the data folder) must survive a power cut.
        await syncFolder(dirname(story.folder));
        await syncFolder(this.dataDir);
      }
      const updates = await readStoryFolder(story.folder);
      let unreadable = 0;
      doc.transact(() => {
        for (const update of updates) {
          try {
            Y.applyUpdate(doc, update);
          } catch {
            unreadable++;
          }
        }
      });
      // Only checked updates are logged, so this is a damaged disk: say so, and keep the rest.
      if (unreadable > 0) this.report(`story ${id}: ${unreadable} stored update(s) could not be read and were left out`);
      await story.log.close();
      await story.log.open();
      story.unsaved = [];
    });
  }

  /// Resolves once the update is durably in the story's log: only then may it be acknowledged.
  append(id: string, update: Uint8Array): Promise<void> {
    const story = this.files(id);
    const written = story.log.append(update).then(() => {
      story.unsaved.push(update);
    });
    story.lastAppend = written.catch(() => undefined);
    return written;
  }

  /// Resolves once every update appended so far has been written (or has failed).
  settled(id: string): Promise<void> {
    return this.files(id).lastAppend;
  }

  /// Whether the story has updates in its log not yet compacted into its state.
  hasUnsaved(id: string): boolean {
    return (this.stories.get(id)?.unsaved.length ?? 0) > 0;
  }

  /// Writes the whole story (state, then the .article copy) and empties its log.
  compact(id: string, doc: Y.Doc): Promise<void> {
    const story = this.files(id);
    return story.enqueue(async () => {
      const state = Y.mergeUpdates([Y.encodeStateAsUpdate(doc), ...story.unsaved]);
      await writeFileDurably(story.statePath, state);
      await story.log.clear();
      story.unsaved = [];
      const copy = new Y.Doc();
      try {
        Y.applyUpdate(copy, state);
        await mkdir(this.storiesFolder, { recursive: true });
        await writeFileDurably(this.articlePath(id), this.articleText(copy));
      } catch (e) {
        // The Yjs state is safe; the copy is written again at the next compaction.
        this.report(`story ${id}: the .article copy could not be written (${(e as Error)?.message ?? String(e)})`);
      } finally {
        copy.destroy();
      }
    });
  }

  /// Closes the story's log once its document has left memory.
  release(id: string): Promise<void> {
    const story = this.stories.get(id);
    return story ? story.enqueue(() => story.log.close()) : Promise.resolve();
  }

  /// Closes every log (after the last compaction).
  async closeAll(): Promise<void> {
    await Promise.all([...this.stories.keys()].map((id) => this.release(id)));
  }

  private files(id: string): StoryFiles {
    if (!storyIdPattern.test(id)) throw new Error(`"${id}" is not a story id`);
    let story = this.stories.get(id);
    if (!story) {
      story = new StoryFiles(join(this.dataDir, "yjs", id), this.instance());
      this.stories.set(id, story);
    }
    return story;
  }
}
