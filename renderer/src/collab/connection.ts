import { HocuspocusProvider } from "@hocuspocus/provider";
import type * as Y from "yjs";
import type { Presence } from "./binding";

// A shared story's connection to its newsroom server: @hocuspocus/provider over a WebSocket (the
// Yjs sync protocol; nothing home-made). It reconnects by itself when the connection drops, and
// the journalist can take the story offline on purpose and bring it back. While offline every
// edit stays in the story's Y.Doc (and so in the local file and recovery); on reconnect the sync
// protocol sends each side what the other is missing, and Yjs merges them.

/// What the window shows of the connection.
export interface ConnectionState {
  /// "online": connected and in sync; "connecting": trying (after a drop, by itself); "offline":
  /// taken offline on purpose or no token; "refused": the server refused the token.
  status: "online" | "connecting" | "offline" | "refused";
  /// This journalist's changes the server has not acknowledged yet.
  pending: number;
  /// The others in the story now.
  others: Presence[];
  /// Why the server refused, or why there is no connection, in words.
  problem: string | null;
}

export interface ConnectionOptions {
  /// The server's address (ws:// or wss://) and this journalist's token for it.
  url: string;
  token: string | null;
  story: string;
  presence: Presence;
  /// Told whenever the state above changes.
  onChange: (state: ConnectionState) => void;
}

/// The connection of one Y.Doc to its story on the server.
export class StoryConnection {
  readonly provider: HocuspocusProvider;
  private status: ConnectionState["status"] = "connecting";
  private problem: string | null = null;
  /// Local changes made since the server last acknowledged them all.
  private pending = 0;
  private wanted = true;
  private readonly countLocal: (update: Uint8Array, origin: unknown) => void;

  constructor(
    private readonly ydoc: Y.Doc,
    private readonly options: ConnectionOptions,
  ) {
    this.countLocal = (_update, origin) => {
      if (origin === this.provider) return;
      this.pending += 1;
      this.tell();
    };
    ydoc.on("update", this.countLocal);
    this.provider = new HocuspocusProvider({
      url: options.url,
      name: options.story,
      document: ydoc,
      token: options.token ?? "",
      onStatus: ({ status }) => {
        if (status === "connected") this.status = this.provider.isSynced ? "online" : "connecting";
        else this.status = !this.wanted ? "offline" : this.status === "refused" ? "refused" : "connecting";
        this.tell();
      },
      onSynced: () => {
        if (this.status !== "refused" && this.wanted) this.status = "online";
        this.settle();
      },
      onUnsyncedChanges: () => this.settle(),
      onAuthenticationFailed: ({ reason }) => {
        this.status = "refused";
        this.problem = `The newsroom server refused your token (${reason}): check it in Edit > Newsroom Server….`;
        this.provider.disconnect();
        this.tell();
      },
      onAwarenessChange: () => this.tell(),
    });
    this.provider.setAwarenessField("user", options.presence);
    if (!options.token) {
      this.wanted = false;
      this.status = "offline";
      this.problem = `No token for ${options.url}: add it in Edit > Newsroom Server…, then Bring Back Online.`;
      this.provider.disconnect();
    }
    this.tell();
  }

  /// The connection as the window shows it.
  get state(): ConnectionState {
    return { status: this.status, pending: this.pending, others: this.others(), problem: this.problem };
  }

  /// The awareness (cursors and names) of the story.
  get awareness() {
    return this.provider.awareness;
  }

  /// Resolves once the story is in sync with the server (its content received, ours sent); rejects on refusal.
  whenSynced(): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.status === "refused") return done(new Error(this.problem ?? "The newsroom server refused the connection."));
        if (this.provider.isSynced && this.provider.unsyncedChanges === 0) done(null);
      };
      const done = (error: Error | null) => {
        this.provider.off("synced", check);
        this.provider.off("unsyncedChanges", check);
        this.provider.off("authenticationFailed", check);
        if (error) reject(error);
        else resolve();
      };
      this.provider.on("synced", check);
      this.provider.on("unsyncedChanges", check);
      this.provider.on("authenticationFailed", check);
      check();
    });
  }

  /// Take Offline: stops sending and receiving; edits go on in the Y.Doc.
  takeOffline(): void {
    this.wanted = false;
    this.status = "offline";
    this.provider.disconnect();
    this.tell();
  }

  /// Bring Back Online: connects again; the sync protocol merges both sides' changes.
  bringOnline(token: string | null = this.options.token): void {
    if (!token) return;
    this.wanted = true;
    this.problem = null;
    this.status = "connecting";
    this.provider.configuration.token = token;
    const socket = this.provider.configuration.websocketProvider;
    if (socket.status === "connected") {
      // Taken offline a moment ago: the socket is still closing, and connecting now would do nothing.
      const closed = ({ status }: { status: string }) => {
        if (status !== "disconnected") return;
        socket.off("status", closed);
        if (this.wanted) void this.provider.connect();
      };
      socket.on("status", closed);
    } else void this.provider.connect();
    this.tell();
  }

  destroy(): void {
    this.ydoc.off("update", this.countLocal);
    this.provider.destroy();
  }

  /// The server acknowledged what was sent: nothing is pending once it has all of it.
  private settle(): void {
    if (this.status === "online" && this.provider.isSynced && this.provider.unsyncedChanges === 0) this.pending = 0;
    this.tell();
  }

  private others(): Presence[] {
    const awareness = this.provider.awareness;
    if (!awareness) return [];
    const seen: Presence[] = [];
    for (const [client, state] of awareness.getStates()) {
      const user = (state as { user?: Partial<Presence> }).user;
      if (client !== awareness.clientID && typeof user?.name === "string") seen.push({ name: user.name, color: String(user.color ?? "") });
    }
    return seen;
  }

  private tell(): void {
    this.options.onChange(this.state);
  }
}
