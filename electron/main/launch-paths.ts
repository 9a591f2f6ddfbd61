import { resolve } from "node:path";

// Files handed to Copydesk on a command line: the first launch's own, or a second launch's,
// forwarded through the single-instance lock. Plain Node, so it is tested without Electron.

/// Article files named on a command line, made absolute; the app's own path and switches are skipped.
export function articlePathsFromArgv(argv: string[], workingDirectory: string): string[] {
  return argv.filter((arg) => !arg.startsWith("-") && arg.toLowerCase().endsWith(".article")).map((arg) => resolve(workingDirectory, arg));
}
