// Runs `electron-builder --dir` offline: the Electron binary is replaced by a stub that carries
// only a fuse wire, so packaging copies it, writes app.asar and flips the fuses without a download.
import { execFile, spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { Arch, build, type Configuration, Platform } from "electron-builder";
import { parse } from "yaml";

const run = promisify(execFile);

export const projectRoot = resolve(__dirname, "..", "..", "..");

/// How long one offline pack may take: about 20 s on an idle 2-core machine, over two minutes when
/// it is running another heavy job (`electron-builder --dir` copies and hashes the whole app).
export const packTimeoutMs = 300_000;

/** The electron-builder configuration as committed. */
export function loadBuilderConfig(): Record<string, unknown> {
  return parse(readFileSync(join(projectRoot, "electron-builder.yml"), "utf8")) as Record<string, unknown>;
}

/** Marks the start of Electron's fuse wire in its binary (see @electron/fuses). */
export const fuseSentinel = "dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX";

/** Reads the fuse wire of a packed Electron binary as ASCII '0'/'1' (or other state bytes). */
export function readFuseWire(binaryPath: string): string {
  const binary = readFileSync(binaryPath);
  const start = binary.indexOf(fuseSentinel) + fuseSentinel.length;
  if (start < fuseSentinel.length) throw new Error(`no fuse wire in ${binaryPath}`);
  return binary.subarray(start + 2, start + 2 + binary[start + 1]!).toString("latin1");
}

/** Electron's own defaults, as ASCII '0'/'1', in @electron/fuses' FuseV1Options order. */
const unflippedFuseWire = "10110001";

/** The platforms the offline packs cover: both need no download for `--dir`. */
export type StubPlatform = "linux" | "mac";

/** Writes `content` as an executable file, creating its folder. */
function writeExecutable(path: string, content: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  chmodSync(path, 0o755);
}

/** A stub binary: a shell script that carries Electron's unflipped fuse wire. */
function stubBinary(): Buffer {
  const wire = Buffer.concat([Buffer.from(fuseSentinel), Buffer.from([1, unflippedFuseWire.length]), Buffer.from(unflippedFuseWire)]);
  return Buffer.concat([Buffer.from("#!/bin/sh\necho 'stub Electron for offline packaging tests'\n# "), wire, Buffer.from("\n")]);
}

const stubInfoPlist = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0"><dict>
  <key>CFBundleExecutable</key><string>Electron</string>
  <key>CFBundleIconFile</key><string>electron.icns</string>
  <key>CFBundleIdentifier</key><string>com.github.Electron</string>
  <key>CFBundleName</key><string>Electron</string>
  <key>CFBundleVersion</key><string>45.0.0</string>
</dict></plist>
`;

/** Writes a folder that electron-builder accepts as an unpacked Electron for `platform`. */
function writeStubElectronDist(dir: string, platform: StubPlatform): void {
  if (platform === "linux") {
    writeExecutable(join(dir, "electron"), stubBinary());
    mkdirSync(join(dir, "resources"), { recursive: true });
    mkdirSync(join(dir, "locales"), { recursive: true });
    return;
  }
  const contents = join(dir, "Electron.app", "Contents");
  writeExecutable(join(contents, "MacOS", "Electron"), Buffer.from("#!/bin/sh\n"));
  writeExecutable(join(contents, "Frameworks", "Electron Framework.framework", "Electron Framework"), stubBinary());
  writeExecutable(join(contents, "Frameworks", "Electron Helper.app", "Contents", "MacOS", "Electron Helper"), Buffer.from("#!/bin/sh\n"));
  mkdirSync(join(contents, "Resources"), { recursive: true });
  writeFileSync(join(contents, "Info.plist"), stubInfoPlist);
}

const builtEntries = ["out/main/index.js", "out/preload/index.cjs", "out/renderer/index.html"];

/** Builds out/ with electron-vite unless it is there; one test file at a time builds. */
export async function ensureAppBuilt(): Promise<void> {
  const isBuilt = () => builtEntries.every((entry) => existsSync(join(projectRoot, entry)));
  if (isBuilt()) return;
  const lock = join(tmpdir(), "copydesk-packaging-build.lock");
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a run that died is older than any build takes.
      const lockedAt = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (lockedAt !== undefined && Date.now() - lockedAt > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((done) => setTimeout(done, 250));
    }
  }
  try {
    if (!isBuilt()) await run("npm", ["run", "build"], { cwd: projectRoot });
  } finally {
    rmdirSync(lock);
  }
}

export interface PackResult {
  /** Where the unpacked app landed: electron-builder's linux-unpacked, or Copydesk.app. */
  appDir: string;
  asarPath: string;
  /** electron-builder's console output, for failure messages. */
  log: string;
  /** Deletes the temporary folder of this pack. */
  dispose: () => void;
}

/**
 * A temporary copy of the project to pack: out/ is copied, so that a rebuild running meanwhile
 * (electron-vite empties out/ first) cannot pull files from under electron-builder;
 * node_modules and build/ are linked; `extraFolders` (such as test/) are copied too.
 */
function stageProject(workDir: string, extraFolders: string[]): string {
  const stage = join(workDir, "project");
  mkdirSync(stage);
  for (const file of ["package.json", "package-lock.json"]) cpSync(join(projectRoot, file), join(stage, file));
  symlinkSync(join(projectRoot, "build"), join(stage, "build"), "dir");
  stageNodeModules(join(projectRoot, "node_modules"), join(stage, "node_modules"));
  for (const folder of ["out", ...extraFolders]) cpSync(join(projectRoot, folder), join(stage, folder), { recursive: true });
  const page = join(stage, "out", "renderer", "index.html");
  const assets = existsSync(page) ? [...readFileSync(page, "utf8").matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((match) => `out/renderer/${match[1]}`) : [];
  const missing = [...builtEntries, ...assets].filter((entry) => !existsSync(join(stage, entry)));
  if (missing.length > 0) throw new Error(`out/ changed while it was copied (missing ${missing.join(", ")}): rerun`);
  return stage;
}

/**
 * node_modules as a real folder of hard links (a copy where links cannot cross file systems).
 * A symlinked node_modules would do for reading files, but `npm list`, which electron-builder
 * asks for the production dependencies, resolves packages behind a symlink against the link's
 * target and reports their own dependencies missing whenever it cannot trust npm's hidden
 * lockfile (as after a fresh `npm ci` and a build, which writes node_modules/.vite).
 */
function stageNodeModules(from: string, to: string): void {
  const linked = spawnSync("cp", ["-al", from, to], { stdio: "ignore" });
  if (linked.status !== 0) {
    rmSync(to, { recursive: true, force: true });
    cpSync(from, to, { recursive: true, verbatimSymlinks: true });
  }
}

/** A temporary folder with a stub Electron and a staged project, and the config pointed at both. */
function offlineConfig(overrides: Record<string, unknown>, platform: StubPlatform, extraFolders: string[] = []): { workDir: string; projectDir: string; config: Record<string, unknown> } {
  const workDir = mkdtempSync(join(tmpdir(), "copydesk-pack-"));
  const electronDist = join(workDir, "electron-dist");
  let projectDir: string;
  try {
    writeStubElectronDist(electronDist, platform);
    projectDir = stageProject(workDir, extraFolders);
  } catch (error) {
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
  const config = {
    ...loadBuilderConfig(),
    electronDist,
    directories: { buildResources: "build", output: join(workDir, "dist") },
    ...overrides,
  };
  return { workDir, projectDir, config };
}

/** Packs the app (`--dir`) into a temporary folder, with `overrides` merged over the config. */
export async function packOffline(overrides: Record<string, unknown> = {}, platform: StubPlatform = "linux", extraFolders: string[] = []): Promise<PackResult> {
  await ensureAppBuilt();
  const { workDir, projectDir, config } = offlineConfig(overrides, platform, extraFolders);
  const dispose = () => rmSync(workDir, { recursive: true, force: true });
  const configPath = join(workDir, "electron-builder.json");
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  const cli = join(projectRoot, "node_modules", "electron-builder", "cli.js");
  const { stdout, stderr } = await run(process.execPath, [cli, "--dir", `--${platform}`, "--x64", "--config", configPath, "--projectDir", projectDir], {
    cwd: projectDir,
    env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: "false", ELECTRON_SKIP_BINARY_DOWNLOAD: "1" },
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: unknown) => {
    dispose();
    throw error;
  });
  const log = stdout + stderr;
  if (platform === "mac") {
    const appDir = join(workDir, "dist", "mac", "Copydesk.app");
    return { appDir, asarPath: join(appDir, "Contents", "Resources", "app.asar"), log, dispose };
  }
  const appDir = join(workDir, "dist", "linux-unpacked");
  return { appDir, asarPath: join(appDir, "resources", "app.asar"), log, dispose };
}

/** What the deb would contain: fpm's arguments (sources as `from=to`) and the desktop entry. */
export interface DebPlan {
  fpmArgs: string[];
  desktopEntry: string;
}

/**
 * Packs the app for Linux and runs electron-builder's deb target up to the point where it
 * would call fpm (which needs a download): one run gives both the unpacked app and the deb plan.
 */
export async function packLinuxWithDebPlan(): Promise<{ pack: PackResult; deb: DebPlan }> {
  await ensureAppBuilt();
  const { workDir, projectDir, config } = offlineConfig({}, "linux");
  const dispose = () => rmSync(workDir, { recursive: true, force: true });
  let deb: DebPlan | undefined;
  try {
    await build({
      projectDir,
      targets: Platform.LINUX.createTarget(["deb"], Arch.x64),
      config: config as Configuration,
      publish: "never",
      effectiveOptionComputed: async (computed: unknown) => {
        const [fpmArgs, desktopPath] = computed as [string[], string];
        deb = { fpmArgs, desktopEntry: readFileSync(desktopPath, "utf8") };
        return true;
      },
    });
  } catch (error) {
    dispose();
    throw error;
  }
  if (deb === undefined) throw new Error("electron-builder never reached the deb's fpm step");
  const appDir = join(workDir, "dist", "linux-unpacked");
  return { pack: { appDir, asarPath: join(appDir, "resources", "app.asar"), log: "", dispose }, deb };
}
