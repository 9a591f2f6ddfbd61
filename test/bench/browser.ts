import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { build } from "esbuild";
import { existsSync } from "node:fs";
import { cp, mkdir, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import type { ArticleJSON } from "../../shared/article";
import { chromiumArgs, repoRoot } from "../e2e/support/targets";

// The editors under test, each on its own page of one Debian Chromium: Copydesk's real renderer
// as electron-vite built it (out/renderer) with an in-page main process, and the two baselines
// bundled here with esbuild, minified. Each editor is served from its own site (127.0.0.1,
// 127.0.0.2, 127.0.0.3), so each page has its own renderer process as tabs of different sites do.

/// The editors: Copydesk, the two baselines, Copydesk with Check as You Type off (the same
/// renderer: the cost of the house-style and spelling checks is the difference), (with
/// `--before DIR`) an earlier build of Copydesk's renderer, and for the review part Copydesk with
/// a story under review (open suggestions and notes), edited as usual and in suggest mode.
export type EditorName = "copydesk" | "prosemirror" | "tiptap" | "unchecked" | "before" | "reviewed" | "suggesting";

/// The editors compared, in the order of the table.
export const editors: EditorName[] = ["copydesk", "prosemirror", "tiptap", "unchecked"];

export const editorLabels: Record<EditorName, string> = {
  copydesk: "Copydesk",
  prosemirror: "ProseMirror",
  tiptap: "Tiptap",
  unchecked: "Copydesk, checks off",
  before: "Copydesk before",
  reviewed: "Under review, editing",
  suggesting: "Under review, suggesting",
};

/// Where each editor's body paragraphs are, for placing the caret.
export const paragraphSelectors: Record<EditorName, string> = {
  copydesk: ".article-editor .body > p",
  prosemirror: ".ProseMirror > p",
  tiptap: ".ProseMirror > p",
  unchecked: ".article-editor .body > p",
  before: ".article-editor .body > p",
  reviewed: ".article-editor .body > p",
  suggesting: ".article-editor .body > p",
};

const hosts: Record<EditorName, string> = { copydesk: "127.0.0.1", prosemirror: "127.0.0.2", tiptap: "127.0.0.3", before: "127.0.0.4", unchecked: "127.0.0.5", reviewed: "127.0.0.6", suggesting: "127.0.0.7" };

export const benchOut = join(repoRoot, ".tmp", "bench");
/// The renderer served: a copy of out/renderer taken when the pages are built, so a build started
/// meanwhile (by another terminal) cannot change it halfway through the run.
export const rendererDir = join(benchOut, "renderer");
const beforeDir = join(benchOut, "renderer-before");
let beforeBuild: string | null = null;

/// Adds an earlier build of the renderer (its out/renderer folder) as a fourth editor, typed in turn with the others.
export function compareWithBuild(dir: string): void {
  beforeBuild = dir;
  editors.push("before");
}

/// The baselines' page: the same serif page in a scrolling main as Copydesk's article, no chrome.
const baselinePage = (script: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${script}</title>
<script src="/bench/probe.js"></script><script src="/bench/article.js"></script>
<style>
html, body { margin: 0; height: 100%; background: #f1eee7; color: #1c1a17; }
body { display: grid; grid-template-rows: 1fr; }
main { overflow: auto; position: relative; }
.ProseMirror { max-width: 44rem; margin: 1.8rem auto 3rem; padding: 2.6rem 3.2rem 3rem; background: #fdfcf9; border: 1px solid #ddd7cb;
  outline: none; font-family: "Noto Serif", "DejaVu Serif", serif; font-size: 1.16rem; line-height: 1.62; white-space: pre-wrap; word-wrap: break-word; }
.ProseMirror p { margin: 0 0 1em; }
.ProseMirror h1 { font-size: 2.35rem; line-height: 1.12; }
</style></head>
<body><main><div id="editor"></div></main><script src="/bench/${script}.js"></script></body></html>`;

/// Bundles the bench pages into .tmp/bench: the probe, the in-page main process, and the baseline
/// editors (minified); and copies the built renderer beside them.
export async function buildPages(): Promise<void> {
  const built = join(repoRoot, "out", "renderer");
  if (!existsSync(join(built, "index.html"))) throw new Error("build first: npm run build");
  await rm(rendererDir, { recursive: true, force: true });
  await mkdir(benchOut, { recursive: true });
  await cp(built, rendererDir, { recursive: true });
  await rm(beforeDir, { recursive: true, force: true });
  if (beforeBuild) await cp(beforeBuild, beforeDir, { recursive: true });
  const pages = join(repoRoot, "test", "bench", "pages");
  await build({
    entryPoints: { probe: join(pages, "probe.ts"), "copydesk-main": join(pages, "copydesk-main.ts"), prosemirror: join(pages, "prosemirror.ts"), tiptap: join(pages, "tiptap.ts") },
    outdir: benchOut,
    bundle: true,
    minify: true,
    format: "iife",
    target: "chrome130",
    metafile: false,
    logLevel: "warning",
  });
}

const types: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".png": "image/png" };

/// Serves the pages; `article` is what every editor opens (set before loading them).
export interface BenchServer {
  url(editor: EditorName, query?: string): string;
  setArticle(article: ArticleJSON): void;
  close(): Promise<void>;
}

export async function startServer(): Promise<BenchServer> {
  let articleScript = "";
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      const send = (status: number, type: string, body: string | Buffer) => {
        res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
        res.end(body);
      };
      if (path === "/bench/article.js") return send(200, types[".js"], articleScript);
      if (path.startsWith("/bench/")) return send(200, types[".js"], await readFile(join(benchOut, path.slice("/bench/".length))));
      if (path === "/prosemirror.html" || path === "/tiptap.html") return send(200, types[".html"], baselinePage(path.slice(1, -5)));
      const root = (req.headers.host ?? "").startsWith(`${hosts.before}:`) ? beforeDir : rendererDir;
      const file = normalize(join(root, path === "/" ? "index.html" : path));
      if (!file.startsWith(root) || !existsSync(file)) return send(404, "text/plain", "not found");
      if (file.endsWith("index.html")) {
        const html = (await readFile(file, "utf8")).replace(
          "<head>",
          '<head>\n    <script src="/bench/probe.js"></script><script src="/bench/article.js"></script><script src="/bench/copydesk-main.js"></script>',
        );
        return send(200, types[".html"], html);
      }
      send(200, types[extname(file)] ?? "application/octet-stream", await readFile(file));
    })().catch((e: unknown) => {
      res.writeHead(500);
      res.end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "0.0.0.0", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (editor, query = editor === "unchecked" ? "?checks=off" : "") =>
      `http://${hosts[editor]}:${port}/${editor === "prosemirror" || editor === "tiptap" ? `${editor}.html` : ""}${query}`,
    setArticle: (article) => (articleScript = `window.benchArticle=${JSON.stringify(article)};`),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/// Debian's Chromium, headless, with the e2e suite's flags.
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: chromiumArgs });
}

/// A fresh page of an editor with the server's article, once its editor is editable; with the time that took.
export async function openEditor(context: BrowserContext, server: BenchServer, editor: EditorName): Promise<{ page: Page; editableMs: number }> {
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error(`${editor}: ${e.message}`));
  await page.goto(server.url(editor));
  const editableMs = await page.evaluate(() => window.benchProbe.editableAt);
  return { page, editableMs };
}
