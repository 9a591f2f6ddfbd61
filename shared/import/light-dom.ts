import type { HtmlElement } from "./html-dom";
import { shapeTables } from "./html-tables";

// A copy of part of a parsed page in plain objects, made for ProseMirror's DOMParser. That parser
// asks every element whether it matches each of its ~40 rules' selectors; linkedom compiles a CSS
// selector for each such question, which made HTML import cost about a millisecond a paragraph.
// Here a selector is read once into a small test (tag, classes, attributes: what parse rules use),
// and the copy is made without recursion and no deeper than `maxHtmlDepth`: whatever is nested
// deeper keeps its words as text, so a page nested 10,000 levels deep imports without a stack overflow.

/// How deeply elements are kept nested under the element copied; deeper ones become their text.
export const maxHtmlDepth = 48;

/// One compound selector: `tag.class.class[attr][attr=value]`.
interface Compound {
  tag: string | null;
  classes: string[];
  attributes: { name: string; value: string | null }[];
}

const compiled = new Map<string, Compound[]>();

/// A selector list of compound selectors, read once; anything else (combinators, pseudo-classes) is refused.
function compile(selectors: string): Compound[] {
  let found = compiled.get(selectors);
  if (found) return found;
  found = selectors.split(",").map((part) => {
    const text = part.trim();
    const match = /^([a-zA-Z][a-zA-Z0-9-]*|\*)?((?:\.[\w-]+|\[[\w-]+(?:=(?:"[^"]*"|'[^']*'|[\w-]+))?\])*)$/.exec(text);
    if (!match || text === "") throw new Error(`light-dom: unsupported selector "${selectors}"`);
    const compound: Compound = { tag: match[1] && match[1] !== "*" ? match[1].toUpperCase() : null, classes: [], attributes: [] };
    for (const piece of match[2].match(/\.[\w-]+|\[[^\]]+\]/g) ?? []) {
      if (piece.startsWith(".")) compound.classes.push(piece.slice(1));
      else {
        const [name, value] = piece.slice(1, -1).split("=");
        compound.attributes.push({ name: name.toLowerCase(), value: value === undefined ? null : value.replace(/^["']|["']$/g, "") });
      }
    }
    return compound;
  });
  compiled.set(selectors, found);
  return found;
}

/// The inline style of an element, as ProseMirror reads it (`length`, `getPropertyValue`).
class LightStyle {
  private readonly properties = new Map<string, string>();

  constructor(text: string | null) {
    for (const declaration of (text ?? "").split(";")) {
      const at = declaration.indexOf(":");
      if (at > 0) this.properties.set(declaration.slice(0, at).trim().toLowerCase(), declaration.slice(at + 1).trim());
    }
  }

  get length(): number {
    return this.properties.size;
  }

  getPropertyValue(name: string): string {
    return this.properties.get(name) ?? "";
  }

  get whiteSpace(): string {
    return this.getPropertyValue("white-space");
  }
}

/// A text or element node of the copy.
export class LightNode {
  parentNode: LightNode | null = null;
  firstChild: LightNode | null = null;
  lastChild: LightNode | null = null;
  nextSibling: LightNode | null = null;
  previousSibling: LightNode | null = null;
  readonly nodeName: string;
  private readonly attributes: Map<string, string>;
  private styleCache: LightStyle | null = null;

  constructor(
    readonly nodeType: 1 | 3,
    name: string,
    attributes: Map<string, string> = new Map(),
    public nodeValue: string | null = null,
  ) {
    this.nodeName = nodeType === 3 ? "#text" : name.toUpperCase();
    this.attributes = attributes;
  }

  get tagName(): string {
    return this.nodeName;
  }

  get ownerDocument(): { createTextNode(text: string): LightNode } {
    return { createTextNode: (text) => new LightNode(3, "#text", new Map(), text) };
  }

  get childNodes(): LightNode[] {
    const children: LightNode[] = [];
    for (let child = this.firstChild; child; child = child.nextSibling) children.push(child);
    return children;
  }

  get style(): LightStyle {
    this.styleCache ??= new LightStyle(this.getAttribute("style"));
    return this.styleCache;
  }

  get textContent(): string {
    if (this.nodeType === 3) return this.nodeValue ?? "";
    let text = "";
    for (const node of this.descendants()) if (node.nodeType === 3) text += node.nodeValue ?? "";
    return text;
  }

  getAttribute(name: string): string | null {
    return this.attributes.get(name.toLowerCase()) ?? null;
  }

  hasAttribute(name: string): boolean {
    return this.attributes.has(name.toLowerCase());
  }

  /// True when the element matches one of the compound selectors.
  matches(selectors: string): boolean {
    if (this.nodeType !== 1) return false;
    return compile(selectors).some(
      (c) =>
        (c.tag === null || c.tag === this.nodeName) &&
        c.classes.every((name) => (this.getAttribute("class") ?? "").split(/\s+/).includes(name)) &&
        c.attributes.every((a) => (a.value === null ? this.attributes.has(a.name) : this.attributes.get(a.name) === a.value)),
    );
  }

  querySelector(selectors: string): LightNode | null {
    for (const node of this.descendants()) if (node.matches(selectors)) return node;
    return null;
  }

  querySelectorAll(selectors: string): LightNode[] {
    return this.descendants().filter((node) => node.matches(selectors));
  }

  /// Moves `child` (from wherever it is) to the end of this node's children.
  appendChild(child: LightNode): LightNode {
    child.detach();
    child.parentNode = this;
    child.previousSibling = this.lastChild;
    if (this.lastChild) this.lastChild.nextSibling = child;
    else this.firstChild = child;
    this.lastChild = child;
    return child;
  }

  /// Moves `child` (from wherever it is) right before `reference`, one of this node's children (at the end for null).
  insertBefore(child: LightNode, reference: LightNode | null): LightNode {
    if (!reference || reference.parentNode !== this) return this.appendChild(child);
    child.detach();
    child.parentNode = this;
    child.previousSibling = reference.previousSibling;
    child.nextSibling = reference;
    if (reference.previousSibling) reference.previousSibling.nextSibling = child;
    else this.firstChild = child;
    reference.previousSibling = child;
    return child;
  }

  removeChild(child: LightNode): LightNode {
    if (child.parentNode === this) child.detach();
    return child;
  }

  /// Every node inside this one, in document order (iteratively).
  private descendants(): LightNode[] {
    const found: LightNode[] = [];
    const stack: LightNode[] = [];
    for (let child = this.lastChild; child; child = child.previousSibling) stack.push(child);
    while (stack.length > 0) {
      const node = stack.pop()!;
      found.push(node);
      for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
    }
    return found;
  }

  private detach(): void {
    const parent = this.parentNode;
    if (!parent) return;
    if (this.previousSibling) this.previousSibling.nextSibling = this.nextSibling;
    else parent.firstChild = this.nextSibling;
    if (this.nextSibling) this.nextSibling.previousSibling = this.previousSibling;
    else parent.lastChild = this.previousSibling;
    this.parentNode = this.previousSibling = this.nextSibling = null;
  }
}

/// The DOM nodes the copy reads: elements (1) and text (3); comments and the rest are left out.
interface SourceNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string | null;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<SourceNode>;
  readonly attributes?: ArrayLike<{ name: string; value: string }>;
}

/// A copy of `root` and everything in it, iteratively, with elements deeper than `maxDepth` replaced by
/// their text, and every table in the one shape the schema reads (html-tables.ts).
export function lightCopy(root: HtmlElement, maxDepth = maxHtmlDepth): LightNode {
  const copy = plainCopy(root, maxDepth);
  shapeTables(copy);
  return copy;
}

function plainCopy(root: HtmlElement, maxDepth: number): LightNode {
  const source = root as unknown as SourceNode;
  const copy = elementOf(source);
  const stack: { from: SourceNode; to: LightNode; depth: number }[] = [{ from: source, to: copy, depth: 0 }];
  while (stack.length > 0) {
    const { from, to, depth } = stack.pop()!;
    const children = Array.from(from.childNodes);
    for (const child of children) {
      if (child.nodeType === 3) to.appendChild(new LightNode(3, "#text", new Map(), child.nodeValue ?? ""));
      else if (child.nodeType !== 1) continue;
      else if (depth + 1 >= maxDepth) to.appendChild(new LightNode(3, "#text", new Map(), ` ${child.textContent ?? ""} `));
      else {
        const element = to.appendChild(elementOf(child));
        stack.push({ from: child, to: element, depth: depth + 1 });
      }
    }
  }
  return copy;
}

function elementOf(source: SourceNode): LightNode {
  const attributes = new Map<string, string>();
  for (const attribute of Array.from(source.attributes ?? [])) attributes.set(attribute.name.toLowerCase(), attribute.value);
  return new LightNode(1, source.nodeName, attributes);
}
