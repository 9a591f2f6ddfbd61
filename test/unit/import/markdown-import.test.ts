import { describe, expect, it } from "vitest";
import { fieldText } from "../../../shared/article";
import { importMarkdown, splitFrontMatter } from "../../../shared/import/markdown";

// Markdown import of files from elsewhere: front matter optional, unsafe links and images dropped.

describe("Markdown import", () => {
  it("reads a plain Markdown file without front matter", async () => {
    const md = `# A headline\n\n*The standfirst in italics*\n\nFirst paragraph with [a link](https://example.com) and [bad](javascript:alert(1)).\n\n## Crosshead\n\n> A quote\n>\n> — Someone\n\n1. one\n2. two\n\n![alt](http://insecure.example/a.png)\n\n\`\`\`\ncode line\n\`\`\`\n\n---\n`;
    const result = await importMarkdown(md);
    if (!result.ok) throw new Error(result.errors.join("\n"));
    const { doc } = result.article;
    expect(fieldText(doc, "headline")).toBe("A headline");
    expect(fieldText(doc, "standfirst")).toBe("The standfirst in italics");
    const body = doc.child(5).toJSON() as { content: { type: string }[] };
    expect(body.content.map((b) => b.type)).toEqual(["paragraph", "subheading", "blockquote", "ordered_list", "paragraph"]);
    expect(JSON.stringify(body)).not.toMatch(/"href":"javascript|"src":"http:/);
    expect(result.warnings).toEqual([
      `An image ("alt") was left out: only https and embedded images are kept.`,
      "The file gives no language: English (en) is assumed; set it in the metadata panel.",
    ]);
    expect(doc.child(5).child(2).lastChild?.type.name).toBe("attribution");
  });

  it("uses valid front matter fields and replaces invalid ones with defaults", async () => {
    const md = `---\nid: not-a-uuid\nslug: my-story\nlanguage: de\ntags: [a, b]\nstatus: approved\ncreated: 2014-01-07\n---\n\n# Title\n`;
    const result = await importMarkdown(md);
    if (!result.ok) throw new Error(result.errors.join("\n"));
    expect(result.article.meta).toMatchObject({ slug: "my-story", language: "de", tags: ["a", "b"], status: "ready", created: "2014-01-07T00:00:00.000Z" });
    expect(result.article.meta.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses broken YAML and YAML alias bombs with a clear message", async () => {
    expect(await importMarkdown("---\nid: [unclosed\n---\n# x\n")).toMatchObject({ ok: false, errors: [expect.stringMatching(/^the front matter is not valid YAML/)] });
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join("\n");
    const started = performance.now();
    const result = await importMarkdown(`---\n${bomb}\n---\n# x\n`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result).toMatchObject({ ok: false, errors: [expect.stringMatching(/^the front matter is not valid YAML/)] });
    expect(splitFrontMatter("---\n- a list\n---\n")).toEqual({ error: "the front matter is not a set of key: value lines" });
  });
});

describe("Markdown as site generators write it", () => {
  it("maps Hugo's TOML front matter and makes a figure shortcode a figure, never literal text", async () => {
    const md = `+++\ntitle = "Storm closes the harbour"\ndate = 2019-03-10T08:00:00Z\nauthors = ["Ana Ruiz", "Bo Chan"]\nsummary = "Ferries cancelled."\ncategories = ["Weather", "Coast"]\ntags = ["storm"]\nslug = "storm-harbour"\nlang = "fr_FR"\ndraft = true\n+++\n\nFerries stayed in port.<!--more-->\n\n{{< figure src="https://img.example/h.jpg" alt="The harbour" caption="Boats at anchor" attr="Jo Bloggs" >}}\n\n{{< youtube ZJthWmvUzzc >}}\n\n{{< highlight go >}}\nfmt.Println("kept")\n{{< /highlight >}}\n\n# A section\n`;
    const result = await importMarkdown(md);
    if (!result.ok) throw new Error(result.errors.join("\n"));
    const { doc, meta } = result.article;
    expect(fieldText(doc, "headline")).toBe("Storm closes the harbour");
    expect(fieldText(doc, "standfirst")).toBe("Ferries cancelled.");
    expect(fieldText(doc, "byline")).toBe("Ana Ruiz, Bo Chan");
    expect(fieldText(doc, "kicker")).toBe("Weather");
    expect(meta).toMatchObject({ slug: "storm-harbour", language: "fr-FR", tags: ["storm"], status: "draft", created: "2019-03-10T08:00:00.000Z" });
    const body = doc.child(5);
    expect(body.textContent).not.toMatch(/\{\{|\}\}|more|youtube/);
    expect(body.child(1).toJSON()).toEqual({
      type: "figure",
      content: [
        { type: "image", attrs: { src: "https://img.example/h.jpg", alt: "The harbour" } },
        { type: "caption", content: [{ type: "text", text: "Boats at anchor" }] },
        { type: "credit", content: [{ type: "text", text: "Jo Bloggs" }] },
      ],
    });
    expect(body.textContent).toContain('fmt.Println("kept")');
    expect(body.lastChild!.type.name).toBe("subheading");
    expect(result.warnings).toContain("The youtube (ZJthWmvUzzc) shortcode was left out: Copydesk has no block for it.");
    expect(result.found).toEqual(expect.arrayContaining(["headline from front matter title", "byline from front matter authors", "kicker from front matter categories", "status draft from front matter draft"]));
  });

  it("maps Jekyll's and Ghost's keys, and refuses broken TOML plainly", async () => {
    const md = `---\ntitle: 'Jekyll 4.4.0 Released'\ndate: 2025-01-27 20:45:32 +0530\nauthor:\n  name: ashmaroli\ncategory: release\nfeature_image: https://img.example/f.jpg\n---\n\n# Jekyll 4.4.0 Released\n\nGreetings.\n\n{% include figure.html image="https://img.example/g.png" caption="A graph" %}\n`;
    const result = await importMarkdown(md);
    if (!result.ok) throw new Error(result.errors.join("\n"));
    const { doc, meta } = result.article;
    expect(fieldText(doc, "headline")).toBe("Jekyll 4.4.0 Released");
    expect(fieldText(doc, "byline")).toBe("ashmaroli");
    expect(meta.created).toBe("2025-01-27T15:15:32.000Z");
    expect(doc.child(5).childCount).toBe(3);
    expect(doc.child(5).child(0).child(0).attrs.src).toBe("https://img.example/f.jpg");
    expect(doc.child(5).child(2).child(0).attrs.src).toBe("https://img.example/g.png");
    expect(await importMarkdown("+++\ntitle = \n+++\n")).toMatchObject({ ok: false, errors: [expect.stringMatching(/^the front matter is not valid TOML/)] });
  });
});
