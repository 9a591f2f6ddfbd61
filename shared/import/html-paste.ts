import type { Asset } from "../article";
import { collapse, type NodeJSON } from "./build";
import { all, type HtmlDocument, type ParseHtml } from "./html-dom";
import { extractPage } from "./html-page";
import { minimumPageWords, minimumParagraphs, pageStructure } from "./paste-rule";

// Pasting a news page, or most of one, into the body: the clipboard's HTML goes through the same
// extraction as an imported page (html-page.ts), so the body gets the article's paragraphs only,
// and the headline, standfirst and byline found are offered for their fields. A smaller selection
// is not a page and pastes as it always has.

export { minimumPageWords, minimumParagraphs } from "./paste-rule";

/// The fields a pasted page offers.
export type OfferedFieldName = "headline" | "standfirst" | "byline";

/// A field's value found in a pasted page, and where it was found ("JSON-LD", "meta author", "the page").
export interface OfferedField {
  value: string;
  source: string;
}

/// What a pasted page gave: the article's body blocks, the fields it offers, and the report.
export interface PastedPage {
  body: NodeJSON[];
  assets: Record<string, Asset>;
  fields: Partial<Record<OfferedFieldName, OfferedField>>;
  found: string[];
  warnings: string[];
}

/// True when pasted HTML is a whole page or most of one. The rule: the HTML carries page structure
/// (JSON-LD, Open Graph tags, an <article>, or navigation, header, footer or aside landmarks, as a
/// browser copies them with a whole page or a drag across one) around at least 150 words of text
/// in at least 3 paragraphs. A selection without page structure, or a shorter one, is not a page.
export function isWholePage(document: HtmlDocument): boolean {
  if (document.querySelector(pageStructure) === null) return false;
  const paragraphs = all(document, "p").filter((p) => collapse(p.textContent) !== "");
  const words = collapse(document.body?.textContent).match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return paragraphs.length >= minimumParagraphs && words >= minimumPageWords;
}

/// The article in pasted HTML when it is a whole page or most of one (isWholePage), else null: paste it as it is.
export async function extractPastedPage(html: string, parse: ParseHtml): Promise<PastedPage | null> {
  if (html.trim() === "") return null;
  const document = parse(html);
  if (!isWholePage(document)) return null;
  const page = await extractPage(document);
  if (!page || page.body.length === 0) return null;
  const { meta } = page;
  const fields: PastedPage["fields"] = {};
  const found: string[] = [];
  for (const name of ["headline", "standfirst", "byline"] as const) {
    const value = collapse(meta[name]?.value);
    if (!value) continue;
    fields[name] = { value, source: meta[name]!.source };
    found.push(`${name} from ${meta[name]!.source}`);
  }
  found.push(...page.found);
  return { body: page.body, assets: page.assets, fields, found, warnings: page.warnings };
}
