import { resolve } from "node:path";
import { defineConfig } from "vitest/config";
import { ruleSpecs } from "./scripts/vite-rule-specs";

// Timeouts are sized for a 2-core machine running another heavy job at the same time, where a
// test can take ten times as long as on an idle one: they catch a test that hangs, not a slow
// one (timings belong to `npm run bench`). Long property and crash tests size their own
// (test/support/long-tests.ts), packing the app too (test/unit/packaging/pack-offline.ts).
export default defineConfig({
  // The default style guides read at build time, as the renderer imports them (shared/style/default-guide-specs.ts).
  // The plugin is TypeScript importing the project's TypeScript: run vitest with `--configLoader runner`
  // (npm test and npm run test:unit do), or Vite warns that its future native config loader could not load it.
  plugins: [ruleSpecs(resolve(import.meta.dirname, "shared/style/guides"))],
  test: {
    include: ["test/unit/**/*.test.ts"],
    benchmark: { include: ["test/bench/**/*.bench.ts"] },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
