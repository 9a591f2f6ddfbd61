#!/usr/bin/env node
// `npm test`: builds, then runs every check and test, and ends with one line `N passed, N failed`.
// Type checking and lint count as one test each; vitest and Playwright count their own tests.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const tmp = join(root, ".tmp");
mkdirSync(tmp, { recursive: true });
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

let passed = 0;
let failed = 0;

function run(title, args, env = {}) {
  process.stdout.write(`\n=== ${title}: ${args.join(" ")}\n`);
  const result = spawnSync(npx, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(title, args) {
  if (run(title, args)) passed += 1;
  else {
    failed += 1;
    process.stdout.write(`${title} FAILED\n`);
  }
}

function countJson(file, count) {
  if (!existsSync(file)) return false;
  const [p, f] = count(JSON.parse(readFileSync(file, "utf8")));
  passed += p;
  failed += f;
  return true;
}

if (!run("build", ["electron-vite", "build"])) {
  process.stdout.write("\nthe build failed; nothing else can run\n0 passed, 1 failed\n");
  process.exit(1);
}
check("typecheck", ["tsc", "-b"]);
check("lint", ["eslint", "."]);

const vitestJson = join(tmp, "vitest-results.json");
rmSync(vitestJson, { force: true });
const unitOk = run("unit tests", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
const unitCounted = countJson(vitestJson, (r) => [r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTests ?? 0)]);
if (!unitCounted || (!unitOk && failed === 0)) failed += 1;

const e2eJson = join(tmp, "playwright-results.json");
rmSync(e2eJson, { force: true });
const e2eOk = run("e2e tests (chromium-host)", ["playwright", "test"]);
const e2eCounted = countJson(e2eJson, (r) => [r.stats.expected + (r.stats.flaky ?? 0), r.stats.unexpected]);
if (!e2eCounted || (!e2eOk && (JSON.parse(readFileSync(e2eJson, "utf8")).stats?.unexpected ?? 0) === 0)) failed += 1;

process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
