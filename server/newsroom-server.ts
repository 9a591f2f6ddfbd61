import { Redis } from "@hocuspocus/extension-redis";
import { Server, type Extension } from "@hocuspocus/server";
import type { IncomingMessage } from "node:http";
import { hostname } from "node:os";
import type { RawData, WebSocket } from "ws";
import { mkdir } from "node:fs/promises";
import { Access } from "./access";
import { articleText } from "./article-copy";
import { DurableStorage } from "./durable-storage";
import { StoriesHttp } from "./stories-http";
import { StoryStore, type ArticleText } from "./story-store";
import { tokenChecker } from "./users";

export { addUser } from "./users";

// The newsroom server: Hocuspocus (Yjs over WebSocket) with Copydesk's tokens, durable storage of
// each story in the data folder, the story list over HTTP on the same port and, given a Redis
// address, @hocuspocus/extension-redis so that several instances serve the same stories.

export interface NewsroomServerOptions {
  /// The data folder: users.json, stories/ and yjs/.
  dataDir: string;
  /// 0 lets the system choose a free port.
  port: number;
  /// Default 127.0.0.1.
  host?: string;
  /// redis://[user:password@]host:port[/db] (rediss:// for TLS).
  redis?: string;
  /// Listen on an address other computers reach, with no TLS in front (only behind a trusted network).
  allowInsecure?: boolean;
  /// This instance's name in its file names; several instances sharing a data folder need different ones.
  instance?: string;
  /// Largest WebSocket message taken (default 64 MiB: a story with its images); larger ones close the connection.
  maxMessageBytes?: number;
  /// How the .article copy is made from a story's Yjs document (tests may replace it).
  articleText?: ArticleText;
  /// Where the server says what went wrong (default: standard error).
  report?: (line: string) => void;
}

export interface RunningNewsroomServer {
  /// ws://host:port
  url: string;
  port: number;
  /// Stores every open story, closes every connection and stops listening.
  stop(): Promise<void>;
}

/// Raised when the server cannot start; the message says why in words.
export class NewsroomServerError extends Error {}

const instanceNamePattern = /^[A-Za-z0-9_.-]{1,100}$/;

const loopbackHosts = new Set(["127.0.0.1", "::1", "localhost"]);

export const defaultMaxMessageBytes = 64 * 1024 * 1024;

export async function startNewsroomServer(options: NewsroomServerOptions): Promise<RunningNewsroomServer> {
  const host = options.host ?? "127.0.0.1";
  if (!loopbackHosts.has(host) && !options.allowInsecure) {
    throw new NewsroomServerError(
      `${host} is reachable from other computers, and this server speaks plain ws:// (tokens and stories in clear). ` +
        "Listen on 127.0.0.1 behind a reverse proxy that terminates TLS (README, \"Writing together\"), or pass --allow-insecure on a network you trust.",
    );
  }
  const report = options.report ?? ((line: string) => process.stderr.write(`${line}\n`));
  await mkdir(options.dataDir, { recursive: true });
  const checkToken = tokenChecker(options.dataDir);
  const authenticated = new WeakSet<IncomingMessage>();
  const access = new Access(checkToken, (request) => authenticated.add(request));
  if (options.instance !== undefined && !instanceNamePattern.test(options.instance)) {
    throw new NewsroomServerError(`"${options.instance}" cannot name an instance: letters, digits, ".", "-" and "_"`);
  }
  // By default the host and the port: the same server started again appends to the same files.
  let instance = options.instance ?? `${hostname()}-${options.port}`;
  const store = new StoryStore(options.dataDir, () => instance, options.articleText ?? articleText, report);
  const extensions: Extension[] = [access, new DurableStorage(store), new StoriesHttp(store.storiesFolder, checkToken, access)];
  if (options.redis) extensions.push(await reachRedis(redisExtension(options.redis, options.instance ?? hostname()), options.redis, report));

  const server = new Server(
    {
      name: instance,
      port: options.port,
      address: host,
      quiet: true,
      stopOnSignals: false,
      extensions,
      async onDestroy() {
        await store.closeAll();
      },
    },
    { maxPayload: options.maxMessageBytes ?? defaultMaxMessageBytes },
  );
  const maxMessageBytes = options.maxMessageBytes ?? defaultMaxMessageBytes;
  limitUnauthenticated(server, authenticated, maxMessageBytes + 1024 * 1024);
  try {
    await server.listen();
  } catch (e) {
    await server.destroy().catch(() => undefined);
    throw new NewsroomServerError(`could not listen on ${host}:${options.port} (${(e as Error)?.message ?? String(e)})`);
  }
  const port = server.address.port;
  if (options.instance === undefined) instance = `${hostname()}-${port}`.replace(/[^A-Za-z0-9_.-]/g, "_");
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `ws://${urlHost}:${port}`,
    port,
    async stop() {
      // Hocuspocus stores and unloads every story, then resolves; the sockets it only asked to
      // close would keep the process alive until their ping timer (30 s) noticed.
      const destroyed = server.destroy();
      for (const socket of server.webSocketServer.clients) socket.terminate();
      await destroyed;
      server.httpServer.closeAllConnections();
    },
  };
}

