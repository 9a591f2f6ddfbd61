import { _electron, chromium, type Browser, type ElectronApplication, type Page } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { DialogAnswer, DialogRecord } from "../../support/scripted-dialogs";

// Where the app under test runs. Specs never look at this: they use the page objects, which
// ask the target to answer dialogs and to restart the app.

export const repoRoot = join(__dirname, "..", "..", "..");
/// The e2e host bundled by global-setup.ts.
export const hostBundle = join(repoRoot, ".tmp", "e2e-host", "main.cjs");
/// The scripted dialogs, bundled by global-setup.ts for the Electron target's main process.
export const dialogsBundle = join(repoRoot, ".tmp", "e2e-host", "scripted-dialogs.cjs");

export function targetName(): "chromium-host" | "electron" {
  return process.env.E2E_TARGET === "electron" ? "electron" : "chromium-host";
}

/// The Electron executable, or null where its binary was never downloaded.
export function electronBinary(): string | null {
  const pathFile = join(repoRoot, "node_modules", "electron", "path.txt");
  if (!existsSync(pathFile)) return null;
  const binary = join(repoRoot, "node_modules", "electron", "dist", readFileSync(pathFile, "utf8").trim());
  return existsSync(binary) ? binary : null;
}

/// Chromium flags that keep a headless run quiet and offline.
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/// A running app: its first window, and the means to answer its dialogs and to stop it.
export interface AppTarget {
  page: Page;
  answerDialogs(...answers: DialogAnswer[]): Promise<void>;
  dialogLog(): Promise<DialogRecord[]>;
  /// Links the app handed to the system browser or mail program, in order.
  openedLinks(): Promise<string[]>;
  /// Files the app asked the system's file manager to show ("Show in folder"), in order.
  shownInFolder(): Promise<string[]>;
  /// Chooses an application-menu item that the window carries out, e.g. "import" for File > Import.
  menuCommand(command: string): Promise<void>;
  /// Closes the window as its close button would; false when the user cancelled at the prompt.
  closeWindow(): Promise<boolean>;
  /// Quits as File > Quit would; false when the user cancelled at a prompt.
  quit(): Promise<boolean>;
  /// Ends the app the hard way, as a crash would.
  kill(): Promise<void>;
  close(): Promise<void>;
}

/// The e2e host in its own process and a page of Debian's Chromium on it.
export async function launchHost(userDataDir: string, browser?: Browser): Promise<AppTarget> {
  const child = spawn(process.execPath, [hostBundle, "--root", repoRoot, "--user-data", userDataDir], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await hostUrl(child);
  const ownBrowser = browser ? null : await chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs });
  const context = await (browser ?? ownBrowser!).newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  const post = (path: string, body: unknown) =>
    fetch(new URL(path, url), { method: "POST", body: JSON.stringify(body) }).then(async (r) => {
      if (!r.ok) throw new Error(`host ${path}: ${r.status} ${await r.text()}`);
      return r.json() as Promise<Record<string, unknown>>;
    });
  let exited = child.exitCode !== null;
  child.once("exit", () => (exited = true));
  return {
    page,
    answerDialogs: async (...answers) => void (await post("/__test/dialogs", answers)),
    dialogLog: async () => (await fetch(new URL("/__test/dialogs", url))).json() as Promise<DialogRecord[]>,
    menuCommand: async (command) => void (await post("/__test/event", { event: "menu:command", payload: { command } })),
    openedLinks: async () => (await fetch(new URL("/__test/opened-links", url))).json() as Promise<string[]>,
    shownInFolder: async () => (await fetch(new URL("/__test/shown-in-folder", url))).json() as Promise<string[]>,
    closeWindow: async () => (await post("/__test/close-window", {})).closed === true,
    quit: async () => (await post("/__test/quit", {})).quit === true,
    async kill() {
      child.kill("SIGKILL");
      await new Promise((ok) => (exited ? ok(null) : child.once("exit", ok)));
      await context.close();
      await ownBrowser?.close();
    },
    async close() {
      await context.close().catch(() => undefined);
      await ownBrowser?.close();
      if (!exited) {
        child.kill("SIGTERM");
        await new Promise((ok) => (exited ? ok(null) : child.once("exit", ok)));
      }
    },
  };
}

function hostUrl(child: ChildProcess): Promise<string> {
  return new Promise((ok, fail) => {
    let seen = "";
    const timer = setTimeout(() => fail(new Error(`the e2e host did not start: ${seen}`)), 20_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /COPYDESK_HOST_URL=(\S+)/.exec(seen);
      if (match) {
        clearTimeout(timer);
        ok(match[1]);
      }
    });
    child.once("exit", (code) => fail(new Error(`the e2e host exited (${code}) before listening: ${seen}`)));
  });
}

/// The built Electron app, with native dialogs stubbed in its main process to answer like the host's.
export async function launchElectron(userDataDir: string): Promise<AppTarget> {
  const app: ElectronApplication = await _electron.launch({
    executablePath: electronBinary() ?? undefined,
    args: [join(repoRoot, "out/main/index.js"), `--user-data-dir=${userDataDir}`],
    cwd: repoRoot,
  });
  const page = await app.firstWindow();
  // The same scripted dialogs as the host's, loaded into the main process; links are recorded, not opened.
  await app.evaluate(({ dialog, shell }, bundle) => {
    const load = (process as unknown as { mainModule: { require: (path: string) => unknown } }).mainModule.require;
    const { installInElectron } = load(bundle) as typeof import("../../support/scripted-dialogs");
    const state = globalThis as unknown as { __dialogs: unknown; __opened: string[]; __shown: string[] };
    state.__dialogs = installInElectron(dialog as never);
    state.__opened = [];
    state.__shown = [];
    (shell as unknown as { openExternal: (url: string) => Promise<void> }).openExternal = async (url: string) => void state.__opened.push(url);
    (shell as unknown as { showItemInFolder: (path: string) => void }).showItemInFolder = (path: string) => void state.__shown.push(path);
  }, dialogsBundle);
  return {
    page,
    answerDialogs: (...answers) =>
      app.evaluate((_electron, queued) => {
        (globalThis as unknown as { __dialogs: { queue(...a: DialogAnswer[]): void } }).__dialogs.queue(...queued);
      }, answers),
    dialogLog: () => app.evaluate(() => (globalThis as unknown as { __dialogs: { log: DialogRecord[] } }).__dialogs.log),
    async openedLinks() {
      return app.evaluate(() => (globalThis as unknown as { __opened?: string[] }).__opened ?? []);
    },
    async shownInFolder() {
      return app.evaluate(() => (globalThis as unknown as { __shown?: string[] }).__shown ?? []);
    },
    async menuCommand(command) {
      await app.evaluate(({ BrowserWindow }, name) => {
        BrowserWindow.getAllWindows()[0]?.webContents.send("copydesk:event", "menu:command", { command: name });
      }, command);
    },
    async closeWindow() {
      const closed = page.waitForEvent("close", { timeout: 5_000 }).then(
        () => true,
        () => false,
      );
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
      return closed;
    },
    async quit() {
      const quit = app.waitForEvent("close", { timeout: 5_000 }).then(
        () => true,
        () => false,
      );
      await app.evaluate(({ app: electronApp }) => electronApp.quit());
      return quit;
    },
    async kill() {
      app.process().kill("SIGKILL");
    },
    close: () => app.close(),
  };
}
