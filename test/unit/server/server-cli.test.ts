import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { afterEach, expect, it } from "vitest";
import { runCli } from "../../../cli/copydesk";
import { connect, dataFolder, freePort, removeFolder, startProcess, stopProcess, waitFor, type Started } from "./newsroom-support";

// `copydesk server` as people type it: the built command (bin/copydesk.cjs under plain Node) adds a
// user and runs the server until SIGTERM; misuse gets a sentence and exit 2, an address others
// reach in clear exit 1.

const bin = resolve(import.meta.dirname, "../../../bin/copydesk.cjs");
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

it("the built command adds a user, serves on the port the system gives, and stops on SIGTERM", async () => {
  const dataDir = await dataFolder();
  cleanup.push(() => removeFolder(dataDir));
  const token = execFileSync(process.execPath, [bin, "server", "add-user", "Ann Reporter", "--data", dataDir], { encoding: "utf8" }).trim();
  expect(token).toMatch(/^[0-9a-f]{16}\.[A-Za-z0-9_-]{43}$/);

  const server: Started & { match: RegExpMatchArray } = await startProcess(process.execPath, [bin, "server", "--data", dataDir, "--port", "0"], /listening on (ws:\/\/127\.0\.0\.1:\d+)/, "copydesk server");
  cleanup.push(() => stopProcess(server));
  const ann = connect(server.match[1], "council", token, true);
  cleanup.push(() => ann.close());
  await waitFor("Ann to be let in", () => ann.authenticated && ann.provider.isSynced);

  server.child.kill("SIGTERM");
  await server.exited;
  expect(server.child.exitCode).toBe(0);
  expect(server.output()).toMatch(/storing open stories and stopping/);
});

it("says what is wrong with a server command line", async () => {
  const dataDir = await dataFolder();
  cleanup.push(() => removeFolder(dataDir));
  expect(await cli("server", "--port", "0")).toMatchObject({ code: 2, err: ["copydesk server: name the data folder with --data DIR"] });
  expect((await cli("server", "--data", dataDir, "--port", "http")).code).toBe(2);
  expect((await cli("server", "add-user", "--data", dataDir)).code).toBe(2);
  const clear = await cli("server", "--data", dataDir, "--port", "0", "--host", "0.0.0.0");
  expect(clear.code).toBe(1);
  expect(clear.err.join("\n")).toMatch(/--allow-insecure/);
  const unnamed = await cli("server", "add-user", "\u0007", "--data", join(dataDir, "users"));
  expect(unnamed).toMatchObject({ code: 1, err: ["copydesk server add-user: a user's name is 1 to 80 printable characters"] });
  expect((await cli("help")).out.join("\n")).toMatch(/copydesk server add-user NAME --data DIR/);
  const noRedis = await cli("server", "--data", dataDir, "--port", "0", "--redis", `redis://127.0.0.1:${await freePort()}`);
  expect(noRedis.code).toBe(1);
  expect(noRedis.err.join("\n")).toMatch(/could not reach Redis at redis:\/\/127\.0\.0\.1:\d+/);
  const notRedis = await cli("server", "--data", dataDir, "--port", "0", "--redis", "http://127.0.0.1:6379");
  expect(notRedis).toMatchObject({ code: 1, err: ["copydesk server: --redis http://127.0.0.1:6379: the address starts with redis:// or rediss://"] });
});
