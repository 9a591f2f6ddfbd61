import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startHost } from "./server";

// Runs the e2e host as its own process (so a test can kill it like a crashed app):
//   tsx test/e2e/host/main.ts [--user-data DIR] [--port N]
// Prints one line `COPYDESK_HOST_URL=http://127.0.0.1:PORT/` once it listens.

const { values } = parseArgs({ options: { "user-data": { type: "string" }, port: { type: "string" }, renderer: { type: "string" } } });
const userDataDir = values["user-data"] ?? mkdtempSync(join(tmpdir(), "copydesk-host-"));
const rendererDir = values.renderer ?? join(__dirname, "..", "..", "..", "out", "renderer");

void startHost({ rendererDir, userDataDir, port: values.port ? Number(values.port) : 0 }).then((host) => {
  process.stdout.write(`COPYDESK_HOST_URL=${host.url}\n`);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
});
