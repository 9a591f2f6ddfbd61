import type { Asset } from "../article";
import { imageOrigin, isStoredImageSrc } from "../asset-policy";
import { assetFromDataUri, buildArticle, collapse, safeMarks, type ImportedParts, type ImportResult, type MarkJSON, type NodeJSON } from "./build";
import { childElements, findElement, parseXml, textOf, type XmlElement } from "./xml-tree";
import { gridOf, maxTableColumns, spanOf } from "../table-grid";

// NITF import (3.x): the 3.6 elements Copydesk writes, and NITF as agencies send it: wrapped in a
// NewsML-G2 newsMessage/newsItem, in ISO-8859-1, with a DOCTYPE line, `baselang`, compact ISO dates,
// a dateline without <location>, a byline with <byttl>, an abstract without <p>, empty paragraphs.

/// Largest NITF file imported, in characters.
export const maxNitfChars = 50 * 1024 * 1024;

/// An NITF `norm` date as ISO 8601, or null: 20140107, 20080219+0100 (a date with its zone),
/// 20170102T222800+0000, 20140107T093000Z, 2020-09-07T14:45:26 or any ISO 8601 form.
export function isoFromNorm(norm: string | undefined): string | null {
  if (!norm) return null;
  const match = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2}):?(\d{2})?(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(norm.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s, zone] = match;
  if (h === undefined) return `${y}-${mo}-${d}`;
  const offset = zone === undefined || zone === "Z" ? "Z" : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  return `${y}-${mo}-${d}T${h}:${mi}:${s ?? "00"}${offset}`;
}

class NitfReader {
  readonly assets: Record<string, Asset> = {};
  readonly warnings: string[] = [];
  emptyParagraphs = 0;
  tables = 0;

  inline(element: XmlElement, marks: MarkJSON[] = []): NodeJSON[] {
    const out: NodeJSON[] = [];
    for (const child of element.children) {
      if (typeof child === "string") {
        const text = child.replace(/\s+/g, " ");
        const kept = safeMarks(marks);
        if (text) out.push(kept ? { type: "text", text, marks: kept } : { type: "text", text });
        continue;
      }
      let added: MarkJSON | null = null;
      if (child.name === "em") added = { type: /\b(strong|bold|b)\b/.test(child.attrs.class ?? "") ? "strong" : "em" };
      else if (child.name === "a" && child.attrs.href) added = { type: "link", attrs: { href: child.attrs.href.trim(), title: child.attrs.title || null } };
      const inner = added && !marks.some((m) => m.type === added.type) ? [...marks, added] : marks;
      out.push(...this.inline(child, inner));
    }
    return trimEnds(out);
  }

  async figure(media: XmlElement): Promise<NodeJSON[]> {
    const reference = findElement(media, "media-reference");
    let src = reference?.attrs.source ?? "";
    if (imageOrigin(src) === "data") src = (await assetFromDataUri(src, this.assets)) ?? "";
    if (!isStoredImageSrc(src, this.assets)) {
      this.warnings.push("A picture was left out: only https and embedded images are kept.");
      return [];
    }
    const content: NodeJSON[] = [{ type: "image", attrs: { src, alt: reference?.attrs["alternate-text"] ?? "" } }];
    const caption = findElement(media, "media-caption");
    if (caption) content.push({ type: "caption", content: this.inline(caption).map((n) => ({ ...n, marks: n.marks?.filter((m) => m.type !== "link") })) });
    const credit = collapse(textOf(findElement(media, "media-producer")));
    if (credit) content.push({ type: "credit", content: [{ type: "text", text: credit }] });
    return [{ type: "figure", content }];
  }

