import { describe, expect, it } from "vitest";
import { fieldText } from "../../../shared/article";
import { exportNinjs } from "../../../shared/export/ninjs";
import { importNinjs } from "../../../shared/import/ninjs";
import { parseHtmlInNode } from "../../../electron/services/import-files";
import { sampleArticles } from "../../support/arbitrary-article";

// ninjs import, 1.x and 2.x: each field where the version puts it, associations as figures or links.

async function imported(item: unknown) {
  const result = await importNinjs(JSON.stringify(item), parseHtmlInNode);
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result;
}

describe("ninjs import", () => {
  it("reads a 2.x item: headlines, descriptions, HTML bodies, by, located, subjects, associations, embargoed, language, version", async () => {
    const { article, found } = await imported({
      uri: "urn:example:1",
      type: "text",
      version: "3",
      firstcreated: "2019-05-10T16:02:28+02:00",
      versioncreated: "2019-05-10T17:00:00+02:00",
      embargoed: "2019-05-11T06:00:00Z",
      language: "de",
      headlines: [{ role: "sub", value: "Zweite Zeile" }, { role: "main", value: "Hauptzeile" }],
      descriptions: [{ role: "summary", value: "Kurz gesagt." }],
      bodies: [{ role: "main", contenttype: "text/html", value: "<p>Erster Absatz.</p><p>Zweiter <a href='javascript:x'>Absatz</a>.</p>" }],
      by: "Von Christian Hollmann, dpa",
      located: "Dortmund",
      subjects: [{ name: "Fußball" }, { name: "Bundesliga" }],
      keywords: ["Derby"],
      associations: [
        { name: "a001", type: "picture", by: "Karl Melander/TT", descriptions: [{ role: "caption", value: "Das Stadion." }], renditions: [{ href: "https://img.example/s.jpg", width: 400 }, { href: "https://img.example/l.jpg", width: 2000 }] },
        { name: "related", type: "text", uri: "https://example.com/story", headlines: [{ role: "main", value: "Mehr dazu" }] },
      ],
    });
    expect(fieldText(article.doc, "headline")).toBe("Hauptzeile");
    expect(fieldText(article.doc, "standfirst")).toBe("Kurz gesagt.");
    expect(fieldText(article.doc, "byline")).toBe("Christian Hollmann");
    expect(article.doc.child(4).textContent).toBe("Dortmund");
    expect(article.meta).toMatchObject({ language: "de", tags: ["Derby", "Fußball", "Bundesliga"], created: "2019-05-10T16:02:28+02:00", embargo: "2019-05-11T06:00:00Z" });
    const body = article.doc.child(5);
    expect(body.child(0).type.name).toBe("figure");
    expect(body.child(0).child(0).attrs.src).toBe("https://img.example/l.jpg");
    expect(body.child(0).textContent).toBe("Das Stadion.Karl Melander/TT");
    expect(body.child(1).textContent).toBe("Zweite Zeile");
    expect(body.child(3).textContent).toBe("Zweiter Absatz.");
    expect(JSON.stringify(body.toJSON())).not.toContain("javascript:");
    expect(article.doc.child(7).child(0).attrs).toMatchObject({ href: "https://example.com/story", title: "Mehr dazu" });
    expect(found).toEqual(expect.arrayContaining(["headline from headlines", "embargo from embargoed", expect.stringMatching(/^version 3 of the item/)]));
  });

  it("reads a 1.x item: headline, body_text as paragraphs, byline, associations as an object", async () => {
    const { article, warnings } = await imported({
      uri: "http://ninjs.example.com/1",
      headline: "Captain on trial",
      body_text: "GROSSETO, Italy (AP) -- The trial began.\nThe captain denied wrongdoing.",
      byline: "Paulo Santalucia and Frances d'Emilio",
      associations: { mainpic: { type: "picture", uri: "http://hosted.example/p.jpg", description_text: "The ship." } },
    });
    expect(fieldText(article.doc, "headline")).toBe("Captain on trial");
    expect(fieldText(article.doc, "byline")).toBe("Paulo Santalucia and Frances d'Emilio");
    expect(article.doc.child(5).childCount).toBe(3);
    expect(article.doc.child(5).child(0).child(0).attrs.src).toBe("https://hosted.example/p.jpg");
    expect(warnings).toContain("A picture (mainpic) was offered only over http: it is kept at https://hosted.example/p.jpg; check that it loads before publishing.");
  });

  it("gives back Copydesk's own ninjs export's headline and body words", async () => {
    for (const article of sampleArticles(20, 3)) {
      const { article: back } = await imported(JSON.parse(exportNinjs(article)));
      expect(fieldText(back.doc, "headline")).toBe(fieldText(article.doc, "headline"));
      const words = (text: string) => text.split(/\s+/).filter(Boolean);
      const body = (doc: typeof article.doc) => doc.child(5).textBetween(0, doc.child(5).content.size, " ", " ");
      expect(words(body(back.doc))).toEqual(expect.arrayContaining(words(body(article.doc)).filter((w) => w.length > 3).slice(0, 20)));
    }
  });

  it("refuses what is not a ninjs item, saying why", async () => {
    expect(await importNinjs("{ nope", parseHtmlInNode)).toMatchObject({ ok: false, errors: [expect.stringMatching(/^the file is not valid JSON/)] });
    expect(await importNinjs("[1, 2]", parseHtmlInNode)).toEqual({ ok: false, errors: ["the file is not a ninjs item: it is not a JSON object"] });
    expect(await importNinjs('{"name": "package.json"}', parseHtmlInNode)).toEqual({ ok: false, errors: ["the file is not a ninjs item: it has no uri, headline or body"] });
  });
});
