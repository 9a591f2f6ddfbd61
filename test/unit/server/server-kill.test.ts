import { afterEach, expect, it } from "vitest";
import { addUser } from "../../../server/users";
import {
  bodyTextOf,
  connect,
  dataFolder,
  killHard,
  removeFolder,
  startServerProcess,
  stopProcess,
  storedStory,
  typeAtEnd,
  waitFor,
  type Client,
  type Started,
} from "./newsroom-support";

// "A crash of the server loses no acknowledged edit": the server runs in a process of its own,
// a reporter types, the server is killed with SIGKILL in the middle of the typing, and what is on
// disk then holds every edit the server had acknowledged. Started again on the same port, the
// reporter's provider reconnects by itself and the story ends with every word typed.

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

it("kill -9 during typing loses no acknowledged edit, and the provider reconnects by itself", async () => {
  const dataDir = await dataFolder();
  cleanup.push(() => removeFolder(dataDir));
  const token = await addUser(dataDir, "Ann Reporter");
  let server: Started & { url: string } = await startServerProcess(["--data", dataDir, "--port", "0"]);
  cleanup.push(() => stopProcess(server));
  const port = new URL(server.url).port;

  const ann: Client = connect(server.url, "breaking", token, true);
  cleanup.push(() => ann.close());
  await waitFor("Ann's story on the server", () => ann.provider.isSynced && !ann.provider.hasUnsyncedChanges);

  // Type a word at a time, each character its own update; once the server has acknowledged 130
  // words, SIGKILL it at once (from the acknowledgement's own event) and type 50 words more.
  let killed = false;
  let acknowledged = "";
  ann.provider.on("unsyncedChanges", () => {
    if (!killed && ann.acknowledgedText.split(" ").length > 130) {
      killed = true;
      acknowledged = ann.acknowledgedText;
      server.child.kill("SIGKILL");
    }
  });
  let everything = "";
  for (let word = 0, afterKill = 0; afterKill < 50; word++) {
    typeAtEnd(ann.doc, `w${word} `);
    everything += `w${word} `;
    if (killed) afterKill++;
    if (word > 50_000) throw new Error("the server acknowledged too little to be killed mid-typing");
    await new Promise((r) => setImmediate(r));
  }
  await killHard(server);

  // Before anyone reconnects: the files alone hold every acknowledged edit.
  const onDisk = bodyTextOf(await storedStory(dataDir, "breaking"));
  expect(acknowledged.length).toBeGreaterThan(0);
  expect(onDisk.startsWith(acknowledged)).toBe(true);

  // Same port again; the provider finds it without being told, and sends what was not acknowledged.
  server = await startServerProcess(["--data", dataDir, "--port", port]);
  await waitFor("Ann's provider to reconnect and be acknowledged", () => ann.provider.isSynced && !ann.provider.hasUnsyncedChanges && ann.authenticated);
  expect(bodyTextOf(ann.doc)).toBe(everything);

  const bo = connect(server.url, "breaking", await addUser(dataDir, "Bo Editor"));
  cleanup.push(() => bo.close());
  await waitFor("a newcomer to receive the whole story", () => bodyTextOf(bo.doc) === everything);

  // A polite stop compacts: the files and the .article copy hold it all.
  await stopProcess(server);
  expect(bodyTextOf(await storedStory(dataDir, "breaking"))).toBe(everything);
});
