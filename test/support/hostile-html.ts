import fc from "fast-check";

// Generated hostile and odd HTML for the paste, drop and import fuzz tests: scripts, styles,
// frames, event handlers, unsafe URLs in every attribute that takes one (spelt in upper case, with
// entities, control characters, white space), SVG and MathML, forms, data: images that are images
// and that are not, broken markup, comments, entities, deep nesting, right-to-left and odd text.
// Everything hostile carries `marker`, which must never reach the article; the words between the
// markup never carry it, so a test can tell the two apart.

/// The text every hostile part carries and no safe part does.
export const marker = "PWNED";

/// A 1×1 PNG, as base64: a data: image the asset policy accepts.
export const pngBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

const unsafeUrls = [
  `javascript:alert('${marker}')`,
  `JAVASCRIPT:alert('${marker}')`,
  `  javascript:alert('${marker}')`,
  `jav&#x09;ascript:alert('${marker}')`,
  `java\nscript:alert('${marker}')`,
  `vbscript:msgbox("${marker}")`,
  `data:text/html,<script>alert('${marker}')</script>`,
  `data:text/html;base64,${btoa(`<script>alert('${marker}')</script>`)}`,
  `data:image/svg+xml;base64,${btoa(`<svg onload="alert('${marker}')"></svg>`)}`,
  `data:image/png;base64,${btoa(`not a png ${marker}`)}`,
  `file:///etc/${marker}`,
  `blob:https://evil.example/${marker}`,
  `//evil.example/${marker}`,
  `http://user:${marker}@evil.example/`,
  `https://evil.example/\u202e${marker}`,
  `mailto:desk@example.com?attach=/etc/${marker}`,
];

const handlers = ["onclick", "onerror", "onload", "onmouseover", "onfocus", "ONCLICK", "onanimationstart", "formaction", "srcdoc"];

const words = fc.constantFrom(
  "Harbour",
  "reopens",
  "after",
  "storm",
  "ferries",
  "&amp;",
  "&lt;tag&gt;",
  "naïve",
  "مرحبا",
  "שלום",
  "😀",
  "AT&amp;T",
  "O'Brien",
  "“quoted”",
  "\u00a0",
  "x—y",
);
const safeText = fc.array(words, { minLength: 1, maxLength: 8 }).map((w) => w.join(" "));
const unsafeUrl = fc.constantFrom(...unsafeUrls);
const handler = fc.constantFrom(...handlers).map((name) => `${name}="alert('${marker}')"`);

/// One fragment of a page: safe markup with words, or something hostile carrying the marker.
const fragment: fc.Arbitrary<string> = fc.oneof(
  safeText.map((t) => `<p>${t}</p>`),
  safeText.map((t) => `<h1>${t}</h1>`),
  safeText.map((t) => `<h2>${t}</h2><h3>${t}</h3>`),
  safeText.map((t) => `<blockquote><p>${t}</p><footer>${t}</footer></blockquote>`),
  safeText.map((t) => `<ul><li>${t}<ol><li>${t}</li></ol></li></ul>`),
  safeText.map((t) => `<p><strong>${t}</strong> <em>${t}</em> <b>${t}</b> <i>${t}</i></p>`),
  fc.tuple(safeText, fc.constantFrom("https://example.com/a?b=1&amp;c=2", "mailto:desk@example.com", "http://example.org/x")).map(([t, href]) => `<p><a href="${href}">${t}</a></p>`),
  fc.tuple(safeText, fc.constantFrom("https://images.example.com/a.jpg", `data:image/png;base64,${pngBase64}`)).map(([t, src]) => `<figure><img src="${src}" alt="${t.replace(/"/g, "")}"><figcaption>${t}</figcaption></figure>`),
  safeText.map((t) => `<p>${t}<br>${t}</p>`),
  fc.constant(`<script>alert('${marker}')</script>`),
  fc.constant(`<SCRIPT type="module">import('${marker}')</SCRIPT>`),
  fc.constant(`<style>p { background: url("${marker}") }</style>`),
  fc.constant(`<iframe src="https://evil.example/${marker}" srcdoc="<script>${marker}</script>"></iframe>`),
  fc.constant(`<object data="https://evil.example/${marker}"></object><embed src="${marker}.swf">`),
  fc.constant(`<svg><script>alert('${marker}')</script><a xlink:href="javascript:${marker}"><text>${marker}</text></a></svg>`),
  fc.constant(`<math><mtext><style>${marker}</style></mtext></math>`),
  fc.constant(`<form action="https://evil.example/${marker}"><input value="${marker}"><button formaction="javascript:${marker}">${marker}</button></form>`),
  fc.constant(`<template><p>${marker}</p></template><noscript><p>${marker}</p></noscript>`),
  fc.constant(`<meta http-equiv="refresh" content="0;url=javascript:${marker}"><base href="javascript:${marker}//"><link rel="stylesheet" href="${marker}.css">`),
  fc.constant(`<textarea>${marker}</textarea><select><option>${marker}</option></select><title>${marker}</title>`),
  fc.constant(`<!-- ${marker} --><![CDATA[${marker}]]>`),
  fc.tuple(safeText, unsafeUrl).map(([t, url]) => `<p><a href="${url}">${t}</a></p>`),
  fc.tuple(safeText, unsafeUrl).map(([t, url]) => `<figure><img src="${url}" alt="${t.replace(/"/g, "")}"></figure>`),
  fc.tuple(safeText, handler, fc.constantFrom("p", "h2", "li", "blockquote", "strong", "a", "img", "figure", "span", "div")).map(([t, h, tag]) =>
    tag === "img" ? `<img src="x" ${h}>` : `<${tag} ${h} style="background:url(javascript:${marker})">${t}</${tag}>`,
  ),
  fc.tuple(safeText, fc.integer({ min: 20, max: 400 })).map(([t, depth]) => `${"<div>".repeat(depth)}<p>${t}</p>${"</div>".repeat(depth)}`),
  fc.tuple(safeText, fc.integer({ min: 5, max: 200 })).map(([t, depth]) => `${"<ul><li>".repeat(depth)}${t}${"</li></ul>".repeat(depth)}`),
  fc.tuple(safeText, fc.integer({ min: 5, max: 200 })).map(([t, depth]) => `${"<blockquote>".repeat(depth)}<p>${t}</p>${"</blockquote>".repeat(depth)}`),
  safeText.map((t) => `<p>${t}<p>${t}<li>${t}</b></i></div></p><h2>${t}`),
  fc.constant("<p>\u0000\u0008\u200b\ufeff\u202e</p>"),
);

/// A pasted page: hostile and safe fragments in any order, as long as `minLength` characters at least.
export function hostileHtml(minLength = 0, maxFragments = 12): fc.Arbitrary<string> {
  return fc.array(fragment, { minLength: 1, maxLength: maxFragments }).map((parts) => {
    let html = parts.join("\n");
    while (html.length < minLength) html += `\n${parts.join("\n")}`;
    return html;
  });
}
