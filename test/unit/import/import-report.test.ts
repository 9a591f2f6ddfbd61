import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../../cli/copydesk";
import { parseArticleFile } from "../../../shared/article-file";

// `copydesk import` prints its report: where each part was found, and one warning per thing left out.
// An import with one broken picture succeeds, with one warning for it.

const dir = mkdtempSync(join(tmpdir(), "copydesk-import-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

const story = Array.from({ length: 5 }, (_, i) => `<p>Paragraph ${i + 1}: ferries stayed in port on Tuesday as gusts reached 120 km/h along the coast and crews waited.</p>`).join("\n");
const page = (picture: string) => `<!DOCTYPE html><html lang="en-GB"><head>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Storm closes the harbour","description":"Ferries cancelled.",
"author":{"@type":"Person","name":"Ana Ruiz"},"datePublished":"2024-02-06T08:00:00Z","articleSection":"Weather"}</script></head>
<body><nav><a href="/">Home</a></nav><article><h1>Storm closes the harbour</h1>${story}${picture}</article><footer>© Site</footer></body></html>`;

describe("copydesk import's report", () => {
  it("prints where each part came from", async () => {
    const source = join(dir, "harbour.html");
    writeFileSync(source, page('<figure><img src="https://img.example/h.jpg" alt="The harbour"><figcaption>Boats. Photo: Jo Bloggs</figcaption></figure>'));
    const result = await run("import", source, "--out", join(dir, "harbour.article"));
    expect(result.code).toBe(0);
    expect(result.err).toEqual([expect.stringMatching(/: warning: Left out \d+ words of the page around the article \(menus, share bars, adverts, teasers, footers\)\.$/)]);
    expect(result.out).toEqual([
      `wrote ${join(dir, "harbour.article")}`,
      "found: headline from JSON-LD",
      "found: standfirst from JSON-LD",
      "found: byline from JSON-LD",
      "found: date from JSON-LD",
      "found: kicker (section) from JSON-LD",
      "found: language from <html lang>",
      "found: body found by Readability (6 blocks, 1 picture)",
    ]);
  });

  it("imports a page with one broken picture, with one warning for it", async () => {
    const source = join(dir, "broken.html");
    writeFileSync(source, page('<figure><img src="javascript:alert(1)" alt="Broken"><figcaption>A caption</figcaption></figure>'));
    const target = join(dir, "broken.article");
    const result = await run("import", source, "--out", target);
    expect(result.code).toBe(0);
    const pictureWarnings = result.err.filter((line) => /picture/.test(line));
    expect(pictureWarnings).toEqual([`${source}: warning: A picture ("Broken") was left out: its address is not an https image or an embedded picture Copydesk keeps.`]);
    const written = parseArticleFile(readFileSync(target));
    expect(written.ok).toBe(true);
  });
});
