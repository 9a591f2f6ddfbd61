import JSZip from "jszip";
import mammoth from "mammoth";
import { docxStyleNames as style } from "../../shared/export/docx-styles";
import { collapse, type ImportedParts } from "../../shared/import/build";
import type { WordReviewParts } from "../../shared/import/docx-review";
import { childElements, parseXml } from "../../shared/import/xml-tree";

// Word documents as people write them: Copydesk's own styles, Word's built-in Title, Subtitle,
// Author, Date, Heading and Quote styles, and the document's core properties (File > Info:
// title, author, created, tags, comments). Mammoth makes the HTML; what it could not carry over
// comes back as warnings for the import report. Mammoth drops comments and tracked changes: the
// XML parts that hold them go to shared/import/docx-review.ts, which places them on the article.

/// Mammoth's map from Copydesk's and Word's own styles to the HTML the styled HTML reader reads.
export const docxStyleMap = [
  // The embargo line an export opens with is the embargo's, which the metadata holds: not the story's text.
  `p[style-name='${style.embargo}'] => !`,
  `p[style-name='${style.kicker}'] => p.kicker:fresh`,
  `p[style-name='${style.standfirst}'] => p.standfirst:fresh`,
  `p[style-name='${style.byline}'] => p.byline:fresh`,
  `p[style-name='${style.dateline}'] => p.dateline:fresh`,
  `p[style-name='${style.quote}'] => blockquote > p:fresh`,
  `p[style-name='${style.quoteAttribution}'] => blockquote > footer:fresh`,
  `p[style-name='${style.pullquote}'] => aside.pullquote > p.pullquote-text:fresh`,
  `p[style-name='${style.pullquoteAttribution}'] => aside.pullquote > footer:fresh`,
  `p[style-name='${style.figure}'] => figure:fresh`,
  `p[style-name='${style.caption}'] => figure > figcaption:fresh`,
  `p[style-name='${style.credit}'] => figure > small.credit:fresh`,
  `p[style-name='${style.tableCaption}'] => p.table-caption:fresh`,
  `p[style-name='${style.tableHeading}'] => p:fresh`,
  `p[style-name='${style.tagline}'] => p.tagline:fresh`,
  `p[style-name='${style.related}'] => nav.related > ul > li:fresh`,
  // Word's built-in styles.
  "p[style-name='Title'] => h1.title:fresh",
  "p[style-name='Subtitle'] => p.standfirst:fresh",
  "p[style-name='Author'] => p.byline:fresh",
  "p[style-name='Date'] => p.word-date:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
];

/// What a Word file's core properties (docProps/core.xml) say, as article parts.
export async function docxCoreProperties(zip: JSZip): Promise<{ parts: ImportedParts; found: string[] }> {
  const file = zip.file("docProps/core.xml");
  const parsed = file ? parseXml(await file.async("string")) : null;
  if (!parsed?.ok) return { parts: {}, found: [] };
  const value = (name: string) => collapse(childElements(parsed.root, name).map((e) => e.children.filter((c) => typeof c === "string").join("")).join(" "));
  const found: string[] = [];
  const parts: ImportedParts = { meta: {} };
  const take = (name: string, label: string, set: (text: string) => void) => {
    const text = value(name);
    if (!text) return;
    set(text);
    found.push(`${label} from the document's properties (${name})`);
  };
  take("title", "headline", (t) => (parts.headline = t));
  take("description", "standfirst", (t) => (parts.standfirst = [{ type: "text", text: t }]));
  take("creator", "byline", (t) => (parts.byline = t));
  take("created", "date", (t) => (parts.meta!.created = t));
  take("modified", "date of update", (t) => (parts.meta!.updated = t));
  take("keywords", "tags", (t) => (parts.meta!.tags = t.split(/[,;]/).map(collapse).filter(Boolean)));
  take("language", "language", (t) => (parts.meta!.language = t));
  return { parts, found };
}

/// The XML parts of a Word file that hold its review (comments, their threads, tracked changes).
async function reviewParts(zip: JSZip): Promise<WordReviewParts> {
  const read = async (name: string) => (await zip.file(name)?.async("string")) ?? null;
  return { document: await read("word/document.xml"), comments: await read("word/comments.xml"), commentsExtended: await read("word/commentsExtended.xml") };
}

/// Mammoth's HTML of a Word file. Mammoth reads the comments part too, and fails on a broken one:
/// the text is then read without it (docx-review.ts reads the comments and says what was wrong).
async function convert(buffer: Buffer, zip: JSZip): Promise<Awaited<ReturnType<typeof mammoth.convertToHtml>>> {
  const options = { styleMap: docxStyleMap, externalFileAccess: false };
  try {
    return await mammoth.convertToHtml({ buffer }, options);
  } catch (e) {
    if (!zip.file("word/comments.xml")) throw e;
    const withoutComments = await (await JSZip.loadAsync(buffer)).remove("word/comments.xml").generateAsync({ type: "nodebuffer" });
    return mammoth.convertToHtml({ buffer: withoutComments }, options);
  }
}

/// The HTML mammoth makes of a Word document, what it warned about, the document's core properties and its review's parts.
export async function readDocx(bytes: Uint8Array): Promise<{ html: string; warnings: string[]; properties: ImportedParts; found: string[]; review: WordReviewParts }> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const zip = await JSZip.loadAsync(buffer);
  const result = await convert(buffer, zip);
  const warnings = result.messages.map((m) => `Word: ${m.message}${m.type === "warning" ? "" : ` (${m.type})`}`);
  const core = await docxCoreProperties(zip);
  const html = `<!DOCTYPE html><html><body><article><div class="body">${result.value}</div></article></body></html>`;
  return { html, warnings: [...new Set(warnings)], properties: core.parts, found: core.found, review: await reviewParts(zip) };
}
