import type { RuleSource } from "./rule-file";

// The default style guides (English and French), shipped as the YAML files of
// shared/style/guides/ and bundled by Vite as text wherever Copydesk runs: the renderer, the
// command line (built by Vite too) and the tests. A newsroom's own guide is read from its folder.

const files = import.meta.glob<string>("./guides/**/*.yml", { query: "?raw", import: "default", eager: true });

/// The rule files of the default guides, named like "en/numbers.yml", in a stable order.
export const defaultGuideSources: readonly RuleSource[] = Object.keys(files)
  .sort()
  .map((path) => ({ name: path.replace(/^\.\/guides\//, ""), text: files[path] }));