  /// A table as the body keeps it: caption, header row (thead, or a first row of th) and rows, merged
  /// cells unmerged (shared/table-grid.ts); one too wide to keep is a paragraph per row, its cells apart with "|".
  table(element: XmlElement): NodeJSON[] {
    const sections = childElements(element);
    const rowsIn = (name: string) => sections.filter((c) => c.name === name).flatMap((s) => childElements(s, "tr"));
    const head = rowsIn("thead");
    const rows = [...head, ...sections.filter((c) => c.name === "tr" || c.name === "tbody").flatMap((c) => (c.name === "tr" ? [c] : childElements(c, "tr"))), ...rowsIn("tfoot")];
    const cellsOf = (tr: XmlElement) => childElements(tr).filter((c) => c.name === "td" || c.name === "th");
    const cell = (content: NodeJSON[]): NodeJSON => ({ type: "table_cell", attrs: { colspan: 1, rowspan: 1 }, content });
    const grid = gridOf(
      rows.map((tr) => cellsOf(tr).map((td) => ({ cell: cell(this.inline(td)), colspan: spanOf(td.attrs.colspan), rowspan: spanOf(td.attrs.rowspan, true) }))),
      () => cell([]),
    );
    const caption = sections.find((c) => c.name === "caption");
    // A caption takes emphasis but no links (as a figure's does).
    const captionText = caption ? this.inline(caption).map((n) => ({ ...n, marks: n.marks?.filter((m) => m.type !== "link") })) : [];
    if (!grid) {
      this.tables++;
      const lines = rows.map((tr) => cellsOf(tr).map((td) => collapse(textOf(td))).filter(Boolean).join(" | "));
      return [collapse(textOf(caption ?? null)), ...lines].filter(Boolean).map((line) => ({ type: "paragraph", content: [{ type: "text", text: line }] }));
    }
    const first = rows.length > 0 ? cellsOf(rows[0]) : [];
    const header = head.length > 0 || (first.length > 0 && first.every((c) => c.name === "th"));
    const content: NodeJSON[] = captionText.length > 0 ? [{ type: "table_caption", content: captionText }] : [];
    content.push({ type: "table_rows", content: grid.map((cells) => ({ type: "table_row", content: cells })) });
    return [{ type: "table", attrs: { header }, content }];
  }

  async blocks(elements: XmlElement[]): Promise<NodeJSON[]> {
    const out: NodeJSON[] = [];
    for (const element of elements) out.push(...(await this.block(element)));
    return out;
  }

  async block(element: XmlElement): Promise<NodeJSON[]> {
    switch (element.name) {
      case "p": {
        const content = this.inline(element);
        if (content.length === 0) {
          this.emptyParagraphs++;
          return [];
        }
        return [{ type: "paragraph", content }];
      }
      case "table":
        return this.table(element);
      case "hl2":
        return [{ type: "subheading", content: textNodes(collapse(textOf(element))) }];
      case "media":
        return this.figure(element);
      case "bq": {
        const paragraphs = (await this.blocks(childElements(element).filter((c) => c.name !== "credit"))).flatMap(paragraphsOf);
        const credit = collapse(textOf(findElement(element, "credit")));
        const pullquote = /^pullquote\b/.test(element.attrs.class ?? "");
        if (pullquote) {
          const role = /\b(supporting|inline|showcase)\b/.exec(element.attrs.class ?? "")?.[1] ?? "supporting";
          const text = paragraphs.map((p) => (p.content ?? []).map((n) => n.text).join("")).join(" ");
          const content: NodeJSON[] = [{ type: "pullquote_text", content: textNodes(collapse(text)) }];
          if (credit) content.push({ type: "attribution", content: textNodes(credit) });
          return [{ type: "pullquote", attrs: { role }, content }];
        }
        const content = paragraphs.length > 0 ? paragraphs : [{ type: "paragraph" }];
        if (credit) content.push({ type: "attribution", content: textNodes(credit) });
        return [{ type: "blockquote", content }];
      }
      case "ul":
      case "ol": {
        const items: NodeJSON[] = [];
        for (const li of childElements(element, "li")) {
          const nested = childElements(li).filter((c) => ["p", "ul", "ol"].includes(c.name));
          const content = nested.length > 0 ? await this.blocks(nested) : [{ type: "paragraph", content: this.inline(li) }];
          if (content[0]?.type !== "paragraph") content.unshift({ type: "paragraph" });
          items.push({ type: "list_item", content });
        }
        if (items.length === 0) return [];
        const order = Number(element.attrs.seqnum) || 1;
        return [{ type: element.name === "ol" ? "ordered_list" : "bullet_list", ...(element.name === "ol" ? { attrs: { order } } : {}), content: items }];
      }
      case "block":
        return element.attrs.class === "related" ? [] : this.blocks(childElements(element));
      case "hr":
      case "br":
        return [];
      default: {
        // Anything else (<pre>, <nitf-table>, a wrapper of the agency's own) keeps its words as paragraphs.
        const children = childElements(element);
        if (children.some((c) => ["p", "hl2", "media", "bq", "ul", "ol", "block", "table"].includes(c.name))) return this.blocks(children);
        const content = this.inline(element);
        return content.length > 0 ? [{ type: "paragraph", content }] : [];
      }
    }
  }
}

function paragraphsOf(node: NodeJSON): NodeJSON[] {
  if (node.type === "paragraph") return [node];
  if (node.type === "subheading") return [{ type: "paragraph", content: node.content }];
  return (node.content ?? []).flatMap(paragraphsOf);
}

const textNodes = (text: string): NodeJSON[] => (text ? [{ type: "text", text }] : []);

