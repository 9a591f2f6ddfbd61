// The asar check is only worth something if it fails on a bad package: these tests break the
// packaging on purpose and expect the check to say what went wrong.
import { describe, expect, it } from "vitest";
import { findPackagingProblems, packagesRequiredBy, readAsar, readProjectManifests } from "./asar-contents";
import { loadBuilderConfig, packOffline, packTimeoutMs, projectRoot } from "./pack-offline";

const { manifest, lockfile } = readProjectManifests(projectRoot);

describe("the packaging check", () => {
  it("reports tests, fixtures and sources packed by a careless `files` setting", async () => {
    const files = [...(loadBuilderConfig().files as string[]), "test/**", "scripts/**"];
    const pack = await packOffline({ files }, "linux", ["test", "scripts"]);
    let problems: string[];
    try {
      problems = findPackagingProblems(readAsar(pack.asarPath), manifest, lockfile);
    } finally {
      pack.dispose();
    }
    expect(problems).toContain("test file: test/fixtures/seed.article");
    expect(problems).toContain("source file: test/unit/packaging/asar-contents.ts");
    expect(problems).toContain("not part of the built app: scripts/make-icons.ts");
  }, packTimeoutMs);

  it("reports a development dependency found in the asar", () => {
    const vitest = lockfile.packages["node_modules/vitest"]!;
    const contents = {
      paths: ["package.json", "out/main/index.js", "out/preload/index.cjs", "out/renderer/index.html"],
      modules: [{ path: "node_modules/vitest", name: "vitest", version: vitest.version ?? "" }],
      requiredPackages: [],
    };
    const problems = findPackagingProblems(contents, { dependencies: {} }, lockfile);
    expect(problems).toEqual([`dev dependency: vitest@${vitest.version} at node_modules/vitest`]);
  });

  it("reports a missing build and a missing production dependency", () => {
    const contents = { paths: ["package.json"], modules: [], requiredPackages: ["write-file-atomic"] };
    const problems = findPackagingProblems(contents, { dependencies: { zod: "^4" } }, lockfile);
    expect(problems).toEqual([
      "missing built entry: out/main/index.js",
      "missing built entry: out/preload/index.cjs",
      "missing built entry: out/renderer/index.html",
      "missing production dependency: zod",
      "required by the built app but not packaged: write-file-atomic",
    ]);
  });

  it("finds the packages that built code requires", () => {
    const code = `const fs = require("node:fs"); const { z } = require("zod"); const e = require("electron");
      import { Schema } from "prosemirror-model"; const a = await import("@scope/pkg/sub"); require("./chunks/x.js"); require("path");
      /** Usage: var hljs = require('highlight.js') */
      // const plugin = require("markdown-it-for-inline");`;
    expect(packagesRequiredBy(code).sort()).toEqual(["@scope/pkg", "prosemirror-model", "zod"]);
  });
});
