#!/usr/bin/env node
// `npm start`: runs the app with `electron-vite preview` (build, then Electron). When Electron's
// binary is missing, as after `ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install`, it says so in one
// line, with why and how to get it, and exits 1 instead of electron-vite's stack trace.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const howToGet =
  "to get it, run `npx install-electron` on a machine that reaches Electron's downloads " +
  "(github.com/electron/electron/releases), or npm install there without ELECTRON_SKIP_BINARY_DOWNLOAD; npm test and npx copydesk run without it";

/// Why Electron's binary cannot be started, in one line, or null when it is there. Looks where
/// electron-vite looks: ELECTRON_EXEC_PATH, else node_modules/electron/path.txt under dist/.
export function electronBinaryProblem({ env = process.env, electronDir = electronPackageDir(), exists = existsSync, read = readText } = {}) {
  if (env.ELECTRON_EXEC_PATH) {
    if (exists(env.ELECTRON_EXEC_PATH)) return null;
    return `copydesk: the Electron binary is missing: ELECTRON_EXEC_PATH names ${env.ELECTRON_EXEC_PATH}, which does not exist; set it to an Electron executable or unset it`;
  }
  const why = env.ELECTRON_SKIP_BINARY_DOWNLOAD
    ? "npm install skipped its download because ELECTRON_SKIP_BINARY_DOWNLOAD is set"
    : "npm install did not download it (ELECTRON_SKIP_BINARY_DOWNLOAD=1, or no access to Electron's downloads)";
  if (electronDir === null) return `copydesk: the Electron binary is missing: the electron package is not installed (run npm install); ${howToGet}`;
  const pathFile = read(join(electronDir, "path.txt"));
  if (pathFile === null) return `copydesk: the Electron binary is missing: ${why}; ${howToGet}`;
  const binary = join(electronDir, "dist", pathFile.trim());
  if (exists(binary)) return null;
  return `copydesk: the Electron binary is missing (no ${binary}): ${why}; ${howToGet}`;
}

function electronPackageDir() {
  try {
    return dirname(createRequire(import.meta.url).resolve("electron/package.json"));
  } catch {
    return null;
  }
}

function readText(path) {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problem = electronBinaryProblem();
  if (problem) {
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
  const electronVite = createRequire(import.meta.url).resolve("electron-vite/bin/electron-vite.js");
  const result = spawnSync(process.execPath, [electronVite, "preview", ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(result.status ?? 1);
}
