import { describe, expect, it } from "vitest";
import { DOMParser as LinkedomParser } from "linkedom";
import { Slice } from "prosemirror-model";
import { flattenForField, imageSources, parseSlice, replaceImageSources, sanitizeHTML, takeHeadline, textToSlice } from "../../../renderer/src/editor/paste";
import { schema } from "../../../shared/schema";
import { article, fieldStart, p } from "./builders";

const parse = (html: string) => new LinkedomParser().parseFromString(html, "text/html") as unknown as Document;
const doc = article({ body: [p("")] });
const inBody = doc.resolve(fieldStart(doc, "body") + 1);
const inHeadline = doc.resolve(fieldStart(doc, "headline"));

const hostile = `<h1 onclick="window.__pwned=1">Big news</h1>
<script>window.__pwned = 1</script><style>p { color: red }</style>
<p style="color:red" onmouseover="window.__pwned=1">Hello <a href="javascript:window.__pwned=1">click</a>
 <a href="data:text/html,<script>1</script>">data</a> <a href="https://example.com/ok" onclick="x()">safe</a></p>
<img src="x" onerror="window.__pwned=1"><iframe src="https://evil.example"></iframe>
<form action="https://evil.example"><input name="q"><button>Go</button></form>
<h3>Aside</h3><blockquote><p>Quoted</p></blockquote><ul><li>One</li></ul>
<figure><img src="https://example.com/p.jpg" alt="A port"><figcaption>The port</figcaption></figure>`;

describe("sanitizing pasted HTML", () => {
  it("drops scripts, styles, handlers, frames, forms and unsafe links and images", () => {
    const html = sanitizeHTML(hostile, parse).innerHTML;
    for (const bad of ["script", "style", "onclick", "onerror", "onmouseover", "iframe", "form", "input", "button", "javascript:", "data:", 'src="x"']) {
      expect(html).not.toContain(bad);
    }
    expect(html).toContain('href="https://example.com/ok"');
    expect(html).toContain("click");
  });

  it("maps what is left onto the schema: headline, subheadings, quotes, lists, figures, safe links", () => {
    const body = sanitizeHTML(hostile, parse);
    expect(takeHeadline(body, true)).toBe("Big news");
    const slice = parseSlice(body, inBody);
    const types: string[] = [];
    slice.content.forEach((n) => types.push(n.type.name));
    expect(types).toEqual(["paragraph", "subheading", "blockquote", "bullet_list", "figure"]);
    const json = JSON.stringify(slice.toJSON());
    expect(json).not.toMatch(/javascript|pwned|evil|onerror/);
    expect(json).toContain("https://example.com/ok");
    expect(json).toContain("https://example.com/p.jpg");
  });

  it("makes h1 a subheading when the headline is already written", () => {
    const body = sanitizeHTML("<h1>Second</h1><p>x</p>", parse);
    expect(takeHeadline(body, false)).toBeNull();
    expect(parseSlice(body, inBody).content.firstChild!.type).toBe(schema.nodes.subheading);
  });

  it("keeps embedded images for the asset store, and swaps their sources", () => {
    const png = "data:image/png;base64,iVBORw0KGgo=";
    const slice = parseSlice(sanitizeHTML(`<figure><img src="${png}" alt="x"></figure><img src="data:image/svg+xml;base64,PHN2Zz4=">`, parse), inBody);
    expect(imageSources(slice, "data")).toEqual([png]);
    const swapped = replaceImageSources(slice, new Map([[png, "asset:abc"]]));
    expect(JSON.stringify(swapped.toJSON())).toContain('"src":"asset:abc"');
  });
});

describe("plain text and fields", () => {
  it("splits plain text into paragraphs on blank lines", () => {
    const slice = textToSlice("First line\nstill first\n\nSecond\r\n\r\n\r\nThird");
    const texts: string[] = [];
    slice.content.forEach((n) => texts.push(n.textContent));
    expect(texts).toEqual(["First line still first", "Second", "Third"]);
    expect(textToSlice("  \n\n ")).toBe(Slice.empty);
  });

  it("gives a one-line field plain text only", () => {
    const slice = flattenForField(parseSlice(sanitizeHTML("<p><strong>Big</strong> <a href='https://x.example'>news</a></p><p>today</p>", parse), inBody), inHeadline);
    expect(slice.content.childCount).toBeGreaterThan(0);
    slice.content.forEach((n) => expect(n.marks).toEqual([]));
    expect(slice.content.textBetween(0, slice.content.size)).toBe("Big news today");
  });

  it("lets the standfirst keep emphasis and safe links", () => {
    const standfirst = doc.resolve(fieldStart(doc, "standfirst"));
    const slice = flattenForField(parseSlice(sanitizeHTML("<p><em>Big</em> <a href='https://x.example'>news</a></p>", parse), inBody), standfirst);
    const marks: string[] = [];
    slice.content.forEach((n) => n.marks.forEach((m) => marks.push(m.type.name)));
    expect(marks).toEqual(["em", "link"]);
  });
});
