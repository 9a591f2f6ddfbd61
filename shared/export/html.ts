import type { Article } from "../article";
import { wordCount } from "../word-count";
import { textDirection } from "../text-direction";
import { escapeXml, jsonForScript } from "./escape";
import { fixedWords } from "./fixed-words";
import { bodyHtml, inlineHtml } from "./html-body";
import { articleParts, datelineLabel, hasDateline, wireDate, type ArticleParts } from "./parts";

// HTML export: one standalone page with its CSS and images inside, semantic markup, and a
// schema.org NewsArticle block in JSON-LD. Metadata schema.org has no word for goes in
// `<meta name="copydesk:…">`, so that the HTML importer gives back the same article.
//
// Right to left: `<html dir lang>` follows the article's language (shared/text-direction.ts), and
// the CSS uses logical sides (border-inline-start…), so quote rules and indents mirror by
// themselves. Blocks take the article's direction, never their own first letter: an Arabic
// headline that starts with "BBC" still sits on the right. Field values set inline inside a line
// the exporter composes (the dateline's place, date and agency, a related link's label and title,
// a credit) carry `dir="auto"`: like `<bdi>`, that isolates them, so "(AFP)" or a Latin place name
// keeps its own order without reordering the commas and dash around it, and the elements the
// HTML importer reads stay as they were.

const css = `
body{margin:0;background:#fff;color:#1a1a1a;font:18px/1.6 Georgia,"Times New Roman",serif}
article{max-width:40rem;margin:2rem auto;padding:0 1rem}
.kicker{margin:0;color:#a4161a;font:600 .85rem/1.2 system-ui,sans-serif;letter-spacing:.06em;text-transform:uppercase}
h1{margin:.3rem 0 1rem;font-size:2.2rem;line-height:1.15}
.standfirst{font-size:1.2rem;color:#333}
.byline,.dateline,.tagline,small.credit{font-family:system-ui,sans-serif;font-size:.9rem;color:#555}
.dateline .place{text-transform:uppercase}
h2{font-size:1.3rem;margin:2rem 0 .5rem}
blockquote{margin:1.5rem 0;padding-inline-start:1rem;border-inline-start:3px solid #ccc}
blockquote footer,aside.pullquote footer{font-size:.9rem;color:#555}
aside.pullquote{margin:2rem 0;font-size:1.5rem;font-style:italic;text-align:center}
figure{margin:1.5rem 0}
figure img{max-width:100%;height:auto;display:block}
figcaption{font-size:.9rem}
table{width:100%;margin:1.5rem 0;border-collapse:collapse;font:.9rem/1.4 system-ui,sans-serif;font-variant-numeric:tabular-nums}
caption{caption-side:top;text-align:start;font-weight:600;padding-bottom:.4rem}
th,td{padding:.35rem .75rem;border-bottom:1px solid #ddd;text-align:start;vertical-align:top}
thead th{border-bottom:2px solid #1a1a1a}
nav.related ul{padding-inline-start:1.2rem}
nav.related .label{font:600 .75rem system-ui,sans-serif;text-transform:uppercase;color:#a4161a}
[dir=rtl] body{font-family:"Noto Naskh Arabic","Noto Serif Hebrew","Times New Roman",serif}
[dir=rtl] .kicker{letter-spacing:0}
[dir=rtl] aside.pullquote,[dir=rtl] cite{font-style:normal}
`.trim();

/// The schema.org NewsArticle description of the article.
export function newsArticleJsonLd(article: Article, parts: ArticleParts = articleParts(article)): Record<string, unknown> {
  const { meta } = article;
  const images: string[] = [];
  parts.body.descendants((node) => {
    if (node.type.name === "image" && /^https:/i.test(node.attrs.src as string)) images.push(node.attrs.src as string);
  });
  const ld: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    identifier: meta.id,
    headline: parts.headline,
    inLanguage: meta.language,
    dateCreated: meta.created,
    datePublished: meta.embargo ?? meta.created,
    dateModified: meta.updated,
    wordCount: wordCount(article.doc),
  };
  if (parts.standfirst.textContent) ld.description = parts.standfirst.textContent;
  if (parts.byline) ld.author = { "@type": "Person", name: parts.byline };
  if (parts.kicker) ld.articleSection = parts.kicker;
  if (meta.tags.length > 0) ld.keywords = meta.tags;
  if (images.length > 0) ld.image = images;
  return ld;
}

