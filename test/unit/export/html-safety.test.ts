import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { emptyNewsroomMeta, type Article } from "../../../shared/article";
import { exportHtml, newsArticleJsonLd } from "../../../shared/export/html";
import { exportNitf } from "../../../shared/export/nitf";
import { ninjsObject } from "../../../shared/export/ninjs";
import { schema } from "../../../shared/schema";
import { parseHtmlInNode } from "../../../electron/services/import-files";
import { importHtml } from "../../../shared/import/html";
import { serializeArticle } from "../../../shared/article-file";
import { launchChromium } from "./chromium";
import { validateNinjs, validateNitf } from "./standards";

// An article with script injections in every text field and attribute: the HTML export must run
// none of them in Chromium, keep its JSON-LD valid JSON, and give the same article back on import.

const payloads = [
  `</script><script>window.__pwned = "script"</script>`,
  `<img src=x onerror="window.__pwned = 'img'">`,
  `"><svg onload="window.__pwned = 'svg'">`,
  `'><body onload='window.__pwned = "quote"'>`,
  `<!-- <script>window.__pwned = "comment"</script> -->`,
  `]]> <![CDATA[ & &amp; &lt; ‮RTL-override`,
];
const evil = payloads.join(" ");

function injectedArticle(): Article {
  const n = schema.nodes;
  const t = (s: string, marks = [] as ReturnType<typeof schema.marks.em.create>[]) => schema.text(s, marks);
  const link = schema.marks.link.create({ href: "https://x.example/'onmouseover='window.__pwned=1'", title: evil });
  const doc = n.doc.create(null, [
    n.kicker.create(null, t(evil)),
    n.headline.create(null, t(evil)),
    n.standfirst.create(null, [t(evil, [schema.marks.em.create()]), t(" "), t(evil, [link])]),
    n.byline.create(null, t(evil)),
    n.dateline.create({ date: evil, source: evil }, t(evil)),
    n.body.create(null, [
      n.paragraph.create(null, [t(evil, [link, schema.marks.strong.create()])]),
      n.subheading.create(null, t(evil)),
      n.blockquote.create(null, [n.paragraph.create(null, t(evil)), n.attribution.create(null, t(evil))]),
      n.pullquote.create({ role: "showcase" }, [n.pullquote_text.create(null, t(evil)), n.attribution.create(null, t(evil))]),
      // The file format refuses a double quote in an address (shared/urls.ts); a single one is allowed and must stay inside the attribute.
      n.figure.create(null, [n.image.create({ src: "https://img.example/a.jpg?'onerror=alert(1)", alt: evil }), n.caption.create(null, t(evil)), n.credit.create(null, t(evil))]),
      n.bullet_list.create(null, [n.list_item.create(null, n.paragraph.create(null, t(evil)))]),
      n.ordered_list.create({ order: 3 }, [n.list_item.create(null, n.paragraph.create(null, t(evil)))]),
    ]),
    n.tagline.create(null, t(evil)),
    n.related.create(null, [n.related_link.create({ href: "https://x.example/?a='b'&c=d", title: evil, label: evil })]),
  ]);
  return {
    meta: {
      id: "0b8e9c1e-6f7a-4d2b-9c3e-1a2b3c4d5e6f",
      slug: "evil",
      language: "en",
      tags: [payloads[0], payloads[2], "</script>"],
      status: "draft",
      created: "2020-01-01T00:00:00.000Z",
      updated: "2020-01-02T00:00:00.000Z",
      embargo: null,
      wordTarget: null,
      ...emptyNewsroomMeta(),
    },
    doc,
    assets: {},
  };
}

const article = injectedArticle();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe("HTML export with injection strings in every field", () => {
  const html = exportHtml(article);

  it("runs no script in Chromium, even with JavaScript on", async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.setContent(html, { waitUntil: "load" });
    await page.hover("a").catch(() => undefined);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
    expect(dialogs).toEqual([]);
    expect(await page.locator("h1").textContent()).toBe(evil);
    expect(await page.locator("script").count()).toBe(1);
    await page.close();
  });

  it("holds one script element, the JSON-LD, which parses to the NewsArticle", () => {
    const document = parseHtmlInNode(html);
    const scripts = Array.from(document.querySelectorAll("script"));
    expect(scripts.map((s) => s.getAttribute("type"))).toEqual(["application/ld+json"]);
    const json = scripts[0].textContent ?? "";
    expect(json).not.toMatch(/<\/script|<!--/i);
    expect(JSON.parse(json)).toEqual(newsArticleJsonLd(article));
    const attributes = Array.from(document.querySelectorAll("*")).flatMap((e) => Array.from((e as unknown as Element).attributes).map((a) => a.name));
    expect(attributes.filter((name) => name.startsWith("on"))).toEqual([]);
  });

  it("re-imports to the same article", async () => {
    const back = await importHtml(html, parseHtmlInNode);
    if (!back.ok) throw new Error(back.errors.join("\n"));
    expect(serializeArticle(back.article)).toBe(serializeArticle(article));
  });

  it("stays valid NITF and ninjs", () => {
    expect(validateNitf([exportNitf(article)])).toEqual([]);
    expect(validateNinjs(ninjsObject(article))).toEqual([]);
  });
});