function trimEnds(nodes: NodeJSON[]): NodeJSON[] {
  const out = nodes.map((n) => ({ ...n }));
  if (out[0]?.text) out[0].text = out[0].text.replace(/^\s+/, "");
  const last = out[out.length - 1];
  if (last?.text) last.text = last.text.replace(/\s+$/, "");
  return out.filter((n) => n.text !== "");
}

/// Every descendant element of that name, in document order.
function findAll(element: XmlElement, name: string): XmlElement[] {
  return childElements(element).flatMap((child) => (child.name === name ? [child] : findAll(child, name)));
}

/// The byline's names: its text without <byttl> (the job title) and without a leading "By".
function bylineOf(byline: XmlElement | null): string {
  if (!byline) return "";
  const text = byline.children.map((c) => (typeof c === "string" ? c : c.name === "byttl" ? " " : ` ${textOf(c)} `)).join("");
  // A separator left at the end ("Ian Jones;") goes; a ";" closing what reads as an entity ("&amp;") is the journalist's text.
  return collapse(text).replace(/^(?:by|par|von|por|av|af)\b\s*:?\s*/i, "").replace(/(?<!&#?\w+)[,;]\s*$/, "");
}

/// The dateline's place, date and source, with or without <location> and <story.date>.
function datelineOf(dateline: XmlElement): NonNullable<ImportedParts["dateline"]> {
  const storyDate = findElement(dateline, "story.date");
  const date = storyDate ? (isoFromNorm(storyDate.attrs.norm) ?? (isoFromNorm(collapse(textOf(storyDate))) ? collapse(textOf(storyDate)) : null)) : null;
  const location = findElement(dateline, "location");
  const loose = collapse(dateline.children.filter((c) => typeof c === "string").join(" "));
  const source = /\(([^)]*)\)/.exec(loose)?.[1] ?? null;
  const place = location ? collapse(textOf(location)) : collapse(loose.replace(/\([^)]*\)/, "").replace(/[,\s—–-]+$/, ""));
  return { place, date, source };
}

/// A dateline lead-in at the start of the first paragraph ("NEW YORK (AP) — "), when it names the dateline's place.
function leadIn(paragraph: NodeJSON | undefined, place: string): { length: number; source: string | null } | null {
  const first = paragraph?.type === "paragraph" ? paragraph.content?.[0]?.text : undefined;
  if (!first || !place) return null;
  const escaped = place.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`^${escaped}(?:,[^(—–]{0,40})?\\s*(?:\\(([^)]{1,40})\\))?\\s*[—–-]{1,2}\\s*`, "i").exec(first);
  return match ? { length: match[0].length, source: match[1] ?? null } : null;
}

function relatedOf(content: XmlElement | null): ImportedParts["related"] {
  const block = content && childElements(content, "block").find((b) => b.attrs.class === "related");
  if (!block) return [];
  return childElements(block, "p").flatMap((p) => {
    const a = findElement(p, "a");
    if (!a?.attrs.href) return [];
    const label = collapse(textOf(childElements(p, "em").find((e) => e.attrs.class === "label") ?? null));
    return [{ href: a.attrs.href, title: collapse(textOf(a)), label: label || null }];
  });
}