const metaTag = (name: string, content: string): string => `<meta name="${name}" content="${escapeXml(content)}">`;

function headerHtml(parts: ArticleParts, language: string): string {
  const lines: string[] = [];
  if (parts.kicker) lines.push(`<p class="kicker">${escapeXml(parts.kicker)}</p>`);
  lines.push(`<h1>${escapeXml(parts.headline)}</h1>`);
  if (parts.standfirst.content.size > 0) lines.push(`<p class="standfirst">${inlineHtml(parts.standfirst)}</p>`);
  if (parts.byline) lines.push(`<p class="byline">${escapeXml(parts.byline)}</p>`);
  const { dateline } = parts;
  if (hasDateline(dateline)) {
    const pieces: string[] = [];
    if (dateline.place) pieces.push(`<span class="place" dir="auto">${escapeXml(dateline.place)}</span>`);
    if (dateline.date) pieces.push(`<time datetime="${escapeXml(dateline.date)}" dir="auto">${escapeXml(wireDate(dateline.date, language))}</time>`);
    const source = dateline.source ? ` (<span class="source" dir="auto">${escapeXml(dateline.source)}</span>)` : "";
    lines.push(`<p class="dateline" aria-label="${escapeXml(datelineLabel(dateline, language))}">${pieces.join(", ")}${source} —</p>`);
  }
  return lines.join("\n");
}

function relatedHtml(parts: ArticleParts, language: string): string {
  if (parts.related.length === 0) return "";
  const items = parts.related.map((link) => {
    const label = link.label ? `<span class="label" dir="auto">${escapeXml(link.label)}</span> ` : "";
    return `<li>${label}<a href="${escapeXml(link.href)}" dir="auto">${escapeXml(link.title)}</a></li>`;
  });
  const heading = escapeXml(fixedWords(language).related);
  return `<nav class="related" aria-label="${heading}">\n<h2>${heading}</h2>\n<ul>\n${items.join("\n")}\n</ul>\n</nav>`;
}

/// The article as a standalone HTML page.
export function exportHtml(article: Article): string {
  const parts = articleParts(article);
  const { meta } = article;
  const lang = escapeXml(meta.language);
  const head = [
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: https:; style-src 'unsafe-inline'">`,
    metaTag("generator", "Copydesk"),
    `<title>${escapeXml(parts.headline || fixedWords(meta.language).untitled)}</title>`,
    parts.standfirst.textContent ? metaTag("description", parts.standfirst.textContent) : "",
    metaTag("copydesk:id", meta.id),
    metaTag("copydesk:slug", meta.slug),
    metaTag("copydesk:status", meta.status),
    metaTag("copydesk:created", meta.created),
    metaTag("copydesk:updated", meta.updated),
    metaTag("copydesk:embargo", meta.embargo ?? ""),
    metaTag("copydesk:word-target", meta.wordTarget === null ? "" : String(meta.wordTarget)),
    ...meta.tags.map((tag) => metaTag("copydesk:tag", tag)),
    `<style>\n${css}\n</style>`,
    `<script type="application/ld+json">\n${jsonForScript(newsArticleJsonLd(article, parts))}\n</script>`,
  ].filter(Boolean);
  const body = [
    `<article lang="${lang}">`,
    `<header>\n${headerHtml(parts, meta.language)}\n</header>`,
    `<div class="body">\n${bodyHtml(parts.body, article)}\n</div>`,
    parts.tagline ? `<p class="tagline">${escapeXml(parts.tagline)}</p>` : "",
    relatedHtml(parts, meta.language),
    `</article>`,
  ].filter(Boolean);
  return `<!DOCTYPE html>\n<html lang="${lang}" dir="${textDirection(meta.language)}">\n<head>\n${head.join("\n")}\n</head>\n<body>\n${body.join("\n")}\n</body>\n</html>\n`;
}
