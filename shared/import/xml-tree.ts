import { XMLParser, XMLValidator } from "fast-xml-parser";

// Safe XML reading for importers: entity declarations, and a DOCTYPE with an internal subset (where
// they live), are refused before parsing, so there are no external entities and no entity
// expansion; a plain DOCTYPE line such as agencies send (`<!DOCTYPE nitf SYSTEM "nitf-3-2.dtd">`) is
// accepted and never followed. Then fast-xml-parser builds an ordered tree.

/// An element: its name without prefix, attributes and children (elements or text).
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
}

/// Why an XML text is refused before parsing, or null when it may be parsed.
export function xmlRefusal(xml: string): string | null {
  if (/<!DOCTYPE[^>[]*\[/i.test(xml)) return "the file has a DOCTYPE declaration with an internal subset, which Copydesk refuses (it can hide external entities or entity expansion attacks)";
  if (/<!ENTITY/i.test(xml)) return "the file declares entities, which Copydesk refuses (they can read local files or expand without end)";
  return null;
}

/// A DOCTYPE line without an internal subset: accepted, and taken out before parsing (its DTD is never read).
const plainDoctype = /<!DOCTYPE[^>[]*>/gi;

/// The text of an XML file in the encoding its declaration names (UTF-8 when it names none; ISO-8859-1 and
/// windows-1252 as agencies still send them), or why it cannot be read.
export function decodeXmlBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1]?.toLowerCase() ?? "utf-8";
  const encoding = declared === "utf8" ? "utf-8" : declared;
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes).replace(/^\uFEFF/, "") };
  } catch (e) {
    return { ok: false, error: e instanceof RangeError ? `the file says it is in the ${declared} encoding, which Copydesk cannot read` : `the file is not ${declared} text, as its XML declaration says` };
  }
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
  xml = xml.replace(plainDoctype, "");
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
