import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { build } from "esbuild";
import { defineConfig } from "electron-vite";
import type { Plugin } from "vite";

// One config builds the three processes: main and preload for Node/Electron, the renderer for the
// page; and, with the main process, the `copydesk` command line.

/// Builds the CLI on its own into out/main/cli/: ES modules split at each dynamic import, so
/// `copydesk validate` loads only the file format, and exporters and importers load on first use.
/// zod is bundled so that only the parts the metadata check uses are loaded (the main process
/// uses all of zod, so a bundle shared with it would load all of it); other packages stay in
/// node_modules.
function commandLine(): Plugin {
  const manifest = JSON.parse(readFileSync(resolve(__dirname, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  return {
    name: "copydesk-cli",
    apply: "build",
    async closeBundle() {
      await build({
        entryPoints: { copydesk: resolve(__dirname, "cli/copydesk.ts") },
        outdir: resolve(__dirname, "out/main/cli"),
        outExtension: { ".js": ".mjs" },
        chunkNames: "chunks/[name]-[hash]",
        bundle: true,
        splitting: true,
        format: "esm",
        platform: "node",
        target: "node20",
        external: Object.keys(manifest.dependencies).filter((name) => name !== "zod"),
        logLevel: "warning",
      });
    },
  };
}

export default defineConfig({
  main: {
    plugins: [commandLine()],
    build: {
      outDir: "out/main",
      rollupOptions: { input: { index: resolve(__dirname, "electron/main/index.ts") } },
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
    build: {
      outDir: resolve(__dirname, "out/renderer"),
      rollupOptions: { input: { index: resolve(__dirname, "renderer/index.html") } },
    },
  },
});
