import { defineConfig } from "@playwright/test";

// Two targets run the same specs: `chromium-host` (default: the built renderer in Debian's
// Chromium, served by the e2e host) and `electron` (E2E_TARGET=electron: the built app itself).
const target = process.env.E2E_TARGET ?? "chromium-host";

// Timeouts are sized for a 2-core machine running another heavy job at the same time (an idle
// one runs a spec in a few seconds): specs wait on conditions, and a timeout only catches one
// that never comes. Two workers in CI; elsewhere Playwright's default, half the cores.
export default defineConfig({
  testDir: "test/e2e/specs",
  globalSetup: "./test/e2e/support/global-setup.ts",
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: ".tmp/playwright-results.json" }]],
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [{ name: target }],
});
