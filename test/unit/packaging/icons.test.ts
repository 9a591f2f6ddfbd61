import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "./pack-offline";

const buildDir = join(projectRoot, "build");
const rendered = mkdtempSync(join(tmpdir(), "copydesk-icons-"));
afterAll(() => rmSync(rendered, { recursive: true, force: true }));

/** Every file below `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** The image sizes in an .ico file (its directory: width 0 means 256). */
function icoSizes(ico: Buffer): number[] {
  expect(ico.readUInt16LE(2)).toBe(1);
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256);
}

/** The chunk types in an .icns file, such as `ic10` for 1024 px. */
function icnsTypes(icns: Buffer): string[] {
  expect(icns.toString("latin1", 0, 4)).toBe("icns");
  const types: string[] = [];
  for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) types.push(icns.toString("latin1", at, at + 4));
  return types;
}

describe("icons", () => {
  // Byte-for-byte only where they are generated: resvg's native build for another platform may
  // anti-alias a pixel differently.
  it.runIf(process.platform === "linux" && process.arch === "x64")("are the committed output of scripts/make-icons.ts for build/icon-source/copydesk.svg", async () => {
    await promisify(execFile)(process.execPath, [join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/make-icons.ts", "--out", rendered], { cwd: projectRoot });
    const files = filesUnder(rendered);
    expect(files).toContain("icon.icns");
    for (const file of files) expect(readFileSync(join(rendered, file)).equals(readFileSync(join(buildDir, file))), `build/${file} is stale: run npm run icons`).toBe(true);
  }, 60_000);

  it("cover Windows from 16 to 256 px", () => {
    for (const name of ["icon.ico", "article.ico"]) expect(icoSizes(readFileSync(join(buildDir, name)))).toEqual(expect.arrayContaining([16, 24, 32, 48, 64, 256]));
  });

  it("cover macOS up to 1024 px", () => {
    for (const name of ["icon.icns", "article.icns"]) expect(icnsTypes(readFileSync(join(buildDir, name)))).toEqual(expect.arrayContaining(["ic07", "ic08", "ic09", "ic10"]));
  });

  it("cover the Linux hicolor sizes", () => {
    expect(filesUnder(join(buildDir, "icons"))).toEqual(["1024x1024.png", "128x128.png", "16x16.png", "24x24.png", "256x256.png", "32x32.png", "48x48.png", "512x512.png", "64x64.png"]);
  });
});
