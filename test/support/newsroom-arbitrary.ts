import fc from "fast-check";
import { authorRoles, type ArticleMeta } from "../../shared/article";

// The newsroom metadata of issue 14, generated for property tests: every field, empty and full,
// with markup, quotes and other scripts in the text, within the file format's limits.

type NewsroomMeta = Pick<
  ArticleMeta,
  "urgency" | "priority" | "genre" | "subjects" | "located" | "signOff" | "ednote" | "copyrightHolder" | "copyrightNotice" | "usageTerms" | "authors" | "version" | "firstPublished" | "published"
>;

const text = fc.oneof(
  fc.constantFrom("", "AFP", "Agence France-Presse", "R. <b>Smith</b> & \"Co\"", "Réseau d'État", "وكالة الأنباء", "ünïcödé ]]> <!-- x -->"),
  fc.string({ maxLength: 40 }),
);
const someText = text.filter((t) => t.trim() !== "");

const isoDateTime = fc
  .date({ min: new Date("1995-01-01T00:00:00Z"), max: new Date("2060-01-01T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString());

const concept = (scheme: string) =>
  fc.record({ code: fc.stringMatching(/^[0-9]{8}$/).map((c) => `${scheme}:${c}`), name: someText });

/// Every newsroom field, each empty or set.
export const newsroomMetaArbitrary: fc.Arbitrary<NewsroomMeta> = fc.record({
  urgency: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
  priority: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
  genre: fc.option(
    fc.constantFrom({ code: "genre:Current", name: "Current" }, { code: "genre:Analysis", name: "Analysis" }, { code: "genre:Obituary", name: "Obituary" }),
    { nil: null },
  ),
  subjects: fc.array(concept("medtop"), { maxLength: 4 }),
  located: fc.option(fc.record({ city: text, region: text, country: text }), { nil: null }),
  signOff: text,
  ednote: text,
  copyrightHolder: text,
  copyrightNotice: text,
  usageTerms: text,
  authors: fc.array(
    fc.record({ name: someText, role: fc.constantFrom(...authorRoles), jobTitle: text, email: fc.constantFrom("", "a.reporter@example.com", "desk+news@example.org") }),
    { maxLength: 3 },
  ),
  version: fc.integer({ min: 1, max: 40 }),
  firstPublished: fc.option(isoDateTime, { nil: null }),
  published: fc.option(isoDateTime, { nil: null }),
});
