import type { BlockMatch, RuleSpec } from "./rule";
import { expandPattern, literalPattern, matchCase, phraseKey, sentences, wordsOf, type Span } from "./text";

// A rule compiled once into what checks a block of text: its regular expressions built, its
// literal words in one alternation, its exceptions in one expression.

/// A use of an acronym (or whatever a conditional rule looks for), and whether its block defines it before.
export interface ConditionalUse extends Span {
  text: string;
  /// True when the definition stands in the same block before this use.
  definedBefore: boolean;
  /// True when the block defines it anywhere (so later blocks may use it).
  definedInBlock: boolean;
}

/// A rule ready to run.
export interface CompiledRule {
  readonly spec: RuleSpec;
  /// The rule's matches in one block of text (none for a conditional rule: see `uses`).
  check(text: string): BlockMatch[];
  /// Conditional rules only: the uses in a block, for the article-wide pass.
  uses?(text: string): ConditionalUse[];
}

/// Thrown when a rule's expression does not compile; says which rule and why.
export class RuleError extends Error {}

function regex(source: string, spec: RuleSpec, what: string, flags = "gu"): RegExp {
  try {
    return new RegExp(expandPattern(source), `${flags}${spec.ignoreCase ? "i" : ""}`);
  } catch (e) {
    throw new RuleError(`${spec.id}: ${what} is not a valid regular expression: ${(e as Error).message}`);
  }
}

function* matchesOf(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    yield m;
  }
}

/// The spans of text where a rule does not apply.
function exceptionTest(spec: RuleSpec): (text: string) => (span: Span) => boolean {
  if (spec.exceptions.length === 0) return () => () => false;
  const pattern = regex(spec.exceptions.map((e) => `(?:${e})`).join("|"), spec, "an exception");
  return (text) => {
    let spans: Span[] | null = null;
    return (span) => {
      spans ??= [...matchesOf(pattern, text)].map((m) => ({ from: m.index, to: m.index + m[0].length }));
      return spans.some((e) => e.from <= span.from && e.to >= span.to);
    };
  };
}

