import { describe, expect, it } from "vitest";
import { fieldText } from "../../../shared/article";
import { importHtml } from "../../../shared/import/html";
import { parseHtmlInNode } from "../../../electron/services/import-files";

// HTML import of pages from elsewhere: the article found by Readability, metadata in the documented
// order of trust (JSON-LD, Open Graph and article:*, meta name, the page), and nothing unsafe kept.

const paragraphs = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of the story, long enough to read as the article's own words and not a teaser or a caption.</p>`).join("\n");

const page = `<!DOCTYPE html>
<html lang="fr-FR"><head>
<title>Ignored title | Site</title>
<meta property="og:title" content="From Open Graph">
<meta property="og:site_name" content="Site">
<meta name="author" content="Meta Author">
<script type="application/ld+json"><![CDATA[{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
 {"@type":["ReportageNewsArticle"],"headline":"From JSON-LD","description":"A summary","author":[{"@type":"Person","name":"By Ann Lee, Staff Writer"},{"@type":"Person","name":["Bo Chan"]}],
  "articleSection":["World"],"keywords":[{"name":"Iraq"},"Defence"],"datePublished":"2014-01-07T09:30:00+01:00","dateModified":"2014-01-08",
  "image":{"@type":"ImageObject","url":"https://img.example.com/lead.jpg","caption":"The lead","creditText":"AFP"}}]}]]></script>
<script>document.title = "pwned"</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<div class="cookie-banner">We use cookies. Accept all cookies</div>
<article>
<h1>US speeds up arms sales</h1>
<div class="share"><button>Share</button></div>
<p>First <b>bold</b> and <i>italic</i>, a <a href="javascript:alert(1)">bad link</a>,
a <a href="https://example.com/ok" onclick="evil()">good link</a><br>and a line break, in a paragraph long enough to count.</p>
${paragraphs}
<h3>A crosshead</h3>
<figure><img src="http://img.example.com/a.jpg" srcset="https://img.example.com/a-320.jpg 320w, https://img.example.com/a-1024.jpg 1024w" alt="A picture"><figcaption>Boats in the harbour. Photograph: Jo Bloggs/Reuters</figcaption></figure>
<figure><img src="https://img.example.com/a-640.jpg" alt="The same picture"></figure>
<figure><img src="http://plain.example.com/b.jpg" alt="Only http"></figure>
<img src="file:///etc/passwd" alt="local file">
<blockquote><p>"Quoted."</p><footer><cite>Someone</cite></footer></blockquote>
<ul><li>One</li><li>Two<ol start="4"><li>Four</li></ol></li></ul>
<iframe src="https://ads.example.com"></iframe>
<form><input name="q"></form>
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Another story entirely</a></li></ul></aside>
<footer>Site footer © Site 2014</footer>
</body></html>`;

async function imported(html: string) {
  const result = await importHtml(html, parseHtmlInNode);
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result;
}

describe("HTML import of a news page from elsewhere", () => {
  it("reads JSON-LD first (CDATA, @graph, arrays, nested authors and keywords) and says so in the report", async () => {
    const { article, found } = await imported(page);
    expect(fieldText(article.doc, "headline")).toBe("From JSON-LD");
    expect(fieldText(article.doc, "standfirst")).toBe("A summary");
    expect(fieldText(article.doc, "byline")).toBe("Ann Lee, Bo Chan");
    expect(fieldText(article.doc, "kicker")).toBe("World");
    expect(article.meta).toMatchObject({ language: "fr-FR", tags: ["Iraq", "Defence"], created: "2014-01-07T09:30:00+01:00", updated: "2014-01-08T00:00:00.000Z" });
    expect(article.doc.child(4).attrs.date).toBe("2014-01-07T09:30:00+01:00");
    expect(found).toEqual(expect.arrayContaining(["headline from JSON-LD", "byline from JSON-LD", "date from JSON-LD", "language from <html lang>", "lead picture from JSON-LD"]));
  });

  it("falls back to Open Graph, then meta name, then the page", async () => {
    const noLd = page.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, "");
    const { article, found } = await imported(noLd);
    expect(fieldText(article.doc, "headline")).toBe("From Open Graph");
    expect(fieldText(article.doc, "byline")).toBe("Meta Author");
    expect(found).toEqual(expect.arrayContaining(["headline from Open Graph", "byline from meta author"]));
    const bare = await imported(noLd.replace(/<meta [^>]*>\n/g, ""));
    expect(fieldText(bare.article.doc, "headline")).toBe("US speeds up arms sales");
    expect(bare.found).toContain("headline from the page");
    expect(bare.warnings).toContain("The page gives no byline, no date: fill them in.");
  });

  it("keeps the article's blocks and none of the page furniture", async () => {
    const { article } = await imported(page);
    const body = article.doc.child(5);
    const text = body.textContent;
    expect(text).not.toMatch(/Home|cookies|Share|Most read|Another story|Site footer|US speeds up arms sales/);
    const types = (body.toJSON() as { content: { type: string }[] }).content.map((b) => b.type);
    expect(types.filter((t) => t === "paragraph")).toHaveLength(7);
    expect(types).toEqual(expect.arrayContaining(["subheading", "figure", "blockquote", "bullet_list"]));
    expect(body.child(0).type.name).toBe("figure");
  });

  it("settles pictures: the best https size, caption and credit apart, one figure per picture, http kept with a warning, bad ones dropped with one", async () => {
    const { article, warnings } = await imported(page);
    const figures: { src: string; caption: string; credit: string }[] = [];
    article.doc.descendants((node) => {
      if (node.type.name !== "figure") return true;
      figures.push({ src: node.child(0).attrs.src as string, caption: node.childCount > 1 ? node.child(1).textContent : "", credit: node.lastChild!.type.name === "credit" ? node.lastChild!.textContent : "" });
      return false;
    });
    expect(figures).toEqual([
      { src: "https://img.example.com/lead.jpg", caption: "The lead", credit: "AFP" },
      { src: "https://img.example.com/a-1024.jpg", caption: "Boats in the harbour.", credit: "Jo Bloggs/Reuters" },
      { src: "https://plain.example.com/b.jpg", caption: "", credit: "" },
    ]);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^A picture \("Only http"\) was offered only over http: it is kept at https:\/\/plain\.example\.com\/b\.jpg/),
        expect.stringMatching(/^A picture \("local file"\) was left out/),
        "1 picture was the same as one already kept in another size, and kept once.",
      ]),
    );
  });

  it("keeps safe links only and runs no script", async () => {
    const { article } = await imported(page);
    const json = JSON.stringify(article.doc.toJSON());
    expect(json).not.toMatch(/javascript:|file:|evil|pwned|ads\.example/);
    expect(json).toContain("https://example.com/ok");
  });

  it("gives a valid article for an empty page, and ignores JSON-LD that is not valid JSON", async () => {
    const empty = await importHtml("", parseHtmlInNode);
    expect(empty.ok).toBe(true);
    const result = await imported(`<script type="application/ld+json">{ nope</script><h1>Title</h1><p>Text</p>`);
    expect(fieldText(result.article.doc, "headline")).toBe("Title");
  });
});
