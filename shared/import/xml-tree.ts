import { XMLParser, XMLValidator } from "fast-xml-parser";

// Safe XML reading for importers: DOCTYPE and entity declarations are refused before parsing
// (no external entities, no entity expansion), then fast-xml-parser builds an ordered tree.

/// An element: its name without prefix, attributes and children (elements or text).
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
}

/// Why an XML text is refused before parsing, or null when it may be parsed.
export function xmlRefusal(xml: string): string | null {
  if (/<!DOCTYPE/i.test(xml)) return "the file has a DOCTYPE declaration, which Copydesk refuses (it can hide external entities or entity expansion attacks)";
  if (/<!ENTITY/i.test(xml)) return "the file declares entities, which Copydesk refuses (they can read local files or expand without end)";
  return null;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  processEntities: true,
  htmlEntities: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
});

type Raw = Record<string, unknown>;

function convert(raw: Raw): XmlElement | string | null {
  if ("#text" in raw) return String(raw["#text"]);
  const name = Object.keys(raw).find((k) => k !== ":@");
  if (!name) return null;
  const attrs = (raw[":@"] as Record<string, string> | undefined) ?? {};
  const children = ((raw[name] as Raw[]) ?? []).map(convert).filter((c): c is XmlElement | string => c !== null);
  return { name: name.replace(/^.*:/, ""), attrs, children };
}

/// Parses XML into its root element, or explains why it cannot.
export function parseXml(xml: string): { ok: true; root: XmlElement } | { ok: false; error: string } {
  const refusal = xmlRefusal(xml);
  if (refusal) return { ok: false, error: refusal };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { ok: false, error: `the file is not well-formed XML (line ${valid.err.line}: ${valid.err.msg})` };
  const roots = (parser.parse(xml) as Raw[]).map(convert).filter((c): c is XmlElement => typeof c === "object" && c !== null);
  if (roots.length !== 1) return { ok: false, error: "the file has no root element" };
  return { ok: true, root: roots[0] };
}

/// The child elements of an element, optionally only those of a name.
export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== "string" && (name === undefined || c.name === name));
}

/// The first descendant element of that name (depth first), or null.
export function findElement(element: XmlElement, name: string): XmlElement | null {
  for (const child of childElements(element)) {
    if (child.name === name) return child;
    const found = findElement(child, name);
    if (found) return found;
  }
  return null;
}

/// All the text inside an element.
export function textOf(element: XmlElement | null): string {
  if (!element) return "";
  return element.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
}
