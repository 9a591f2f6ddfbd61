import type { Asset } from "../article";
import { imageOrigin, isStoredImageSrc } from "../asset-policy";
import { assetFromDataUri, collapse } from "./build";
import { all, type HtmlDocument, type HtmlElement } from "./html-dom";

// The pictures of an article found on a news page, made into Copydesk figures before the body is
// read: the best source of each image (the largest in its srcset, the lazy-loading attribute, the
// <picture>'s sources), https preferred; a caption with the credit taken out of it ("Photograph:
// …", "©…", a credit element); the same picture in several sizes kept once. An image that cannot
// be kept is left out with a line in the report; none ever refuses the import.

/// How an image's source was settled, for the import report.
export interface FigureNotes {
  warnings: string[];
  kept: number;
}

const creditClass = /\b(?:credit|copyright|photographer|source|byline|author|image-source|caption-source)\b/i;
const creditText = [
  /(?:^|[\s.])(?:Photograph|Photo|Picture|Image|Illustration|Foto|Fotografía|Bild|Crédit|Credit|Photo credit|Photos)s?\s*:\s*([^:]+?)\.?$/i,
  /\((?:Photo|Image|Picture|Foto|Credit)s?:?\s*([^)]+)\)\s*$/i,
  /(?:^|\s)©\s*(.+?)\.?$/,
];

/// The URLs an `<img>` offers, best first: srcset and `<source>` entries by width, then src and lazy-load attributes.
function candidates(img: HtmlElement): string[] {
  const sized: { url: string; width: number }[] = [];
  const sets = [img.getAttribute("srcset"), img.getAttribute("data-srcset")];
  const picture = img.closest("picture");
  if (picture) for (const source of all(picture, "source")) sets.push(source.getAttribute("srcset") ?? source.getAttribute("data-srcset"));
  for (const set of sets) {
    for (const entry of (set ?? "").split(/,\s+/)) {
      const [url, size] = entry.trim().split(/\s+/);
      if (url) sized.push({ url, width: Number.parseFloat(size ?? "") || 1 });
    }
  }
  sized.sort((a, b) => b.width - a.width);
  const plain = ["data-src", "data-original", "data-lazy-src", "data-url", "src"].map((name) => img.getAttribute(name) ?? "");
  return [...sized.map((s) => s.url), ...plain].map((u) => u.trim()).filter((u) => u !== "" && !u.startsWith("data:image/gif"));
}

/// An absolute URL for a page's image (relative ones against the page's own address), or null.
function absolute(url: string, base: string | null): string | null {
  try {
    return new URL(url, base ?? undefined).href;
  } catch {
    return null;
  }
}