function fill(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function tokenPattern(spec: RuleSpec): string {
  const tokens = (spec.tokens ?? []).map((t) => (spec.regex ? `(?:${t})` : literalPattern(t)));
  if (spec.pattern) tokens.push(`(?:${spec.pattern})`);
  return tokens.sort((a, b) => b.length - a.length).join("|");
}

function matchOf(spec: RuleSpec, from: number, text: string, replacements: string[]): BlockMatch {
  const fixes = replacements.map((r) => (spec.ignoreCase ? matchCase(r, text) : r)).filter((r) => r !== text);
  return {
    rule: spec.id,
    level: spec.level,
    message: fill(spec.message, { match: text, replacement: fixes[0] ?? "" }),
    from,
    to: from + text.length,
    text,
    replacements: [...new Set(fixes)],
  };
}

function existence(spec: RuleSpec): CompiledRule["check"] {
  const pattern = regex(tokenPattern(spec), spec, "a token or the pattern");
  const excepted = exceptionTest(spec);
  return (text) => {
    const found: BlockMatch[] = [];
    let isException: ((span: Span) => boolean) | null = null;
    for (const m of matchesOf(pattern, text)) {
      isException ??= excepted(text);
      const span = { from: m.index, to: m.index + m[0].length };
      if (!isException(span)) found.push(matchOf(spec, m.index, m[0], spec.replacements ?? []));
    }
    return found;
  };
}

function substitution(spec: RuleSpec): CompiledRule["check"] {
  const entries = Object.entries(spec.swap ?? {}).map(([key, value]) => ({ key, values: Array.isArray(value) ? value : [value] }));
  const excepted = exceptionTest(spec);
  const literal = new Map(entries.map((e) => [phraseKey(e.key, spec.ignoreCase), e.values]));
  const combined = spec.regex ? null : regex(entries.map((e) => literalPattern(e.key)).sort((a, b) => b.length - a.length).join("|"), spec, "a swap key");
  const expressions = spec.regex ? entries.map((e) => ({ all: regex(e.key, spec, `swap key "${e.key}"`), values: e.values })) : [];
  return (text) => {
    const found: BlockMatch[] = [];
    let isException: ((span: Span) => boolean) | null = null;
    const report = (from: number, matched: string, fixes: string[]) => {
      isException ??= excepted(text);
      if (!isException({ from, to: from + matched.length })) found.push(matchOf(spec, from, matched, fixes));
    };
    if (combined) for (const m of matchesOf(combined, text)) report(m.index, m[0], literal.get(phraseKey(m[0], spec.ignoreCase)) ?? []);
    for (const { all, values } of expressions) {
      for (const m of matchesOf(all, text)) report(m.index, m[0], values.map((v) => expand(v, m)));
    }
    return found.sort((a, b) => a.from - b.from);
  };
}

/// A replacement with `$1`, `$<name>`, `$&` and `$$` filled in from the match, as String.replace does.
function expand(template: string, m: RegExpExecArray): string {
  return template.replace(/\$(\$|&|\d{1,2}|<[^>]*>)/g, (_whole, ref: string) => {
    if (ref === "$") return "$";
    if (ref === "&") return m[0];
    if (ref.startsWith("<")) return m.groups?.[ref.slice(1, -1)] ?? "";
    return m[Number(ref)] ?? "";
  });
}

function occurrence(spec: RuleSpec): CompiledRule["check"] {
  const pattern = regex(tokenPattern(spec), spec, "a token or the pattern");
  const max = spec.max ?? 0;
  const excepted = exceptionTest(spec);
  return (text) => {
    const units = spec.scope === "block" ? [{ from: 0, to: text.length }] : sentences(text);
    const isException = excepted(text);
    const found: BlockMatch[] = [];
    for (const unit of units) {
      const part = text.slice(unit.from, unit.to);
      let count = 0;
      for (const m of matchesOf(pattern, part)) if (!isException({ from: unit.from + m.index, to: unit.from + m.index + m[0].length })) count++;
      if (count > max) {
        const match = matchOf(spec, unit.from, part, spec.replacements ?? []);
        found.push({ ...match, message: fill(match.message, { count, max }) });
      }
    }
    return found;
  };
}

function repetition(spec: RuleSpec): CompiledRule["check"] {
  const excepted = exceptionTest(spec);
  const only = spec.tokens?.length || spec.pattern ? regex(`^(?:${tokenPattern(spec)})$`, spec, "a token or the pattern", "u") : null;
  return (text) => {
    const words = wordsOf(text);
    const found: BlockMatch[] = [];
    let isException: ((span: Span) => boolean) | null = null;
    for (let i = 1; i < words.length; i++) {
      const [a, b] = [words[i - 1], words[i]];
      if (a.text.toLowerCase() !== b.text.toLowerCase() || !/^[\s\u00a0\u202f]+$/.test(text.slice(a.to, b.from))) continue;
      if (/\p{N}/u.test(a.text) || (only && !only.test(a.text))) continue;
      isException ??= excepted(text);
      if (isException({ from: a.from, to: b.to })) continue;
      found.push(matchOf({ ...spec, ignoreCase: false }, a.from, text.slice(a.from, b.to), [a.text]));
    }
    return found;
  };
}

const smallWords = new Set(
  "a an and as at but by for from if in into nor of on or per the to up via vs with à au aux de des du en et la le les ou par pour sur un une".split(" "),
);

function capitalization(spec: RuleSpec): CompiledRule["check"] {
  const excepted = exceptionTest(spec);
  const share = spec.max ?? 0.5;
  return (text) => {
    const trimmed = text.trim();
    if (!trimmed) return [];
    const from = text.indexOf(trimmed);
    const isException = excepted(text);
    const letters = trimmed.replace(/[^\p{L}]/gu, "");
    const upper = letters === letters.toUpperCase();
    const lower = letters === letters.toLowerCase();
    let wrong = false;
    let fix: string | null = null;
    if (spec.match === "$upper") [wrong, fix] = [!upper, trimmed.toUpperCase()];
    else if (spec.match === "$lower") [wrong, fix] = [!lower, trimmed.toLowerCase()];
    else {
      const words = wordsOf(text).filter((w) => /^\p{L}/u.test(w.text) && !isException(w));
      const firsts = new Set(sentences(text).map((s) => s.from));
      const eligible = words.filter((w) => {
        if (firsts.has(w.from) || /\p{N}/u.test(w.text)) return false;
        if (w.text.length > 1 && w.text === w.text.toUpperCase()) return false;
        return spec.match === "$sentence" || !smallWords.has(w.text.toLowerCase());
      });
      const isCapital = (w: { text: string }) => w.text.charAt(0) !== w.text.charAt(0).toLowerCase();
      const off = eligible.filter((w) => (spec.match === "$sentence" ? isCapital(w) : !isCapital(w)));
      wrong = eligible.length >= 2 && off.length / eligible.length > share;
    }
    return wrong ? [matchOf({ ...spec, ignoreCase: false }, from, trimmed, fix ? [fix] : [])] : [];
  };
}

function conditional(spec: RuleSpec): Required<Pick<CompiledRule, "check" | "uses">> {
  const pattern = regex(spec.pattern ?? "", spec, "the pattern");
  const excepted = exceptionTest(spec);
  const definitions = new Map<string, RegExp>();
  const definitionOf = (use: string) => {
    let found = definitions.get(use);
    if (!found) {
      found = regex(spec.definition!.replace(/\{match\}/g, use.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")), spec, "the definition", "u");
      definitions.set(use, found);
    }
    return found;
  };
  return {
    check: () => [],
    uses(text) {
      const uses: ConditionalUse[] = [];
      let isException: ((span: Span) => boolean) | null = null;
      for (const m of matchesOf(pattern, text)) {
        isException ??= excepted(text);
        const span = { from: m.index, to: m.index + m[0].length };
        if (isException(span)) continue;
        const definition = definitionOf(m[0]).exec(text);
        uses.push({ ...span, text: m[0], definedBefore: Boolean(definition && definition.index <= m.index), definedInBlock: Boolean(definition) });
      }
      return uses;
    },
  };
}

/// Compiles a rule; throws a RuleError naming the rule when one of its expressions is not valid.
export function compileRule(spec: RuleSpec): CompiledRule {
  switch (spec.kind) {
    case "existence":
      return { spec, check: existence(spec) };
    case "substitution":
      return { spec, check: substitution(spec) };
    case "occurrence":
      return { spec, check: occurrence(spec) };
    case "repetition":
      return { spec, check: repetition(spec) };
    case "capitalization":
      return { spec, check: capitalization(spec) };
    case "conditional":
      return { spec, ...conditional(spec) };
  }
}

/// The match a conditional rule reports for a use that nothing defined before.
export function conditionalMatch(spec: RuleSpec, use: ConditionalUse): BlockMatch {
  return matchOf({ ...spec, ignoreCase: false }, use.from, use.text, spec.replacements ?? []);
}

/// A rule compiled when it first checks text, for rules already known to compile (the default
/// guides, compiled when the build reads them): a window compiles only its article's language's
/// rules, and not before the first check.
export function compileOnFirstUse(spec: RuleSpec): CompiledRule {
  let compiled: CompiledRule | null = null;
  const rule = () => (compiled ??= compileRule(spec));
  const check = (text: string) => rule().check(text);
  return spec.kind === "conditional" ? { spec, check, uses: (text) => rule().uses!(text) } : { spec, check };
}
