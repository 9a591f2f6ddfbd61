import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser as LinkedomParser } from "linkedom";
import { undo } from "prosemirror-history";
import { TextSelection } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { fieldText } from "../../../shared/article";
import { docFromJSON } from "../../../shared/doc-check";
import { schema } from "../../../shared/schema";
import { fieldsInTheWay, readPastedPage, useOfferedFields, type PageOffer } from "../../../renderer/src/editor/page-paste";
import { article, fieldStart, p, stateOf } from "./builders";

// A whole page pasted into the story: the mapping from the page to the blocks at the caret and to
// the offer, and "Use them", which fills the empty fields, replaces others only when asked, and is
// one undo step.

const parse = (html: string) => new LinkedomParser().parseFromString(html, "text/html") as unknown as Document;
const aclu = readFileSync(join(__dirname, "../../fixtures/real/web/aclu.html"), "utf8");

const offer: PageOffer = {
  fields: [
    { name: "headline", label: "Headline", value: "Storm closes the harbour", source: "JSON-LD" },
    { name: "standfirst", label: "Standfirst", value: "Ferries cancelled until Friday.", source: "Open Graph" },
    { name: "byline", label: "Byline", value: "Ana Ruiz", source: "meta author" },
  ],
  found: ["headline from JSON-LD", "standfirst from Open Graph", "byline from meta author"],
  leftOut: [],
};

