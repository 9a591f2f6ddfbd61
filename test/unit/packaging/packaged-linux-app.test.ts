import { existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { extractAll, extractFile } from "@electron/asar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AsarContents, builtEntries, findPackagingProblems, readAsar, readProjectManifests } from "./asar-contents";
import { type DebPlan, packLinuxWithDebPlan, packTimeoutMs, type PackResult, projectRoot, readFuseWire } from "./pack-offline";

const { manifest, lockfile } = readProjectManifests(projectRoot);
const articleMime = "application/vnd.copydesk.article+json";
let pack: PackResult;
let contents: AsarContents;
let deb: DebPlan;

// One offline run packs the app and plans the deb around it.
beforeAll(async () => {
  ({ pack, deb } = await packLinuxWithDebPlan());
  contents = readAsar(pack.asarPath);
}, packTimeoutMs);

afterAll(() => pack?.dispose());

describe("the packaged Linux app (offline, stub Electron)", () => {
  it("produces resources/app.asar", () => {
    expect(statSync(pack.asarPath).size).toBeGreaterThan(0);
  });

  it("ships nothing but the built app and its production dependencies", () => {
    expect(findPackagingProblems(contents, manifest, lockfile)).toEqual([]);
  });

  it("contains the built main, preload and renderer", () => {
    expect(contents.paths).toEqual(expect.arrayContaining(builtEntries));
  });

  it("contains every package the built main and preload require", () => {
    expect(contents.requiredPackages).toEqual(expect.arrayContaining(["zod"]));
    const packaged = new Set(contents.modules.map((module) => module.name));
    for (const name of contents.requiredPackages) expect(packaged, name).toContain(name);
  });

  it("loads every package the built main requires from inside the package", () => {
    // Plain Node loads them as Electron's main would: this catches a `files` pattern that cut
    // a file out of a dependency, which a listing alone would not notice.
    const extracted = join(pack.appDir, "extracted-app");
    extractAll(pack.asarPath, extracted);
    const requireFromMain = createRequire(join(extracted, "out", "main", "index.js"));
    for (const name of contents.requiredPackages) {
      expect(requireFromMain.resolve(name), name).toContain(join(extracted, "node_modules"));
      expect(() => requireFromMain(name), name).not.toThrow();
    }
  });

  it("contains every production dependency", () => {
    const packaged = new Set(contents.modules.map((module) => module.path));
    for (const name of Object.keys(manifest.dependencies ?? {})) expect(packaged, name).toContain(`node_modules/${name}`);
  });

  it("contains no tests, sources, source maps, fixtures or dev dependencies", () => {
    const ownFiles = contents.paths.filter((path) => !path.startsWith("node_modules/"));
    expect(ownFiles.filter((path) => /^(?:test|electron|renderer|shared|cli|scripts|build)\//.test(path))).toEqual([]);
    expect(contents.paths.filter((path) => /\.(?:ts|map)$/.test(path))).toEqual([]);
    const devOnly = ["electron", "electron-builder", "vitest", "typescript", "@playwright/test", "eslint", "electron-vite"];
    expect(contents.modules.filter((module) => devOnly.includes(module.name))).toEqual([]);
  });

  it("carries the version of package.json", () => {
    const packaged = JSON.parse(extractFile(pack.asarPath, "package.json").toString("utf8")) as { version: string; main: string };
    expect(packaged.version).toBe(manifest.version);
    expect(contents.paths).toContain(packaged.main);
  });

  it("flips the fuses in the Electron binary", () => {
    // RunAsNode off, CookieEncryption on, NodeOptions off, CliInspect off, AsarIntegrity on,
    // OnlyLoadFromAsar on, BrowserProcessSpecificV8Snapshot off, GrantFileProtocolExtraPrivileges off.
    expect(readFuseWire(join(pack.appDir, "copydesk"))).toBe("01001100");
  });
});

/** The deb's file mappings, destination to source. */
const installed = () => new Map(deb.fpmArgs.filter((arg) => arg.includes("=/")).map((arg) => [arg.slice(arg.indexOf("=") + 1), arg.slice(0, arg.indexOf("="))]));

describe("the Linux deb, as electron-builder would hand it to fpm", () => {
  it("has a desktop entry under Office that opens .article files", () => {
    // %F hands double-clicked files over as paths, which main reads from argv.
    expect(deb.desktopEntry).toContain("\nExec=/opt/Copydesk/copydesk %F\n");
    expect(deb.desktopEntry).toContain("\nCategories=Office;WordProcessor;\n");
    expect(deb.desktopEntry).toContain(`\nMimeType=${articleMime};\n`);
    expect(deb.desktopEntry).toContain("\nIcon=copydesk\n");
    expect(deb.desktopEntry).toContain("\nStartupWMClass=copydesk\n");
    expect([...installed().keys()]).toContain("/usr/share/applications/copydesk.desktop");
  });

  it("registers the MIME type and its document icon", () => {
    const files = installed();
    const icon = `${articleMime.replace("/", "-")}.png`;
    expect(files.get("/usr/share/mime/packages/copydesk-article.xml")).toBe("build/linux/copydesk-article.xml");
    expect(files.get(`/usr/share/icons/hicolor/256x256/mimetypes/${icon}`)).toBe(`build/linux/${icon}`);
    // fpm resolves relative sources from the project root, where `npm run dist` runs.
    const ourSources = [...files.values()].filter((source) => !source.startsWith("/"));
    for (const source of ourSources) expect(existsSync(join(projectRoot, source)), source).toBe(true);
  });

  it("installs the app icon at the hicolor sizes", () => {
    const destinations = [...installed().keys()];
    for (const size of [16, 32, 48, 128, 256, 512]) expect(destinations).toContain(`/usr/share/icons/hicolor/${size}x${size}/apps/copydesk.png`);
  });

  it("names a maintainer and the project's homepage, which deb requires", () => {
    expect(deb.fpmArgs).toContain("--maintainer");
    expect(deb.fpmArgs).toContain("--url");
  });
});