/// Imports an NITF document, alone or inside a NewsML-G2 newsMessage or newsItem; entity declarations are refused.
export async function importNitf(xml: string, now = new Date()): Promise<ImportResult> {
  if (xml.length > maxNitfChars) return { ok: false, errors: ["the file is over the 50 MB limit for an import"] };
  const parsed = parseXml(xml);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const { root } = parsed;
  const wrapped = root.name !== "nitf";
  const nitf = wrapped ? findElement(root, "nitf") : root;
  if (!nitf) {
    const g2 = ["newsMessage", "newsItem"].includes(root.name);
    return { ok: false, errors: [g2 ? `the NewsML-G2 <${root.name}> holds no NITF article (only NITF inside inlineXML is read)` : `the root element is <${root.name}>, not <nitf>: is this an NITF file?`] };
  }
  const item = wrapped ? (root.name === "newsItem" ? root : findElement(root, "newsItem")) : null;
  const reader = new NitfReader();
  const found: string[] = [];
  const head = findElement(nitf, "head");
  const body = childElements(nitf, "body")[0] ?? null;
  const bodyHead = body && childElements(body, "body.head")[0];
  const content = body && childElements(body, "body.content")[0];
  const docdata = head && findElement(head, "docdata");
  const dateline = bodyHead && findElement(bodyHead, "dateline");
  const abstract = bodyHead && findElement(bodyHead, "abstract");
  const status = docdata?.attrs["management-status"];
  const g2 = (name: string) => collapse(textOf(item && findElement(item, name)));

  const issued = isoFromNorm(docdata ? findElement(docdata, "date.issue")?.attrs.norm : undefined);
  const published = isoFromNorm(head ? findElement(head, "pubdata")?.attrs["date.publication"] : undefined);
  const g2Created = g2("firstCreated") || g2("versionCreated");
  const created = issued ?? published ?? (g2Created || null);
  found.push(issued ? "date from date.issue" : published ? "date from pubdata date.publication" : g2Created ? "date from the NewsML-G2 item" : "no date in the file");

  const released = isoFromNorm(docdata ? findElement(docdata, "date.release")?.attrs.norm : undefined);
  let embargo: string | null = null;
  if (released) {
    const after = created ? Date.parse(released) > Date.parse(created) : Date.parse(released) > now.getTime();
    if (after) {
      embargo = released;
      found.push("embargo from date.release");
    } else reader.warnings.push(`date.release (${released}) is not after the issue time, so it is no embargo: the article is free to publish.`);
  }

  const language = nitf.attrs["xml:lang"] || nitf.attrs.baselang || (body && childElements(body, "body.content")[0]?.attrs["xml:lang"]) || item?.attrs["xml:lang"] || root.attrs["xml:lang"] || root.attrs.lang;
  if (language) found.push(`language from ${nitf.attrs["xml:lang"] ? "xml:lang" : nitf.attrs.baselang ? "baselang" : "the NewsML-G2 item"}`);

  const hl1 = collapse(textOf(bodyHead && findElement(bodyHead, "hl1")));
  const title = collapse(textOf(head && findElement(head, "title")));
  const headline = hl1 || title || g2("headline");
  if (headline) found.push(`headline from ${hl1 ? "hl1" : title ? "head title" : "the NewsML-G2 headline"}`);

  const abstractP = abstract && findElement(abstract, "p");
  const standfirst = abstract ? reader.inline(abstractP ?? abstract) : [];
  if (standfirst.length > 0) found.push("standfirst from abstract");

  // The byline as the agency wrote it, less <byttl> and "By": wire bylines ("Ian Jones, Press Association",
  // "Text by FRANCE 24") are the agency's own words, unlike a web page's, which mix in times and links.
  const byline = bylineOf(bodyHead && findElement(bodyHead, "byline")) || g2("by");
  if (byline) found.push(`byline from ${bodyHead && findElement(bodyHead, "byline") ? "byline" : "the NewsML-G2 by"}`);

  const blocks = content ? await reader.blocks(childElements(content)) : [];
  let datelineParts = dateline ? datelineOf(dateline) : g2("dateline") ? { place: g2("dateline"), date: null, source: null } : undefined;
  if (datelineParts) {
    found.push(`dateline from ${dateline ? (findElement(dateline, "location") ? "dateline location" : "dateline text") : "the NewsML-G2 dateline"}`);
    const lead = leadIn(blocks[0], datelineParts.place ?? "");
    if (lead) {
      const [text, ...rest] = blocks[0].content ?? [];
      blocks[0] = { ...blocks[0], content: [{ ...text, text: text.text!.slice(lead.length) }, ...rest].filter((n) => n.text !== "") };
      datelineParts = { ...datelineParts, source: datelineParts.source ?? lead.source };
      found.push("the dateline's lead-in taken off the first paragraph");
    }
  }
  if (reader.emptyParagraphs > 0) reader.warnings.push(`Left out ${reader.emptyParagraphs} empty paragraph${reader.emptyParagraphs === 1 ? "" : "s"}.`);
  if (reader.tables > 0) reader.warnings.push(`${reader.tables} table${reader.tables === 1 ? " was" : "s were"} too wide to keep as a table (over ${maxTableColumns} columns, or mostly cells its merged cells would add), and read as one paragraph per row (cells apart with "|").`);
  const kicker = head ? (findElement(head, "pubdata")?.attrs["position.section"] ?? "") : "";
  if (kicker) found.push("kicker from pubdata position.section");
  const tags = docdata ? findAll(docdata, "keyword").map((k) => k.attrs.key ?? "") : [];
  if (tags.some(Boolean)) found.push("tags from key-list");

  const parts: ImportedParts = {
    meta: {
      id: docdata ? findElement(docdata, "doc-id")?.attrs["id-string"] : undefined,
      slug: docdata ? findElement(docdata, "du-key")?.attrs.key : undefined,
      language,
      tags,
      status: status === "usable" ? "approved" : undefined,
      created: created ?? undefined,
      updated: created ?? undefined,
      embargo,
    },
    kicker,
    headline,
    standfirst,
    byline,
    dateline: datelineParts,
    body: blocks,
    tagline: textOf(body && findElement(body, "tagline")),
    related: relatedOf(content),
    assets: reader.assets,
  };
  return buildArticle(parts, reader.warnings, found);
}
