import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { benchOut, rendererDir } from "./browser";

// Bundle sizes, minified and gzipped (level 9), in KB: what the first frame loads (the entry
// script and stylesheet with what they import statically) and what loads later on demand.

const gz = (data: Buffer) => gzipSync(data, { level: 9 }).byteLength / 1024;

/// Copydesk's renderer as electron-vite built it: the scripts and styles index.html loads, and the lazy chunks.
export async function rendererBundle(dir = rendererDir): Promise<{ initialKB: number; initialRawKB: number; lazyKB: number }> {
  const html = await readFile(join(dir, "index.html"), "utf8");
  const initial = new Set([...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1]));
  let initialKB = 0;
  let initialRawKB = 0;
  let lazyKB = 0;
  for (const file of await readdir(join(dir, "assets"))) {
    if (!/\.(js|css)$/.test(file)) continue;
    const data = await readFile(join(dir, "assets", file));
    if (initial.has(`assets/${file}`)) {
      initialKB += gz(data);
      initialRawKB += data.byteLength / 1024;
    } else lazyKB += gz(data);
  }
  return { initialKB, initialRawKB, lazyKB };
}

/// The baselines' bundles (esbuild, minified), gzipped, in KB.
export async function baselineBundle(editor: "prosemirror" | "tiptap"): Promise<{ initialKB: number; initialRawKB: number }> {
  const data = await readFile(join(benchOut, `${editor}.js`));
  return { initialKB: gz(data), initialRawKB: data.byteLength / 1024 };
}
