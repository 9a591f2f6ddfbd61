import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { describeFindings, judge, loadAllowList, scan, type Finding, type ScanReport } from "./electronegativity";

// The static scan in npm test (issue 10, item 4): electronegativity over electron/ and renderer/,
// offline; any finding of medium severity or above that security/electronegativity-allow.json
// does not explain, with its reason, fails. The tool misses nodeIntegration and cannot follow
// editorWebPreferences(): web-preferences.test.ts reads those as main builds them.

const scanTimeout = 240_000;
const allowList = loadAllowList();

describe("electronegativity over Copydesk", () => {
  let report: ScanReport;
  beforeAll(async () => {
    report = await scan(["electron", "renderer"]);
  }, scanTimeout);

  it("runs every check but the one that needs the network, and reaches nothing outside", () => {
    expect(report.checks.atomic).toBeGreaterThanOrEqual(30);
    expect(report.checks.global).toBeGreaterThanOrEqual(5);
    // The tool asks for its translations at every start: the offline stub caught that request
    // (and any other), so nothing reached the network.
    expect(report.refusedRequests.length).toBeGreaterThan(0);
    for (const url of report.refusedRequests) expect(url).toMatch(/^https:\/\//);
  });

  it("reads every file it scans", () => {
    expect(report.errors.filter((error) => !error.tolerable)).toEqual([]);
  });

  it("finds nothing of medium severity or above that the allow-list does not explain", () => {
    const { unexplained } = judge(report.findings, allowList);
    expect(unexplained, `unexplained findings:\n${describeFindings(unexplained)}`).toEqual([]);
  });

  it("has no allow-list entry that no longer matches a finding", () => {
    expect(judge(report.findings, allowList).stale).toEqual([]);
  });
});

describe("the scan fails", () => {
  it(
    "on a deliberately insecure app (test/fixtures/insecure-electron)",
    async () => {
      const report = await scan(["insecure-electron"], { from: join(__dirname, "..", "..", "fixtures") });
      const { unexplained } = judge(report.findings, allowList);
      const checks = new Set(unexplained.map((finding) => finding.check));
      for (const check of [
        "CONTEXT_ISOLATION_JS_CHECK",
        "SANDBOX_JS_CHECK",
        "WEB_SECURITY_JS_CHECK",
        "INSECURE_CONTENT_JS_CHECK",
        "HTTP_RESOURCES_JS_CHECK",
        "HTTP_RESOURCES_HTML_CHECK",
        "AUXCLICK_HTML_CHECK",
        "LIMIT_NAVIGATION_GLOBAL_CHECK",
        "PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK",
        "CSP_GLOBAL_CHECK",
      ]) {
        expect(checks, `expected ${check} among:\n${describeFindings(unexplained)}`).toContain(check);
      }
    },
    scanTimeout,
  );

  it(
    "when a new insecure window appears in Copydesk's own code",
    async () => {
      const added = `import { BrowserWindow } from "electron";\nexport const preview = () => new BrowserWindow({ webPreferences: { contextIsolation: false, webSecurity: false } });\n`;
      const report = await scan(["electron"], { extra: { "electron/main/preview-window.ts": added } });
      const { unexplained } = judge(report.findings, allowList);
      expect(unexplained.map((finding) => `${finding.check} ${finding.file}`)).toEqual(
        expect.arrayContaining(["CONTEXT_ISOLATION_JS_CHECK electron/main/preview-window.ts", "WEB_SECURITY_JS_CHECK electron/main/preview-window.ts"]),
      );
    },
    scanTimeout,
  );
});

describe("judging findings", () => {
  const finding = (check: string, severity: Finding["severity"], file = "electron/main/x.ts", sample: string | null = "x()"): Finding => ({ check, severity, confidence: "FIRM", file, line: 1, sample, description: "" });
  const allowance = { check: "OPEN_EXTERNAL_JS_CHECK", file: "electron/main/x.ts", sample: "x()", reason: "x() is checked by a function tested in some test file." };

  it("fails on medium and high findings, and lets low and informational ones through", () => {
    const findings = [finding("A", "HIGH"), finding("B", "MEDIUM"), finding("C", "LOW"), finding("D", "INFORMATIONAL")];
    expect(judge(findings, []).unexplained.map((f) => f.check)).toEqual(["A", "B"]);
  });

  it("lets a finding through only when check, file and quoted code all match an allowance", () => {
    expect(judge([finding("OPEN_EXTERNAL_JS_CHECK", "MEDIUM")], [allowance])).toEqual({ unexplained: [], stale: [] });
    expect(judge([finding("OPEN_EXTERNAL_JS_CHECK", "MEDIUM", "electron/main/y.ts")], [allowance]).unexplained).toHaveLength(1);
    expect(judge([finding("OPEN_EXTERNAL_JS_CHECK", "MEDIUM", "electron/main/x.ts", "y()")], [allowance]).unexplained).toHaveLength(1);
    expect(judge([finding("SANDBOX_JS_CHECK", "MEDIUM")], [allowance]).unexplained).toHaveLength(1);
  });

  it("reports an allowance that explains nothing any more", () => {
    expect(judge([], [allowance]).stale).toEqual([allowance]);
  });

  it("refuses an allow-list entry without a reason", () => {
    const path = join(mkdtempSync(join(tmpdir(), "copydesk-allow-")), "allow.json");
    writeFileSync(path, JSON.stringify({ allowed: [{ ...allowance, reason: "" }] }));
    expect(() => loadAllowList(path)).toThrow(/has no reason/);
    writeFileSync(path, JSON.stringify({ allowed: [{ ...allowance, reason: "fine" }] }));
    expect(() => loadAllowList(path)).toThrow(/does not say enough/);
  });
});
