import { access } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { parseArticleFile, serializeArticle } from "../../shared/article-file";
import { exportRegistry } from "../../shared/export/registry";
import type { ExportFormat } from "../../shared/ipc";
import { isTimeZone } from "../../shared/settings";
import { readArticleFile } from "./article-io";
import { writeFileDurably } from "./durable-write";
import { UserFacingError } from "./errors";

// The `copydesk export` and `copydesk import` commands. One line per file written or problem
// found; exit 0 when all went well, 1 when a file was refused, 2 when the command was misused.
// Exporting loads only the exporters asked for, importing only the importers (on first use).

type Print = (line: string) => void;

/// Formats the command line can write (PDF needs Chromium, which the app has and plain Node lacks).
export const cliExportFormats: ExportFormat[] = exportRegistry.filter((f) => f.exporter !== null).map((f) => f.id);

/// What `--existing` may say about files already in the folder (the app asks instead).
const existingChoices = ["replace", "keep-both", "refuse"] as const;

export const exportUsage = `  copydesk export FILE... [--to ${cliExportFormats.join(",")}] [--out DIR] [--force]
                         [--existing ${existingChoices.join("|")}] [--published]
                         [--time-zone ZONE] [--ednote]
                                   export articles (default: every format, next to each file;
                                   --force exports despite errors found by the pre-export check;
                                   files already there are replaced unless --existing says
                                   keep-both, "story (2).html", or refuse, writing nothing;
                                   --published marks the files published, refused before the
                                   embargo, and leaves the article file as it is; --time-zone
                                   writes the embargo line in an IANA zone, not this computer's;
                                   --ednote lets the editor's note travel in NITF and ninjs)`;
export const importUsage = `  copydesk import FILE [--out FILE.article] [--force]
                                   import an .html, .md, .nitf/.xml, ninjs .json or .docx file as an
                                   article, and say where each part was found and what was left out`;

function parse(command: string, args: string[], options: Record<string, { type: "string" | "boolean" }>, err: Print) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    err(`copydesk ${command}: ${(e as Error).message}`);
    return null;
  }
}

/// `copydesk export FILE... --to FORMATS --out DIR --existing replace|keep-both|refuse`. Files
/// already there are replaced by default, as a script re-running an export after each edit
/// expects (as cp and pandoc do); a script that must not lose a file says --existing refuse.
export async function exportCommand(args: string[], out: Print, err: Print): Promise<number> {
  const parsed = parse(
    "export",
    args,
    {
      to: { type: "string" },
      out: { type: "string" },
      force: { type: "boolean" },
      existing: { type: "string" },
      published: { type: "boolean" },
      "time-zone": { type: "string" },
      ednote: { type: "boolean" },
    },
    err,
  );
  if (!parsed) return 2;
  const timeZone = (parsed.values["time-zone"] as string | undefined) ?? null;
  if (timeZone !== null && !isTimeZone(timeZone)) {
    err(`copydesk export: --time-zone must be an IANA time zone such as Europe/London, not "${timeZone}"`);
    return 2;
  }
  const existing = (parsed.values.existing as string | undefined) ?? "replace";
  if (!(existingChoices as readonly string[]).includes(existing)) {
    err(`copydesk export: --existing must be ${existingChoices.join(", ")}, not "${existing}"`);
    return 2;
  }
  const files = parsed.positionals;
  if (files.length === 0) {
    err("copydesk export: name at least one article file");
    return 2;
  }
  const requested = (parsed.values.to as string | undefined)?.split(",").map((f) => f.trim().toLowerCase()).filter(Boolean) ?? cliExportFormats;
  const unknown = requested.filter((f) => !(cliExportFormats as string[]).includes(f));
  if (unknown.length > 0) {
    const pdf = unknown.includes("pdf") ? " (PDF is exported from the app, which has Chromium)" : "";
    err(`copydesk export: unknown format ${unknown.map((f) => `"${f}"`).join(", ")}; choose from ${cliExportFormats.join(", ")}${pdf}`);
    return 2;
  }
  const formats = requested.filter((f): f is ExportFormat => (cliExportFormats as string[]).includes(f));
  const { exportToFolder } = await import("./export-files");
  let failed = false;
  for (const file of files) {
    try {
      const { article } = await readArticleFile(file);
      const folder = (parsed.values.out as string | undefined) ?? dirname(file);
      const result = await exportToFolder(article, formats, folder, {
        ignoreErrors: parsed.values.force === true,
        existing: existing as (typeof existingChoices)[number],
        published: parsed.values.published === true,
        format: { timeZone, exportEdnote: parsed.values.ednote === true },
      });
      for (const warning of result.warnings) err(`${file}: warning: ${warning}`);
      for (const path of result.files) out(`wrote ${path}`);
    } catch (e) {
      failed = true;
      if (e instanceof UserFacingError && e.code === "conflict" && e.details) {
        // --existing refuse: one line per file in the way, saying how to write anyway.
        const folder = (parsed.values.out as string | undefined) ?? dirname(file);
        for (const name of e.details) err(`${join(folder, name)}: already exists, not exported (--existing replace or keep-both writes anyway)`);
        continue;
      }
      const details = e instanceof UserFacingError && e.details ? ` ${e.details.join(" ")}` : "";
      err(`${file}: ${(e as Error).message}${details}`);
    }
  }
  return failed ? 1 : 0;
}

/// `copydesk import FILE --out FILE.article`.
export async function importCommand(args: string[], out: Print, err: Print): Promise<number> {
  const parsed = parse("import", args, { out: { type: "string" }, force: { type: "boolean" } }, err);
  if (!parsed) return 2;
  if (parsed.positionals.length !== 1) {
    err("copydesk import: name one file to import");
    return 2;
  }
  const [file] = parsed.positionals;
  const target = (parsed.values.out as string | undefined) ?? join(dirname(file), `${basename(file).replace(/(\.nitf)?\.[^.]+$/i, "")}.article`);
  const { importFile } = await import("./import-files");
  const result = await importFile(file);
  if (!result.ok) {
    for (const error of result.errors) err(`${file}: ${error}`);
    return 1;
  }
  if (parsed.values.force !== true && (await exists(target))) {
    err(`${target}: already exists (use --force to replace it)`);
    return 1;
  }
  const text = serializeArticle(result.article);
  const check = parseArticleFile(text);
  if (!check.ok) {
    for (const error of check.errors) err(`${file}: ${error}`);
    return 1;
  }
  try {
    await writeFileDurably(target, text);
  } catch (e) {
    err(`${target}: ${(e as Error).message}`);
    return 1;
  }
  out(`wrote ${target}`);
  for (const line of importReport(result)) out(line);
  for (const warning of result.warnings) err(`${file}: warning: ${warning}`);
  return 0;
}

/// The import report's "found" part as the command prints it, one line each: "found: headline from JSON-LD".
/// What was left out and why follows on standard error, one "warning:" line each.
export function importReport(result: { found: string[] }): string[] {
  return result.found.map((line) => `found: ${line}`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
