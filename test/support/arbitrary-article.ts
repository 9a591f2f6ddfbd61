import fc from "fast-check";
import type { Mark, Node as PMNode } from "prosemirror-model";
import { articleStatuses, type Article, type ArticleMeta } from "../../shared/article";
import { schema } from "../../shared/schema";
import { leadImage } from "./seed-article";
import { newsroomMetaArbitrary } from "./newsroom-arbitrary";

// Random articles for the export and import tests: every node and mark type, awkward text
// (quotes, ampersands, `<`, `]]>`, `</script>`, right-to-left scripts, emoji) and empty
// optional fields. Text is words joined by single spaces, as an editor holds it: HTML and
// Markdown collapse runs of white space, so leading, trailing or double spaces are not generated.

/// Words that break naive escaping in one format or another.
export const awkwardWords = [
  '"quoted"', "“curly”", "‘single’", "O'Brien", "&", "&amp;", "AT&T", "<", "a<b", "<b>bold</b>", "]]>", "</script>",
  "<script>alert(1)</script>", "<!--", "-->", "<![CDATA[x]]>", "مرحبا", "بالعالم", "שלום", "😀", "👩‍👩‍👧", "🇫🇷", "naïve", "Zürich",
  "*star*", "_under_", "[link]", "(paren)", "#hash", "back\\slash", "`tick`", "|pipe|", "{x}", "$1", "100%", "a+b", "x—y", "…",
  "javascript:alert(1)", '"><img src=x onerror=alert(1)>', "${x}", "{{x}}",
];

const plainWord = fc.stringMatching(/^[A-Za-z0-9][a-z0-9]{0,8}$/);
const word = fc.oneof({ arbitrary: plainWord, weight: 3 }, { arbitrary: fc.constantFrom(...awkwardWords), weight: 2 });
/// Between one and `max` words joined by single spaces.
export const words = (max = 6): fc.Arbitrary<string> => fc.array(word, { minLength: 1, maxLength: max }).map((w) => w.join(" "));

const linkHref = fc.constantFrom(
  "https://example.com/a?b=1&c=2",
  "http://example.org/x_(y)",
  "https://example.com/%3C/script%3E",
  "mailto:desk@example.com",
  "https://ex.example/ﾟ/قصة",
);
const linkTitle = fc.option(fc.constantFrom("Source & more", "Read it", "‘quoted’ title"), { nil: null });

type MarkName = "strong" | "em" | "link";
const markSet = (allowed: MarkName[]): fc.Arbitrary<Mark[]> =>
  fc.subarray(allowed).chain((names) =>
    fc.tuple(
      ...names.map((name) =>
        name === "link"
          ? fc.tuple(linkHref, linkTitle).map(([href, title]) => schema.marks.link.create({ href, title }))
          : fc.constant(schema.marks[name].create()),
      ),
    ),
  );

/// Inline content: runs of words, each with its own marks; the space after a run carries its marks.
export const inline = (allowed: MarkName[], maxRuns = 4): fc.Arbitrary<PMNode[]> =>
  fc.array(fc.tuple(words(4), markSet(allowed)), { minLength: 1, maxLength: maxRuns }).map((runs) =>
    runs.map(([text, marks], i) => schema.text(i < runs.length - 1 ? `${text} ` : text, marks)),
  );

const n = schema.nodes;
const textOf = (text: string): PMNode[] => (text ? [schema.text(text)] : []);
const optionalText = (max = 5): fc.Arbitrary<string> => fc.oneof(fc.constant(""), words(max));

const image = leadImage(8, 6);
/// The embedded picture every generated figure may use.
export const arbitraryAssetKey = image.hash;

const paragraph = inline(["strong", "em", "link"]).map((content) => n.paragraph.create(null, content));
const subheading = words(5).map((t) => n.subheading.create(null, textOf(t)));
const attribution = fc.option(words(3).map((t) => n.attribution.create(null, textOf(t))), { nil: null });
const blockquote = fc
  .tuple(fc.array(paragraph, { minLength: 1, maxLength: 2 }), attribution)
  .map(([paragraphs, by]) => n.blockquote.create(null, by ? [...paragraphs, by] : paragraphs));
const pullquote = fc
  .tuple(words(6), attribution, fc.constantFrom("supporting", "inline", "showcase"))
  .map(([text, by, role]) => n.pullquote.create({ role }, [n.pullquote_text.create(null, textOf(text)), ...(by ? [by] : [])]));
const figure = fc
  .tuple(
    fc.constantFrom(`asset:${image.hash}`, "https://images.example.com/photo.jpg?w=800&h=600"),
    fc.oneof(fc.constant(""), words(5)),
    fc.option(inline(["strong", "em"], 2), { nil: null }),
    optionalText(3),
  )
  .map(([src, alt, caption, credit]) =>
    n.figure.create(null, [
      n.image.create({ src, alt }),
      ...(caption ? [n.caption.create(null, caption)] : []),
      ...(credit ? [n.credit.create(null, textOf(credit))] : []),
    ]),
  );

