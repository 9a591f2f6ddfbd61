import { z } from "zod";
import { articleStatuses, type ArticleMeta } from "./article";

// Runtime validation of article metadata, with messages a journalist can read.

const isoDateTime = z.iso.datetime({ offset: true, error: "not an ISO 8601 date-time" });

/// BCP 47 language tag, loosely: "en", "fr-FR", "zh-Hant-TW".
export const languageTag = z
  .string({ error: "not a language tag" })
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { error: "not a BCP 47 language tag such as en or fr-FR" });

/// Validates `meta` of an article file.
export const metaSchema = z
  .object({
    id: z.string({ error: "not a string" }).uuid({ error: "not a UUID" }),
    slug: z
      .string({ error: "not a string" })
      .max(200, { error: "longer than 200 characters" })
      .regex(/^[a-z0-9]*(-[a-z0-9]+)*$/, { error: "only lowercase letters, digits and single hyphens" }),
    language: languageTag,
    tags: z.array(z.string({ error: "not a string" }).max(200, { error: "longer than 200 characters" }), {
      error: "not a list of strings",
    }),
    status: z.enum(articleStatuses, { error: `not one of ${articleStatuses.join(", ")}` }),
    created: isoDateTime,
    updated: isoDateTime,
    embargo: isoDateTime.nullable(),
    wordTarget: z
      .number({ error: "not a number" })
      .int({ error: "not a whole number" })
      .positive({ error: "not a positive number" })
      .max(100_000, { error: "over 100000 words" })
      .nullable(),
  })
  .strict() satisfies z.ZodType<ArticleMeta>;

/// Turns zod issues into "path: message" lines under a prefix such as `meta`; `input` tells missing fields apart.
export function describeIssues(prefix: string, error: z.ZodError, input: unknown): string[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join(".");
    if (issue.code === "unrecognized_keys") {
      return `${path}: unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    }
    if (issue.code === "invalid_type" && valueAt(input, issue.path) === undefined) return `${path}: missing`;
    return `${path}: ${issue.message}`;
  });
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
