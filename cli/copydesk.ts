import { version } from "../package.json";

// `copydesk`: the command line, plain Node. Each command prints one line per file or problem
// and exits 0 when all went well, 1 when a file was refused, 2 when the command was misused
// (`review` and `diff` exit 1 when something is open or different, 2 when a file cannot be read).
// Each command loads its code when it runs: `--version` nothing, `validate` the file format,
// export and import their formats (`npm run bench` times the start-up).

/// The commands that export and import, loaded when one of them runs.
const exportCli = () => import("../electron/services/export-cli");
/// The house-style and spelling check, loaded when `check` runs.
const checkCli = () => import("../electron/services/check-cli");
/// The desk's review (`diff` and `review`), loaded when one of them runs.
const reviewCli = () => import("../electron/services/review-cli");
/// The desk's list (`ls`), loaded when it runs.
const deskCli = () => import("../electron/services/desk-cli");
/// The newsroom server (`server`), loaded when it runs.
const serverCli = () => import("../server/server-cli");

/// Prints a line on standard output: the default `out` of `runCli`.
const toStdout = (line: string) => process.stdout.write(`${line}\n`);
/// Colour for the terminal: only when standard output is one and NO_COLOR is unset or empty (no-color.org).
const wantsColour = (out: (line: string) => void) => out === toStdout && process.stdout.isTTY === true && !process.env.NO_COLOR;

async function usage(): Promise<string> {
  const { exportUsage, importUsage } = await exportCli();
  const { checkUsage } = await checkCli();
  const { diffUsage, reviewUsage } = await reviewCli();
  const { lsUsage } = await deskCli();
  const { serverUsage } = await serverCli();
  return `Usage:
  copydesk validate FILE...        check article files
${checkUsage}
${exportUsage}
${importUsage}
${reviewUsage}
${diffUsage}
${lsUsage}
${serverUsage}
  copydesk --version               print the version`;
}

/// Runs a command line; returns the exit code. Output goes through `out` and `err`.
export async function runCli(
  args: string[],
  out: (line: string) => void = toStdout,
  err: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case "validate":
      return validate(rest, out, err);
    case "check":
      return (await checkCli()).checkCommand(rest, out, err);
    case "export":
      return (await exportCli()).exportCommand(rest, out, err);
    case "import":
      return (await exportCli()).importCommand(rest, out, err);
    case "review":
      return (await reviewCli()).reviewCommand(rest, out, err);
    case "diff":
      return (await reviewCli()).diffCommand(rest, out, err, { colour: wantsColour(out) });
    case "ls":
      return (await deskCli()).lsCommand(rest, out, err);
    case "server":
      return (await serverCli()).serverCommand(rest, out, err);
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
  const [{ parseArticleFile, maxFileBytes, overFileLimit }, { readRegularFile, FileRefused }] = await Promise.all([
    import("../shared/article-file"),
    import("../electron/services/regular-file"),
  ]);
  let failed = false;
  for (const file of files) {
    let problems: string[];
    try {
      // Only a regular file is read: a FIFO, a device or a link to one is refused without waiting on it.
      const { bytes } = await readRegularFile(file, maxFileBytes, overFileLimit);
      const result = parseArticleFile(bytes);
      problems = result.ok ? [] : result.errors;
    } catch (e) {
      problems = [e instanceof FileRefused ? e.reason : `could not be checked (${(e as Error)?.message ?? String(e)})`];
    }
    if (problems.length === 0) out(`ok ${file}`);
    else {
      failed = true;
      for (const problem of problems) err(`${file}: ${problem}`);
    }
  }
  return failed ? 1 : 0;
}
