import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import WebSocket from "ws";
import * as Y from "yjs";
import { createArticle } from "../../../shared/article";
import { articleToYDoc } from "../../../shared/collab/y-article";
import { yNames } from "../../../shared/collab/y-names";
import { readStoryFolder } from "../../../server/story-log";

// What the newsroom server's tests share: clients (the real @hocuspocus/provider over `ws`), typing
// into a story's body, waiting on conditions, and server processes the tests start and kill.

const repo = resolve(import.meta.dirname, "../../..");

/// A fresh data folder; removed by `removeFolder`.
export const dataFolder = () => mkdtemp(join(tmpdir(), "copydesk-newsroom-"));
export const removeFolder = (folder: string) => rm(folder, { recursive: true, force: true });

/// Waits until `check` answers something other than false/undefined, looking again every 20 ms.
export async function waitFor<T>(what: string, check: () => T | false | undefined | null, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== false && value !== undefined && value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/// One person's replica of a story, connected through the real provider.
export interface Client {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /// Why the server refused the token, once it has.
  refused: string | null;
  authenticated: boolean;
  /// The body text as of the last update the server acknowledged (acknowledgements come in the
  /// order the updates were sent, one each).
  acknowledgedText: string;
  close(): void;
}

/// Connects to `story` with `token`; reconnects by itself (quickly, for tests) when the connection drops.
export function connect(url: string, story: string, token: string, seed = false): Client {
  const doc = new Y.Doc();
  let unacknowledged = 0;
  const inFlight: string[] = [];
  if (seed) {
    articleToYDoc(createArticle({ id: story }), doc);
    bodyParagraph(doc); // its text node, made once by the one who shares the story
  }
  // Reconnects quickly (tests): from 50 ms, growing to half a second at most.
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket, delay: 50, minDelay: 50, maxDelay: 500, factor: 1.5 });
  const client: Client = {
    doc,
    refused: null,
    authenticated: false,
    acknowledgedText: "",
    provider: new HocuspocusProvider({
      websocketProvider: socket,
      name: story,
      document: doc,
      token,
      onAuthenticationFailed: ({ reason }) => (client.refused = reason),
      onAuthenticated: () => (client.authenticated = true),
      onUnsyncedChanges: ({ number }) => {
        // An update sent: the text it brings the server to. An acknowledgement: the oldest one is on the server.
        for (let i = unacknowledged; i < number; i++) inFlight.push(bodyTextOf(doc));
        for (let i = number; i < unacknowledged; i++) client.acknowledgedText = inFlight.shift() ?? client.acknowledgedText;
        unacknowledged = number;
      },
    }),
    close: () => {
      client.provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
  client.provider.attach();
  return client;
}

/// The story body's first paragraph as Yjs text (null until the story's structure has arrived).
export function bodyParagraph(doc: Y.Doc): Y.XmlText | null {
  const body = doc
    .getXmlFragment(yNames.doc)
    .toArray()
    .find((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === "body");
  const paragraph = body?.toArray().find((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === "paragraph");
  if (!paragraph) return null;
  const text = paragraph.toArray().find((node): node is Y.XmlText => node instanceof Y.XmlText);
  if (text) return text;
  // An empty paragraph has no text node yet: the first to type makes it (as y-prosemirror would).
  paragraph.insert(0, [new Y.XmlText()]);
  return paragraph.get(0) as Y.XmlText;
}

export const bodyTextOf = (doc: Y.Doc): string => {
  const body = doc
    .getXmlFragment(yNames.doc)
    .toArray()
    .find((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === "body");
  return body?.toArray().map((p) => (p instanceof Y.XmlElement ? p.toArray().map((t) => (t instanceof Y.XmlText ? t.toString() : "")).join("") : "")).join("\n") ?? "";
};

/// Types `text` at the end of the body's first paragraph, a transaction (an update) per character.
export function typeAtEnd(doc: Y.Doc, text: string): void {
  const paragraph = bodyParagraph(doc);
  if (!paragraph) throw new Error("the story's body has not arrived");
  for (const character of text) paragraph.insert(paragraph.length, character);
}

/// Everything stored for a story in a data folder (all instances' state and logs), as a fresh Y.Doc.
export async function storedStory(dataDir: string, story: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of await readStoryFolder(join(dataDir, "yjs", story))) Y.applyUpdate(doc, update);
  return doc;
}

/// A port the system reports free now.
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

/// A child process that the test starts and stops.
export interface Started {
  child: ChildProcess;
  output: () => string;
  /// Resolves when the process has exited.
  exited: Promise<void>;
}

/// Starts a command and waits until its output matches `ready`; returns the match too.
export async function startProcess(command: string, args: string[], ready: RegExp, what: string): Promise<Started & { match: RegExpMatchArray }> {
  const child = spawn(command, args, { cwd: repo, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  let gone = false;
  void exited.then(() => (gone = true));
  const match = await waitFor(`${what} to start`, () => {
    if (gone) throw new Error(`${what} exited before it was ready:\n${output}`);
    return ready.exec(output);
  });
  return { child, output: () => output, exited, match };
}

/// A newsroom server in a process of its own (node --import tsx, one process, so `kill -9` kills it).
export async function startServerProcess(args: string[]): Promise<Started & { url: string }> {
  const started = await startProcess(
    process.execPath,
    ["--import", "tsx", join(repo, "test/unit/server/server-process.ts"), "server", ...args],
    /listening on (ws:\/\/\S+)/,
    "the newsroom server",
  );
  return { ...started, url: started.match[1] };
}

/// Kills a process at once (SIGKILL) and waits until it is gone.
export async function killHard(started: Started): Promise<void> {
  started.child.kill("SIGKILL");
  await started.exited;
}

/// Stops a process politely and waits until it is gone.
export async function stopProcess(started: Started): Promise<void> {
  if (started.child.exitCode !== null || started.child.signalCode !== null) return;
  started.child.kill("SIGTERM");
  await started.exited;
}
