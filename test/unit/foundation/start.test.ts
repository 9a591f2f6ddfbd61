import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { electronBinaryProblem } from "../../../scripts/start.mjs";

// `npm start` without Electron's binary (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1) says
// in one line that it is missing, why, and how to get it, and exits 1 without a stack trace.

const electronDir = join("/", "project", "node_modules", "electron");
const binary = join(electronDir, "dist", "electron");
const files = (present: Record<string, string>) => ({
  electronDir,
  exists: (path: string) => path in present,
  read: (path: string) => present[path] ?? null,
});

describe("finding Electron's binary", () => {
  it("is content when the binary is where electron's path.txt says", () => {
    expect(electronBinaryProblem({ env: {}, ...files({ [join(electronDir, "path.txt")]: "electron", [binary]: "" }) })).toBeNull();
  });

  it("says the download was skipped, and how to get it, after ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install", () => {
    const problem = electronBinaryProblem({ env: { ELECTRON_SKIP_BINARY_DOWNLOAD: "1" }, ...files({}) });
    expect(problem).toMatch(/^copydesk: the Electron binary is missing: npm install skipped its download because ELECTRON_SKIP_BINARY_DOWNLOAD is set; /);
    expect(problem).toContain("`npx install-electron` on a machine that reaches Electron's downloads");
    expect(problem).toContain("github.com/electron/electron/releases");
    expect(problem).not.toContain("\n");
  });

  it("names the missing file when path.txt points at nothing", () => {
    const problem = electronBinaryProblem({ env: {}, ...files({ [join(electronDir, "path.txt")]: "electron" }) });
    expect(problem).toContain(`(no ${binary})`);
    expect(problem).toContain("npx install-electron");
  });

  it("names ELECTRON_EXEC_PATH when it points at nothing, and accepts it when it points at a binary", () => {
    expect(electronBinaryProblem({ env: { ELECTRON_EXEC_PATH: "/opt/electron" }, ...files({}) })).toContain("ELECTRON_EXEC_PATH names /opt/electron");
    expect(electronBinaryProblem({ env: { ELECTRON_EXEC_PATH: "/opt/electron" }, ...files({ "/opt/electron": "" }) })).toBeNull();
  });

  it("asks for npm install when the electron package itself is missing", () => {
    expect(electronBinaryProblem({ env: {}, ...files({}), electronDir: null })).toContain("the electron package is not installed (run npm install)");
  });
});

it("npm start prints one line and exits 1, with no stack trace, when the binary is missing", () => {
  const nowhere = join(mkdtempSync(join(tmpdir(), "copydesk-start-")), "electron");
  const script = join(__dirname, "..", "..", "..", "scripts", "start.mjs");
  const result = spawnSync(process.execPath, [script], { encoding: "utf8", env: { ...process.env, ELECTRON_EXEC_PATH: nowhere } });
  expect(result.status).toBe(1);
  expect(result.stdout).toBe("");
  expect(result.stderr).toBe(`copydesk: the Electron binary is missing: ELECTRON_EXEC_PATH names ${nowhere}, which does not exist; set it to an Electron executable or unset it\n`);
});
