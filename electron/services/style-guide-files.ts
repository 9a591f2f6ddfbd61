import { readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import type { StyleGuideFiles } from "../../shared/ipc";
import { FileRefused, readRegularFile } from "./regular-file";

// Reads a newsroom's style guide from its folder: every .yml or .yaml file in it and its
// sub-folders (docs/style-rules.md describes them). Used by the main process for the window
// (`style:guide`) and by `copydesk check --guide`.

/// At most this many rule files, each at most this large: a guide is text a desk writes.
const maxFiles = 500;
const maxFileBytes = 1024 * 1024;

/// The YAML rule files of a guide folder; what could not be read is listed, not thrown.
export async function readStyleGuideFolder(folder: string | null): Promise<StyleGuideFiles> {
  if (!folder) return { folder: null, files: [], errors: [] };
  let names: string[];
  try {
    names = (await readdir(folder, { recursive: true, encoding: "utf8" })).filter((name) => /\.ya?ml$/i.test(name)).sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "does not exist" : code === "ENOTDIR" ? "is not a folder" : code === "EACCES" ? "cannot be read (permission denied)" : (e as Error).message;
    return { folder, files: [], errors: [`The style guide folder ${folder} ${why}.`] };
  }
  const errors: string[] = [];
  if (names.length > maxFiles) errors.push(`The style guide folder has ${names.length} rule files; only the first ${maxFiles} are read.`);
  const files: StyleGuideFiles["files"] = [];
  for (const name of names.slice(0, maxFiles)) {
    const path = join(folder, name);
    try {
      // Only regular files: a FIFO or a link to a device named *.yml is refused, not waited on.
      const { bytes } = await readRegularFile(path, maxFileBytes, "larger than 1 MB, left out");
      files.push({ name: relative(folder, path).split("\\").join("/"), text: bytes.toString("utf8") });
    } catch (e) {
      errors.push(`${name}: ${e instanceof FileRefused ? `${e.reason}.` : (e as Error).message}`);
    }
  }
  return { folder, files, errors };
}
