import type { FieldName } from "../fields";
import type { ArticleMatch } from "./article-check";
import type { Level } from "./rule";

// The matches of `copydesk check` as it prints them: one line each (text), a JSON list, or a
// SARIF 2.1.0 log that code-review and CI tools read.

/// One match of one file, as the command line reports it.
export interface ReportedMatch {
  file: string;
  field: FieldName;
  /// The block's number within its field, from 1 ("body ¶3").
  block: number;
  /// Columns of the match in its block's text, from 1 (the end is exclusive).
  column: number;
  endColumn: number;
  rule: string;
  level: Level;
  message: string;
  text: string;
  fixes: string[];
}

/// A rule as the report describes it (SARIF's rule metadata).
export interface ReportedRule {
  id: string;
  level: Level;
  description: string;
}

/// The reported form of an article's matches.
export function reported(file: string, matches: readonly ArticleMatch[]): ReportedMatch[] {
  return matches.map((m) => ({
    file,
    field: m.field,
    block: m.block,
    column: m.from + 1,
    endColumn: m.to + 1,
    rule: m.rule,
    level: m.level,
    message: m.message,
    text: m.text,
    fixes: m.replacements,
  }));
}

/// "FILE:body:3:14: warning numbers-one-to-nine: Spell out numbers under 10: “five”. (fix: five)"
export function textLine(m: ReportedMatch): string {
  const fix = m.fixes.length ? ` (fix: ${m.fixes.map((f) => (f === "" ? "delete" : `“${f}”`)).join(" or ")})` : "";
  return `${m.file}:${m.field}:${m.block}:${m.column}: ${m.level} ${m.rule}: ${m.message}${fix}`;
}

const sarifLevels: Record<Level, "error" | "warning" | "note"> = { error: "error", warning: "warning", suggestion: "note" };

/// A SARIF 2.1.0 log of the matches: one run of the tool, its rules, one result per match (located
/// by file, and logically by field and block, with the columns of the block's text).
export function sarifLog(matches: readonly ReportedMatch[], rules: readonly ReportedRule[], tool: { version: string; informationUri: string }) {
  const used = rules.filter((r) => matches.some((m) => m.rule === r.id));
  const index = new Map(used.map((r, i) => [r.id, i]));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "copydesk",
            version: tool.version,
            informationUri: tool.informationUri,
            rules: used.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              defaultConfiguration: { level: sarifLevels[r.level] },
            })),
          },
        },
        results: matches.map((m) => ({
          ruleId: m.rule,
          ...(index.has(m.rule) ? { ruleIndex: index.get(m.rule) } : {}),
          level: sarifLevels[m.level],
          message: { text: m.fixes.length ? `${m.message} Fix: ${m.fixes.join(" / ")}` : m.message },
          locations: [
            {
              physicalLocation: { artifactLocation: { uri: m.file } },
              logicalLocations: [{ name: `${m.field} ${m.block}`, fullyQualifiedName: `${m.field}[${m.block}]:${m.column}-${m.endColumn}`, kind: "element" }],
            },
          ],
          properties: { field: m.field, block: m.block, column: m.column, endColumn: m.endColumn, text: m.text, fixes: m.fixes },
        })),
      },
    ],
  };
}
