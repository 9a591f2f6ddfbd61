import { DOMParser as PMDOMParser, Fragment, Slice, type Mark, type Node as PMNode, type ResolvedPos } from "prosemirror-model";
import { schema } from "../../../shared/schema";
import { assetFromDataUrl, imageDataProblem, imageOrigin, type ImageOrigin } from "../../../shared/asset-policy";
import { maxDocDepth } from "../../../shared/doc-check";
import { flattenDeep } from "../../../shared/flatten-deep";
import type { HtmlElement } from "../../../shared/import/html-dom";
import { lightCopy } from "../../../shared/import/light-dom";
import { isSafeLinkHref } from "../../../shared/urls";

// Pasted and dropped HTML, mapped onto the article schema. The HTML is parsed in an inert
// document (nothing runs, nothing loads), stripped down to an allow-list of elements and
// attributes, then parsed by the schema. Fields outside the body take plain text only.

const dropped = new Set(
  "script style iframe frame frameset object embed applet form input button select textarea option link meta base noscript template svg math canvas audio video source track title head dialog portal".split(" "),
);
// Tables keep their spans (shared/import/html-tables.ts unmerges them) and, copied from the editor, their header flag and caption.
const keptAttributes: Record<string, string[]> = {
  a: ["href", "title"],
  img: ["src", "alt"],
  ol: ["start"],
  aside: ["class", "data-role"],
  p: ["class"],
  small: ["class"],
  div: ["class", "data-header"],
  td: ["colspan", "rowspan"],
  th: ["colspan", "rowspan"],
  // The review's marks copied within the article; the paste keeps only those the article holds (review-state.ts).
  span: ["data-note"],
  ins: ["data-suggestion"],
  del: ["data-suggestion"],
};
const keptClasses = new Set(["pullquote", "pullquote-text", "credit", "table-block", "table-caption"]);

/// The asset policy's rule for a pasted image: an https address, an image of the article (`asset:`, copied from it;
/// the paste leaves it out unless the article holds it), or a data: URL of an image it accepts (made an asset on insert).
function imageSourceAllowed(src: string): boolean {
  const origin = imageOrigin(src);
  return origin === "https" || origin === "asset" || (origin === "data" && assetFromDataUrl(src) !== null);
}

/// How deeply pasted elements may nest; deeper ones are replaced by their text (no word lost), so
/// that neither the parse nor the article goes past the file format's depth limit.
export const maxPasteDepth = Math.floor(maxDocDepth / 2);

/// Why an image of a paste was left out, for the journalist: a data: image the asset policy refuses.
function leftOutImage(src: string): string | null {
  if (imageOrigin(src) !== "data") return null;
  const data = /;base64,([^]*)$/i.exec(src)?.[1]?.replace(/\s+/g, "") ?? "";
  const problem = data ? imageDataProblem(data) : "it is not base64 data";
  return `A pasted image was left out: ${problem ?? "it is not an image an article embeds"}.`;
}

/// Removes everything hostile or foreign from parsed HTML, in place: scripts, styles, frames, forms,
/// event handlers and every other attribute not on the allow-list, links other than http/https/mailto, images other than https or embedded.
/// Elements nested deeper than `maxPasteDepth` become their text. `notes` collects what the journalist should hear of.
export function sanitizeTree(root: Element, notes: string[] = []): void {
  // What is dropped goes first, with all it holds: the flattening below keeps the text of what stays.
  for (const el of Array.from(root.querySelectorAll("*"))) {
    const tag = el.tagName.toLowerCase();
    if (dropped.has(tag) || tag.includes(":")) el.remove();
  }
  flattenDeep(root, maxPasteDepth);
  for (const el of Array.from(root.querySelectorAll("*"))) {
    const tag = el.tagName.toLowerCase();
    const keep = keptAttributes[tag] ?? [];
    for (const attr of Array.from(el.attributes)) {
      if (!keep.includes(attr.name.toLowerCase())) el.removeAttribute(attr.name);
    }
    if (el.hasAttribute("class")) {
      const classes = (el.getAttribute("class") ?? "").split(/\s+/).filter((c) => keptClasses.has(c));
      if (classes.length) el.setAttribute("class", classes.join(" "));
      else el.removeAttribute("class");
    }
    if (tag === "a" && !isSafeLinkHref(el.getAttribute("href") ?? "")) el.replaceWith(...Array.from(el.childNodes));
    if (tag === "img") {
      const src = (el.getAttribute("src") ?? "").trim();
      if (imageSourceAllowed(src)) el.setAttribute("src", src);
      else {
        const note = leftOutImage(src);
        if (note && !notes.includes(note)) notes.push(note);
        el.remove();
      }
    }
  }
}

/// Parses pasted HTML inertly and sanitizes it. `parse` is the DOMParser to use (the page's, or linkedom's in tests).
export function sanitizeHTML(html: string, parse: (html: string) => Document, notes: string[] = []): HTMLElement {
  const doc = parse(`<!doctype html><html><head></head><body>${html}</body></html>`);
  sanitizeTree(doc.body, notes);
  return doc.body;
}