const list = (depth: number): fc.Arbitrary<PMNode> =>
  fc
    .tuple(
      fc.boolean(),
      fc.integer({ min: 1, max: 30 }),
      fc.array(
        fc.tuple(paragraph, depth < 1 ? fc.option(fc.constant(null), { nil: null }) : fc.option(list(depth + 1), { nil: null })),
        { minLength: 1, maxLength: 3 },
      ),
    )
    .map(([ordered, order, items]) => {
      const children = items.map(([p, nested]) => n.list_item.create(null, nested ? [p, nested] : [p]));
      return ordered ? n.ordered_list.create({ order }, children) : n.bullet_list.create(null, children);
    });

/// A table of 1 to 4 columns and 1 to 5 rows, with or without a caption and a header row; cells may be empty.
const table = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 }), fc.boolean(), fc.option(inline(["strong", "em"], 2), { nil: null }))
  .chain(([columns, rows, header, caption]) =>
    fc
      .array(fc.array(fc.oneof(fc.constant([] as PMNode[]), inline(["strong", "em", "link"], 2)), { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows })
      .map((cells) =>
        n.table.create({ header }, [
          ...(caption ? [n.table_caption.create(null, caption)] : []),
          n.table_rows.create(null, cells.map((row) => n.table_row.create(null, row.map((content) => n.table_cell.create(null, content))))),
        ]),
      ),
  );

const block = fc.oneof(
  { arbitrary: paragraph, weight: 5 },
  { arbitrary: subheading, weight: 1 },
  { arbitrary: blockquote, weight: 1 },
  { arbitrary: pullquote, weight: 1 },
  { arbitrary: figure, weight: 1 },
  { arbitrary: list(0), weight: 1 },
  { arbitrary: table, weight: 1 },
);

const isoDateTime = fc
  .date({ min: new Date("1995-01-01T00:00:00Z"), max: new Date("2060-01-01T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString());

const meta: fc.Arbitrary<ArticleMeta> = fc.tuple(fc.record({
  id: fc.uuid({ version: 4 }),
  slug: fc.oneof(fc.constant(""), fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/)),
  language: fc.constantFrom("en", "fr-FR", "ar", "he", "zh-Hant-TW"),
  tags: fc.array(words(2), { maxLength: 3 }),
  status: fc.constantFrom(...articleStatuses),
  created: isoDateTime,
  updated: isoDateTime,
  embargo: fc.option(isoDateTime, { nil: null }),
  wordTarget: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: null }),
}), newsroomMetaArbitrary).map(([basic, newsroom]) => ({ ...basic, ...newsroom }));

const related = fc.array(
  fc.tuple(fc.constantFrom("https://example.com/story?id=1&x=2", "http://news.example.org/a_(b)"), words(6), fc.option(words(1), { nil: null })),
  { maxLength: 3 },
);

/// An article for the export tests.
export const articleArbitrary: fc.Arbitrary<Article> = fc
  .record({
    meta,
    kicker: optionalText(3),
    headline: words(10),
    standfirst: fc.oneof(fc.constant(null), inline(["strong", "em", "link"], 3)),
    byline: optionalText(4),
    dateline: fc.record({
      place: optionalText(2),
      date: fc.option(fc.oneof(isoDateTime, isoDateTime.map((d) => d.slice(0, 10))), { nil: null }),
      source: fc.option(fc.constantFrom("AFP", "Reuters", "AP", "dpa"), { nil: null }),
    }),
    body: fc.oneof({ arbitrary: fc.constant([] as PMNode[]), weight: 1 }, { arbitrary: fc.array(block, { minLength: 1, maxLength: 8 }), weight: 9 }),
    tagline: optionalText(4),
    related,
  })
  .map((a) => {
    const doc = n.doc.create(null, [
      n.kicker.create(null, textOf(a.kicker)),
      n.headline.create(null, textOf(a.headline)),
      n.standfirst.create(null, a.standfirst ?? []),
      n.byline.create(null, textOf(a.byline)),
      n.dateline.create({ date: a.dateline.date, source: a.dateline.source }, textOf(a.dateline.place)),
      n.body.create(null, a.body.length > 0 ? a.body : [n.paragraph.create()]),
      n.tagline.create(null, textOf(a.tagline)),
      n.related.create(null, a.related.map(([href, title, label]) => n.related_link.create({ href, title, label }))),
    ]);
    doc.check();
    const usesAsset = JSON.stringify(doc.toJSON()).includes(image.hash);
    return { meta: a.meta, doc, assets: usesAsset ? { [image.hash]: { type: "image/png", data: image.base64 } } : {} };
  });

/// `count` articles, the same ones on every run.
export function sampleArticles(count: number, seed = 20140107): Article[] {
  return fc.sample(articleArbitrary, { numRuns: count, seed });
}
