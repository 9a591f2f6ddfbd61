import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

// Files handed to Copydesk on a command line: the first launch's own, or a second launch's,
// forwarded through the single-instance lock. Desktop launchers pass paths (%F) or file:// URLs
// (%U, as the AppImage's entry does). Plain Node, so it is tested without Electron.

/// Article files named on a command line, made absolute; the app's own path and switches are skipped.
export function articlePathsFromArgv(argv: string[], workingDirectory: string): string[] {
  return argv
    .filter((arg) => !arg.startsWith("-"))
    .map((arg) => (/^file:\/\//i.test(arg) ? fileUrlToPath(arg) : /^[a-z][a-z0-9+.-]+:\/\//i.test(arg) ? null : arg))
    .filter((arg): arg is string => arg !== null && arg.toLowerCase().endsWith(".article"))
    .map((arg) => resolve(workingDirectory, arg));
}

function fileUrlToPath(url: string): string | null {
  try {
    return fileURLToPath(url);
  } catch {
    return null;
  }
}
