// The few DOM calls the HTML importer makes. A browser `Document` and linkedom's both fit;
// shared/ declares them here because it is checked without the DOM type library.

/// An element of a parsed page.
export interface HtmlElement {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly parentNode: HtmlElement | null;
  readonly childNodes: ArrayLike<HtmlElement>;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  querySelector(selectors: string): HtmlElement | null;
  querySelectorAll(selectors: string): ArrayLike<HtmlElement>;
  remove(): void;
  replaceWith(...nodes: (HtmlElement | string)[]): void;
  /// Adds elements or text (strings) at the end.
  append(...nodes: (HtmlElement | string)[]): void;
  /// Inserts elements or text just before this element.
  before(...nodes: (HtmlElement | string)[]): void;
  closest(selectors: string): HtmlElement | null;
}

/// A parsed page.
export interface HtmlDocument {
  readonly documentElement: HtmlElement | null;
  readonly body: HtmlElement | null;
  querySelector(selectors: string): HtmlElement | null;
  querySelectorAll(selectors: string): ArrayLike<HtmlElement>;
  createElement(tagName: string): HtmlElement;
}

/// Parses HTML text into a document that runs no scripts (DOMParser in a page, linkedom in Node).
export type ParseHtml = (html: string) => HtmlDocument;

/// The elements matching a selector, as an array.
export function all(root: HtmlElement | HtmlDocument, selectors: string): HtmlElement[] {
  return Array.from(root.querySelectorAll(selectors));
}
