import { buildArticle, collapse, type ImportedParts, type ImportResult, type NodeJSON } from "./build";
import { importParser, parseInto } from "./html-body";
import type { Asset } from "../article";
import { isStoredImageSrc } from "../asset-policy";
import type { ParseHtml } from "./html-dom";
import { prepareFigures } from "./page-figures";

// ninjs import, 1.x and 2.x (IPTC's news in JSON): headline(s), description(s), bodies (HTML
// preferred, plain text split into paragraphs), by/byline, located, dates, subjects and keywords,
// associations (pictures become figures, other items related links), embargoed, language and
// version. 1.x names (`headline`, `body_html`, `byline`, associations as an object) and 2.x names
// (`headlines`, `bodies`, `by`, associations as an array) are both read.

/// Largest ninjs file imported, in characters.
export const maxNinjsChars = 50 * 1024 * 1024;

type Json = Record<string, unknown>;

const str = (value: unknown): string => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");
const list = (value: unknown): Json[] =>
  (Array.isArray(value) ? value : typeof value === "object" && value !== null ? Object.entries(value as Json).map(([name, v]) => ({ name, ...(v as Json) })) : []).filter(
    (v): v is Json => typeof v === "object" && v !== null,
  );

/// The value of the first entry of a 2.x list (headlines, descriptions, bodies) whose role is one of `roles`, else the first.
function byRole(entries: Json[], roles: string[], skip: string[] = []): Json | undefined {
  const usable = entries.filter((e) => str(e.value) !== "" && !skip.includes(str(e.role)));
  return roles.map((role) => usable.find((e) => str(e.role) === role)).find(Boolean) ?? usable[0];
}

const isHtml = (entry: Json | undefined): boolean => /html/.test(str(entry?.contenttype)) || /html/.test(str(entry?.role));

/// Plain text as paragraphs: blank lines part them, and so do single line breaks (wire copy has one paragraph a line).
function textParagraphs(text: string): NodeJSON[] {
  return text
    .split(/\r?\n/)
    .map(collapse)
    .filter(Boolean)
    .map((line) => ({ type: "paragraph", content: [{ type: "text", text: line }] }));
}

