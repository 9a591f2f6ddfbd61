import type { Node as PMNode } from "prosemirror-model";
import { assetScheme, fieldNode, fieldText, type Article, type Located } from "../article";
import { formatDatelineDate } from "../dateline-date";

// The article's fields picked out once, so that each exporter reads names, not tree positions.

/// One related story as the exporters see it.
export interface RelatedLink {
  href: string;
  title: string;
  label: string | null;
}

/// The dateline's parts: the place (text), the date and the agency.
export interface Dateline {
  place: string;
  date: string | null;
  source: string | null;
}

/// The fields of an article by name.
export interface ArticleParts {
  kicker: string;
  headline: string;
  standfirst: PMNode;
  byline: string;
  dateline: Dateline;
  body: PMNode;
  tagline: string;
  related: RelatedLink[];
}

/// Picks the fields out of an article's document.
export function articleParts(article: Article): ArticleParts {
  const { doc } = article;
  const datelineNode = fieldNode(doc, "dateline");
  const related: RelatedLink[] = [];
  fieldNode(doc, "related")?.forEach((link) => {
    const { href, title, label } = link.attrs as RelatedLink;
    related.push({ href, title, label: label || null });
  });
  return {
    kicker: fieldText(doc, "kicker"),
    headline: fieldText(doc, "headline"),
    standfirst: fieldNode(doc, "standfirst") as PMNode,
    byline: fieldText(doc, "byline"),
    dateline: {
      place: datelineNode?.textContent ?? "",
      date: (datelineNode?.attrs.date as string | null) || null,
      source: (datelineNode?.attrs.source as string | null) || null,
    },
    body: fieldNode(doc, "body") as PMNode,
    tagline: fieldText(doc, "tagline"),
    related,
  };
}

/// A dateline date as the editor shows it, in the article's language: "Jan. 7, 2014" in English,
/// "7 janv. 2014" in French, "٧ يناير ٢٠١٤" in Arabic; other text is returned as it is.
export function wireDate(date: string, language: string): string {
  return formatDatelineDate(date, language);
}

/// The dateline as a wire lead-in without the dash, e.g. "WASHINGTON, Jan. 7, 2014 (AFP)", the date
/// in the article's language.
export function datelineLabel(dateline: Dateline, language: string): string {
  const head = [dateline.place.trim().toUpperCase(), dateline.date ? wireDate(dateline.date, language) : ""].filter(Boolean).join(", ");
  return [head, dateline.source ? `(${dateline.source})` : ""].filter(Boolean).join(" ");
}

/// True when the dateline has anything to show.
export function hasDateline(dateline: Dateline): boolean {
  return dateline.place.trim() !== "" || dateline.date !== null || dateline.source !== null;
}

/// A figure's parts.
export interface FigureParts {
  src: string;
  alt: string;
  caption: PMNode | null;
  credit: string;
}

/// Picks the image, caption and credit out of a figure node.
export function figureParts(figure: PMNode): FigureParts {
  const parts: FigureParts = { src: "", alt: "", caption: null, credit: "" };
  figure.forEach((child) => {
    if (child.type.name === "image") {
      parts.src = child.attrs.src as string;
      parts.alt = child.attrs.alt as string;
    } else if (child.type.name === "caption") parts.caption = child;
    else if (child.type.name === "credit") parts.credit = child.textContent;
  });
  return parts;
}

/// The image of an `asset:` src as a data: URI, an https src as it is, or null when there is none.
export function imageURI(article: Article, src: string): string | null {
  if (src.startsWith(assetScheme)) {
    const asset = article.assets[src.slice(assetScheme.length)];
    return asset ? `data:${asset.type};base64,${asset.data}` : null;
  }
  return src === "" ? null : src;
}

/// A file name stem from the slug, else from the headline, else "article".
export function fileStem(article: Article): string {
  if (article.meta.slug) return article.meta.slug;
  const cleaned = fieldText(article.doc, "headline")
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 80)
    .replace(/[. ]+$/, "");
  return cleaned || "article";
}

/// Where the story happened as one name ("Lyon, Auvergne-Rhône-Alpes, France"), "" when unknown.
export function locatedName(located: Located | null): string {
  if (!located) return "";
  return [located.city, located.region, located.country].map((part) => part.trim()).filter(Boolean).join(", ");
}

/// Where the IPTC NewsCodes vocabularies the article's concepts come from live, by qcode scheme.
const newsCodes: Record<string, string> = {
  medtop: "http://cv.iptc.org/newscodes/mediatopic/",
  genre: "http://cv.iptc.org/newscodes/genre/",
  subj: "http://cv.iptc.org/newscodes/subjectcode/",
};

/// A qcode's scheme and its code within it: "medtop:20000763" gives ["medtop", "20000763"].
export function qcodeParts(code: string): [scheme: string, local: string] {
  const colon = code.indexOf(":");
  return colon < 0 ? ["", code] : [code.slice(0, colon), code.slice(colon + 1)];
}

/// The concept's URI ("http://cv.iptc.org/newscodes/mediatopic/20000763"), or null for a scheme
/// that is not an IPTC vocabulary known here.
export function conceptURI(code: string): string | null {
  const [scheme, local] = qcodeParts(code);
  const base = newsCodes[scheme];
  return base && local ? base + local : null;
}
