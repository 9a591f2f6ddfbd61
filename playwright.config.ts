import { defineConfig } from "@playwright/test";

// Two targets run the same specs: `chromium-host` (default: the built renderer in Debian's
// Chromium, served by the e2e host) and `electron` (E2E_TARGET=electron: the built app itself).
const target = process.env.E2E_TARGET ?? "chromium-host";

export default defineConfig({
  testDir: "test/e2e/specs",
  globalSetup: "./test/e2e/support/global-setup.ts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
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
