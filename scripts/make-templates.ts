import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Node as PMNode } from "prosemirror-model";
import { emptyNewsroomMeta, type Article, type ArticleMeta, type Concept } from "../shared/article";
import { conceptIndex, fallbackLanguage, labelIn } from "../shared/vocabularies/concepts";
import { serializeArticle } from "../shared/article-file";
import { schema } from "../shared/schema";

// Writes the built-in story templates, shared/templates/built-in.ts: one article file's JSON
// (format 3, as `serializeArticle` writes it) per story type, so they stay valid as the format
// changes; a module rather than files, so main's build, the e2e host and the tests all bundle
// the same ones. Run `npm run templates` after changing them; test/unit/services/templates.test.ts
// checks the module is what this script makes. A newsroom's own templates are plain .article files
// in the templates folder of Settings (README, "Story templates").

/// Where the built-in templates are written; main's build bundles it (electron/services/templates.ts).
export const builtInTemplatesPath = join(__dirname, "..", "shared", "templates", "built-in.ts");

const n = schema.nodes;
const text = (value: string) => (value ? [schema.text(value)] : []);
const paragraph = (value = "") => n.paragraph.create(null, text(value));
const subheading = (value: string) => n.subheading.create(null, text(value));

/// A results table: its caption, a header row and empty rows below it.
function table(caption: string, header: string[], rows: number): PMNode {
  const row = (cells: string[]) => n.table_row.create(null, cells.map((cell) => n.table_cell.create(null, text(cell))));
  const body = Array.from({ length: rows }, () => row(header.map(() => "")));
  return n.table.create({ header: true }, [n.table_caption.create(null, text(caption)), n.table_rows.create(null, [row(header), ...body])]);
}

/// The article's fields around a body; the fields a template leaves empty show their placeholders.
function doc(fields: { kicker?: string; standfirst?: string; tagline?: string }, body: PMNode[]): PMNode {
  return n.doc.create(null, [
    n.kicker.create(null, text(fields.kicker ?? "")),
    n.headline.create(),
    n.standfirst.create(null, text(fields.standfirst ?? "")),
    n.byline.create(),
    n.dateline.create(),
    n.body.create(null, body),
    n.tagline.create(null, text(fields.tagline ?? "")),
    n.related.create(),
  ]);
}

/// When the built-in templates were made: fixed, so the file only changes when a template does.
const made = "2026-11-29T00:00:00.000Z";

/// A template's metadata: its own id, the given fields, everything else empty.
function meta(id: string, fields: Partial<ArticleMeta>): ArticleMeta {
  return { id, slug: "", language: "en", tags: [], status: "draft", created: made, updated: made, embargo: null, wordTarget: null, ...emptyNewsroomMeta(), ...fields };
}

/// A built-in template: its name (the file name a newsroom would give it) and its article.
export interface BuiltInTemplate {
  name: string;
  article: Article;
}

const genreVocabulary = JSON.parse(readFileSync(join(__dirname, "..", "shared", "vocabularies", "iptc-genre.json"), "utf8")) as Parameters<typeof conceptIndex>[0];

/// A genre of IPTC's genre NewsCodes as the shipped vocabulary names it in English: a code it does not have stops the build.
function genre(code: string): Concept {
  const concept = conceptIndex(genreVocabulary).find((c) => c.code === code);
  if (!concept) throw new Error(`${code} is not in shared/vocabularies/iptc-genre.json`);
  return { code, name: labelIn(concept, fallbackLanguage) };
}

/// The genres the templates use.
const genres = {
  current: genre("genre:Current"),
  obituary: genre("genre:Obituary"),
  results: genre("genre:Results_Listings_and_Statistics"),
};

/// The story types Copydesk ships, in the order the dialog lists them.
export function builtInTemplates(): BuiltInTemplate[] {
  const template = (name: string, id: string, fields: Partial<ArticleMeta>, body: PMNode): BuiltInTemplate => ({ name, article: { meta: meta(id, fields), doc: body, assets: {} } });
  return [
    template(
      "News",
      "44eac9a4-c312-4ecd-a830-0cfe21e5f154",
      { genre: genres.current, urgency: 4, wordTarget: 500, ednote: "A news story: the lead, the key detail, a quote and its background, about 500 words." },
      doc({}, [
        paragraph("[Lead: who did what, when and where, in one sentence]"),
        paragraph("[The most important detail, and why it matters]"),
        n.blockquote.create(null, [paragraph("[A quote from someone involved]"), n.attribution.create(null, text("[Name, role]"))]),
        subheading("Background"),
        paragraph("[What led to this]"),
      ]),
    ),
    template(
      "Brief",
      "0ccf8359-f76d-4f85-bc80-2c562a0bccb6",
      { genre: genres.current, urgency: 3, wordTarget: 120, tags: ["brief"], ednote: "A brief: kicker, headline and two short paragraphs, about 120 words." },
      doc({}, [paragraph("[What happened, in one or two sentences]"), paragraph("[One more fact: a figure, a reaction or what happens next]")]),
    ),
    template(
      "Live update",
      "1601ae41-f3cc-4ba9-a6cd-7c9cec6eb8b9",
      {
        genre: genres.current,
        urgency: 2,
        tags: ["live"],
        ednote: "A live story: a standfirst on the latest, then one subheading per update with its time, newest first.",
      },
      doc({ standfirst: "[The latest, in one sentence: updated as the story moves]" }, [
        subheading("[09:30] [What happened]"),
        paragraph("[The update]"),
        subheading("[09:00] [What happened]"),
        paragraph("[The first update]"),
      ]),
    ),
    template(
      "Obituary",
      "a02fb366-7c68-4c18-bb0a-c7d78ef613e3",
      { genre: genres.obituary, urgency: 5, wordTarget: 800, tags: ["obituary"], ednote: "An obituary: born and died in the standfirst, then the life and what it meant." },
      doc({ standfirst: "Born [day month year], [place]; died [day month year], [place], aged [age]" }, [
        paragraph("[Who they were, and why their death is news]"),
        subheading("Life"),
        paragraph("[Early life, career and work]"),
        paragraph("[They are survived by …]"),
      ]),
    ),
    template(
      "Results",
      "bba57900-c92e-4b44-aa71-23af1868a0f2",
      { genre: genres.results, urgency: 4, wordTarget: 250, tags: ["results"], ednote: "Results: a paragraph on what they show, then the table with its header row." },
      doc({ kicker: "Results" }, [paragraph("[What the results show: the winner, the upset, what is next]"), table("[Competition, round or vote]", ["Position", "Name", "Result"], 3)]),
    ),
  ];
}

/// The module of built-in templates as main bundles it: each name with its article file's JSON.
export function builtInTemplatesModule(): string {
  const templates = builtInTemplates().map(({ name, article }) => ({ name, file: JSON.parse(serializeArticle(article)) as unknown }));
  return [
    "// Generated by scripts/make-templates.ts (`npm run templates`): do not edit by hand.",
    "// The story templates that ship with Copydesk, each an article file's JSON (electron/services/templates.ts reads them).",
    "",
    "/// Each built-in template: its name and its article file, as the file would hold it.",
    `export const builtInTemplateFiles: readonly { name: string; file: unknown }[] = ${JSON.stringify(templates, null, 2)};`,
    "",
  ].join("\n");
}

if (require.main === module) {
  writeFileSync(builtInTemplatesPath, builtInTemplatesModule());
  console.log(`wrote ${builtInTemplatesPath}`);
}
