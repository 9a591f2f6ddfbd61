import { readFileSync } from "node:fs";
import { bench, describe } from "vitest";
import { parseArticleFile } from "../../shared/article-file";
import { checkBeforeExport } from "../../shared/export/checks";
import { defaultFormatOptions } from "../../shared/export/options";
import { exportRegistry } from "../../shared/export/registry";
import { exportHtml } from "../../shared/export/html";
import { exportMarkdown } from "../../shared/export/markdown";
import { exportNitf } from "../../shared/export/nitf";
import { importHtml } from "../../shared/import/html";
import { importMarkdown } from "../../shared/import/markdown";
import { importNitf } from "../../shared/import/nitf";
import { parseHtmlInNode } from "../../electron/services/import-files";
import { seedArticlePath } from "../support/seed-article";

// What one export of the reference article costs, per format, and what importing it back costs.

const parsed = parseArticleFile(readFileSync(seedArticlePath));
if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
const article = parsed.article;
const options = { time: 1000, warmupTime: 200 };

describe("export the reference article", () => {
  for (const format of exportRegistry) {
    const { exporter } = format;
    if (!exporter) continue;
    bench(format.label, async () => {
      await exporter(article, defaultFormatOptions);
    }, options);
  }
  bench("pre-export check", () => {
    checkBeforeExport(article);
  }, options);
});

describe("import the reference article's exports", () => {
  const html = exportHtml(article);
  const markdown = exportMarkdown(article);
  const nitf = exportNitf(article);
  bench("HTML (linkedom)", async () => {
    await importHtml(html, parseHtmlInNode);
  }, options);
  bench("Markdown", async () => {
    await importMarkdown(markdown);
  }, options);
  bench("NITF", async () => {
    await importNitf(nitf);
  }, options);
});