/// Hocuspocus keeps what a socket sends for a story until its token is checked, and goes on keeping
/// it after a refusal: a socket none of whose tokens has been accepted may send this many bytes,
/// then it is cut off (a story with its images fits; a flood from someone without a token does not).
function limitUnauthenticated(server: Server, authenticated: WeakSet<IncomingMessage>, budget: number): void {
  server.webSocketServer.on("connection", (socket: WebSocket, request: IncomingMessage) => {
    let received = 0;
    socket.on("message", (data: RawData) => {
      if (authenticated.has(request)) return;
      received += Array.isArray(data) ? data.reduce((sum, part) => sum + part.byteLength, 0) : data.byteLength;
      if (received > budget) socket.terminate();
    });
  });
}

/// Waits until the extension's connections to Redis are up: a server that cannot reach the others
/// says so and does not start. Afterwards a lost connection is said once, and ioredis reconnects.
async function reachRedis(redis: Redis, address: string, report: (line: string) => void): Promise<Redis> {
  const clients = [redis.pub, redis.sub];
  const up = (client: (typeof clients)[number]) =>
    new Promise<void>((ready, failed) => {
      if (client.status === "ready") return ready();
      client.once("ready", ready);
      client.once("error", failed);
    });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      Promise.all(clients.map(up)),
      new Promise((_, late) => (timer = setTimeout(() => late(new Error("no answer within 10 s")), 10_000))),
    ]);
  } catch (e) {
    for (const client of clients) client.disconnect();
    throw new NewsroomServerError(`could not reach Redis at ${redactedAddress(address)} (${(e as Error)?.message ?? String(e)})`);
  } finally {
    clearTimeout(timer);
  }
  let said = "";
  for (const client of clients) {
    client.on("error", (e: Error) => {
      if (e.message !== said) report(`Redis at ${redactedAddress(address)}: ${(said = e.message)} (reconnecting; stories are not shared with other instances meanwhile)`);
    });
    client.on("ready", () => (said = ""));
  }
  return redis;
}

/// A Redis address without its password, for messages.
export function redactedAddress(address: string): string {
  try {
    const url = new URL(address);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return address;
  }
}

/// The Redis extension for a redis:// or rediss:// address.
function redisExtension(address: string, identifier: string): Redis {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new NewsroomServerError(`--redis ${address} is not an address (redis://host:port)`);
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") throw new NewsroomServerError(`--redis ${address}: the address starts with redis:// or rediss://`);
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) throw new NewsroomServerError(`--redis ${address}: the database number after the port is a whole number`);
  return new Redis({
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: url.port ? Number(url.port) : 6379,
    // Each instance's own name, so that it ignores its own messages and its peers see who sent what.
    identifier: `copydesk-${identifier}-${process.pid}`,
    prefix: "copydesk",
    options: {
      username: url.username ? decodeURIComponent(url.username) : undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      db,
      tls: url.protocol === "rediss:" ? {} : undefined,
    },
  });
}
