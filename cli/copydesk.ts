import { readFile } from "node:fs/promises";
import { parseArticleFile } from "../shared/article-file";
import { exportCommand, exportUsage, importCommand, importUsage } from "../electron/services/export-cli";

// `copydesk`: the command line, plain Node. Each command prints one line per file or problem
// and exits 0 when all went well, 1 when a file was refused, 2 when the command was misused.

const usage = `Usage:
  copydesk validate FILE...        check article files
${exportUsage}
${importUsage}`;

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
      return exportCommand(rest, out, err);
    case "import":
      return importCommand(rest, out, err);
    case "help":
    case "--help":
    case "-h":
      out(usage);
      return 0;
    default:
      err(command ? `copydesk: unknown command "${command}"` : "copydesk: no command given");
      err(usage);
      return 2;
  }
}

async function validate(files: string[], out: (l: string) => void, err: (l: string) => void): Promise<number> {
  if (files.length === 0) {
    err("copydesk validate: name at least one file");
    return 2;
  }
  let failed = false;
  for (const file of files) {
    const problems = await problemsOf(file);
    if (problems.length === 0) out(`ok ${file}`);
    else {
      failed = true;
      for (const problem of problems) err(`${file}: ${problem}`);
    }
  }
  return failed ? 1 : 0;
}

async function problemsOf(file: string): Promise<string[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a folder" : code === "EACCES" ? "permission denied" : (e as Error).message;
    return [reason];
  }
  const result = parseArticleFile(bytes);
  return result.ok ? [] : result.errors;
}
