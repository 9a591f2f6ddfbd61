import { buildSync } from "esbuild";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { dialogsBundle, electronBinary, hostBundle, targetName } from "./targets";

/// Checks once, before any spec, that the chosen target can run at all.
export default function globalSetup(): void {
  const root = join(__dirname, "..", "..", "..");
  if (!existsSync(join(root, "out", "renderer", "index.html")) || !existsSync(join(root, "out", "main", "index.js"))) {
    throw new Error("The app is not built: run `npm run build` (or `npm run e2e`, which builds first).");
  }
  if (targetName() === "chromium-host") {
    // The host is started once or more per test: a bundle starts in a fraction of tsx's time.
    buildSync({
      entryPoints: [join(root, "test", "e2e", "host", "main.ts")],
      outfile: hostBundle,
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      packages: "external",
      logLevel: "error",
    });
  }
  if (targetName() === "electron") {
    // The scripted dialogs, loaded into Electron's main process by the target.
    buildSync({
      entryPoints: [join(root, "test", "support", "scripted-dialogs.ts")],
      outfile: dialogsBundle,
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      logLevel: "error",
    });
  }
  if (targetName() === "electron" && !electronBinary()) {
    throw new Error(
      "The electron target needs Electron installed: its binary is missing (installed with ELECTRON_SKIP_BINARY_DOWNLOAD?). " +
        "Run `npx install-electron` with internet access, or use the default chromium-host target.",
    );
  }
}