describe("a whole page pasted into the story", () => {
  it("maps the page's article onto body blocks, and offers its headline, standfirst and byline with their sources", async () => {
    const page = await readPastedPage(aclu, parse);
    if (!page) throw new Error("the ACLU page was not taken for a page");
    const text = page.slice.content.textBetween(0, page.slice.content.size, "\n");
    expect(text.startsWith("I don't use Facebook.")).toBe(true);
    expect(text).toContain("At the same time, we also need to protect those of us who manage to opt out.");
    expect(text).not.toMatch(/Early bird discount|Become a Member|User agreement|Privacy statement|ACLU on Twitter/);
    // The first and last paragraphs are open, so the first joins the caret's paragraph as any paste does.
    expect([page.slice.openStart, page.slice.openEnd]).toEqual([1, 1]);
    expect(page.offer.fields).toEqual([
      { name: "headline", label: "Headline", value: "Facebook Is Tracking Me Even Though I’m Not on Facebook", source: "JSON-LD" },
      { name: "standfirst", label: "Standfirst", value: expect.stringMatching(/^Facebook collects data about people who have never/), source: "JSON-LD" },
      { name: "byline", label: "Byline", value: "Daniel Kahn Gillmor", source: "JSON-LD" },
    ]);
    expect(page.offer.found).toEqual(["headline from JSON-LD", "standfirst from JSON-LD", "byline from JSON-LD", expect.stringMatching(/^body found by Readability \(\d+ blocks/)]);
    expect(page.offer.leftOut).toEqual([expect.stringMatching(/^Left out \d+ words of the page around the article \(menus, share bars, adverts/)]);
  });

  it("takes a page as a browser copies it (select all, copy: no head, no scripts) for a page too, with the headline and byline it shows", async () => {
    const rendered = /<body[^>]*>([^]*)<\/body>/i.exec(aclu)![1].replace(/<script[^]*?<\/script>|<style[^]*?<\/style>/gi, "");
    const page = await readPastedPage(`<html><body><meta charset="utf-8">${rendered}</body></html>`, parse);
    if (!page) throw new Error("the copied page was not taken for a page");
    expect(page.slice.content.firstChild!.textContent).toMatch(/^I don't use Facebook\./);
    expect(page.offer.fields.map((field) => [field.name, field.source])).toEqual([
      ["headline", "the page"],
      ["byline", "the page"],
    ]);
    expect(page.offer.fields[0].value).toBe("Facebook Is Tracking Me Even Though I’m Not on Facebook");
  });

  it("gives the page's embedded pictures to the paste as data: images, for the article to keep", async () => {
    const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
    const story = Array.from({ length: 4 }, (_, i) => `<p>Paragraph ${i + 1}: ferries stayed in port on Tuesday as gusts reached 120 km/h along the coast, and crews waited on the quay for news of the forecast.</p>`).join("");
    const html = `<html><body><nav><a href="/">Home</a></nav><article><h1>Storm</h1>${story}<figure><img src="data:image/png;base64,${png}" alt="The quay"><figcaption>The quay at dawn</figcaption></figure>${story}</article><footer>© Site</footer></body></html>`;
    const page = await readPastedPage(html, parse);
    if (!page) throw new Error("the page was not taken for a page");
    const images: string[] = [];
    page.slice.content.descendants((node) => {
      if (node.type === schema.nodes.image) images.push(node.attrs.src as string);
    });
    expect(images).toEqual([`data:image/png;base64,${png}`]);
  });

  it("reads a hostile page into blocks the file format accepts: no script, handler or unsafe link, every level of nesting within the limit", async () => {
    const story = Array.from({ length: 8 }, (_, i) => `<p onclick="x()">Paragraph ${i + 1} of the story says the harbour stays open all winter, the council decided after a long debate.</p>`).join("");
    const deep = `${"<div><blockquote>".repeat(400)}<p>Deepest words.</p>${"</blockquote></div>".repeat(400)}`;
    const html = `<html><head><script>window.pwned = 1</script><meta property="og:title" content="Hostile"></head><body><nav><a href="javascript:x()">Home</a></nav>
      <article>${story}${deep}<p><a href="javascript:alert(1)">bad link</a> <a href="https://example.com/ok">good link</a> <img src="x" onerror="x()"> <iframe src="https://evil.example"></iframe>last words.</p></article></body></html>`;
    const page = await readPastedPage(html, parse);
    if (!page) throw new Error("the hostile page was not taken for a page");
    const body = JSON.stringify(page.slice.content.toJSON());
    expect(body).not.toMatch(/javascript|onclick|onerror|pwned|evil\.example|<script/);
    expect(body).toContain("https://example.com/ok");
    expect(body).toContain("Deepest words.");
    expect(body).toContain("Paragraph 8 of the story");
    const doc = article({ body: [...page.slice.content.content] });
    expect(docFromJSON(doc.toJSON(), {})).toMatchObject({ ok: true });
  });

  it("leaves a selection without page structure to the ordinary paste", async () => {
    expect(await readPastedPage("<p>One paragraph.</p><p>Another.</p>", parse)).toBeNull();
  });
});

describe("using the fields a page offers", () => {
  it("fills the empty fields, as one undo step", () => {
    const state = stateOf(article({ body: [p("Pasted story.")] }));
    let next = state;
    expect(useOfferedFields(offer, false)(state, (tr) => (next = next.apply(tr)))).toBe(true);
    expect([fieldText(next.doc, "headline"), fieldText(next.doc, "standfirst"), fieldText(next.doc, "byline")]).toEqual(["Storm closes the harbour", "Ferries cancelled until Friday.", "Ana Ruiz"]);
    let undone = next;
    undo(next, (tr) => (undone = undone.apply(tr)));
    expect(undone.doc.eq(state.doc)).toBe(true);
  });

  it("names the fields whose words it would replace, and keeps them unless told to replace them", () => {
    const state = stateOf(article({ headline: "Our own headline", byline: "Ana Ruiz", body: [p("Story.")] }));
    expect(fieldsInTheWay(state, offer).map((f) => f.name)).toEqual(["headline"]);
    let kept = state;
    useOfferedFields(offer, false)(state, (tr) => (kept = kept.apply(tr)));
    expect([fieldText(kept.doc, "headline"), fieldText(kept.doc, "standfirst")]).toEqual(["Our own headline", "Ferries cancelled until Friday."]);
    let replaced = state;
    useOfferedFields(offer, true)(state, (tr) => (replaced = replaced.apply(tr)));
    expect(fieldText(replaced.doc, "headline")).toBe("Storm closes the harbour");
  });

  it("does nothing when every field already says what the page offers or the journalist keeps them all", () => {
    const done = stateOf(article({ headline: "Storm closes the harbour", standfirst: ["Ferries cancelled until Friday."], byline: "Ana Ruiz" }));
    expect(useOfferedFields(offer, true)(done)).toBe(false);
    const mine = stateOf(article({ headline: "Mine", standfirst: ["Mine too."], byline: "Me" }));
    expect(useOfferedFields(offer, false)(mine)).toBe(false);
  });

  it("leaves the caret and the story where they were", () => {
    const doc = article({ body: [p("Pasted story.")] });
    const at = fieldStart(doc, "body") + 4;
    const empty = stateOf(doc);
    const state = empty.apply(empty.tr.setSelection(TextSelection.create(doc, at)));
    let next = state;
    useOfferedFields(offer, false)(state, (tr) => (next = next.apply(tr)));
    expect(next.selection.$from.parent.textContent).toBe("Pasted story.");
    expect(next.selection.$from.parentOffset).toBe(3);
  });
});
