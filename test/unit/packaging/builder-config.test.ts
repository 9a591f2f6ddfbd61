import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { getConfig, validateConfiguration } from "app-builder-lib/out/util/config/config";
import { describe, expect, it } from "vitest";
import { loadBuilderConfig, projectRoot } from "./pack-offline";

type Configuration = Parameters<typeof validateConfiguration>[0];
const quietLogger = { isEnabled: false, add: () => undefined } as unknown as Parameters<typeof validateConfiguration>[1];

/** Validates against the JSON schema that ships in app-builder-lib (scheme.json). */
const validate = (config: Record<string, unknown>) => validateConfiguration(config as Configuration, quietLogger);

const config = loadBuilderConfig() as Configuration & Record<string, unknown>;
const articleMime = "application/vnd.copydesk.article+json";
const inBuild = (file: string) => join(projectRoot, "build", file);

describe("electron-builder.yml", () => {
  it("validates against electron-builder's schema", async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it("is rejected by the schema when an option is misspelt", async () => {
    await expect(validate({ ...config, nsis: { perUser: true } })).rejects.toThrow(/configuration\.nsis/);
  });

  it("takes the version from package.json, not from the config", () => {
    expect(config).not.toHaveProperty("version");
    expect(config).not.toHaveProperty("extraMetadata");
    expect(config.appId).toBe("com.copydesk.editor");
    expect(config.productName).toBe("Copydesk");
  });

  it("packages only the built app", () => {
    expect(config.files).toEqual(expect.arrayContaining(["out/**", "!out/**/*.map"]));
    for (const pattern of config.files as string[]) expect(pattern).not.toMatch(/^(?:src|electron|renderer|shared|test|scripts)\b/);
  });

  it("flips the hardening fuses", () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it("associates .article files with their own document icon on macOS and Windows", () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: "article", icon: "article" })]);
    expect(existsSync(inBuild("article.icns"))).toBe(true);
    expect(existsSync(inBuild("article.ico"))).toBe(true);
  });

  it("registers the .article MIME type and its icon on Linux", () => {
    expect(config.linux?.mimeTypes).toEqual([articleMime]);
    expect(config.linux?.category).toMatch(/^Office;/);
    const mimeXml = readFileSync(inBuild("linux/copydesk-article.xml"), "utf8");
    expect(mimeXml).toContain(`<mime-type type="${articleMime}">`);
    expect(mimeXml).toContain(`<glob pattern="*.article"/>`);
    for (const mapping of config.deb?.fpm ?? []) expect(existsSync(join(projectRoot, mapping.split("=")[0]!))).toBe(true);
    expect(config.deb?.fpm).toContain(`build/linux/${articleMime.replace("/", "-")}.png=/usr/share/icons/hicolor/256x256/mimetypes/${articleMime.replace("/", "-")}.png`);
  });

  it("builds AppImage and deb, a per-user NSIS installer, and dmg and zip", () => {
    expect(config.linux?.target).toEqual(["AppImage", "deb"]);
    expect(config.win?.target).toEqual(["nsis"]);
    expect(config.nsis?.perMachine).toBe(false);
    expect(config.mac?.target).toEqual(["dmg", "zip"]);
  });

  it("prepares macOS for signing with a hardened runtime, leaving credentials to the environment", () => {
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(existsSync(join(projectRoot, config.mac?.entitlements ?? "missing"))).toBe(true);
    expect(existsSync(join(projectRoot, config.mac?.entitlementsInherit ?? "missing"))).toBe(true);
    const text = readFileSync(join(projectRoot, "electron-builder.yml"), "utf8");
    expect(text).not.toMatch(/^\s*(?:identity|cscLink|cscKeyPassword|certificateFile|certificatePassword|appleId)\s*:/m);
  });

  it("has app icons for every platform", () => {
    for (const file of ["icon.icns", "icon.ico", "icons/16x16.png", "icons/256x256.png", "icons/512x512.png", "icon-source/copydesk.svg"]) {
      expect(existsSync(inBuild(file)), file).toBe(true);
    }
  });
});

describe("build/electron-builder.e2e.yml, the Playwright test build", () => {
  it("is the release configuration with only the inspect fuse switched on", async () => {
    const e2e = await getConfig(projectRoot, join(projectRoot, "build", "electron-builder.e2e.yml"), null);
    await expect(validate({ ...e2e, extends: null })).resolves.toBeUndefined();
    expect(e2e.electronFuses).toEqual({ ...config.electronFuses, enableNodeCliInspectArguments: true });
    expect(e2e.directories?.output).toBe("dist/e2e");
    expect(e2e.files).toEqual([{ filter: config.files }]);
    const rest = (it: object) => ({ ...it, electronFuses: null, directories: null, files: null, extends: null });
    expect(rest(e2e)).toMatchObject(rest(config));
  });
});

describe("npm scripts", () => {
  it("builds the app before packaging it", () => {
    const { scripts } = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(scripts.dist).toMatch(/^electron-vite build && electron-builder\b/);
    expect(scripts["dist:e2e"]).toContain("--config build/electron-builder.e2e.yml");
  });
});
