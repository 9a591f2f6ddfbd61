import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import { emptyNewsroomMeta, type Article } from "../../shared/article";
import { schema } from "../../shared/schema";
import { slugFromText } from "../../shared/slug";

// Builds the reference article from test/fixtures/seed-article.txt, so the fixture is
// derived from the seed text and never edited by hand. Run `npm run fixture` to rewrite it.

/// The seed text: the news page the reference article is taken from.
export const seedTextPath = join(__dirname, "..", "fixtures", "seed-article.txt");
/// The generated fixture.
export const seedArticlePath = join(__dirname, "..", "fixtures", "seed.article");

/// The parts of the seed page, with its exact text.
export interface SeedParts {
  kicker: string;
  headline: string;
  credit: string;
  byline: string;
  updated: string;
  created: string;
  paragraphs: string[];
  subheading: string;
  /// Index in `paragraphs` before which the subheading stands.
  subheadingBefore: number;
  tagline: string;
  related: { label: string; title: string }[];
}

/// Reads the seed page and picks out the article parts, leaving the site chrome.
export function readSeedParts(text = readFileSync(seedTextPath, "utf8")): SeedParts {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const headlineAt = lines.indexOf("US speeds up arms sales to Iraq amid jihadist resurgence");
  const kicker = lines.slice(0, headlineAt).filter(Boolean).at(-1) ?? "";
  const after = lines.slice(headlineAt + 1).filter(Boolean);
  const [credit, byline, updatedLine] = after;
  const taglineAt = after.findIndex((l) => /^\(.*\)$/.test(l));
  const bodyLines = after.slice(3, taglineAt);
  const subheadingAt = bodyLines.findIndex((l) => l.startsWith("‘") && l.endsWith("’"));
  const createdLine = after.find((l) => l.startsWith("Date created")) ?? "";
  const relatedLines = after
    .slice(after.indexOf(createdLine) + 1)
    .map((l) => l.replace(/^•\s*/, ""))
    .filter((l) => l !== "Read more");
  const related: { label: string; title: string }[] = [];
  for (let i = 0; i + 1 < relatedLines.length; i += 2) related.push({ label: relatedLines[i], title: relatedLines[i + 1] });
  return {
    kicker,
    headline: lines[headlineAt],
    credit,
    byline,
    updated: dateOf(updatedLine),
    created: dateOf(createdLine),
    paragraphs: bodyLines.filter((_, i) => i !== subheadingAt),
    subheading: bodyLines[subheadingAt],
    subheadingBefore: subheadingAt,
    tagline: after[taglineAt],
    related,
  };
}

function dateOf(line: string): string {
  const match = /(\d{4}-\d{2}-\d{2})/.exec(line);
  if (!match) throw new Error(`no date in ${JSON.stringify(line)}`);
  return match[1];
}

/// The seed article, every part in its place.
export function buildSeedArticle(parts = readSeedParts()): Article {
  const n = schema.nodes;
  const text = (s: string) => (s ? [schema.text(s)] : []);
  const image = leadImage();
  const body = parts.paragraphs.map((p) => n.paragraph.create(null, text(p)));
  body.splice(parts.subheadingBefore, 0, n.subheading.create(null, text(parts.subheading)));
  body.unshift(
    n.figure.create(null, [
      n.image.create({ src: `asset:${image.hash}`, alt: "Lead image of the story" }),
      n.credit.create(null, text(parts.credit)),
    ]),
  );
  const doc = n.doc.create(null, [
    n.kicker.create(null, text(parts.kicker)),
    n.headline.create(null, text(parts.headline)),
    n.standfirst.create(),
    n.byline.create(null, text(parts.byline)),
    n.dateline.create({ date: parts.created, source: null }),
    n.body.create(null, body),
    n.tagline.create(null, text(parts.tagline)),
    n.related.create(
      null,
      parts.related.map((r) =>
        n.related_link.create({ href: `https://www.france24.com/en/${slugFromText(r.title)}`, title: r.title, label: r.label }),
      ),
    ),
  ]);
  return {
    meta: {
      id: "5f0c6b1e-2d4a-4c83-9a57-3e1f0b7d2c91",
      slug: slugFromText(parts.headline),
      language: "en",
      tags: [parts.related[0].label],
      status: "draft",
      created: `${parts.created}T00:00:00.000Z`,
      updated: `${parts.updated}T00:00:00.000Z`,
      embargo: null,
      wordTarget: null,
      ...emptyNewsroomMeta(),
    },
    doc,
    assets: { [image.hash]: { type: "image/png", data: image.base64 } },
  };
}

/// A small deterministic PNG (a blue-grey gradient) standing in for the lead photo.
export function leadImage(width = 96, height = 54): { hash: string; base64: string; bytes: Buffer } {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) {
      raw[row + 1 + x * 3] = 40 + Math.round((x / width) * 60);
      raw[row + 2 + x * 3] = 70 + Math.round((y / height) * 60);
      raw[row + 3 + x * 3] = 110 + Math.round(((x + y) / (width + height)) * 100);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const bytes = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(raw, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
  return { hash: createHash("sha256").update(bytes).digest("hex"), base64: bytes.toString("base64"), bytes };
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
