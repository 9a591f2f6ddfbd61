import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// A current Electron: the version package.json asks for is the one installed, and its major is
// one Electron still supports (the latest three stable majors). When 45 was the latest, those
// were 43 to 45; raise `oldestSupportedMajor` with each upgrade (see SECURITY.md).

const root = join(__dirname, "..", "..", "..");
const oldestSupportedMajor = 43;
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
const installed = (JSON.parse(readFileSync(join(root, "node_modules", "electron", "package.json"), "utf8")) as { version: string }).version;

describe("Electron", () => {
  it("is asked for with a caret range on a supported major", () => {
    const range = manifest.devDependencies.electron!;
    expect(range).toMatch(/^\^\d+\.\d+\.\d+$/);
    expect(Number(range.slice(1).split(".")[0])).toBeGreaterThanOrEqual(oldestSupportedMajor);
  });

  it("is installed in the version asked for, with its own type declarations", () => {
    const [major, minor] = manifest.devDependencies.electron!.slice(1).split(".").map(Number);
    const [installedMajor, installedMinor] = installed.split(".").map(Number);
    expect(installedMajor).toBe(major);
    expect(installedMinor).toBeGreaterThanOrEqual(minor!);
    expect(existsSync(join(root, "node_modules", "electron", "electron.d.ts"))).toBe(true);
  });
});