/// The same picture in another size has the same key: host and path without size marks.
export function pictureKey(src: string): string {
  try {
    const url = new URL(src);
    const path = url.pathname
      .toLowerCase()
      .replace(/\/(?:\d{2,4}(?:x\d{2,4})?|w\d{2,4}|h\d{2,4}|(?:thumb|small|medium|large|standard|master|original)[^/]*)\//g, "/")
      .replace(/[-_.@]?\d{2,4}x\d{2,4}(?=[-_.]|$)/g, "")
      .replace(/[-_](?:\d{2,4}w?|small|medium|large|thumb|xl|xxl|2x|3x)(?=\.\w+$)/g, "");
    return `${url.hostname.replace(/^(?:i|img|images?|media|static|cdn)\d*\./, "")}${path.replace(/.*\//, "/")}`;
  } catch {
    return src;
  }
}

/// The caption without its credit, and the credit, from a figure's caption element.
export function captionAndCredit(figcaption: HtmlElement | null, figure: HtmlElement): { caption: string; credit: string } {
  const credits: string[] = [];
  for (const element of all(figure, "*")) {
    if (element.tagName === "FIGCAPTION" || element.tagName === "IMG") continue;
    if (creditClass.test(element.getAttribute("class") ?? "") && element.querySelector("img") === null) {
      credits.push(collapse(element.textContent));
      element.remove();
    }
  }
  let caption = collapse(figcaption?.textContent);
  for (const pattern of creditText) {
    const match = pattern.exec(caption);
    if (match) {
      credits.push(collapse(match[1]));
      caption = collapse(caption.slice(0, match.index));
      break;
    }
  }
  const credit = credits.map((c) => c.replace(/^(?:Photograph|Photo|Picture|Image|Credit|Foto)s?\s*:\s*|^©\s*/i, "")).filter(Boolean);
  return { caption, credit: [...new Set(credit)].join(", ") };
}

const pictureBox = /\b(?:[\w-]*(?:media|image|photo|picture|figure)[\w-]*)\b/i;

/// The element that holds an image and its caption when the page uses no <figure>: the nearest of
/// the image's three closest ancestors whose class names a picture and which holds a caption.
function pictureContainer(img: HtmlElement, root: HtmlElement): HtmlElement | null {
  let element = img.parentNode;
  for (let depth = 0; element && element !== root && depth < 3; depth++, element = element.parentNode) {
    if (element.tagName === "P" && collapse(element.textContent) !== "") return null;
    if (pictureBox.test(element.getAttribute("class") ?? "") && element.querySelector('[class*="caption"]') && all(element, "img").length === 1) return element;
  }
  return null;
}

/// Settles each image in `root` and rebuilds it as `<figure><img><figcaption><small class="credit">`.
export async function prepareFigures(
  document: HtmlDocument,
  root: HtmlElement,
  assets: Record<string, Asset>,
  pageUrl: string | null,
): Promise<FigureNotes> {
  const notes: FigureNotes = { warnings: [], kept: 0 };
  const seen = new Set<string>();
  let repeats = 0;
  for (const img of all(root, "img")) {
    const figure = img.closest("figure") ?? pictureContainer(img, root) ?? img;
    if (figure !== img && all(figure, "img")[0] !== img) {
      // A second image in the same figure: another size of the first, or a decoration.
      img.remove();
      continue;
    }
    const alt = collapse(img.getAttribute("alt"));
    const label = alt ? ` ("${alt.slice(0, 40)}")` : "";
    const offered = candidates(img).map((u) => (imageOrigin(u) === "data" ? u : absolute(u, pageUrl))).filter((u): u is string => u !== null);
    let src = offered.find((u) => u.startsWith("https:")) ?? offered.find((u) => u.startsWith("data:")) ?? null;
    if (src?.startsWith("data:")) src = await assetFromDataUri(src, assets);
    if (!src) {
      const insecure = offered.find((u) => u.startsWith("http:"));
      if (insecure) {
        src = `https:${insecure.slice("http:".length)}`;
        notes.warnings.push(`A picture${label} was offered only over http: it is kept at ${src}; check that it loads before publishing.`);
      }
    }
    if (!src || !isStoredImageSrc(src, assets)) {
      notes.warnings.push(`A picture${label} was left out: ${offered.length === 0 ? "it has no address" : "its address is not an https image or an embedded picture Copydesk keeps"}.`);
      figure.remove();
      continue;
    }
    const key = pictureKey(src);
    if (seen.has(key)) {
      repeats++;
      figure.remove();
      continue;
    }
    seen.add(key);
    const { caption, credit } = captionAndCredit(figure === img ? null : (figure.querySelector("figcaption") ?? figure.querySelector('[class*="caption"]')), figure);
    const clean = document.createElement("figure");
    const image = document.createElement("img");
    image.setAttribute("src", src);
    image.setAttribute("alt", alt || caption);
    clean.append(image);
    if (caption) {
      const element = document.createElement("figcaption");
      element.append(caption);
      clean.append(element);
    }
    if (credit) {
      const element = document.createElement("small");
      element.setAttribute("class", "credit");
      element.append(credit);
      clean.append(element);
    }
    // A picture inside a paragraph leaves it: the paragraph's words stay where they were.
    const paragraph = figure.closest("p");
    if (paragraph && paragraph !== figure) {
      figure.remove();
      paragraph.before(clean);
    } else figure.replaceWith(clean);
    notes.kept++;
  }
  if (repeats > 0) notes.warnings.push(`${repeats} picture${repeats === 1 ? " was" : "s were"} the same as one already kept in another size, and kept once.`);
  return notes;
}
