/* eslint-disable @typescript-eslint/no-explicit-any -- the cases edit arbitrary JSON */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseArticleFile } from "../../../shared/article-file";
import { seedArticlePath } from "../../support/seed-article";

// Each malformed file is refused with a message that names the problem and its place.

const seedText = readFileSync(seedArticlePath, "utf8");
type FileJSON = Record<string, any>;
const seed = (): FileJSON => JSON.parse(seedText);
const text = (file: FileJSON) => JSON.stringify(file);

/// The errors for a file, or [] when it parses.
function errorsOf(input: string | Uint8Array): string[] {
  const result = parseArticleFile(input);
  return result.ok ? [] : result.errors;
}

/// A copy of the seed with `edit` applied.
function edited(edit: (file: FileJSON) => void): string {
  const file = seed();
  edit(file);
  return text(file);
}

const field = (file: FileJSON, name: string) => file.doc.content.find((n: FileJSON) => n.type === name);
const firstParagraph = (file: FileJSON) => field(file, "body").content.find((n: FileJSON) => n.type === "paragraph");

describe("opening a malformed article file", () => {
  const cases: [string, string | Uint8Array, string | RegExp][] = [
    ["an empty file", "", "the file is empty"],
    ["a file of blanks", "  \n\t ", "the file is empty"],
    ["something that is not JSON", "Dear editor, here is my story", /^the file is not valid JSON \(/],
    ["truncated JSON", seedText.slice(0, seedText.length / 2), /^the file is not valid JSON/],
    ["a JSON list", "[1, 2]", "the file is not a JSON object"],
    ["the wrong format id", edited((f) => (f.format = "wordpress.post")), 'format: "wordpress.post" is not "copydesk.article"'],
    ["no format id", edited((f) => delete f.format), 'format: missing (expected "copydesk.article"; is this an article file?)'],
    ["a future version", edited((f) => (f.version = 4)), "version 4 is newer than this Copydesk reads (3)"],
    ["a version that is not a number", edited((f) => (f.version = "1")), 'version: "1" is not a version number'],
    [
      "a missing field node",
      edited((f) => (f.doc.content = f.doc.content.filter((n: FileJSON) => n.type !== "tagline"))),
      "doc.content: the tagline field is missing",
    ],
    [
      "reordered field nodes",
      edited((f) => ([f.doc.content[0], f.doc.content[1]] = [f.doc.content[1], f.doc.content[0]])),
      "doc.content[0]: expected the kicker field here, found headline",
    ],
    [
      "an unknown node type",
      edited((f) => field(f, "body").content.push({ type: "video", attrs: { src: "https://x.test/a.mp4" } })),
      /^doc\.content\[5\]\.content\[\d+\]: unknown node type "video"$/,
    ],
    [
      "a mark in the headline",
      edited((f) => (field(f, "headline").content[0].marks = [{ type: "em" }])),
      "doc.content[1] (headline): marks are not allowed here",
    ],
    [
      "an unknown mark",
      edited((f) => (firstParagraph(f).content[0].marks = [{ type: "underline" }])),
      /^doc\.content\[5\]\.content\[\d+\] \(paragraph\): unknown mark "underline"$/,
    ],
    [
      "a javascript: link in a paragraph",
      edited((f) => (firstParagraph(f).content[0].marks = [{ type: "link", attrs: { href: "javascript:alert(1)", title: null } }])),
      /\(paragraph\): link href "javascript:alert\(1\)" is not http, https or mailto$/,
    ],
    [
      "a data: link in a paragraph",
      edited((f) => (firstParagraph(f).content[0].marks = [{ type: "link", attrs: { href: "data:text/html,<script>alert(1)</script>", title: null } }])),
      /\(paragraph\): link href "data:text\/html,<script>alert\(1\)<\/script>" is not http, https or mailto$/,
    ],
    [
      "a javascript: related link",
      edited((f) => (field(f, "related").content[1].attrs.href = "javascript:alert(document.cookie)")),
      'related link 2: href "javascript:alert(document.cookie)" is not http or https',
    ],
    [
      "a data: related link",
      edited((f) => (field(f, "related").content[0].attrs.href = "data:text/html;base64,PHNjcmlwdD4=")),
      'related link 1: href "data:text/html;base64,PHNjcmlwdD4=" is not http or https',
    ],
    ["an invalid created date", edited((f) => (f.meta.created = "7 January 2014")), "meta.created: not an ISO 8601 date-time"],
    ["an impossible updated date", edited((f) => (f.meta.updated = "2014-13-45T00:00:00Z")), "meta.updated: not an ISO 8601 date-time"],
    ["an embargo that is not a date", edited((f) => (f.meta.embargo = "tomorrow")), "meta.embargo: not an ISO 8601 date-time"],
    ["tags that are not strings", edited((f) => (f.meta.tags = ["IRAQ", 7])), "meta.tags.1: not a string"],
    ["a word target that is text", edited((f) => (f.meta.wordTarget = "800")), "meta.wordTarget: not a number"],
    ["an unknown status", edited((f) => (f.meta.status = "approved")), "meta.status: not one of draft, filed, in-edit, ready, published, held, killed"],
    ["an id that is not a UUID", edited((f) => (f.meta.id = "article-1")), "meta.id: not a UUID"],
    ["an unknown meta field", edited((f) => (f.meta.rank = 1)), 'meta: unknown field "rank"'],
    ["an urgency out of range", edited((f) => (f.meta.urgency = 10)), "meta.urgency: above 9"],
    ["a subject without a qcode", edited((f) => (f.meta.subjects = [{ code: "elections", name: "Elections" }])), "meta.subjects.0.code: not a qcode such as medtop:20000763"],
    ["an author without a role", edited((f) => (f.meta.authors = [{ name: "A. Reporter", jobTitle: "", email: "" }])), "meta.authors.0.role: not one of writer, editor, photographer, contributor"],
    ["a version of the article below 1", edited((f) => (f.meta.version = 0)), "meta.version: below 1"],
    ["a change of status by nobody known", edited((f) => (f.workflow = [{ status: "filed", by: "p9", time: "2030-01-01T09:00:00Z", note: null }])), 'workflow.0.by: "p9" is not one of the people'],
    ["a missing meta field", edited((f) => delete f.meta.language), "meta.language: missing"],
    [
      "an asset that is not an image",
      edited((f) => (f.assets[Object.keys(f.assets)[0]].type = "text/html")),
      /^assets\.[0-9a-f]{12}…: type "text\/html" is not an image type Copydesk embeds/,
    ],
    [
      "an SVG asset (it can carry scripts)",
      edited((f) => (f.assets[Object.keys(f.assets)[0]].type = "image/svg+xml")),
      /^assets\.[0-9a-f]{12}…: type "image\/svg\+xml" is not an image type/,
    ],
    [
      "an oversized asset",
      edited((f) => (f.assets[Object.keys(f.assets)[0]].data = "A".repeat(14 * 1024 * 1024))),
      /^assets\.[0-9a-f]{12}…: the image is 10\.5 MB, over the 10 MB limit for an asset$/,
    ],
    [
      "an asset whose bytes are not the image type it claims",
      edited((f) => (f.assets[Object.keys(f.assets)[0]].data = btoa("<script>alert(1)</script>"))),
      /^assets\.[0-9a-f]{12}…: the data is not a PNG image$/,
    ],
    [
      "an image pointing to a missing asset",
      edited((f) => (f.assets = {})),
      /\(image\): image refers to asset [0-9a-f]{12}…, which the file does not hold$/,
    ],
    [
      "an image from plain http",
      edited((f) => (field(f, "body").content[0].content[0].attrs.src = "http://example.com/a.jpg")),
      /\(image\): image src "http:\/\/example\.com\/a\.jpg" is neither https nor an embedded asset$/,
    ],
    ["non-UTF-8 bytes", Uint8Array.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), "the file is not UTF-8 text (is it an article file?)"],
    [
      "a pull quote with an unknown role",
      edited((f) => field(f, "body").content.push({ type: "pullquote", attrs: { role: "banner" }, content: [{ type: "pullquote_text" }] })),
      /\(pullquote\): role "banner" is not supporting, inline or showcase$/,
    ],
    [
      "a blockquote without a paragraph",
      edited((f) => field(f, "body").content.push({ type: "blockquote", content: [{ type: "attribution" }] })),
      /^doc: Invalid content for node blockquote/,
    ],
    ["an unknown top-level field", edited((f) => (f.comments = [])), 'unknown top-level field "comments"'],
  ];

  it.each(cases)("refuses %s", (_name, input, expected) => {
    const errors = errorsOf(input);
    expect(errors.length).toBeGreaterThan(0);
    if (typeof expected === "string") expect(errors).toContain(expected);
    else expect(errors.some((e) => expected.test(e)), `no error matches ${expected}: ${JSON.stringify(errors)}`).toBe(true);
  });

  it("refuses a file over 50 MB before reading it as JSON", () => {
    const big = new Uint8Array(50 * 1024 * 1024 + 1).fill(0x20);
    expect(errorsOf(big)).toEqual(["the file is over the 50 MB limit for an article (split the story, or remove some of its embedded images)"]);
  });

  it("reports every problem of a file, not just the first", () => {
    const errors = errorsOf(
      edited((f) => {
        f.meta.created = "yesterday";
        f.meta.status = "approved";
        field(f, "headline").content[0].marks = [{ type: "strong" }];
      }),
    );
    expect(errors).toEqual([
      "meta.status: not one of draft, filed, in-edit, ready, published, held, killed",
      "meta.created: not an ISO 8601 date-time",
      "doc.content[1] (headline): marks are not allowed here",
    ]);
  });
});

describe("opening a well-formed article file", () => {
  it("accepts a UTF-8 byte order mark", () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(seedText)]);
    expect(parseArticleFile(withBom).ok).toBe(true);
  });

  it("accepts the file as text with a BOM", () => {
    expect(parseArticleFile(`\ufeff${seedText}`).ok).toBe(true);
  });

  it("accepts mailto links in text", () => {
    const file = edited((f) => (firstParagraph(f).content[0].marks = [{ type: "link", attrs: { href: "mailto:desk@example.com", title: null } }]));
    expect(errorsOf(file)).toEqual([]);
  });
});
