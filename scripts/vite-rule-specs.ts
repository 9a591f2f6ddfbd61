import { readFileSync } from "node:fs";
import { relative } from "node:path";
import type { Plugin } from "vite";
import { compileRule, RuleError } from "../shared/style/compile";
import { readRuleFile } from "../shared/style/rule-file";

// `import rules from "./guides/en/numbers.yml?rule-specs"` gives the rules of a default style
// guide file already read (YAML parsed, columns checked) when the bundle is built: the renderer
// then compiles the default guides without shipping or running a YAML parser, which took most
// of a cold start of the checks (shared/style/default-guide-specs.ts). A problem in a default
// rule file, or an expression that does not compile, fails the build, naming the file and the rule.

const suffix = "?rule-specs";

export function ruleSpecs(guidesFolder: string): Plugin {
  return {
    name: "copydesk-rule-specs",
    enforce: "pre",
    load(id) {
      if (!id.endsWith(suffix)) return null;
      const file = id.slice(0, -suffix.length);
      const { rules, errors } = readRuleFile({ name: relative(guidesFolder, file), text: readFileSync(file, "utf8") });
      // Each rule compiles here, so the window may compile it only when it first checks text.
      for (const rule of rules) {
        try {
          compileRule(rule);
        } catch (e) {
          if (!(e instanceof RuleError)) throw e;
          errors.push(e.message);
        }
      }
      if (errors.length) this.error(`The default style guide has problems: ${errors.join("; ")}`);
      return `export default ${JSON.stringify(rules)};`;
    },
  };
}
