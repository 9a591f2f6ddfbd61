#!/usr/bin/env node
// The `copydesk` command: runs the built CLI (out/main/cli.js) under plain Node.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../out/main/cli.js", import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write("copydesk: the command is not built yet; run `npm run build` in the Copydesk folder.\n");
  process.exit(2);
}
const { runCli } = createRequire(import.meta.url)(cli);
process.exitCode = await runCli(process.argv.slice(2));
