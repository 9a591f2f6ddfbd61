import { existsSync, readFileSync } from "node:fs";
import { appendFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { DeskIndex } from "../../../electron/services/desk-index";
import { fieldText } from "../../../shared/article";
import { parseArticleFile } from "../../../shared/article-file";
import { addUser, startNewsroomServer, type RunningNewsroomServer } from "../../../server/newsroom-server";
import { decodeRecords, encodeRecords, UpdateLog } from "../../../server/story-log";
import type { StoriesAnswer } from "../../../server/stories-http";
import { bodyTextOf, connect, dataFolder, removeFolder, storedStory, typeAtEnd, waitFor, type Client } from "./newsroom-support";

// The newsroom server in this process, on 127.0.0.1 and a port the system chooses: tokens,
// co-editing through the real provider, the .article copy the desk reads, GET /stories, and
// refusals of what it must not take.

let dataDir: string;
let server: RunningNewsroomServer;
let token: string;
const clients: Client[] = [];

const open = (story: string, withToken = token, seed = false) => {
  const client = connect(server.url, story, withToken, seed);
  clients.push(client);
  return client;
};

beforeEach(async () => {
  dataDir = await dataFolder();
  token = await addUser(dataDir, "Ann Reporter");
  server = await startNewsroomServer({ dataDir, port: 0, maxMessageBytes: 256 * 1024, report: () => undefined });
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await server.stop();
  await removeFolder(dataDir);
});

describe("who may connect", () => {
  it("accepts a token add-user printed and refuses a missing or wrong one, sending no part of the story", async () => {
    const ann = open("fire-lyon", token, true);
    await waitFor("Ann to be in", () => ann.authenticated && ann.provider.isSynced);
    typeAtEnd(ann.doc, "Secret draft");
    await waitFor("the edit to be acknowledged", () => ann.acknowledgedText === "Secret draft");

    const wrong = open("fire-lyon", `${token.slice(0, -2)}xx`);
    const none = open("fire-lyon", "");
    const forged = open("fire-lyon", "not-a-token");
    await waitFor("the wrong tokens to be refused", () => wrong.refused && none.refused && forged.refused);
    expect(wrong.refused).toBe("this server does not know that token");
    expect(forged.refused).toBe("this server does not know that token");
    expect(none.refused).toMatch(/no token/);
    for (const refused of [wrong, none, forged]) {
      expect(refused.authenticated).toBe(false);
      expect(bodyTextOf(refused.doc)).toBe("");
      expect(refused.doc.getXmlFragment("doc").length).toBe(0);
    }
  });

  it("refuses a story id that is not one", async () => {
    const client = open("../users");
    await waitFor("the refusal", () => client.refused);
    expect(client.refused).toMatch(/not a story id/);
    // Nothing was made for it on disk.
    expect(existsSync(join(dataDir, "yjs"))).toBe(false);
    expect(existsSync(join(dataDir, "stories"))).toBe(false);
  });

  it("lets a user added while it runs connect at once", async () => {
    const later = await addUser(dataDir, "Bo Editor");
    const client = open("budget", later, true);
    await waitFor("Bo to be in", () => client.authenticated);
  });
});

describe("writing together", () => {
  it("two people's edits meet: both replicas converge and the .article copy is a valid story the desk lists", async () => {
    const ann = open("fire-lyon", token, true);
    await waitFor("Ann's story to be on the server", () => ann.provider.isSynced && !ann.provider.hasUnsyncedChanges);
    const bo = open("fire-lyon", await addUser(dataDir, "Bo Editor"));
    await waitFor("the story to reach Bo", () => bo.provider.isSynced && bodyTextOf(bo.doc) === "");
    await waitFor("Bo's copy of the body", () => bo.doc.getXmlFragment("doc").length > 0);

    typeAtEnd(ann.doc, "Fire in Lyon. ");
    typeAtEnd(bo.doc, "Firefighters came. ");
    await waitFor("both to converge", () => bodyTextOf(ann.doc).length === 33 && bodyTextOf(ann.doc) === bodyTextOf(bo.doc));
    const text = bodyTextOf(ann.doc);
    expect(text).toContain("Fire in Lyon.");
    expect(text).toContain("Firefighters came.");

    // The .article copy is written at the next compaction (seconds later, or when the story is left).
    const articlePath = join(dataDir, "stories", "fire-lyon.article");
    await waitFor("the .article copy to hold both edits", () => {
      if (!existsSync(articlePath)) return false;
      const parsed = parseArticleFile(readFileSync(articlePath));
      return parsed.ok && fieldText(parsed.article.doc, "body").includes("Firefighters came.") && fieldText(parsed.article.doc, "body").includes("Fire in Lyon.");
    });

    const desk = new DeskIndex(join(dataDir, "stories"));
    await desk.scan();
    expect(desk.stories().map((s) => s.id)).toEqual(["fire-lyon.article"]);
    expect(desk.stories()[0].problem).toBeUndefined();

    // Everything acknowledged is in the Yjs files too.
    expect(bodyTextOf(await storedStory(dataDir, "fire-lyon"))).toBe(text);
  });

  it("GET /stories lists the stories and who is in them, for a token only", async () => {
    const ann = open("budget", token, true);
    await waitFor("Ann in the story", () => ann.provider.isSynced && !ann.provider.hasUnsyncedChanges);
    typeAtEnd(ann.doc, "Council budget");
    await waitFor("the copy", () => existsSync(join(dataDir, "stories", "budget.article")));

    const http = server.url.replace("ws://", "http://");
    const refused = await fetch(`${http}/stories`);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: string }).error).toMatch(/no token/);
    const wrong = await fetch(`${http}/stories`, { headers: { Authorization: "Bearer abc" } });
    expect(wrong.status).toBe(401);

    const answer = await fetch(`${http}/stories`, { headers: { Authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(200);
    const { stories } = (await answer.json()) as StoriesAnswer;
    expect(stories).toHaveLength(1);
    expect(stories[0]).toMatchObject({ id: "budget", status: "draft", people: ["Ann Reporter"] });
    expect((await fetch(`${http}/nothing`)).status).toBe(404);
  });
});

describe("what it refuses without falling over", () => {
  it("closes a connection that sends a message over the limit, and goes on serving", async () => {
    const socket = new WebSocket(server.url);
    await new Promise((r) => socket.once("open", r));
    const closed = new Promise<number>((r) => socket.once("close", (code) => r(code)));
    socket.send(Buffer.alloc(300 * 1024, 1));
    expect(await closed).toBe(1009);

    const ann = open("after-huge", token, true);
    await waitFor("a new client to be served", () => ann.authenticated && ann.provider.isSynced);
  });

  it("cuts off a socket that sends more than a story's worth before any token of it is accepted", async () => {
    const socket = new WebSocket(server.url);
    await new Promise((r) => socket.once("open", r));
    const closed = new Promise<number>((r) => socket.once("close", (code) => r(code)));
    // Messages for a story it never authenticates: Hocuspocus would queue them all.
    const message = Buffer.concat([Buffer.from([5]), Buffer.from("flood"), Buffer.alloc(200 * 1024, 1)]);
    for (let i = 0; i < 8; i++) socket.send(message);
    expect(await closed).toBe(1006);

    const ann = open("after-flood", token, true);
    await waitFor("a new client to be served", () => ann.authenticated && ann.provider.isSynced);
  });

  it("closes a connection that sends bytes that are not the protocol, and goes on serving", async () => {
    for (const garbage of [Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), Buffer.from("hello"), Buffer.from([3, 65, 66, 67, 0, 2, 0])]) {
      const socket = new WebSocket(server.url);
      await new Promise((r) => socket.once("open", r));
      const closed = new Promise((r) => socket.once("close", r));
      socket.send(garbage);
      socket.close();
      await closed;
    }
    const ann = open("after-garbage", token, true);
    await waitFor("a new client to be served", () => ann.authenticated && ann.provider.isSynced);
  });

  it("never stores an update that is not one: the story still loads after a client sent a broken one", async () => {
    const ann = open("broken-update", token, true);
    await waitFor("Ann's story on the server", () => ann.provider.isSynced && !ann.provider.hasUnsyncedChanges);
    typeAtEnd(ann.doc, "Kept");
    await waitFor("the edit acknowledged", () => ann.acknowledgedText === "Kept");

    // A client that authenticates, then sends half of a real update as a sync update.
    const varUint = (n: number) => {
      const bytes: number[] = [];
      for (; n > 0x7f; n >>>= 7) bytes.push((n & 0x7f) | 0x80);
      bytes.push(n);
      return Buffer.from(bytes);
    };
    const varBytes = (b: Uint8Array) => Buffer.concat([varUint(b.byteLength), b]);
    const name = varBytes(Buffer.from("broken-update"));
    const socket = new WebSocket(server.url);
    await new Promise((r) => socket.once("open", r));
    // Hocuspocus answers a message it cannot apply with its own "close" message (type 7).
    const closed = new Promise((r) => socket.on("message", (data: Buffer) => data[name.byteLength] === 7 && r(null)));
    socket.send(Buffer.concat([name, varUint(2), varUint(0), varBytes(Buffer.from(token))]));
    const whole = Y.encodeStateAsUpdate(ann.doc);
    socket.send(Buffer.concat([name, varUint(0), varUint(2), varBytes(whole.subarray(0, whole.byteLength >> 1))]));
    await closed;
    socket.close();

    // Nothing of it reached the files: they load, and hold Ann's words.
    expect(bodyTextOf(await storedStory(dataDir, "broken-update"))).toBe("Kept");
  });

  it("will not listen where other computers reach it in clear, unless told to", async () => {
    await expect(startNewsroomServer({ dataDir, port: 0, host: "0.0.0.0" })).rejects.toThrow(/reverse proxy that terminates TLS/);
    const insecure = await startNewsroomServer({ dataDir, port: 0, host: "0.0.0.0", allowInsecure: true, instance: "other" });
    await insecure.stop();
  });
});

describe("the update log", () => {
  it("reads whole records and cuts off a torn one before appending", async () => {
    const path = join(dataDir, "story.log");
    const queue = { tail: Promise.resolve() };
    const enqueue = (step: () => Promise<void>) => (queue.tail = queue.tail.then(step));
    const log = new UpdateLog(path, enqueue);
    await log.open();
    await Promise.all([log.append(Uint8Array.of(1, 2, 3)), log.append(Uint8Array.of(4))]);
    // A crash in the middle of the next write: half a record.
    await appendFile(path, encodeRecords([Uint8Array.of(9, 9, 9, 9)]).subarray(0, 6));
    await log.close();
    expect(decodeRecords(await readFile(path)).updates.map((u) => [...u])).toEqual([[1, 2, 3], [4]]);

    const reopened = new UpdateLog(path, enqueue);
    await reopened.open();
    await reopened.append(Uint8Array.of(5, 6));
    await reopened.close();
    const { updates, validBytes } = decodeRecords(await readFile(path));
    expect(updates.map((u) => [...u])).toEqual([[1, 2, 3], [4], [5, 6]]);
    expect(validBytes).toBe((await readFile(path)).byteLength);
  });
});
