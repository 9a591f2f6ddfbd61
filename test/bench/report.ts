import type { EditorName } from "./browser";
import { editorLabels } from "./browser";
import type { Figure } from "./stats";

// The one table `npm run bench` prints (Markdown), and the same rows as JSON.

/// One line of the table: a figure for each editor measured, and the target it is held to.
export interface Row {
  section: string;
  name: string;
  unit: "ms" | "KB" | "MB" | "nodes" | "tasks";
  values: Partial<Record<EditorName, Figure>>;
  /// The target in words, e.g. "≤ 1.1× ProseMirror, < Tiptap" or "< 200 ms".
  target?: string;
  /// Whether Copydesk meets the target (undefined when there is none).
  met?: boolean;
  /// Ratios to the baselines are shown for this row.
  compare?: boolean;
}

/// Everything a run of the benchmark reports.
export interface Report {
  command: string;
  date: string;
  machine: string;
  durationS: number;
  rows: Row[];
}

function number(value: number, unit: Row["unit"]): string {
  if (!Number.isFinite(value)) return "–";
  if (unit === "tasks" || unit === "nodes") return Math.round(value).toLocaleString("en");
  const abs = Math.abs(value);
  return abs >= 100 ? Math.round(value).toLocaleString("en") : abs >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/// "12.3 (11.8–13.0)": the median and the runs' range.
export function formatFigure(f: Figure | undefined, unit: Row["unit"]): string {
  if (!f) return "";
  const spread = f.runs.length > 1 && f.min !== f.max ? ` (${number(f.min, unit)}–${number(f.max, unit)})` : "";
  return `${number(f.median, unit)}${spread}`;
}

const ratio = (a: Figure | undefined, b: Figure | undefined) => (a && b && b.median > 0 && Number.isFinite(a.median) ? `${(a.median / b.median).toFixed(2)}×` : "");

/// The report as one Markdown table.
export function formatTable(report: Report): string {
  const shown = (Object.keys(editorLabels) as EditorName[]).filter((e) => report.rows.some((row) => row.values[e]));
  // A ratio column for each editor Copydesk is held against, when the table has its figures.
  const ratios = (
    [
      ["prosemirror", "÷ ProseMirror", (row) => ratio(row.values.copydesk, row.values.prosemirror)],
      ["tiptap", "÷ Tiptap", (row) => ratio(row.values.copydesk, row.values.tiptap)],
      ["unchecked", "÷ checks off", (row) => ratio(row.values.copydesk, row.values.unchecked)],
      ["suggesting", "suggesting ÷ Copydesk", (row) => ratio(row.values.suggesting, row.values.copydesk)],
    ] as const satisfies readonly (readonly [EditorName, string, (row: Row) => string])[]
  ).filter(([editor]) => shown.includes(editor));
  const head = ["figure", ...shown.map((e) => editorLabels[e]), ...ratios.map(([, label]) => label), "target", "met"];
  const lines = [`| ${head.join(" | ")} |`, `| ${head.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`];
  let section = "";
  for (const row of report.rows) {
    if (row.section !== section) {
      section = row.section;
      lines.push(`| **${section}** |${" |".repeat(head.length - 1)}`);
    }
    const cells = [
      `${row.name} (${row.unit})`,
      ...shown.map((e) => formatFigure(row.values[e], row.unit)),
      ...ratios.map(([, , of]) => (row.compare ? of(row) : "")),
      row.target ?? "",
      row.met === undefined ? "" : row.met ? "yes" : "**no**",
    ];
    lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}
