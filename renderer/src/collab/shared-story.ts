import type { Plugin } from "prosemirror-state";
import * as Y from "yjs";
import { articleToJSON, type Article, type ArticleJSON } from "../../../shared/article";
import { articleToYDoc, yDocToArticle } from "../../../shared/collab/y-article";
import { bytesToBase64 } from "../../../shared/collab/shared-part";
import { sharedPlugins, presenceOf, type SharedAssets } from "./binding";
import { StoryConnection, type ConnectionState } from "./connection";
import type { SharedPart } from "../../../shared/ipc";

// One shared story in a window (loaded only when a shared story opens): its Y.Doc, its connection
// to the newsroom server and the editor plugins bound to it. The local file keeps the Y.Doc's
// whole state (the file's `shared` part, docs/article-model.md), so a story opened offline has
// every word, and what was written offline merges when the connection comes back.

export type { SharedPart } from "../../../shared/ipc";

/// What the shared story needs from the window.
export interface SharedStoryHost {
  /// The connection changed (status, changes not yet shared, who is in the story).
  onConnection: (state: ConnectionState) => void;
}

/// A new story id for the server: letters, digits and "-" (the server's rule is /^[A-Za-z0-9_-]{1,64}$/).
export function newStoryId(): string {
  return crypto.randomUUID();
}

/// A shared story: its Y.Doc and connection.
export class SharedStory {
  readonly connection: StoryConnection;

  private constructor(
    readonly ydoc: Y.Doc,
    readonly server: string,
    readonly story: string,
    token: string | null,
    name: string,
    host: SharedStoryHost,
  ) {
    this.connection = new StoryConnection(ydoc, { url: server, token, story, presence: presenceOf(name), onChange: host.onConnection });
  }

  /// A story of the file's `shared` part: its state as the file kept it, connected when there is a token.
  static fromFile(part: SharedPart, token: string | null, name: string, host: SharedStoryHost): SharedStory {
    const ydoc = new Y.Doc();
    if (part.state) Y.applyUpdate(ydoc, fromBase64(part.state));
    return new SharedStory(ydoc, part.server, part.story, token, name, host);
  }

  /// Shares `article` as a new story on the server; resolves once the server has it all.
  static async share(article: Article, server: string, token: string, name: string, host: SharedStoryHost): Promise<SharedStory> {
    const ydoc = new Y.Doc();
    articleToYDoc(article, ydoc);
    const shared = new SharedStory(ydoc, server, newStoryId(), token, name, host);
    await shared.synced();
    return shared;
  }

  /// A story of the server, by its id; resolves once its content has arrived.
  static async open(server: string, story: string, token: string, name: string, host: SharedStoryHost): Promise<SharedStory> {
    const shared = new SharedStory(new Y.Doc(), server, story, token, name, host);
    await shared.synced();
    return shared;
  }

  /// Resolves once in sync with the server; refused or unreachable, it is destroyed and says why.
  async synced(): Promise<void> {
    try {
      await this.connection.whenSynced();
    } catch (e) {
      this.destroy();
      throw e;
    }
  }

  /// The story as an article the file format accepts (repaired when a merge needs it, no words dropped).
  article(): { article: Article; json: ArticleJSON; repairs: string[] } {
    const { article, repairs } = yDocToArticle(this.ydoc);
    return { article, json: articleToJSON(article), repairs };
  }

  /// The editor plugins of the story: sync, the others' cursors, undo of one's own changes.
  plugins(assets?: SharedAssets): Plugin[] {
    return sharedPlugins(this.ydoc, this.connection.awareness, assets);
  }

  /// The local file's `shared` part: the whole state, so the file alone holds every change.
  part(): SharedPart {
    return { server: this.server, story: this.story, state: bytesToBase64(Y.encodeStateAsUpdate(this.ydoc)) };
  }

  destroy(): void {
    this.connection.destroy();
    this.ydoc.destroy();
  }
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
