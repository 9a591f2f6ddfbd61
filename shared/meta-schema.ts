import * as z from "zod/mini";
import { articleStatuses, authorRoles, type ArticleMeta } from "./article";

// Runtime validation of article metadata, with messages a journalist can read. zod's tree-shakable
// "mini" form: every `copydesk validate` loads this, and the full zod costs more than the parse.

const isoDateTime = z.iso.datetime({ offset: true, error: "not an ISO 8601 date-time" });

const text = (max: number) => z.string({ error: "not a string" }).check(z.maxLength(max, { error: `longer than ${max} characters` }));

/// BCP 47 language tag, loosely: "en", "fr-FR", "zh-Hant-TW".
export const languageTag = z
  .string({ error: "not a language tag" })
  .check(z.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { error: "not a BCP 47 language tag such as en or fr-FR" }));

/// Most tags an article may have.
export const maxTags = 500;
/// Longest tag (keyword), in characters.
export const maxTagLength = 200;
/// Most style checks an article may mark as ignored.
export const maxCheckIgnores = 10_000;

/// Most subjects, authors an article may have.
export const maxSubjects = 200;
export const maxAuthors = 100;

/// 1 to 9, or null: urgency and priority.
const oneToNine = z.nullable(
  z.number({ error: "not a number" }).check(
    z.int({ error: "not a whole number" }),
    z.minimum(1, { error: "below 1" }),
    z.maximum(9, { error: "above 9" }),
  ),
);

/// An IPTC concept: a qcode ("scheme:code") and its label.
const concept = z.strictObject(
  {
    code: text(200).check(z.regex(/^[a-z][a-z0-9-]*:[A-Za-z0-9_.-]+$/, { error: "not a qcode such as medtop:20000763" })),
    name: text(500),
  },
  { error: "not a concept ({ code, name })" },
);

const located = z.strictObject({ city: text(200), region: text(200), country: text(200) }, { error: "not a place ({ city, region, country })" });

const author = z.strictObject(
  {
    name: text(200).check(z.minLength(1, { error: "empty" })),
    role: z.enum(authorRoles, { error: `not one of ${authorRoles.join(", ")}` }),
    jobTitle: text(200),
    email: text(320),
  },
  { error: "not an author ({ name, role, jobTitle, email })" },
);

/// Validates `meta` of an article file.
export const metaSchema = z.strictObject({
  id: z.string({ error: "not a string" }).check(z.uuid({ error: "not a UUID" })),
  slug: text(200).check(z.regex(/^[a-z0-9]*(-[a-z0-9]+)*$/, { error: "only lowercase letters, digits and single hyphens" })),
  language: languageTag,
  tags: z.array(text(maxTagLength), { error: "not a list of strings" }).check(z.maxLength(maxTags, { error: `more than ${maxTags} tags` })),
  status: z.enum(articleStatuses, { error: `not one of ${articleStatuses.join(", ")}` }),
  created: isoDateTime,
  updated: isoDateTime,
  embargo: z.nullable(isoDateTime),
  wordTarget: z.nullable(
    z.number({ error: "not a number" }).check(
      z.int({ error: "not a whole number" }),
      z.positive({ error: "not a positive number" }),
      z.maximum(100_000, { error: "over 100000 words" }),
    ),
  ),
  urgency: oneToNine,
  priority: oneToNine,
  genre: z.nullable(concept),
  subjects: z.array(concept, { error: "not a list of subjects" }).check(z.maxLength(maxSubjects, { error: `more than ${maxSubjects} subjects` })),
  located: z.nullable(located),
  signOff: text(200),
  ednote: text(10_000),
  copyrightHolder: text(500),
  copyrightNotice: text(2_000),
  usageTerms: text(5_000),
  authors: z.array(author, { error: "not a list of authors" }).check(z.maxLength(maxAuthors, { error: `more than ${maxAuthors} authors` })),
  version: z.number({ error: "not a number" }).check(
    z.int({ error: "not a whole number" }),
    z.minimum(1, { error: "below 1" }),
    z.maximum(1_000_000, { error: "over 1000000" }),
  ),
  firstPublished: z.nullable(isoDateTime),
  published: z.nullable(isoDateTime),
  checkIgnores: z.optional(
    z
      .array(z.strictObject({ rule: text(200), text: z.optional(text(1000)), context: z.optional(text(200)) }), { error: "not a list of ignored checks" })
      .check(z.maxLength(maxCheckIgnores, { error: `more than ${maxCheckIgnores} ignored checks` })),
  ),
}, { error: "not an object" }) satisfies z.ZodMiniType<ArticleMeta>;

/// A field's name as a message shows it: a name of a megabyte is shortened like any value.
const fieldName = (key: PropertyKey): string => {
  const name = String(key);
  return name.length > 40 ? `${name.slice(0, 40)}…` : name;
};

/// Turns zod issues into "path: message" lines under a prefix such as `meta`; `input` tells missing fields apart.
export function describeIssues(prefix: string, error: z.core.$ZodError, input: unknown): string[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(fieldName)].filter(Boolean).join(".");
    if (issue.code === "unrecognized_keys") {
      const listed = issue.keys.slice(0, 5).map((k) => `"${fieldName(k)}"`).join(", ");
      const more = issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : "";
      return `${path}: unknown field${issue.keys.length > 1 ? "s" : ""} ${listed}${more}`;
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
