import { parse } from "yaml";
import { fieldNames, type FieldName } from "../fields";
import { StyleGuide } from "./guide";
import { caseStyles, defaultRuleFields, levels, ruleKinds, type CaseStyle, type Level, type RuleKind, type RuleSpec } from "./rule";

// Reads one rule file of a style guide (YAML, docs/style-rules.md): a few defaults for the file
// (`language`, `level`, `fields`) and a list of `rules`. Every problem is named with the file and
// the rule, so a desk editor can fix their guide without reading code.

/// A rule file's text and the name it is reported under ("en/numbers.yml").
export interface RuleSource {
  name: string;
  text: string;
}

/// The rules a file gives, and what was wrong with the ones it could not give.
export interface RuleFileResult {
  rules: RuleSpec[];
  errors: string[];
}

type Raw = Record<string, unknown>;

const ruleKeys = new Set([
  "id", "kind", "level", "message", "language", "fields", "tokens", "pattern", "swap", "replacements", "replacement", "regex",
  "ignoreCase", "exceptions", "max", "scope", "match", "definition", "description", "examples", "disabled",
]);

const isRecord = (value: unknown): value is Raw => typeof value === "object" && value !== null && !Array.isArray(value);
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === "string");

/// Reads the rules of one YAML rule file.
export function readRuleFile(source: RuleSource): RuleFileResult {
  let document: unknown;
  try {
    document = parse(source.text);
  } catch (e) {
    return { rules: [], errors: [`${source.name}: not valid YAML: ${(e as Error).message.split("\n")[0]}`] };
  }
  if (!isRecord(document) || !Array.isArray(document.rules)) return { rules: [], errors: [`${source.name}: has no list of "rules"`] };
  const errors: string[] = [];
  const defaults = {
    language: typeof document.language === "string" ? document.language : "*",
    level: (levels as readonly unknown[]).includes(document.level) ? (document.level as Level) : "warning",
    fields: isStringList(document.fields) ? document.fields : [...defaultRuleFields],
  };
  const rules: RuleSpec[] = [];
  document.rules.forEach((raw, index) => {
    const where = `${source.name}: rule ${index + 1}${isRecord(raw) && typeof raw.id === "string" ? ` (${raw.id})` : ""}`;
    const problems: string[] = [];
    const rule = isRecord(raw) ? ruleFrom(raw, defaults, problems) : null;
    if (!isRecord(raw)) problems.push("not a mapping of rule columns");
    if (rule && problems.length === 0) rules.push(rule);
    else errors.push(...problems.map((p) => `${where}: ${p}`));
  });
  return { rules, errors };
}

/// Reads the rules of several rule files, with all their problems.
export function readRuleFiles(sources: readonly RuleSource[]): RuleFileResult {
  const results = sources.map(readRuleFile);
  return { rules: results.flatMap((r) => r.rules), errors: results.flatMap((r) => r.errors) };
}

/// The guide of these rule files: `custom` (a newsroom's) over `defaults`.
export function guideFromSources(defaults: readonly RuleSource[], custom: readonly RuleSource[] = []): StyleGuide {
  const base = readRuleFiles(defaults);
  const own = readRuleFiles(custom);
  return StyleGuide.fromSpecs(base.rules, own.rules, [...base.errors, ...own.errors]);
}

