// Property and crash tests run fewer rounds in `npm test` than under `npm run test:long`
// (COPYDESK_LONG=1), which runs their full counts. Their timeouts are sized for a 2-core machine
// that is running another heavy job at the same time: timings are measured by `npm run bench`,
// never asserted, so a timeout only catches a test that hangs.

/// True under `npm run test:long`.
export const longRun = process.env.COPYDESK_LONG === "1";

/// How many rounds a test runs: `everyday` in `npm test`, `full` under `npm run test:long`.
export function rounds(everyday: number, full: number): number {
  return longRun ? full : everyday;
}

/// A timeout for `count` pieces of work that each take up to `msEach` on a busy machine.
export function timeoutFor(count: number, msEach: number): number {
  return 30_000 + count * msEach;
}
