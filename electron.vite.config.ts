import { resolve } from "node:path";
import { defineConfig } from "electron-vite";
import { build, type Plugin } from "vite";
import type { CodeSplittingNameFunction } from "rolldown";
import { ruleSpecs } from "./scripts/vite-rule-specs";
import { vocabularies } from "./scripts/vite-vocabularies";

// One config builds the three processes: main and preload for Node/Electron, the renderer for the
// page; and, with the main process, the `copydesk` command line.

/// Builds the CLI on its own into out/main/cli/: one CommonJS file holding the command line,
/// and a chunk per dynamic import, so `copydesk --version` loads nothing more, `validate` the file
/// format, and export and import their formats on first use. zod is bundled so that only the
/// parts the metadata check uses are loaded (the main process uses all of zod, so code shared
/// with it would load all of it); other packages stay in node_modules.
function commandLine(): Plugin {
  return {
    name: "copydesk-cli",
    apply: "build",
    async closeBundle() {
      await build({
        configFile: false,
        root: __dirname,
        logLevel: "warn",
        ssr: { noExternal: ["zod"] },
        build: {
          ssr: resolve(__dirname, "cli/copydesk.ts"),
          outDir: resolve(__dirname, "out/main/cli"),
          emptyOutDir: true,
          minify: true,
          rollupOptions: { output: { format: "cjs", entryFileNames: "copydesk.cjs", chunkFileNames: "chunks/[name]-[hash].cjs" } },
        },
      });
    },
  };
}

/// Names the chunk of every module the renderer's entry imports statically: the first frame, as one
/// chunk. Without it, a module the entry shares with lazily loaded chunks that also share code among
/// themselves (the file format, needed by paste from a page and by shared stories) is split out of the
/// entry into a small chunk of its own, a dozen of them, which gzip worse apart (4.6 KB more in all).
function firstFrameChunk(entry: string): CodeSplittingNameFunction {
  let firstFrame: Set<string> | null = null;
  return (id, context) => {
    if (!firstFrame) {
      firstFrame = new Set();
      const pending = [entry];
      for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
        if (firstFrame.has(next)) continue;
        firstFrame.add(next);
        pending.push(...(context.getModuleInfo(next)?.importedIds ?? []));
      }
    }
    return firstFrame.has(id) ? "first-frame" : null;
  };
}

/// `electron-vite dev` only: Vite's dev server serves CSS as <style> elements it injects, which the
/// page's policy (style-src 'self', shared/csp.ts) forbids, so its copy of the page allows inline
/// styles. Built pages keep the strict policy (test/unit/security/csp.test.ts reads out/renderer).
function devServerInlineStyles(): Plugin {
  return {
    name: "copydesk-dev-inline-styles",
    apply: "serve",
    transformIndexHtml: (html) => html.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';"),
  };
}

export default defineConfig({
  main: {
    plugins: [commandLine()],
    build: {
      outDir: "out/main",
      // The heavy-work thread (electron/services/heavy-worker.ts) and the desk's (desk-worker.ts) are entries of their own, next to index.js.
      rollupOptions: {
        input: {
          index: resolve(__dirname, "electron/main/index.ts"),
          "heavy-worker": resolve(__dirname, "electron/services/heavy-worker.ts"),
          "desk-worker": resolve(__dirname, "electron/services/desk-worker.ts"),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: "out/preload",
      // A sandboxed preload must be a single CommonJS file with no imports but "electron".
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, "electron/preload/index.ts") },
        output: { format: "cjs", entryFileNames: "[name].cjs" },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, "renderer"),
    plugins: [devServerInlineStyles(), ruleSpecs(resolve(__dirname, "shared/style/guides")), vocabularies()],
    // The spelling worker is a module, so each language's dictionary is its own chunk, loaded on first use.
    worker: { format: "es" },
    build: {
      outDir: resolve(__dirname, "out/renderer"),
      // Minified like any web page (electron-vite leaves the renderer as written): a third of the
      // size, so less to load and parse before the article is editable.
      minify: true,
      rollupOptions: {
        input: { index: resolve(__dirname, "renderer/index.html") },
        output: { codeSplitting: { groups: [{ name: firstFrameChunk(resolve(__dirname, "renderer/src/main.ts")) }] } },
      },
    },
  },
});
