import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";

// The static scan of issue 10: @doyensec/electronegativity run offline by
// security/electronegativity-offline.mjs, and its findings judged against the allow-list.

const run = promisify(execFile);

export const projectRoot = join(__dirname, "..", "..", "..");

export type Severity = "INFORMATIONAL" | "LOW" | "MEDIUM" | "HIGH";

export interface Finding {
  check: string;
  severity: Severity;
  confidence: string;
  file: string;
  line: number;
  sample: string | null;
  description: string;
}

export interface ScanReport {
  tool: string;
  electronVersion: string;
  checks: { global: number; atomic: number };
  refusedRequests: string[];
  errors: { file: string; message: string; tolerable: boolean }[];
  findings: Finding[];
}

/// One accepted finding: the check, the file and the code the tool quotes, and why it is fine.
export interface Allowance {
  check: string;
  file: string;
  sample: string;
  reason: string;
}

const severityRank: Record<Severity, number> = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };

/// The Electron version the scan assumes: the one installed.
export function installedElectronVersion(): string {
  return (JSON.parse(readFileSync(join(projectRoot, "node_modules", "electron", "package.json"), "utf8")) as { version: string }).version;
}

/// Scans copies of `folders` (paths relative to `from`, kept as they are) in one run, so that
/// the tool's global checks see main and renderer together; `extra` adds files (path → text).
export async function scan(folders: string[], { from = projectRoot, extra = {} as Record<string, string> } = {}): Promise<ScanReport> {
  const work = mkdtempSync(join(tmpdir(), "copydesk-electronegativity-"));
  try {
    const input = join(work, "input");
    for (const folder of folders) cpSync(join(from, folder), join(input, folder), { recursive: true });
    for (const [path, text] of Object.entries(extra)) {
      mkdirSync(dirname(join(input, path)), { recursive: true });
      writeFileSync(join(input, path), text);
    }
    const report = join(work, "report.json");
    const script = join(projectRoot, "security", "electronegativity-offline.mjs");
    await run(process.execPath, [script, "--input", input, "--electron-version", installedElectronVersion(), "--report", report], { timeout: 180_000, maxBuffer: 16 * 1024 * 1024 });
    return JSON.parse(readFileSync(report, "utf8")) as ScanReport;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/// The allow-list, checked: every entry names a check, a file and a sample, and says why.
export function loadAllowList(path = join(projectRoot, "security", "electronegativity-allow.json")): Allowance[] {
  const { allowed } = JSON.parse(readFileSync(path, "utf8")) as { allowed: Allowance[] };
  for (const entry of allowed) {
    for (const key of ["check", "file", "sample", "reason"] as const) {
      if (typeof entry[key] !== "string" || entry[key].trim() === "") throw new Error(`${path}: an entry has no ${key}: ${JSON.stringify(entry)}`);
    }
    if (entry.reason.trim().length < 40) throw new Error(`${path}: the reason for ${entry.check} in ${entry.file} does not say enough: "${entry.reason}"`);
  }
  return allowed;
}

const matches = (allowance: Allowance, finding: Finding) => allowance.check === finding.check && allowance.file === finding.file && allowance.sample === finding.sample?.trim();

/// What fails the scan: findings of medium severity or above that no allowance explains, and
/// allowances that explain no finding any more (so the list cannot hide a future one).
export function judge(findings: Finding[], allowList: Allowance[]): { unexplained: Finding[]; stale: Allowance[] } {
  const serious = findings.filter((finding) => severityRank[finding.severity] >= severityRank.MEDIUM);
  return {
    unexplained: serious.filter((finding) => !allowList.some((allowance) => matches(allowance, finding))),
    stale: allowList.filter((allowance) => !serious.some((finding) => matches(allowance, finding))),
  };
}

/// One line per finding, for failure messages.
export function describeFindings(findings: Finding[]): string {
  return findings.map((f) => `${f.severity} ${f.check} ${f.file}:${f.line} ${f.sample ?? ""}`).join("\n");
}
