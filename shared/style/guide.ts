import type { FieldName } from "../fields";
import { compileOnFirstUse, compileRule, conditionalMatch, RuleError, type CompiledRule, type ConditionalUse } from "./compile";
import type { BlockMatch, RuleSpec } from "./rule";

// A style guide: the default guides' rules with a newsroom's own on top (a rule of the same id
// replaces the default one, `disabled: true` removes it), compiled once, and picked per language.

/// The language part of a BCP 47 tag: "fr-CA" → "fr".
export function baseLanguage(tag: string): string {
  return tag.toLowerCase().split("-")[0];
}

function appliesTo(spec: RuleSpec, language: string): boolean {
  if (spec.language === "*") return true;
  const wanted = language.toLowerCase();
  const own = spec.language.toLowerCase();
  return own === wanted || own === baseLanguage(wanted);
}

/// What a block's check finds, kept per block: the matches of block rules and the uses of conditional ones.
export interface BlockResult {
  matches: BlockMatch[];
  uses: { rule: number; use: ConditionalUse }[];
}

/// The rules of a guide for one language, ready to check blocks.
export class LanguageRules {
  private readonly byField = new Map<FieldName, CompiledRule[]>();

  constructor(
    readonly language: string,
    readonly rules: readonly CompiledRule[],
  ) {}

  private forField(field: FieldName): CompiledRule[] {
    let list = this.byField.get(field);
    if (!list) this.byField.set(field, (list = this.rules.filter((r) => r.spec.fields.includes(field))));
    return list;
  }

  /// Checks one block of text of a field.
  checkBlock(text: string, field: FieldName): BlockResult {
    const result: BlockResult = { matches: [], uses: [] };
    if (!text.trim()) return result;
    for (const rule of this.forField(field)) {
      if (rule.uses) {
        const index = this.rules.indexOf(rule);
        for (const use of rule.uses(text)) result.uses.push({ rule: index, use });
      } else result.matches.push(...rule.check(text));
    }
    result.matches.sort((a, b) => a.from - b.from || b.to - a.to);
    return result;
  }

  /// The article-wide matches of conditional rules, from the blocks' results in document order:
  /// the first use of each thing that nothing defined before, by block.
  articleMatches(blocks: readonly BlockResult[]): Map<number, BlockMatch[]> {
    const defined = new Set<string>();
    const reported = new Set<string>();
    const found = new Map<number, BlockMatch[]>();
    blocks.forEach((block, index) => {
      for (const { rule, use } of block.uses) {
        const key = `${rule}\u0000${use.text}`;
        if (use.definedBefore || defined.has(key) || reported.has(key)) continue;
        reported.add(key);
        const list = found.get(index) ?? [];
        list.push(conditionalMatch(this.rules[rule].spec, use));
        found.set(index, list);
      }
      for (const { rule, use } of block.uses) if (use.definedInBlock) defined.add(`${rule}\u0000${use.text}`);
    });
    return found;
  }
}

/// A compiled style guide.
export class StyleGuide {
  private readonly languages = new Map<string, LanguageRules>();

  private constructor(
    /// Every rule in force, compiled.
    readonly rules: readonly CompiledRule[],
    /// What was wrong in the rule files (the rules concerned are left out).
    readonly errors: readonly string[],
  ) {}

  /// The guide of these rules: `custom` (a newsroom's) over `defaults`; `errors` are the rule
  /// files' problems found while reading them (rule-file.ts), reported with the guide's own.
  /// `compiledDefaults`: the defaults are known to compile (the build compiled them), so each
  /// compiles on its first use; a newsroom's rules compile at once, to report their errors.
  static fromSpecs(
    defaults: readonly RuleSpec[],
    custom: readonly RuleSpec[] = [],
    readErrors: readonly string[] = [],
    { compiledDefaults = false }: { compiledDefaults?: boolean } = {},
  ): StyleGuide {
    const errors = [...readErrors];
    const specs = new Map<string, RuleSpec>();
    const key = (spec: RuleSpec) => `${spec.language.toLowerCase()}\u0000${spec.id}`;
    for (const spec of defaults) {
      if (specs.has(key(spec))) errors.push(`${spec.id}: two rules have this id`);
      specs.set(key(spec), spec);
    }
    const own = new Set(custom);
    for (const spec of custom) {
      const same = [...specs.values()].filter((s) => s.id === spec.id && (spec.language === "*" || s.language === spec.language));
      for (const old of same) specs.delete(key(old));
      if (!spec.disabled) specs.set(key(spec), spec);
    }
    const rules: CompiledRule[] = [];
    for (const spec of specs.values()) {
      if (spec.disabled) continue;
      try {
        rules.push(compiledDefaults && !own.has(spec) ? compileOnFirstUse(spec) : compileRule(spec));
      } catch (e) {
        if (!(e instanceof RuleError)) throw e;
        errors.push(e.message);
      }
    }
    return new StyleGuide(rules, errors);
  }

  /// The rules for an article in this language ("en-GB" takes the "en" rules and those for every language).
  forLanguage(language: string): LanguageRules {
    const tag = language.toLowerCase();
    let rules = this.languages.get(tag);
    if (!rules) this.languages.set(tag, (rules = new LanguageRules(tag, this.rules.filter((r) => appliesTo(r.spec, tag)))));
    return rules;
  }

  /// A rule by its id.
  spec(id: string): RuleSpec | undefined {
    return this.rules.find((r) => r.spec.id === id)?.spec;
  }
}
