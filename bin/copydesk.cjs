#!/usr/bin/env node
// The `copydesk` command: runs the built CLI (out/main/cli/copydesk.cjs) under plain Node.
// CommonJS, like the built CLI, so that starting it costs no ES module loader.
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const cli = join(__dirname, "..", "out", "main", "cli", "copydesk.cjs");
if (!existsSync(cli)) {
  process.stderr.write("copydesk: the command is not built yet; run `npm run build` in the Copydesk folder.\n");
  process.exit(2);
}
require(cli)
  .runCli(process.argv.slice(2))
  .then((code) => (process.exitCode = code));
