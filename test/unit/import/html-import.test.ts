import { describe, expect, it } from "vitest";
import { fieldText } from "../../../shared/article";
import { importHtml } from "../../../shared/import/html";
import { parseHtmlInNode } from "../../../electron/services/import-files";

// HTML import of pages from elsewhere: schema.org JSON-LD, common markup, and nothing unsafe kept.

const page = `<!DOCTYPE html>
<html lang="fr-FR"><head>
<title>Ignored title | Site</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
 {"@type":"NewsArticle","headline":"From JSON-LD","description":"A summary","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chan"}],
  "articleSection":"World","keywords":"Iraq, Defence","datePublished":"2014-01-07T09:30:00+01:00","dateModified":"2014-01-08"}]}</script>
<script>document.title = "pwned"</script>
</head><body>
<header><nav><a href="/">Home</a></nav></header>
<article>
<h1>US speeds up arms sales</h1>
<div class="share"><button>Share</button></div>
<p>First <b>bold</b> and <i>italic</i>, a <a href="javascript:alert(1)">bad link</a>,
a <a href="https://example.com/ok" onclick="evil()">good link</a><br>and a line break.</p>
<h3>A crosshead</h3>
<p><img src="https://img.example.com/a.jpg" alt="A picture"></p>
<img src="file:///etc/passwd" alt="local file">
<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" alt="svg">
<blockquote><p>"Quoted."</p><footer><cite>Someone</cite></footer></blockquote>
<ul><li>One</li><li>Two<ol start="4"><li>Four</li></ol></li></ul>
<iframe src="https://ads.example.com"></iframe>
<form><input name="q"></form>
</article>
<footer>Site footer</footer>
</body></html>`;

describe("HTML import of a news page from elsewhere", () => {
  it("takes the article from h1, JSON-LD and the article body", async () => {
    const result = await importHtml(page, parseHtmlInNode);
    if (!result.ok) throw new Error(result.errors.join("\n"));
    const { article } = result;
    expect(fieldText(article.doc, "headline")).toBe("US speeds up arms sales");
    expect(fieldText(article.doc, "standfirst")).toBe("A summary");
    expect(fieldText(article.doc, "byline")).toBe("Ann Lee, Bo Chan");
    expect(fieldText(article.doc, "kicker")).toBe("World");
    expect(article.meta).toMatchObject({ language: "fr-FR", tags: ["Iraq", "Defence"], created: "2014-01-07T09:30:00+01:00", updated: "2014-01-08T00:00:00.000Z" });
    const body = article.doc.child(5).toJSON() as { content: { type: string }[] };
    expect(body.content.map((b) => b.type)).toEqual(["paragraph", "subheading", "figure", "blockquote", "bullet_list"]);
  });

  it("keeps safe links only, turns line breaks into spaces and drops unsafe images, scripts and forms", async () => {
    const result = await importHtml(page, parseHtmlInNode);
    if (!result.ok) throw new Error(result.errors.join("\n"));
    const json = JSON.stringify(result.article.doc.toJSON());
    expect(json).not.toMatch(/javascript:|file:|svg|evil|pwned|Share|Home|Site footer|ads\.example/);
    const first = result.article.doc.child(5).child(0);
    expect(first.textContent).toBe("First bold and italic, a bad link, a good link and a line break.");
    const links: string[] = [];
    first.forEach((t) => t.marks.forEach((m) => m.type.name === "link" && links.push(m.attrs.href as string)));
    expect(links).toEqual(["https://example.com/ok"]);
    expect(json).toContain("https://img.example.com/a.jpg");
  });

  it("falls back to the JSON-LD headline and gives a valid article for an empty page", async () => {
    const noH1 = await importHtml(page.replace(/<h1>.*<\/h1>/, ""), parseHtmlInNode);
    expect(noH1.ok && fieldText(noH1.article.doc, "headline")).toBe("From JSON-LD");
    const empty = await importHtml("", parseHtmlInNode);
    expect(empty.ok).toBe(true);
  });

  it("ignores JSON-LD that is not valid JSON", async () => {
    const result = await importHtml(`<script type="application/ld+json">{ nope</script><h1>Title</h1><p>Text</p>`, parseHtmlInNode);
    expect(result.ok && fieldText(result.article.doc, "headline")).toBe("Title");
  });
});
