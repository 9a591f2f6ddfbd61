import type { RuleSpec } from "./rule";

// The default style guides' rules as the build read them from shared/style/guides/
// (scripts/vite-rule-specs.ts): what the window compiles, with no YAML to parse. The command
// line and the tests read the YAML files themselves (default-guides.ts).

const files = import.meta.glob<RuleSpec[]>("./guides/**/*.yml", { query: "?rule-specs", import: "default", eager: true });

/// The default guides' rules, file by file in the order of their names ("en/numbers.yml"…).
export const defaultGuideSpecs: readonly RuleSpec[] = Object.keys(files)
  .sort()
  .flatMap((path) => files[path]);
