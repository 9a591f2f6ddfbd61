import { defineConfig } from "vitest/config";

// Timeouts are sized for a 2-core machine running another heavy job at the same time: they
// catch a test that hangs, not a slow one (timings belong to `npm run bench`). Long property
// and crash tests size their own (test/support/long-tests.ts).
export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts"],
    benchmark: { include: ["test/bench/**/*.bench.ts"] },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
