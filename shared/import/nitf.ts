import type { Asset } from "../article";
import { imageOrigin, isStoredImageSrc } from "../asset-policy";
import { assetFromDataUri, buildArticle, collapse, safeMarks, type ImportedParts, type ImportResult, type MarkJSON, type NodeJSON } from "./build";
import { childElements, findElement, parseXml, textOf, type XmlElement } from "./xml-tree";

// NITF import (3.x; the 3.6 elements Copydesk writes and the common ones other systems write).

/// Largest NITF file imported, in characters.
export const maxNitfChars = 50 * 1024 * 1024;

/// An NITF `norm` date (20140107, 20140107T093000Z, or ISO 8601) as ISO 8601, or null.
export function isoFromNorm(norm: string | undefined): string | null {
  if (!norm) return null;
  const match = /^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2}):?(\d{2})?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(norm.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s, zone] = match;
  if (h === undefined) return `${y}-${mo}-${d}`;
  const offset = zone === undefined || zone === "Z" ? "Z" : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  return `${y}-${mo}-${d}T${h}:${mi}:${s ?? "00"}${offset}`;
}

class NitfReader {
  readonly assets: Record<string, Asset> = {};
  readonly warnings: string[] = [];

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

  async blocks(elements: XmlElement[]): Promise<NodeJSON[]> {
    const out: NodeJSON[] = [];
    for (const element of elements) out.push(...(await this.block(element)));
    return out;
  }

  async block(element: XmlElement): Promise<NodeJSON[]> {
    switch (element.name) {
      case "p":
        return [{ type: "paragraph", content: this.inline(element) }];
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
      default:
        return [];
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

/// Imports an NITF document; DOCTYPE and entity declarations are refused.
export async function importNitf(xml: string): Promise<ImportResult> {
  if (xml.length > maxNitfChars) return { ok: false, errors: ["the file is over the 50 MB limit for an import"] };
  const parsed = parseXml(xml);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const { root } = parsed;
  if (root.name !== "nitf") return { ok: false, errors: [`the root element is <${root.name}>, not <nitf>: is this an NITF file?`] };
  const reader = new NitfReader();
  const head = findElement(root, "head");
  const body = childElements(root, "body")[0] ?? null;
  const bodyHead = body && childElements(body, "body.head")[0];
  const content = body && childElements(body, "body.content")[0];
  const docdata = head && findElement(head, "docdata");
  const dateline = bodyHead && findElement(bodyHead, "dateline");
  const abstract = bodyHead && findElement(bodyHead, "abstract");
  const firstAbstractP = abstract && findElement(abstract, "p");
  const status = docdata?.attrs["management-status"];
  const storyDate = dateline && findElement(dateline, "story.date");

  const parts: ImportedParts = {
    meta: {
      id: docdata ? findElement(docdata, "doc-id")?.attrs["id-string"] : undefined,
      slug: docdata ? findElement(docdata, "du-key")?.attrs.key : undefined,
      language: root.attrs["xml:lang"],
      tags: docdata ? childElements(findElement(docdata, "key-list") ?? { name: "", attrs: {}, children: [] }, "keyword").map((k) => k.attrs.key ?? "") : [],
      status: status === "usable" ? "approved" : undefined,
      created: isoFromNorm(docdata ? findElement(docdata, "date.issue")?.attrs.norm : undefined),
      updated: isoFromNorm(docdata ? findElement(docdata, "date.issue")?.attrs.norm : undefined),
      embargo: isoFromNorm(docdata ? findElement(docdata, "date.release")?.attrs.norm : undefined),
    },
    kicker: head ? (findElement(head, "pubdata")?.attrs["position.section"] ?? "") : "",
    headline: textOf(bodyHead && findElement(bodyHead, "hl1")) || textOf(head && findElement(head, "title")),
    standfirst: firstAbstractP ? reader.inline(firstAbstractP) : [],
    byline: textOf(bodyHead && findElement(bodyHead, "byline")),
    dateline: dateline
      ? {
          place: textOf(findElement(dateline, "location")),
          date: (storyDate && (isoFromNorm(textOf(storyDate)) ? collapse(textOf(storyDate)) : isoFromNorm(storyDate.attrs.norm))) || null,
          source: /\(([^)]*)\)\s*$/.exec(dateline.children.filter((c) => typeof c === "string").join(""))?.[1] ?? null,
        }
      : undefined,
    body: content ? await reader.blocks(childElements(content)) : [],
    tagline: textOf(body && findElement(body, "tagline")),
    related: relatedOf(content),
    assets: reader.assets,
  };
  return buildArticle(parts, reader.warnings);
}
