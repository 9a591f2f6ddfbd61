import { relative, sep } from "node:path";

// Counts the reports of vitest and Playwright for `npm test` (test/run-all.mjs): every test, plus
// one failure per test file that did not load or failed outside its tests, per Playwright error
// that kept specs from running, and per test that never ran; each of those is named in `notRun`.

/// A fresh tally.
export function newTally() {
  return { passed: 0, failed: 0, notRun: [], timings: [] };
}

const firstLine = (text) => String(text ?? "").trim().split("\n")[0].slice(0, 200);

/// Counts vitest's JSON report: each test, plus one failure per file that failed outside its tests.
export function countVitest(tally, report, ok, root) {
  if (!report) {
    tally.failed += 1;
    tally.notRun.push("unit tests: vitest wrote no report (it did not start, or crashed)");
    return;
  }
  let countedFailures = 0;
  for (const file of report.testResults ?? []) {
    const name = relative(root, file.name).split(sep).join("/");
    const results = file.assertionResults ?? [];
    for (const test of results) {
      const title = [name, ...(test.ancestorTitles ?? []), test.title].join(" › ");
      if (test.status === "passed") tally.passed += 1;
      else if (test.status === "failed") {
        tally.failed += 1;
        countedFailures += 1;
      }
      if (typeof test.duration === "number") tally.timings.push({ title: `unit  ${title}`, ms: test.duration });
    }
    if (file.status === "failed" && !results.some((t) => t.status === "failed")) {
      tally.failed += 1;
      countedFailures += 1;
      const why = firstLine(file.message) || "failed outside its tests";
      const skipped = results.filter((t) => t.status !== "passed").length;
      tally.notRun.push(
        results.length === 0
          ? `unit file did not load: ${name}: ${why}`
          : `unit file failed outside its tests: ${name}: ${why}${skipped ? ` (${skipped} of its tests did not run)` : ""}`,
      );
    }
  }
  if (!ok && countedFailures === 0) {
    tally.failed += 1;
    tally.notRun.push(`unit tests: vitest failed with no failing test in its report (${report.numFailedTestSuites ?? 0} failed suites)`);
  }
}

/// Counts Playwright's JSON report: each test, each error that kept tests from running, each test that never ran.
export function countPlaywright(tally, report, ok) {
  if (!report) {
    tally.failed += 1;
    tally.notRun.push("e2e tests: Playwright wrote no report (it did not start); no spec ran");
    return;
  }
  for (const error of report.errors ?? []) {
    tally.failed += 1;
    tally.notRun.push(`e2e run error: ${firstLine(error.message ?? error.value ?? JSON.stringify(error))}`);
  }
  let countedFailures = (report.errors ?? []).length;
  let ran = 0;
  const visit = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const title = [...path, spec.title].join(" › ");
        const last = test.results?.at(-1);
        if (!last || last.status === "interrupted") {
          tally.failed += 1;
          countedFailures += 1;
          tally.notRun.push(`e2e test did not run: ${title}`);
          continue;
        }
        ran += 1;
        tally.timings.push({ title: `e2e   ${title}`, ms: last.duration });
        if (test.status === "expected" || test.status === "flaky") {
          if (last.status !== "skipped") tally.passed += 1;
        } else if (test.status === "unexpected") {
          tally.failed += 1;
          countedFailures += 1;
        }
      }
    }
    for (const child of suite.suites ?? []) visit(child, [...path, child.title]);
  };
  for (const suite of report.suites ?? []) visit(suite, [suite.title]);
  if (ran === 0 && countedFailures === 0) {
    tally.failed += 1;
    countedFailures += 1;
    tally.notRun.push("e2e tests: Playwright ran no test");
  }
  if (!ok && countedFailures === 0) {
    tally.failed += 1;
    tally.notRun.push("e2e tests: Playwright failed with no failing test in its report");
  }
}

/// The slowest tests, slowest first.
export function slowest(tally, count = 10) {
  return [...tally.timings].sort((a, b) => b.ms - a.ms).slice(0, count);
}
