#!/usr/bin/env node
// Runs Doyensec's electronegativity over one folder, offline, and writes what it found as JSON:
//   node security/electronegativity-offline.mjs --input DIR --electron-version 45.5.0 --report FILE
// The tool fetches translations and Electron's release list at start (through `got`); here `got`
// is replaced by a stub that refuses every request, so nothing leaves the machine and the
// check that needs the release list is left out. Its CLI writes CSV through two racing
// asynchronous writes (the header can land after the rows and erase them) and SARIF without
// severities, so this calls its runner and writes the findings with their severity itself.
// test/unit/security/electronegativity.test.ts runs this and judges the report.
import { writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { input: { type: "string" }, "electron-version": { type: "string" }, report: { type: "string" } } });
if (!values.input || !values["electron-version"] || !values.report) {
  process.stderr.write("usage: electronegativity-offline.mjs --input DIR --electron-version X.Y.Z --report FILE\n");
  process.exit(2);
}

/// Every request the tool tried to make; each is refused.
const refusedRequests = [];
const refuse = (url) => {
  refusedRequests.push(String(url));
  return Promise.reject(new Error(`offline: refused ${url}`));
};
const offlineGot = Object.assign(refuse, { get: refuse, head: refuse, post: refuse, stream: refuse, extend: () => offlineGot });
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === "got" ? offlineGot : load.call(this, request, ...rest);
};

const require = createRequire(import.meta.url);
const dist = join(dirname(require.resolve("@doyensec/electronegativity/package.json")), "dist");
const { version } = require("@doyensec/electronegativity/package.json");

// The tool prints progress and "no connectivity" notes; keep them off stdout, which is ours.
console.log = (...args) => process.stderr.write(`${args.join(" ")}\n`);

await require(join(dist, "locales", "i18n.js"))();
const run = require(join(dist, "runner.js"));
const result = await run(
  {
    input: values.input,
    output: undefined,
    isSarif: false,
    customScan: [],
    excludeFromScan: ["AvailableSecurityFixesGlobalCheck"],
    severitySet: undefined,
    confidenceSet: undefined,
    isRelative: true,
    isVerbose: true,
    electronUpgrade: undefined,
    electronVersionOverride: values["electron-version"],
    parserPlugins: [],
  },
  false,
);

const report = {
  tool: `@doyensec/electronegativity ${version}`,
  electronVersion: values["electron-version"],
  checks: { global: result.globalChecks, atomic: result.atomicChecks },
  refusedRequests,
  errors: result.errors.map(({ file, message, tolerable }) => ({ file, message, tolerable })),
  findings: result.issues.map((issue) => ({
    check: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: issue.file,
    line: issue.location?.line ?? 0,
    column: issue.location?.column ?? 0,
    sample: issue.sample ?? null,
    description: issue.description,
    manualReview: Boolean(issue.manualReview),
  })),
};
writeFileSync(values.report, `${JSON.stringify(report, null, 2)}\n`);
