import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

// Layering, checked mechanically (see STYLE.md): shared/ runs everywhere and imports neither
// Node, Electron nor the other layers; renderer/ and electron/ never import each other.
const nodeBuiltins = ["node:*", "fs", "fs/*", "path", "os", "child_process", "crypto", "url", "zlib", "stream", "http", "https", "net", "worker_threads", "util", "events", "buffer"];

// "electron" is restricted by exact name (the package), so that our own electron/ folder is not caught by it.
const electronPackage = (message) => ({ name: "electron", message });
const restrict = (groups, paths = []) => ["error", { patterns: groups, paths }];

export default tseslint.config(
  { ignores: ["out/**", "dist/**", ".tmp/**", "node_modules/**", "test-results/**", "playwright-report/**", "test/fixtures/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-control-regex": "off",
    },
  },
  {
    files: ["shared/**/*.ts"],
    rules: {
      "no-restricted-imports": restrict(
        [
          { group: nodeBuiltins, message: "shared/ runs everywhere: no Node built-ins or Electron." },
          { group: ["**/electron/**", "**/renderer/**", "**/cli/**", "**/test/**"], message: "shared/ imports no other layer." },
        ],
        [electronPackage("shared/ runs everywhere: no Node built-ins or Electron.")],
      ),
    },
  },
  {
    files: ["renderer/**/*.ts"],
    languageOptions: { globals: globals.browser },
    rules: {
      "no-restricted-imports": restrict(
        [
          { group: nodeBuiltins, message: "renderer/ talks to the main process only through window.copydesk." },
          { group: ["**/electron/**", "**/cli/**", "**/test/**"], message: "renderer/ may import shared/ only." },
        ],
        [electronPackage("renderer/ talks to the main process only through window.copydesk.")],
      ),
    },
  },
  {
    files: ["electron/**/*.ts", "cli/**/*.ts", "server/**/*.ts"],
    languageOptions: { globals: globals.node },
    rules: {
      "no-restricted-imports": restrict([
        { group: ["**/renderer/**", "**/test/**"], message: "electron/ and cli/ never import renderer/ or tests." },
      ]),
    },
  },
  {
    files: ["electron/services/**/*.ts", "cli/**/*.ts", "server/**/*.ts"],
    rules: {
      "no-restricted-imports": restrict(
        [{ group: ["**/renderer/**", "**/test/**", "**/main/**", "**/preload/**"], message: "Services never import the Electron glue or the renderer." }],
        [electronPackage("Services and the CLI are plain Node: keep Electron in electron/main and electron/preload.")],
      ),
    },
  },
  {
    files: ["test/**/*.ts", "scripts/**/*.ts", "*.config.ts", "**/*.mjs"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    // Playwright fixtures without dependencies are written `async ({}, use) => …`.
    rules: { "no-empty-pattern": "off" },
  },
  {
    // CommonJS entry points (bin/copydesk.cjs) start without the ES module loader: require is their point.
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
