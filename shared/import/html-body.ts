import { DOMParser as PMDOMParser, type Node as PMNode, type ParseRule, type TagParseRule } from "prosemirror-model";
import { schema } from "../schema";
import { isSafeLinkHref } from "../urls";
import type { Asset } from "../article";
import { isStoredImageSrc } from "../asset-policy";
import type { NodeJSON } from "./build";
import type { HtmlElement } from "./html-dom";
import { lightCopy } from "./light-dom";

// Reads body HTML into body blocks with ProseMirror's DOM parser, using the schema's rules plus
// a few for pages from elsewhere (every heading is a subheading; unsafe links lose their link but
// keep their text, unsafe images are dropped: the fallback rules after each check catch them).

const parentOf = (dom: unknown): HtmlElement | null => (dom as HtmlElement).parentNode;
function importRules(assets: Record<string, Asset>): TagParseRule[] {
  /// True when the element holds an image the asset policy lets the article keep.
  const hasImage = (dom: unknown): boolean =>
    Array.from((dom as HtmlElement | null)?.querySelectorAll("img") ?? []).some((img) => isStoredImageSrc(img.getAttribute("src") ?? "", assets));
  return [
    { tag: "p.pullquote-text", node: "pullquote_text", priority: 60 },
    { tag: "cite", context: "attribution/", skip: true, priority: 60 },
    { tag: "h1", node: "subheading", priority: 60 },
    { tag: "h5", node: "subheading", priority: 60 },
    { tag: "h6", node: "subheading", priority: 60 },
    {
      tag: "img",
      node: "image",
      priority: 60,
      getAttrs: (dom) => {
        const src = (dom as unknown as HtmlElement).getAttribute("src") ?? "";
        return isStoredImageSrc(src, assets) ? { src, alt: (dom as unknown as HtmlElement).getAttribute("alt") ?? "" } : false;
      },
    },
    {
      tag: "a",
      mark: "link",
      priority: 60,
      getAttrs: (dom) => {
        const element = dom as unknown as HtmlElement;
        const href = element.getAttribute("href") ?? "";
        return isSafeLinkHref(href) ? { href: href.trim(), title: element.getAttribute("title") || null } : false;
      },
    },
    { tag: "figure", skip: true, priority: 60, getAttrs: (dom) => (hasImage(dom) ? false : null) },
    { tag: "figcaption", node: "paragraph", priority: 60, getAttrs: (dom) => (hasImage(parentOf(dom)) ? false : null) },
    { tag: "small.credit", node: "paragraph", priority: 60, getAttrs: (dom) => (hasImage(parentOf(dom)) ? false : null) },
    { tag: "a", skip: true, priority: 59 },
    { tag: "img", ignore: true, priority: 59 },
    { tag: "nav", ignore: true, priority: 60 },
    { tag: "form", ignore: true, priority: 60 },
    { tag: "button", ignore: true, priority: 60 },
    { tag: "template", ignore: true, priority: 60 },
    { tag: "iframe", ignore: true, priority: 60 },
    { tag: "svg", ignore: true, priority: 60 },
  ];
}

let baseRules: readonly ParseRule[] | null = null;

/// A DOM parser for imported pages, knowing which embedded assets exist.
export function importParser(assets: Record<string, Asset>): PMDOMParser {
  baseRules ??= PMDOMParser.fromSchema(schema).rules;
  return new PMDOMParser(schema, [...importRules(assets), ...baseRules]);
}

/// Parses an element's content into the node type `into` (e.g. body or standfirst) and returns its content as JSON.
/// ProseMirror reads a light copy of the element (light-dom.ts): fast to match, and never too deep.
export function parseInto(parser: PMDOMParser, element: HtmlElement, into: "body" | "standfirst"): NodeJSON[] {
  const top = schema.nodes[into].create();
  const node: PMNode = parser.parse(lightCopy(element) as unknown as Parameters<PMDOMParser["parse"]>[0], { topNode: top });
  return (node.toJSON() as NodeJSON).content ?? [];
}
