import { closeHistory } from "prosemirror-history";
import { Fragment, Slice, type Node as PMNode } from "prosemirror-model";
import type { Command, EditorState } from "prosemirror-state";
import { assetScheme } from "../../../shared/article";
import { fields as fieldDescriptions, fieldNames } from "../../../shared/fields";
import { flattenDeep, type TreeElement } from "../../../shared/flatten-deep";
import type { HtmlDocument } from "../../../shared/import/html-dom";
import { extractPastedPage, type OfferedField, type OfferedFieldName } from "../../../shared/import/html-paste";
import { maxHtmlDepth } from "../../../shared/import/light-dom";
import { schema } from "../../../shared/schema";
import { fieldPos } from "./fields";
import { replaceImageSources } from "./paste";

// A whole page pasted into the body (the rule: shared/import/paste-rule.ts): its article only, as
// a slice for the caret, and what it offers for the fields with the report. Loaded only for a paste
// that looks like a page, since it brings Readability with it (shared/import/html-paste.ts).

/// What a pasted page offers the journalist: the fields it found, where from, and the report.
export interface PageOffer {
  /// The fields found, in the article's order.
  fields: { name: OfferedFieldName; label: string; value: string; source: string }[];
  /// The report's "found" lines: each part and where it came from.
  found: string[];
  /// The report's "left out" lines: what the paste did not bring in, and why.
  leftOut: string[];
}

/// A pasted page read: the article's blocks to insert, and the offer.
export interface PastedPageSlice {
  slice: Slice;
  offer: PageOffer;
}

const offeredFields: readonly OfferedFieldName[] = ["headline", "standfirst", "byline"];

/// Parses pasted HTML inertly (`parse`: the page's DOMParser, linkedom in tests) as the importer
/// does: elements nested deeper than the importers read become their text.
function parsePage(html: string, parse: (html: string) => Document): HtmlDocument {
  const document = parse(html);
  if (document.documentElement) flattenDeep(document.documentElement as unknown as TreeElement, maxHtmlDepth);
  return document as unknown as HtmlDocument;
}

/// The page's article as a slice: paragraphs at either end open, so the first joins the caret's
/// paragraph as any paste does; the page's embedded images as data: URLs, for the paste to store.
function articleSlice(body: PMNode[], assets: Record<string, { type: string; data: string }>): Slice {
  const content = Fragment.fromArray(body);
  const open = (node: PMNode | null) => (node?.type === schema.nodes.paragraph ? 1 : 0);
  const slice = new Slice(content, open(content.firstChild), open(content.lastChild));
  const sources = new Map(Object.entries(assets).map(([key, asset]) => [`${assetScheme}${key}`, `data:${asset.type};base64,${asset.data}`]));
  return sources.size > 0 ? replaceImageSources(slice, sources) : slice;
}

/// Reads pasted HTML as a whole page: null when it is not one (it then pastes as it comes). Throws
/// when the page's article does not make body blocks the schema accepts.
export async function readPastedPage(html: string, parse: (html: string) => Document): Promise<PastedPageSlice | null> {
  if (html.trim() === "") return null;
  const document = parsePage(html, parse);
  // The parse and the extraction are each a long step for a whole page: keys typed between them are taken in between.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const page = await extractPastedPage(html, () => document);
  if (!page) return null;
  const body = page.body.map((json) => {
    const node = schema.nodeFromJSON(json);
    node.check();
    return node;
  });
  const fields = offeredFields.flatMap((name) => {
    const field: OfferedField | undefined = page.fields[name];
    return field ? [{ name, label: fieldDescriptions[name].label, ...field }] : [];
  });
  return { slice: articleSlice(body, page.assets), offer: { fields, found: page.found, leftOut: page.warnings } };
}

/// The field node of that name and where it starts.
function fieldAt(doc: PMNode, name: OfferedFieldName): { node: PMNode; pos: number } {
  const index = fieldNames.indexOf(name);
  return { node: doc.child(index), pos: fieldPos(doc, index) };
}

/// The offered fields that already have words of their own, which using the offer would replace.
export function fieldsInTheWay(state: EditorState, offer: PageOffer): PageOffer["fields"] {
  return offer.fields.filter((field) => {
    const text = fieldAt(state.doc, field.name).node.textContent.trim();
    return text !== "" && text !== field.value;
  });
}

/// Puts the page's headline, standfirst and byline into their fields, as one undo step: into the
/// empty ones only, or (`replace`) over what they hold too. False when no field would change.
export function useOfferedFields(offer: PageOffer, replace: boolean): Command {
  return (state, dispatch) => {
    const tr = state.tr;
    for (const field of offer.fields) {
      const { node, pos } = fieldAt(tr.doc, field.name);
      if (node.textContent === field.value || (!replace && node.textContent.trim() !== "")) continue;
      tr.replaceWith(pos + 1, pos + 1 + node.content.size, schema.text(field.value));
    }
    if (!tr.docChanged) return false;
    dispatch?.(closeHistory(tr).setMeta("uiEvent", "paste"));
    return true;
  };
}
