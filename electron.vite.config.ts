import { resolve } from "node:path";
import { defineConfig } from "electron-vite";

// One config builds the three processes: main and preload for Node/Electron, the renderer for the page.
export default defineConfig({
  main: {
    build: {
      outDir: "out/main",
      rollupOptions: { input: { index: resolve(__dirname, "electron/main/index.ts"), cli: resolve(__dirname, "cli/copydesk.ts") } },
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
