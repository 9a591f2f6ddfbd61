#!/usr/bin/env node
// `npm test`: builds, then runs every check and test, and ends with one line `N passed, N failed`.
// Type checking and lint count as one test each; vitest and Playwright count their own tests.
// A test file that does not load, and a Playwright run that does not start, count as failures
// and are named (test/report-count.mjs). The ten slowest tests are listed before the last line.
// `--long` (`npm run test:long`) runs the property and crash tests at full count (COPYDESK_LONG=1).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { countPlaywright, countVitest, newTally, slowest } from "./report-count.mjs";

const root = join(import.meta.dirname, "..");
const tmp = join(root, ".tmp");
mkdirSync(tmp, { recursive: true });
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const env = process.argv.includes("--long") ? { COPYDESK_LONG: "1" } : {};
const tally = newTally();

function run(title, args) {
  process.stdout.write(`\n=== ${title}: ${args.join(" ")}\n`);
  const started = Date.now();
  const result = spawnSync(npx, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  process.stdout.write(`=== ${title}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return result.status === 0;
}

function check(title, args) {
  if (run(title, args)) tally.passed += 1;
  else {
    tally.failed += 1;
    process.stdout.write(`${title} FAILED\n`);
  }
}

/// The parsed JSON report, or null when there is none (the tool did not start or crashed).
function readReport(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

if (!run("build", ["electron-vite", "build"])) {
  process.stdout.write("\nthe build failed; nothing else can run\n0 passed, 1 failed\n");
  process.exit(1);
}
check("typecheck", ["tsc", "-b"]);
check("lint", ["eslint", "."]);

const vitestJson = join(tmp, "vitest-results.json");
rmSync(vitestJson, { force: true });
const unitOk = run("unit tests", ["vitest", "run", "--configLoader", "runner", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
countVitest(tally, readReport(vitestJson), unitOk, root);

const e2eJson = join(tmp, "playwright-results.json");
rmSync(e2eJson, { force: true });
const e2eOk = run("e2e tests (chromium-host)", ["playwright", "test"]);
countPlaywright(tally, readReport(e2eJson), e2eOk);

if (tally.notRun.length > 0) {
  process.stdout.write(`\nDid not run, or failed outside a test (${tally.notRun.length}):\n`);
  for (const line of tally.notRun) process.stdout.write(`  ${line}\n`);
}
const slow = slowest(tally);
if (slow.length > 0) {
  process.stdout.write("\nSlowest tests:\n");
  for (const { title, ms } of slow) process.stdout.write(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${title}\n`);
}
process.stdout.write(`\n${tally.passed} passed, ${tally.failed} failed\n`);
process.exit(tally.failed === 0 ? 0 : 1);
