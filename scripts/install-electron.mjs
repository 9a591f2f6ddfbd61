#!/usr/bin/env node
// npm install's last step (`postinstall`): downloads Electron's binary, as the electron package
// did by itself until Electron 42, which leaves it to `npx install-electron` (its install.js:
// download, check against the package's checksums, unpack into node_modules/electron/dist; at
// once when the binary is already there). ELECTRON_SKIP_BINARY_DOWNLOAD=1 skips it, as before:
// every test but the Electron e2e target runs without the binary.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  process.stdout.write("copydesk: Electron's binary not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD is set); `npx install-electron` gets it later\n");
  process.exit(0);
}
const installer = createRequire(import.meta.url).resolve("electron/install.js");
const result = spawnSync(process.execPath, [installer], { stdio: "inherit" });
process.exit(result.status ?? 1);
