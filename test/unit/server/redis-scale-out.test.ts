import { spawnSync } from "node:child_process";
import { createConnection, createServer, type Server, type Socket } from "node:net";
import { afterEach, expect, it } from "vitest";
import { addUser } from "../../../server/users";
import {
  bodyTextOf,
  connect,
  dataFolder,
  freePort,
  killHard,
  removeFolder,
  startProcess,
  startServerProcess,
  stopProcess,
  storedStory,
  typeAtEnd,
  waitFor,
  type Client,
} from "./newsroom-support";

// Scaling out: two server instances share one data folder and a redis-server this test starts.
// Clients on different instances co-edit one story and converge; one instance is killed, its
// clients reach the other through a failover in front (as a load balancer would) and nothing
// anyone typed is lost. redis-server comes from the system's packages (.ci/run installs it);
// without it this test fails, saying so.

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/// A TCP front that sends each new connection to the first instance that accepts it.
async function failoverFront(ports: number[]): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const front: Server = createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    const tryPort = (index: number) => {
      if (index >= ports.length) return client.destroy();
      const upstream = createConnection({ host: "127.0.0.1", port: ports[index] });
      let connected = false;
      upstream.once("error", () => {
        if (!connected) tryPort(index + 1);
      });
      upstream.once("connect", () => {
        connected = true;
        sockets.add(upstream);
        upstream.on("close", () => (sockets.delete(upstream), client.destroy()));
        client.on("close", () => upstream.destroy());
        client.on("error", () => upstream.destroy());
        upstream.on("error", () => client.destroy());
        client.pipe(upstream).pipe(client);
      });
    };
    tryPort(0);
  });
  await new Promise<void>((r) => front.listen(0, "127.0.0.1", r));
  const { port } = front.address() as { port: number };
  return {
    port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((r) => front.close(r));
    },
  };
}

it("two instances through Redis: clients on each converge, and those of a killed one lose nothing", async () => {
  const found = spawnSync("redis-server", ["--version"], { encoding: "utf8" });
  if (found.error || found.status !== 0) {
    throw new Error("redis-server is not installed: this test needs it (apt-get install redis-server; .ci/run installs it)");
  }
  const redisPort = await freePort();
  const redis = await startProcess(
    "redis-server",
    ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    /Ready to accept connections/,
    "redis-server",
  );
  cleanup.push(() => stopProcess(redis));
  const redisUrl = `redis://127.0.0.1:${redisPort}`;

  const dataDir = await dataFolder();
  cleanup.push(() => removeFolder(dataDir));
  const token = await addUser(dataDir, "Ann Reporter");
  const first = await startServerProcess(["--data", dataDir, "--port", "0", "--redis", redisUrl, "--instance", "first"]);
  cleanup.push(() => stopProcess(first));
  const second = await startServerProcess(["--data", dataDir, "--port", "0", "--redis", redisUrl, "--instance", "second"]);
  cleanup.push(() => stopProcess(second));
  const front = await failoverFront([Number(new URL(first.url).port), Number(new URL(second.url).port)]);
  cleanup.push(() => front.close());

  const clients: Client[] = [];
  const open = (url: string, seed = false) => {
    const client = connect(url, "election-night", token, seed);
    clients.push(client);
    cleanup.push(() => client.close());
    return client;
  };
  // Two people on the first instance (through the front), two on the second.
  const ann = open(`ws://127.0.0.1:${front.port}`, true);
  await waitFor("the story on the first instance", () => ann.provider.isSynced && !ann.provider.hasUnsyncedChanges);
  open(`ws://127.0.0.1:${front.port}`); // Bo
  open(second.url); // Cy
  open(second.url); // Di
  await waitFor("everyone to have the story", () => clients.every((c) => c.provider.isSynced && c.doc.getXmlFragment("doc").length > 0));

  const letters = ["a", "b", "c", "d"];
  const typed = [0, 0, 0, 0];
  const typeRound = (count: number) => {
    for (let n = 0; n < count; n++) {
      clients.forEach((client, i) => {
        typeAtEnd(client.doc, letters[i]);
        typed[i]++;
      });
    }
  };
  const converged = () => {
    const text = bodyTextOf(ann.doc);
    return clients.every((c) => bodyTextOf(c.doc) === text) && letters.every((l, i) => text.split(l).length - 1 === typed[i]) ? text : false;
  };

  typeRound(40);
  await waitFor("all four replicas on two instances to converge", converged);

  // The first instance dies mid-typing; its clients reconnect through the front to the second.
  typeRound(20);
  await killHard(first);
  typeRound(20);
  await waitFor("Ann and Bo to be on the second instance", () => clients.every((c) => c.provider.isSynced && !c.provider.hasUnsyncedChanges));
  const text = await waitFor("every letter typed by anyone, everywhere", converged);
  expect(text.length).toBe(typed.reduce((a, b) => a + b, 0));

  // What is stored (both instances' files) holds it all once the second has compacted.
  for (const client of clients) client.close();
  await stopProcess(second);
  expect(bodyTextOf(await storedStory(dataDir, "election-night"))).toBe(text);
});