/// How deeply the slice's nodes nest (a paragraph with text: 2), counted without recursion.
export function sliceDepth(slice: Slice): number {
  let deepest = 0;
  const stack: { nodes: Fragment; depth: number }[] = [{ nodes: slice.content, depth: 1 }];
  while (stack.length > 0) {
    const { nodes, depth } = stack.pop()!;
    deepest = Math.max(deepest, depth);
    nodes.forEach((node) => {
      if (node.childCount > 0) stack.push({ nodes: node.content, depth: depth + 1 });
    });
  }
  return deepest;
}

/// The slice's text as plain paragraphs: what a paste becomes when its structure would nest the article too deep.
export function plainSlice(slice: Slice): Slice {
  const blocks: string[] = [];
  slice.content.descendants((node) => {
    if (node.isTextblock) {
      blocks.push(node.textContent);
      return false;
    }
    return true;
  });
  return textToSlice(blocks.join("\n\n"));
}

/// Takes the first h1 out of sanitized HTML for an empty headline, and makes other h1 subheadings.
export function takeHeadline(body: HTMLElement, headlineEmpty: boolean): string | null {
  let headline: string | null = null;
  for (const h1 of Array.from(body.querySelectorAll("h1"))) {
    const text = (h1.textContent ?? "").replace(/\s+/g, " ").trim();
    if (headlineEmpty && headline === null && text) {
      headline = text;
      h1.remove();
    } else {
      const h2 = body.ownerDocument.createElement("h2");
      h2.append(...Array.from(h1.childNodes));
      h1.replaceWith(h2);
    }
  }
  return headline;
}

const parser = PMDOMParser.fromSchema(schema);

/// Parses sanitized HTML into a slice that fits at `$context`. The parser reads a light copy of it
/// (shared/import/light-dom.ts, as the importers do): selectors matched without a CSS engine, in
/// time linear in the page in any DOM.
export function parseSlice(body: HTMLElement, $context: ResolvedPos): Slice {
  return parser.parseSlice(lightCopy(body as unknown as HtmlElement) as unknown as HTMLElement, { context: $context });
}

/// True when `$pos` is in a body paragraph or list, where any body content may go.
export function takesBlocks($pos: ResolvedPos): boolean {
  return $pos.depth >= 2 && $pos.node(1).type === schema.nodes.body && $pos.parent.type === schema.nodes.paragraph;
}

/// Plain text as paragraphs: blank lines separate them, single line breaks become spaces.
export function textToSlice(text: string): Slice {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n+/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter(Boolean)
    .map((p) => schema.nodes.paragraph.create(null, schema.text(p)));
  if (paragraphs.length === 0) return Slice.empty;
  return new Slice(Fragment.from(paragraphs), 1, 1);
}

/// The slice as one line of text for a field that takes only inline content: blocks joined by
/// spaces, and only the marks the field allows (safe links only).
export function flattenForField(slice: Slice, $pos: ResolvedPos): Slice {
  const parent = $pos.parent;
  const nodes: PMNode[] = [];
  let needSpace = false;
  slice.content.descendants((node) => {
    if (node.isText) {
      const marks = node.marks.filter((m: Mark) => parent.type.allowsMarkType(m.type) && (m.type !== schema.marks.link || isSafeLinkHref(m.attrs.href as string)));
      const text = node.text!.replace(/\s+/g, " ");
      if (needSpace && nodes.length) nodes.push(schema.text(" "));
      needSpace = false;
      nodes.push(schema.text(text, marks));
      return false;
    }
    if (node.isBlock) needSpace = true;
    return true;
  });
  const joined = Fragment.fromArray(nodes.filter((n) => n.text));
  return joined.size ? new Slice(joined, 0, 0) : Slice.empty;
}

/// The `src` of every image in a slice that comes from there: "data" for embedded images to store, "asset" for the article's own.
export function imageSources(slice: Slice, origin: ImageOrigin): string[] {
  const sources: string[] = [];
  slice.content.descendants((node) => {
    if (node.type === schema.nodes.image && imageOrigin(node.attrs.src as string) === origin) sources.push(node.attrs.src as string);
  });
  return sources;
}

/// The slice with image sources replaced (data: URLs by asset references); images mapped to "" are removed.
export function replaceImageSources(slice: Slice, sources: Map<string, string>): Slice {
  const map = (fragment: Fragment): Fragment => {
    const children: PMNode[] = [];
    fragment.forEach((node) => {
      if (node.type === schema.nodes.figure) {
        const src = node.firstChild?.attrs.src as string | undefined;
        if (src !== undefined && sources.has(src)) {
          const next = sources.get(src)!;
          if (!next) return;
          children.push(node.copy(node.content.replaceChild(0, node.firstChild!.type.create({ ...node.firstChild!.attrs, src: next }))));
          return;
        }
      }
      children.push(node.isLeaf ? node : node.copy(map(node.content)));
    });
    return Fragment.fromArray(children);
  };
  return new Slice(map(slice.content), slice.openStart, slice.openEnd);
}
