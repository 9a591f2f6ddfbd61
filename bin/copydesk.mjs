#!/usr/bin/env node
// The `copydesk` command: runs the built CLI (out/main/cli/copydesk.mjs) under plain Node.
import { existsSync } from "node:fs";

const cli = new URL("../out/main/cli/copydesk.mjs", import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write("copydesk: the command is not built yet; run `npm run build` in the Copydesk folder.\n");
  process.exit(2);
}
const { runCli } = await import(cli.href);
process.exitCode = await runCli(process.argv.slice(2));
