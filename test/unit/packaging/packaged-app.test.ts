import { statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { extractAll, extractFile } from "@electron/asar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AsarContents, builtEntries, findPackagingProblems, readAsar, readProjectManifests } from "./asar-contents";
import { packOffline, type PackResult, projectRoot, readFuseWire } from "./pack-offline";

const { manifest, lockfile } = readProjectManifests(projectRoot);
let pack: PackResult;
let contents: AsarContents;

beforeAll(async () => {
  pack = await packOffline();
  contents = readAsar(pack.asarPath);
}, 120_000);

afterAll(() => pack?.dispose());

describe("the packaged app (electron-builder --dir, offline)", () => {
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
    // RunAsNode, CookieEncryption, NodeOptions, CliInspect, AsarIntegrity, OnlyLoadFromAsar; the rest untouched.
    expect(readFuseWire(join(pack.appDir, "copydesk"))).toBe("01001101");
  });
});
