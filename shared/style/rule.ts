import type { FieldName } from "../fields";

// What a house-style rule is, as a guide's YAML files write it (docs/style-rules.md is the
// reference). The kinds are Vale's; the columns are the Guardian Typerighter sheet's.

/// How serious a match is: an error blocks export, a warning and a suggestion do not.
export const levels = ["error", "warning", "suggestion"] as const;
export type Level = (typeof levels)[number];

/// What a rule looks for.
/// - `existence`: any of its words or its pattern is a match.
/// - `substitution`: each key of `swap` is a match, fixed by its value.
/// - `occurrence`: its words or pattern found more than `max` times in one sentence or block.
/// - `repetition`: the same word twice in a row ("the the").
/// - `capitalization`: the whole text (a headline) is not in the case `match` names.
/// - `conditional`: a match of `pattern` (an acronym) with no `definition` before it in the article.
export const ruleKinds = ["existence", "substitution", "occurrence", "repetition", "capitalization", "conditional"] as const;
export type RuleKind = (typeof ruleKinds)[number];

/// The cases a `capitalization` rule can ask for.
export const caseStyles = ["$sentence", "$title", "$upper", "$lower"] as const;
export type CaseStyle = (typeof caseStyles)[number];

/// Example sentences that go with a rule: each of `flag` must give a match, none of `pass` may.
export interface RuleExamples {
  flag: string[];
  pass: string[];
}

/// One rule as its YAML file gives it, with the file's defaults applied.
export interface RuleSpec {
  /// Unique within a guide, e.g. "numbers-one-to-nine"; a newsroom guide's rule with the same id replaces it.
  id: string;
  kind: RuleKind;
  level: Level;
  /// What the journalist reads; `{match}` and `{replacement}` are filled in.
  message: string;
  /// A BCP 47 language ("en" covers "en-GB"), or "*" for every language.
  language: string;
  /// The fields it checks (by default the ones a reader reads as the story).
  fields: FieldName[];
  /// Literal words or phrases (whole words; an apostrophe matches ' and ’), or regular expressions when `regex` is set.
  tokens?: string[];
  /// One regular expression (JavaScript syntax, Unicode mode).
  pattern?: string;
  /// substitution: what each word, phrase or expression is replaced by (one or several choices; `$1` refers to a group).
  swap?: Record<string, string | string[]>;
  /// existence: the fixes offered for every match.
  replacements?: string[];
  /// True when tokens and swap keys are regular expressions rather than literal words.
  regex: boolean;
  /// True (the default) when case does not matter; a fix then takes the capital of the word it replaces.
  ignoreCase: boolean;
  /// Regular expressions: a match inside a match of one of these is not reported.
  exceptions: string[];
  /// occurrence: how many are allowed; capitalization: the share of words that may break the case (0.5).
  max?: number;
  /// occurrence: what is counted in, a sentence or the whole block.
  scope?: "sentence" | "block";
  /// capitalization: the case the text must be in.
  match?: CaseStyle;
  /// conditional: what defines a match before its first use; `{match}` is the match, e.g. "\\({match}\\)".
  definition?: string;
  /// A longer explanation shown with the rule (the Checks panel's tooltip).
  description?: string;
  examples?: RuleExamples;
  /// Turns off a rule of the same id from the guide underneath.
  disabled?: boolean;
}

/// A match of a rule in one block of text (a paragraph, the headline, a caption…).
export interface BlockMatch {
  rule: string;
  level: Level;
  message: string;
  /// Offsets in the block's text.
  from: number;
  to: number;
  /// The text matched.
  text: string;
  /// The fixes, best first (may be empty).
  replacements: string[];
}

/// The fields checked when a rule names none: what a reader reads as the story, and captions.
export const defaultRuleFields: readonly FieldName[] = ["kicker", "headline", "standfirst", "body", "tagline"];
