import type { Node as PMNode } from "prosemirror-model";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { importBytes, type ImportFormat } from "../../../electron/services/import-files";
import type { Article } from "../../../shared/article";
import { exportDocx } from "../../../shared/export/docx";
import { exportHtml } from "../../../shared/export/html";
import { exportMarkdown, markdownSerializer } from "../../../shared/export/markdown";
import { serializeMarkdown } from "../../../shared/export/markdown-state";
import { exportNinjs } from "../../../shared/export/ninjs";
import { exportNitf } from "../../../shared/export/nitf";
import { exportText } from "../../../shared/export/text";
import { schema } from "../../../shared/schema";
import { sampleArticles } from "../../support/arbitrary-article";
import { rounds, timeoutFor } from "../../support/long-tests";

// No exporter or importer is worse than linear in the article's size: each runs on an article and
// on one twice as long, and the second may take at most 3 times as long (quadratic work takes 4;
// linear work measures 1.2 to 2.5 here, Markdown import up to 2.54 on a loaded machine, where 2.5
// was the limit and a CI run failed on it). Time is the process's
// CPU time, the least of five runs (seven under test:long), so that other jobs on a busy machine do
// not count (with three, NITF export measured 2.6 once beside a benchmark; alone it is 2.2).
// Sizes are such that the smaller run takes some 100 ms or more: under that (ninjs export at 8,000
// blocks, 95 ms; Markdown import at 1,500 blocks, 29 ms) a collection or a scheduler hiccup moved the ratio past 2.6.
// (A Markdown export of 80,000 paragraphs took 57 s when prosemirror-markdown re-read its output
// string before each block; see shared/export/markdown-state.ts.)

const maxRatio = 3;
const repeats = rounds(5, 7);
const pool = sampleArticles(60).flatMap((article) => {
  const blocks: PMNode[] = [];
  article.doc.child(5).forEach((block) => blocks.push(block));
  return blocks;
});
const template = sampleArticles(60).find((a) => Object.keys(a.assets).length > 0)!;

/// The template article with a body of `count` blocks of every kind, taken in turn from generated articles.
function articleOf(count: number): Article {
  const n = schema.nodes;
  const body = n.body.create(null, Array.from({ length: count }, (_, i) => pool[i % pool.length]));
  const fields: PMNode[] = [];
  template.doc.forEach((field, _offset, i) => fields.push(i === 5 ? body : field));
  return { ...template, doc: n.doc.create(null, fields) };
}

// A full garbage collection before each run, so that no run pays for the garbage of the one before.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/// The CPU time, in ms, that one run of `work` took.
async function cpuTime(work: () => unknown): Promise<number> {
  collectGarbage();
  const start = process.cpuUsage();
  await work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/// Times `work` on inputs of size n and 2n, after a warm-up, in turns, the least time of a few runs
/// each, and answers both times and their ratio.
async function doubling<T>(make: (size: number) => T, work: (input: T) => unknown, size: number) {
  const small = make(size);
  const large = make(size * 2);
  await work(small);
  let once = Infinity;
  let twice = Infinity;
  for (let i = 0; i < repeats; i++) {
    once = Math.min(once, await cpuTime(() => work(small)));
    twice = Math.min(twice, await cpuTime(() => work(large)));
  }
  return { once, twice, ratio: twice / once };
}

const exporters: [string, (article: Article) => unknown, number][] = [
  ["HTML", exportHtml, 8000],
  ["Markdown", exportMarkdown, 4000],
  ["plain text", exportText, 16000],
  ["NITF", exportNitf, 8000],
  ["ninjs", exportNinjs, 32000],
  ["Word", exportDocx, 1500],
];

describe("exporters take time linear in the article's length", () => {
  it.each(exporters)("%s: twice the blocks, at most 3 times the time", async (_name, exporter, blocks) => {
    const { once, twice, ratio } = await doubling(articleOf, exporter, blocks);
    console.log(`export ${_name}: ${blocks} blocks ${once.toFixed(0)} ms, ${blocks * 2} blocks ${twice.toFixed(0)} ms, ratio ${ratio.toFixed(2)}`);
    expect(ratio).toBeLessThanOrEqual(maxRatio);
  }, timeoutFor(repeats * 3, 20_000));
});

const importers: [string, ImportFormat, (article: Article) => Promise<Uint8Array> | Uint8Array, number][] = [
  ["HTML", "html", (a) => new TextEncoder().encode(exportHtml(a)), 1500],
  ["Markdown", "md", (a) => new TextEncoder().encode(exportMarkdown(a)), 24000],
  ["NITF", "nitf", (a) => new TextEncoder().encode(exportNitf(a)), 1500],
  ["Word", "docx", (a) => exportDocx(a), 600],
];

describe("importers take time linear in the page's length", () => {
  it.each(importers)("%s: twice the blocks, at most 3 times the time", async (name, format, exported, blocks) => {
    const files = new Map<number, Uint8Array>();
    for (const size of [blocks, blocks * 2]) files.set(size, await exported(articleOf(size)));
    const { once, twice, ratio } = await doubling(
      (size) => files.get(size)!,
      async (bytes) => {
        const result = await importBytes(bytes, format);
        if (!result.ok) throw new Error(result.errors.join("\n"));
      },
      blocks,
    );
    console.log(`import ${name}: ${blocks} blocks ${once.toFixed(0)} ms, ${blocks * 2} blocks ${twice.toFixed(0)} ms, ratio ${ratio.toFixed(2)}`);
    expect(ratio).toBeLessThanOrEqual(maxRatio);
  }, timeoutFor(repeats * 3, 30_000));
});

describe("the linear Markdown state writes what prosemirror-markdown's own does", () => {
  it("on the bodies of generated articles", () => {
    for (const article of sampleArticles(200, 7)) {
      const serializer = markdownSerializer(article);
      const body = article.doc.child(5);
      expect(serializeMarkdown(serializer, body, { tightLists: true })).toBe(serializer.serialize(body, { tightLists: true }));
    }
  });
});