/// The best https picture of an association: its largest rendition, or its own uri.
function pictureOf(association: Json): string | null {
  const renditions = list(association.renditions).map((r) => ({ href: str(r.href), width: Number(r.width) || 0 }));
  renditions.sort((a, b) => b.width - a.width);
  const hrefs = [...renditions.map((r) => r.href), str(association.uri)].filter((h) => /^https?:\/\//.test(h));
  return hrefs.find((h) => h.startsWith("https:")) ?? hrefs[0] ?? null;
}

/// Imports a ninjs document (1.x or 2.x); `parse` reads HTML bodies (no scripts run).
export async function importNinjs(text: string, parse: ParseHtml): Promise<ImportResult> {
  if (text.length > maxNinjsChars) return { ok: false, errors: ["the file is over the 50 MB limit for an import"] };
  let item: unknown;
  try {
    item = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`the file is not valid JSON (${(e as Error).message})`] };
  }
  if (typeof item !== "object" || item === null || Array.isArray(item)) return { ok: false, errors: ["the file is not a ninjs item: it is not a JSON object"] };
  const ninjs = item as Json;
  if (!("uri" in ninjs) && !("headline" in ninjs) && !("headlines" in ninjs) && !("bodies" in ninjs) && !("body_text" in ninjs) && !("body_html" in ninjs)) {
    return { ok: false, errors: ["the file is not a ninjs item: it has no uri, headline or body"] };
  }
  const found: string[] = [];
  const warnings: string[] = [];
  const type = str(ninjs.type);
  if (type && !["text", "composite"].includes(type)) warnings.push(`The item is of type "${type}", not text: only its words and pictures are imported.`);

  const headlines = list(ninjs.headlines);
  const headline = str(byRole(headlines, ["main"])?.value) || str(ninjs.headline);
  if (headline) found.push(`headline from ${headlines.length > 0 ? "headlines" : "headline"}`);
  const subheadline = headlines.find((h) => str(h.role) === "sub");

  const descriptions = list(ninjs.descriptions);
  const description = byRole(descriptions, ["summary", "text", "teaser"], ["caption"]);
  const standfirst = collapse(description ? (isHtml(description) ? textOfHtml(str(description.value), parse) : str(description.value)) : str(ninjs.description_text) || textOfHtml(str(ninjs.description_html), parse));
  if (standfirst) found.push(`standfirst from ${description ? "descriptions" : "description_text"}`);

  // Bodies: HTML when there is one (2.x bodies, 1.x body_html or body_xhtml), else plain text.
  const bodies = list(ninjs.bodies);
  const htmlBody = bodies.find(isHtml);
  const html = htmlBody ? str(htmlBody.value) : str(ninjs.body_html) || str(ninjs.body_xhtml);
  const plain = str(byRole(bodies, ["main", "text"])?.value) || str(ninjs.body_text);
  let body: NodeJSON[] = [];
  const assets: Record<string, Asset> = {};
  if (html) {
    const document = parse(`<!DOCTYPE html><html><body>${html}</body></html>`);
    if (document.body) {
      warnings.push(...(await prepareFigures(document, document.body, assets, null)).warnings);
      body = parseInto(importParser(assets), document.body, "body");
    }
    found.push(`body from ${htmlBody ? "bodies (HTML)" : ninjs.body_html ? "body_html" : "body_xhtml"}`);
  } else if (plain) {
    body = textParagraphs(plain);
    // Wire copy often repeats the headline as its first line.
    if (collapse(str(body[0]?.content?.[0]?.text)) === headline) body.shift();
    found.push(`body from ${bodies.length > 0 ? "bodies (plain text, one paragraph a line)" : "body_text"}`);
  } else warnings.push("The item has no body: only its fields were imported.");
  if (subheadline) body.unshift({ type: "subheading", content: [{ type: "text", text: collapse(str(subheadline.value)) }] });

  const by = str(ninjs.by) || str(ninjs.byline);
  // As the agency wrote it, less a leading "By"/"Von" and a trailing agency name ("…, dpa").
  const byline = collapse(by.replace(/^(?:by|von|par|por|av|af)\b\s*:?\s*/i, "").replace(/,\s*(?:dpa|afp|ap|reuters|ntb|tt|anp|ansa|efe)\s*$/i, ""));
  if (byline) found.push(`byline from ${ninjs.by ? "by" : "byline"}`);
  const located = collapse(str(ninjs.located));
  if (located) found.push("dateline place from located");

  const tags = [
    ...(Array.isArray(ninjs.keywords) ? ninjs.keywords.map(str) : []),
    ...list(ninjs.subjects ?? ninjs.subject).map((s) => str(s.name)),
  ].map(collapse).filter(Boolean);
  if (tags.length > 0) found.push(`tags from ${Array.isArray(ninjs.keywords) ? "keywords and " : ""}subjects`);

  const related: NonNullable<ImportedParts["related"]> = [];
  let pictures = 0;
  for (const association of list(ninjs.associations)) {
    const kind = str(association.type);
    const title = collapse(str(byRole(list(association.headlines), ["main"])?.value) || str(association.headline));
    if (kind === "picture" || kind === "graphic") {
      const src = pictureOf(association);
      if (!src) {
        warnings.push(`A picture association (${str(association.name) || "unnamed"}) was left out: it has no address.`);
        continue;
      }
      const https = src.startsWith("http:") ? `https:${src.slice(5)}` : src;
      if (!isStoredImageSrc(https, assets)) {
        warnings.push(`A picture association (${str(association.name) || title}) was left out: ${src.slice(0, 60)} is not an image address Copydesk keeps.`);
        continue;
      }
      if (https !== src) warnings.push(`A picture (${str(association.name) || title}) was offered only over http: it is kept at ${https}; check that it loads before publishing.`);
      const captionText = collapse(str(byRole(list(association.descriptions), ["caption", "text"])?.value) || str(association.description_text) || title);
      const credit = collapse(str(association.by) || str(association.byline) || str(association.copyrightholder));
      const content: NodeJSON[] = [{ type: "image", attrs: { src: https, alt: title || captionText.slice(0, 120) } }];
      if (captionText) content.push({ type: "caption", content: [{ type: "text", text: captionText }] });
      if (credit) content.push({ type: "credit", content: [{ type: "text", text: credit }] });
      body.unshift({ type: "figure", content });
      pictures++;
    } else if (/^https?:\/\//.test(str(association.uri))) {
      related.push({ href: str(association.uri), title: title || str(association.uri), label: kind || null });
    } else warnings.push(`An association (${str(association.name) || kind || "unnamed"}) was left out: it is neither a picture nor a web link.`);
  }
  if (pictures > 0) found.push(`${pictures} picture${pictures === 1 ? "" : "s"} from associations`);
  if (related.length > 0) found.push(`${related.length} related link${related.length === 1 ? "" : "s"} from associations`);

  const created = str(ninjs.firstcreated) || str(ninjs.versioncreated);
  if (created) found.push(`date from ${ninjs.firstcreated ? "firstcreated" : "versioncreated"}`);
  const embargo = str(ninjs.embargoed);
  if (embargo) found.push("embargo from embargoed");
  const language = str(ninjs.language);
  if (language) found.push("language from language");
  const version = str(ninjs.version);
  if (version) found.push(`version ${version} of the item (Copydesk keeps no version number; the file's own history starts here)`);

  const parts: ImportedParts = {
    meta: {
      language: language || undefined,
      tags: [...new Set(tags)],
      created: created || undefined,
      updated: str(ninjs.versioncreated) || created || undefined,
      embargo: embargo || null,
      status: str(ninjs.pubstatus) === "usable" ? "approved" : undefined,
    },
    headline,
    standfirst: standfirst ? [{ type: "text", text: standfirst }] : [],
    byline,
    dateline: located || created ? { place: located, date: created || null } : undefined,
    body,
    related,
    assets,
  };
  return buildArticle(parts, warnings, found);
}

function textOfHtml(html: string, parse: ParseHtml): string {
  if (!html) return "";
  return collapse(parse(`<!DOCTYPE html><html><body>${html}</body></html>`).body?.textContent);
}
