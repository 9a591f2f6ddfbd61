import { readFileSync } from "node:fs";
import { version } from "../package.json";

// `copydesk`: the command line, plain Node. Each command prints one line per file or problem
// and exits 0 when all went well, 1 when a file was refused, 2 when the command was misused.
// Each command loads its code when it runs: `--version` nothing, `validate` the file format,
// export and import their formats (`npm run bench` times the start-up).

/// The commands that export and import, loaded when one of them runs.
const exportCli = () => import("../electron/services/export-cli");

async function usage(): Promise<string> {
  const { exportUsage, importUsage } = await exportCli();
  return `Usage:
  copydesk validate FILE...        check article files
${exportUsage}
${importUsage}
  copydesk --version               print the version`;
}

/// Runs a command line; returns the exit code. Output goes through `out` and `err`.
export async function runCli(
  args: string[],
  out: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
  err: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case "validate":
      return validate(rest, out, err);
    case "export":
      return (await exportCli()).exportCommand(rest, out, err);
    case "import":
      return (await exportCli()).importCommand(rest, out, err);
    case "--version":
    case "-v":
    case "version":
      out(`copydesk ${version}`);
      return 0;
    case "help":
    case "--help":
    case "-h":
      out(await usage());
      return 0;
    default:
      err(command ? `copydesk: unknown command "${command}"` : "copydesk: no command given");
      err(await usage());
      return 2;
  }
}

async function validate(files: string[], out: (l: string) => void, err: (l: string) => void): Promise<number> {
  if (files.length === 0) {
    err("copydesk validate: name at least one file");
    return 2;
  }
  const { parseArticleFile } = await import("../shared/article-file");
  let failed = false;
  for (const file of files) {
    const problems = problemsOf(file, parseArticleFile);
    if (problems.length === 0) out(`ok ${file}`);
    else {
      failed = true;
      for (const problem of problems) err(`${file}: ${problem}`);
    }
  }
  return failed ? 1 : 0;
}

function problemsOf(file: string, parseArticleFile: typeof import("../shared/article-file").parseArticleFile): string[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder" : code === "EACCES" ? "permission denied" : (e as Error).message;
    return [reason];
  }
  const result = parseArticleFile(bytes);
  return result.ok ? [] : result.errors;
}
