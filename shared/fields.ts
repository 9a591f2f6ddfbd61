import type { MarkName } from "./schema";

// The article's fields described once (the Guardian's prosemirror-elements field descriptions
// are the model): what each is called, what it shows while empty, how long it may be, which
// marks its text takes and whether it is one line. The schema, the editor's placeholders and
// length meters, and the pre-export check all read this table.

/// The order of the top-level field nodes; every one is always present.
export const fieldNames = ["kicker", "headline", "standfirst", "byline", "dateline", "body", "tagline", "related"] as const;
export type FieldName = (typeof fieldNames)[number];

/// Length limits of a field, in characters: over `warn` is a warning, over `error` refuses export.
export interface LengthLimits {
  warn: number;
  error?: number;
}

/// What the app knows about one field of the article.
export interface FieldDescription {
  /// The field's name for people: accessible name, messages.
  label: string;
  /// What the field shows while empty (for the body, its empty first paragraph), or null.
  placeholder: string | null;
  /// Length limits, when the field has any.
  limits: LengthLimits | null;
  /// True when an article cannot be exported with this field empty.
  required: boolean;
  /// The marks its text may carry (for the body, its paragraphs).
  marks: readonly MarkName[];
  /// True for a field of one line; the standfirst and the body run over several.
  oneLine: boolean;
}

const plain = { limits: null, required: false, marks: [], oneLine: true } as const;

/// Every field of the article, in document order.
export const fields: Record<FieldName, FieldDescription> = {
  kicker: { ...plain, label: "Kicker", placeholder: "Kicker, e.g. Middle East", limits: { warn: 40 } },
  headline: { ...plain, label: "Headline", placeholder: "Headline", limits: { warn: 70, error: 120 }, required: true },
  standfirst: {
    label: "Standfirst",
    placeholder: "Standfirst: the story in a sentence or two",
    limits: { warn: 160 },
    required: false,
    marks: ["strong", "em", "link"],
    oneLine: false,
  },
  byline: { ...plain, label: "Byline", placeholder: "Byline, e.g. Text by FRANCE 24" },
  dateline: { ...plain, label: "Dateline", placeholder: "Dateline place, e.g. WASHINGTON" },
  body: { label: "Story", placeholder: "Write the story…", limits: null, required: false, marks: ["strong", "em", "link"], oneLine: false },
  tagline: { ...plain, label: "Tagline", placeholder: "Tagline, e.g. (FRANCE 24 with AFP)" },
  related: { ...plain, label: "Related links", placeholder: null, oneLine: false },
};

/// The schema's `marks` expression for a field's text, e.g. "strong em link", or "" for none.
export function fieldMarks(name: FieldName): string {
  return fields[name].marks.join(" ");
}

/// A field's length as its limits measure it: characters of the text, surrounding spaces aside.
export function fieldLength(text: string): number {
  return text.trim().length;
}

/// How a field's length stands against its limits.
export function lengthLevel(name: FieldName, length: number): "ok" | "warn" | "error" {
  const limits = fields[name].limits;
  if (!limits) return "ok";
  if (limits.error !== undefined && length > limits.error) return "error";
  return length > limits.warn ? "warn" : "ok";
}
