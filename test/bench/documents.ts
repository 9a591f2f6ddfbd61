import type { Browser, Page } from "@playwright/test";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateSync } from "node:zlib";
import type { ArticleJSON, Asset } from "../../shared/article";
import { articleFromJSON, parseArticleFile, serializeArticle } from "../../shared/article-file";
import { defaultFormatOptions } from "../../shared/export/options";
import { exportRegistry } from "../../shared/export/registry";
import { articleFromPayload, readArticleFile, writeArticleFile } from "../../electron/services/article-io";
import { seedArticlePath } from "../support/seed-article";
import { openEditor, type BenchServer } from "./browser";
import { figure, timeRuns, type Figure } from "./stats";
import { generatedArticle, seededRandom } from "./support/articles";

// Opening, saving and exporting articles. Open is main's half (read, parse, validate: the
// services' readArticleFile) and the renderer's (the article copied as IPC copies it, the editor
// built and its first frame painted, in the real renderer); save is the renderer's half (the
// article as it sends it, copied as IPC copies it) and main's (validate what came, serialize,
// atomic write with fsync: the services' articleFromPayload and writeArticleFile).

/// A PNG of noise (stored, not compressed), about `bytes` long: an image that does not shrink.
export function noiseImage(bytes: number, seed: number): { key: string; asset: Asset } {
  const side = Math.max(8, Math.round(Math.sqrt(bytes / 3)));
  const random = seededRandom(seed);
  const raw = Buffer.alloc((side * 3 + 1) * side);
  for (let i = 0; i < raw.length; i++) raw[i] = i % (side * 3 + 1) === 0 ? 0 : Math.floor(random() * 256);
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(raw, { level: 0 })), chunk("IEND", Buffer.alloc(0))]);
  return { key: createHash("sha256").update(png).digest("hex"), asset: { type: "image/png", data: png.toString("base64") } };
}

/// A generated article whose file is about `megabytes` long; with images, half of it is 20 pictures.
export function articleOfSize(megabytes: number, withImages: boolean): ArticleJSON {
  const target = megabytes * 1024 * 1024;
  const perParagraph = serializeArticle(checked(generatedArticle(200, { subheadingEvery: 20 }))).length / 200;
  const textBytes = withImages ? target / 2 : target;
  const images = withImages ? Array.from({ length: 20 }, (_, i) => noiseImage(((target / 2) * 3) / 4 / 20, 100 + i)) : [];
  return generatedArticle(Math.round(textBytes / perParagraph), { subheadingEvery: 20, images });
}

function checked(json: ArticleJSON) {
  const result = articleFromJSON(json);
  if (!result.ok) throw new Error(`the generated article is not valid: ${result.errors.slice(0, 3).join("; ")}`);
  return result.article;
}

/// Opens the article `runs` times in a Copydesk page as File > Open does (main's message, copied as
/// IPC copies it); the ms from the message to the end of the first frame after it, each run.
export async function openInRenderer(page: Page, article: ArticleJSON, runs: number): Promise<number[]> {
  // The article goes to the page once; each run opens a copy of it as main's message would bring.
  await page.evaluate((json) => ((window as unknown as { benchNext: ArticleJSON }).benchNext = json), article);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) times.push(await page.evaluate(() => window.benchOpen((window as unknown as { benchNext: ArticleJSON }).benchNext)));
  return times;
}

/// Figures by name, each for Copydesk.
export type DocumentFigures = Record<string, Figure>;

/// Open and save of the 1 MB and 10 MB articles, text only and with 20 images.
export async function openAndSave(browser: Browser, server: BenchServer, runs = 3): Promise<DocumentFigures> {
  const folder = await mkdtemp(join(tmpdir(), "copydesk-bench-"));
  const figures: DocumentFigures = {};
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    server.setArticle(generatedArticle(10));
    const { page } = await openEditor(context, server, "copydesk");
    for (const megabytes of [1, 10]) {
      for (const withImages of [false, true]) {
        const name = `${megabytes} MB${withImages ? " + 20 images" : ""}`;
        const json = articleOfSize(megabytes, withImages);
        const path = join(folder, `${megabytes}-${withImages}.article`);
        await writeFile(path, serializeArticle(checked(json)));
        const size = (await readFile(path)).byteLength / 2 ** 20;
        const warmup = megabytes < 10 ? 1 : 0;
        const read = await timeRuns(() => readArticleFile(path), { runs, warmup });
        const render = await openInRenderer(page, json, runs);
        const send: number[] = [];
        for (let r = 0; r < runs; r++) send.push(await page.evaluate(() => window.benchSaveSnapshot()));
        const write = await timeRuns(() => writeArticleFile(path, articleFromPayload(JSON.parse(JSON.stringify(json)))), { runs, warmup });
        const label = `${name} (${size.toFixed(1)} MB file)`;
        figures[`open ${label}: main reads, parses, validates`] = read;
        figures[`open ${label}: renderer builds, first frame`] = figure(render);
        figures[`open ${label}: total`] = figure(read.runs.map((v, i) => v + render[i]));
        figures[`save ${label}: renderer sends`] = figure(send);
        figures[`save ${label}: main validates, writes, fsyncs`] = write;
        figures[`save ${label}: total`] = figure(write.runs.map((v, i) => v + send[i]));
      }
    }
  } finally {
    await context.close();
    await rm(folder, { recursive: true, force: true });
  }
  return figures;
}

/// Each export format of the reference article and of the 1 MB article (PDF is printed by the app's Chromium: not here).
export async function exports(runs = 3): Promise<DocumentFigures> {
  const figures: DocumentFigures = {};
  const seed = parseArticleFile(await readFile(seedArticlePath));
  if (!seed.ok) throw new Error(seed.errors.join("\n"));
  const large = checked(articleOfSize(1, false));
  for (const format of exportRegistry) {
    const exporter = format.exporter;
    if (!exporter) continue;
    figures[`export ${format.label}: reference article`] = await timeRuns(() => exporter(seed.article, defaultFormatOptions), { runs, repeat: 5, warmup: 3 });
    figures[`export ${format.label}: 1 MB article`] = await timeRuns(() => exporter(large, defaultFormatOptions), { runs, warmup: 0 });
  }
  return figures;
}
