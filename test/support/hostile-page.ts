import fc from "fast-check";
import { hostileHtml, marker } from "./hostile-html";

// A hostile web page of a given size, the same every time, for the resource-limit test and the
// benchmarks: an element nested 10,000 levels deep, one with thousands of attributes, huge inline
// styles and style sheets, scripts, then the fuzz generator's hostile and odd fragments (fixed
// seed) until the page is as large as asked.

/// A hostile page of at least `bytes` characters.
export function hostilePage(bytes: number): string {
  const attributes = Array.from({ length: 5000 }, (_, i) => `data-a${i}="${i}" on${i % 7 === 0 ? "click" : `x${i}`}="alert('${marker}')"`).join(" ");
  const parts = [
    `<!doctype html><html lang="en"><head><title>Harbour</title><style>${`p { background: url("${marker}") }\n`.repeat(2000)}</style>`,
    `<script>${`window.x = '${marker}';\n`.repeat(2000)}</script></head><body>`,
    `${"<div>".repeat(10_000)}<p>The deepest paragraph of the page.</p>${"</div>".repeat(10_000)}`,
    `<p ${attributes}>A paragraph with thousands of attributes.</p>`,
    `<p style="${`background:url(javascript:${marker});`.repeat(5000)}">A paragraph with a huge inline style.</p>`,
  ];
  let size = parts.reduce((sum, part) => sum + part.length, 0);
  const fragments = fc.sample(hostileHtml(0, 12), { numRuns: 2000, seed: 20140107 });
  for (let i = 0; size < bytes; i++) {
    const fragment = fragments[i % fragments.length];
    parts.push(fragment);
    size += fragment.length;
  }
  parts.push("</body></html>");
  return parts.join("\n");
}
