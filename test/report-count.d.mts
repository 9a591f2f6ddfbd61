// Types of test/report-count.mjs, which `npm test` runs under plain Node.

export interface Tally {
  passed: number;
  failed: number;
  /// What failed outside a test, or did not run, one line each.
  notRun: string[];
  /// Every test that ran, with its duration in milliseconds.
  timings: { title: string; ms: number }[];
}
export function newTally(): Tally;
export function countVitest(tally: Tally, report: unknown, ok: boolean, root: string): void;
export function countPlaywright(tally: Tally, report: unknown, ok: boolean): void;
export function slowest(tally: Tally, count?: number): { title: string; ms: number }[];
