import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { createArticle, type Article } from "../../../shared/article";
import { yNames } from "../../../shared/collab/y-names";
import { addUser, startNewsroomServer, type RunningNewsroomServer } from "../../../server/newsroom-server";
import type { ConnectionState } from "../../../renderer/src/collab/connection";
import { SharedStory } from "../../../renderer/src/collab/shared-story";
import { article as articleDoc, p } from "../editor/builders";
import { dataFolder, removeFolder, waitFor } from "../server/newsroom-support";

// A window's shared story against the real newsroom server (server/newsroom-server.ts) on
// 127.0.0.1: sharing, opening by id, a wrong token refused in words, and Take Offline / Bring Back
// Online with the changes not yet shared counted and then merged. Node 20 has no WebSocket of its
// own: the window's provider gets `ws`'s, as a browser's would be there.

(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

let folder: string;
let server: RunningNewsroomServer;
let tokens: { reporter: string; desk: string };
const stories: SharedStory[] = [];

beforeAll(async () => {
  folder = await dataFolder();
  server = await startNewsroomServer({ dataDir: folder, port: 0, host: "127.0.0.1", report: () => undefined });
  tokens = { reporter: await addUser(folder, "Test Reporter"), desk: await addUser(folder, "Sam Desk") };
});
afterAll(async () => {
  for (const story of stories) story.destroy();
  await server.stop();
  await removeFolder(folder);
});

/// A window's view of a connection: its last state.
function watcher() {
  const seen: { last: ConnectionState | null } = { last: null };
  return { seen, host: { onConnection: (state: ConnectionState) => void (seen.last = state) } };
}

function story(): Article {
  return { ...createArticle({ id: "00000000-0000-4000-8000-000000000018", now: new Date("2026-11-29T10:00:00Z") }), doc: articleDoc({ headline: "Storm closes the harbour", body: [p("Ferries stayed in port.")] }) };
}

describe("a shared story's connection", () => {
  it("shares a story, opens it in another window by its id, and refuses a wrong token in words", async () => {
    const reporter = watcher();
    const shared = await SharedStory.share(story(), server.url, tokens.reporter, "Test Reporter", reporter.host);
    stories.push(shared);
    expect(reporter.seen.last?.status).toBe("online");
    const desk = watcher();
    const opened = await SharedStory.open(server.url, shared.story, tokens.desk, "Sam Desk", desk.host);
    stories.push(opened);
    expect(opened.article().article.doc.child(1).textContent).toBe("Storm closes the harbour");
    // Each sees the other in the story.
    await waitFor("the reporter sees the desk", () => reporter.seen.last?.others.some((person) => person.name === "Sam Desk"));
    await expect(SharedStory.open(server.url, shared.story, "not-a-token", "Someone", watcher().host)).rejects.toThrow(/refused your token/);
  });

  it("counts the changes made offline, and merges them when brought back online", async () => {
    const reporter = watcher();
    const shared = await SharedStory.share(story(), server.url, tokens.reporter, "Test Reporter", reporter.host);
    const desk = watcher();
    const opened = await SharedStory.open(server.url, shared.story, tokens.desk, "Sam Desk", desk.host);
    stories.push(shared, opened);
    opened.connection.takeOffline();
    expect(desk.seen.last?.status).toBe("offline");
    opened.ydoc.getMap(yNames.meta).set("slug", "storm-harbour");
    opened.ydoc.getMap(yNames.meta).set("urgency", 2);
    shared.ydoc.getMap(yNames.meta).set("ednote", "Hold for legal");
    expect(desk.seen.last).toMatchObject({ status: "offline", pending: 2 });
    expect(shared.ydoc.getMap(yNames.meta).get("slug")).not.toBe("storm-harbour");
    opened.connection.bringOnline();
    await waitFor("the desk is back online", () => desk.seen.last?.status === "online" && desk.seen.last.pending === 0);
    await waitFor("the reporter has the desk's changes", () => shared.ydoc.getMap(yNames.meta).get("slug") === "storm-harbour");
    expect(opened.ydoc.getMap(yNames.meta).get("ednote")).toBe("Hold for legal");
    expect(shared.ydoc.getMap(yNames.meta).get("urgency")).toBe(2);
  });

  it("keeps the changes made while the server is gone, says how many, and merges them when it is back", async () => {
    const reporter = watcher();
    const shared = await SharedStory.share(story(), server.url, tokens.reporter, "Test Reporter", reporter.host);
    const desk = watcher();
    const opened = await SharedStory.open(server.url, shared.story, tokens.desk, "Sam Desk", desk.host);
    stories.push(shared, opened);
    const { port } = server;
    await server.stop();
    await waitFor("the desk notices", () => desk.seen.last?.status === "connecting");
    opened.ydoc.getMap(yNames.meta).set("slug", "storm-harbour");
    shared.ydoc.getMap(yNames.meta).set("ednote", "Hold for legal");
    expect(desk.seen.last).toMatchObject({ status: "connecting", pending: 1 });
    // The same server again, on its port and folder: both windows reconnect by themselves and merge.
    server = await startNewsroomServer({ dataDir: folder, port, host: "127.0.0.1", report: () => undefined });
    await waitFor("both are back", () => desk.seen.last?.status === "online" && desk.seen.last.pending === 0 && reporter.seen.last?.status === "online");
    await waitFor("the merge", () => shared.ydoc.getMap(yNames.meta).get("slug") === "storm-harbour" && opened.ydoc.getMap(yNames.meta).get("ednote") === "Hold for legal");
  });
});
