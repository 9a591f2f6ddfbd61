import fc from "fast-check";
import { longRun } from "./long-tests";

// Seeds for the fuzz suites (test/unit/fuzz): each run takes a new seed, prints it, and a failure
// is replayed with COPYDESK_FUZZ_SEED=<seed> (fast-check also prints the seed and path of a failure).

/// The seed for one fuzz suite: COPYDESK_FUZZ_SEED when set, a new one otherwise; printed either way.
export function fuzzSeed(suite: string): number {
  const given = process.env.COPYDESK_FUZZ_SEED;
  const seed = given !== undefined ? Number(given) : Math.floor(Math.random() * 0x7fffffff);
  console.log(`fuzz ${suite}: seed ${seed} (replay with COPYDESK_FUZZ_SEED=${seed}${longRun ? " COPYDESK_LONG=1" : ""})`);
  return seed;
}

/// Runs a fast-check property and fails with a short report (seed, path, the first lines of the
/// error), not the whole counterexample: fuzz inputs run to megabytes.
export async function assertProperty(property: fc.IAsyncPropertyWithHooks<unknown[]> | fc.IPropertyWithHooks<unknown[]>, parameters: fc.Parameters<unknown[]>): Promise<void> {
  const result = await fc.check(property as fc.IAsyncProperty<unknown[]>, { ...parameters, endOnFailure: true });
  if (!result.failed) return;
  const error = result.errorInstance instanceof Error ? `${result.errorInstance.message}\n${where(result.errorInstance)}` : String(result.errorInstance);
  throw new Error(`failed after ${result.numRuns} runs (seed ${result.seed}, path "${result.counterexamplePath}"): ${error.slice(0, 1500)}`);
}

/// The test file's line that failed, from an error's stack.
function where(error: Error): string {
  return (error.stack ?? "").split("\n").filter((line) => /test\/unit\//.test(line) && !/support\/fuzz/.test(line)).slice(0, 2).join("\n");
}
