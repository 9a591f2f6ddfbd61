import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startHost } from "./server";

// Runs the e2e host as its own process (so a test can kill it like a crashed app):
//   tsx test/e2e/host/main.ts [--user-data DIR] [--port N] [--root REPO]
// (the e2e fixtures run a bundle of it made by global-setup.ts, passing --root).
// Prints one line `COPYDESK_HOST_URL=http://127.0.0.1:PORT/` once it listens.

const { values } = parseArgs({
  options: { "user-data": { type: "string" }, port: { type: "string" }, root: { type: "string" } },
});
const root = values.root ?? join(__dirname, "..", "..", "..");
const userDataDir = values["user-data"] ?? mkdtempSync(join(tmpdir(), "copydesk-host-"));

void startHost({
  rendererDir: join(root, "out", "renderer"),
  bridgeSource: join(root, "test", "e2e", "host", "bridge.ts"),
  userDataDir,
  port: values.port ? Number(values.port) : 0,
}).then((host) => {
  process.stdout.write(`COPYDESK_HOST_URL=${host.url}\n`);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
});