function ruleFrom(raw: Raw, defaults: { language: string; level: Level; fields: string[] }, problems: string[]): RuleSpec | null {
  for (const key of Object.keys(raw)) if (!ruleKeys.has(key)) problems.push(`unknown column "${key}"`);
  const id = raw.id;
  if (typeof id !== "string" || !/^[a-z0-9][a-z0-9.-]*$/i.test(id)) problems.push('"id" must be letters, digits, dots and hyphens');
  if (raw.disabled === true) return { ...base(String(id), defaults), disabled: true };
  const kind = raw.kind as RuleKind;
  if (!ruleKinds.includes(kind)) problems.push(`"kind" must be one of ${ruleKinds.join(", ")}`);
  const level = (raw.level ?? defaults.level) as Level;
  if (!levels.includes(level)) problems.push(`"level" must be one of ${levels.join(", ")}`);
  if (typeof raw.message !== "string" || raw.message.trim() === "") problems.push('"message" is missing');
  const fields = (raw.fields ?? defaults.fields) as FieldName[];
  if (!isStringList(fields) || fields.some((f) => !fieldNames.includes(f))) problems.push(`"fields" must be a list of ${fieldNames.join(", ")}`);
  const list = (key: string): string[] | undefined => {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (typeof value === "string") return [value];
    if (!isStringList(value)) problems.push(`"${key}" must be a list of strings`);
    return isStringList(value) ? value : undefined;
  };
  const rule: RuleSpec = {
    ...base(String(id), defaults),
    kind,
    level,
    message: String(raw.message ?? ""),
    language: typeof raw.language === "string" ? raw.language : defaults.language,
    fields,
    tokens: list("tokens"),
    replacements: list("replacements") ?? list("replacement"),
    exceptions: list("exceptions") ?? [],
    regex: raw.regex === true,
    ignoreCase: raw.ignoreCase !== false,
  };
  if (typeof raw.pattern === "string") rule.pattern = raw.pattern;
  else if (raw.pattern !== undefined) problems.push('"pattern" must be a string');
  if (raw.swap !== undefined) {
    if (isRecord(raw.swap) && Object.values(raw.swap).every((v) => typeof v === "string" || isStringList(v))) {
      rule.swap = raw.swap as Record<string, string | string[]>;
    } else problems.push('"swap" must map each word or expression to its replacement (or a list of them)');
  }
  if (raw.max !== undefined) {
    if (typeof raw.max === "number" && raw.max >= 0) rule.max = raw.max;
    else problems.push('"max" must be a number, 0 or more');
  }
  if (raw.scope !== undefined) {
    if (raw.scope === "sentence" || raw.scope === "block") rule.scope = raw.scope;
    else problems.push('"scope" must be sentence or block');
  }
  if (raw.match !== undefined) {
    if ((caseStyles as readonly unknown[]).includes(raw.match)) rule.match = raw.match as CaseStyle;
    else problems.push(`"match" must be one of ${caseStyles.join(", ")}`);
  }
  if (typeof raw.definition === "string") rule.definition = raw.definition;
  if (typeof raw.description === "string") rule.description = raw.description;
  if (raw.examples !== undefined) {
    const examples = raw.examples;
    if (isRecord(examples) && (examples.flag === undefined || isStringList(examples.flag)) && (examples.pass === undefined || isStringList(examples.pass))) {
      rule.examples = { flag: (examples.flag as string[]) ?? [], pass: (examples.pass as string[]) ?? [] };
    } else problems.push('"examples" must have lists "flag" and "pass"');
  }
  const needs: Record<RuleKind, () => boolean> = {
    existence: () => Boolean(rule.tokens?.length || rule.pattern),
    substitution: () => Boolean(rule.swap && Object.keys(rule.swap).length),
    occurrence: () => Boolean((rule.tokens?.length || rule.pattern) && rule.max !== undefined),
    repetition: () => true,
    capitalization: () => Boolean(rule.match),
    conditional: () => Boolean(rule.pattern && rule.definition),
  };
  const what: Record<RuleKind, string> = {
    existence: '"tokens" or "pattern"',
    substitution: '"swap"',
    occurrence: '"tokens" or "pattern", and "max"',
    repetition: "",
    capitalization: '"match"',
    conditional: '"pattern" and "definition"',
  };
  if (ruleKinds.includes(kind) && !needs[kind]()) problems.push(`a ${kind} rule needs ${what[kind]}`);
  return rule;
}

function base(id: string, defaults: { language: string; level: Level; fields: string[] }): RuleSpec {
  return {
    id,
    kind: "existence",
    level: defaults.level,
    message: "",
    language: defaults.language,
    fields: defaults.fields as FieldName[],
    regex: false,
    ignoreCase: true,
    exceptions: [],
  };
}
