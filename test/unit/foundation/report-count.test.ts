import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { countPlaywright, countVitest, newTally, slowest } from "../../report-count.mjs";

// `npm test`'s closing line counts every test: a file that does not load, a Playwright run that
// does not start and a test that never ran are failures, and are named. The reports below have
// the shapes vitest's and Playwright's JSON reporters write in those cases.

const root = join("/", "project");
const file = (name: string, status: string, tests: { title: string; status: string; duration?: number }[], message = "") => ({
  name: join(root, name),
  status,
  message,
  assertionResults: tests.map((t) => ({ ancestorTitles: ["group"], ...t })),
});

describe("counting the unit tests", () => {
  it("counts passed and failed tests, and a file that did not load as one failure, named", () => {
    const tally = newTally();
    const report = {
      numFailedTestSuites: 2,
      testResults: [
        file("test/unit/a.test.ts", "failed", [
          { title: "passes", status: "passed", duration: 12 },
          { title: "fails", status: "failed", duration: 3 },
          { title: "is skipped", status: "skipped" },
        ]),
        file("test/unit/b.test.ts", "failed", [], "ENOENT: no such file or directory, open 'test/fixtures/missing.json'\n    at stack"),
      ],
    };
    countVitest(tally, report, false, root);
    expect(tally).toMatchObject({ passed: 1, failed: 2 });
    expect(tally.notRun).toEqual(["unit file did not load: test/unit/b.test.ts: ENOENT: no such file or directory, open 'test/fixtures/missing.json'"]);
  });

  it("counts a failed hook as a failure and says its tests did not run", () => {
    const tally = newTally();
    countVitest(tally, { testResults: [file("test/unit/c.test.ts", "failed", [{ title: "a", status: "skipped" }], "hook broke")] }, false, root);
    expect(tally.failed).toBe(1);
    expect(tally.notRun).toEqual(["unit file failed outside its tests: test/unit/c.test.ts: hook broke (1 of its tests did not run)"]);
  });

  it("counts a missing report, or a failed run with nothing failing in it, as a failure", () => {
    const missing = newTally();
    countVitest(missing, null, false, root);
    expect(missing.failed).toBe(1);
    const unexplained = newTally();
    countVitest(unexplained, { testResults: [] }, false, root);
    expect(unexplained.failed).toBe(1);
  });
});

const spec = (title: string, status: string, results: { status: string; duration: number }[]) => ({
  title,
  tests: [{ status, projectName: "chromium-host", results }],
});

describe("counting the e2e tests", () => {
  it("counts expected, flaky and unexpected tests, and a test that never ran as a failure", () => {
    const tally = newTally();
    const report = {
      errors: [],
      suites: [
        {
          title: "editor.spec.ts",
          specs: [spec("types", "expected", [{ status: "passed", duration: 900 }]), spec("is skipped", "skipped", [{ status: "skipped", duration: 1 }])],
          suites: [
            {
              title: "closing",
              specs: [
                spec("saves", "unexpected", [{ status: "failed", duration: 5000 }]),
                spec("retried", "flaky", [{ status: "failed", duration: 10 }, { status: "passed", duration: 20 }]),
                spec("never ran", "skipped", []),
              ],
            },
          ],
        },
      ],
    };
    countPlaywright(tally, report, false);
    expect(tally).toMatchObject({ passed: 2, failed: 2 });
    expect(tally.notRun).toEqual(["e2e test did not run: editor.spec.ts › closing › never ran"]);
    expect(slowest(tally, 2)).toEqual([
      { title: "e2e   editor.spec.ts › closing › saves", ms: 5000 },
      { title: "e2e   editor.spec.ts › types", ms: 900 },
    ]);
  });

  it("counts a run that did not start (a spec that does not load) as failures, named", () => {
    const tally = newTally();
    countPlaywright(tally, { errors: [{ message: "Error: ENOENT: no such file or directory, open 'test/fixtures/missing-folder'" }], suites: [] }, false);
    expect(tally.failed).toBe(1);
    expect(tally.notRun).toEqual(["e2e run error: Error: ENOENT: no such file or directory, open 'test/fixtures/missing-folder'"]);
  });

  it("counts no report, or a report without a single test, as a failure", () => {
    const missing = newTally();
    countPlaywright(missing, null, false);
    expect(missing.failed).toBe(1);
    const empty = newTally();
    countPlaywright(empty, { errors: [], suites: [] }, true);
    expect(empty.failed).toBe(1);
    expect(empty.notRun).toEqual(["e2e tests: Playwright ran no test"]);
  });
});

it("lists the slowest of unit and e2e tests together, slowest first", () => {
  const tally = newTally();
  countVitest(tally, { testResults: [file("test/unit/a.test.ts", "passed", [{ title: "slow", status: "passed", duration: 3000 }])] }, true, root);
  countPlaywright(tally, { errors: [], suites: [{ title: "x.spec.ts", specs: [spec("fast", "expected", [{ status: "passed", duration: 100 }])] }] }, true);
  expect(slowest(tally).map((t) => t.title)).toEqual(["unit  test/unit/a.test.ts › group › slow", "e2e   x.spec.ts › fast"]);
});
