import { test as base, chromium, type Browser } from "@playwright/test";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Copydesk } from "./copydesk";
import { chromiumArgs, launchElectron, launchHost, targetName, type AppTarget } from "./targets";

export { expect } from "@playwright/test";
export { readArticle } from "./copydesk";

interface Fixtures {
  /// A folder for the test's files, removed afterwards.
  workDir: string;
  /// The app's user-data folder (recovery copies, settings); survives `restart`.
  userDataDir: string;
  /// Starts the app on the user-data folder; `copydesk` below is one started for you. With `as`,
  /// the app starts as that person (another member of the desk on the same machine).
  launch: (options?: { as?: Identity }) => Promise<Copydesk>;
  /// The app, started and ready.
  copydesk: Copydesk;
  /// Who is writing, put in the settings before the app first starts, so it does not ask (a spec
  /// of the first-start question sets it to null with `test.use`).
  identity: Identity | null;
}

/// Who is writing, as Settings keeps it.
export type Identity = { id: string; name: string; initials: string };

/// The identity every spec's app starts with, unless the spec asks for none.
export const testIdentity = { id: "p-e2e-reporter", name: "Test Reporter", initials: "TR" };

/// Playwright's `test` with the Copydesk fixtures.
export const test = base.extend<Fixtures, { hostBrowser: Browser | null }>({
  hostBrowser: [
    async ({}, use) => {
      const browser = targetName() === "chromium-host" ? await chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs }) : null;
      await use(browser);
      await browser?.close();
    },
    { scope: "worker" },
  ],
  workDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), "copydesk-e2e-"));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  userDataDir: async ({ workDir }, use) => use(join(workDir, "user-data")),
  identity: [testIdentity, { option: true }],
  launch: async ({ hostBrowser, userDataDir, identity }, use) => {
    const started: AppTarget[] = [];
    await use(async (options = {}) => {
      const settingsFile = join(userDataDir, "settings.json");
      if (options.as || (identity && !existsSync(settingsFile))) {
        mkdirSync(userDataDir, { recursive: true });
        writeFileSync(settingsFile, `${JSON.stringify({ identity: options.as ?? identity }, null, 2)}\n`);
      }
      const target = targetName() === "electron" ? await launchElectron(userDataDir) : await launchHost(userDataDir, hostBrowser ?? undefined);
      started.push(target);
      const app = new Copydesk(target);
      await app.ready();
      return app;
    });
    for (const target of started) await target.close().catch(() => undefined);
  },
  copydesk: async ({ launch }, use) => use(await launch()),
});
