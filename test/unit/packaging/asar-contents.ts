// What may ship inside app.asar: the built app from out/ and the production dependencies;
// never tests, fixtures, TypeScript sources, source maps or development dependencies.
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { extractFile, listPackage } from "@electron/asar";

/** One package found under node_modules in the asar. */
export interface PackagedModule {
  /** Its folder inside the asar, such as `node_modules/docx`. */
  path: string;
  name: string;
  version: string;
}

/** The listing of an app.asar: every file and folder path (no leading slash) and its packages. */
export interface AsarContents {
  paths: string[];
  modules: PackagedModule[];
  /** Packages that the built main and preload require at run time, such as `zod`. */
  requiredPackages: string[];
}

/** The parts of package-lock.json the check reads. */
export interface Lockfile {
  packages: Record<string, { version?: string; dev?: boolean }>;
}

/** The parts of package.json the check reads. */
export interface Manifest {
  version?: string;
  dependencies?: Record<string, string>;
}

/** The built entry points that every package must contain. */
export const builtEntries = ["out/main/index.js", "out/preload/index.cjs", "out/renderer/index.html"];

/** Reads the file listing and the node_modules packages of an app.asar. */
export function readAsar(asarPath: string): AsarContents {
  const paths = listPackage(asarPath, { isPack: false }).map((path) => path.replace(/\\/g, "/").replace(/^\//, ""));
  const modules: PackagedModule[] = [];
  for (const path of paths) {
    const match = /^(?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(path);
    if (match === null) continue;
    const { name, version } = JSON.parse(extractFile(asarPath, path).toString("utf8")) as { name?: string; version?: string };
    modules.push({ path: path.slice(0, -"/package.json".length), name: name ?? match[1]!, version: version ?? "" });
  }
  const requiredPackages = new Set<string>();
  for (const path of paths.filter((path) => /^out\/(?:main|preload)\/.*\.[cm]?js$/.test(path))) {
    for (const name of packagesRequiredBy(extractFile(asarPath, path).toString("utf8"))) requiredPackages.add(name);
  }
  return { paths, modules, requiredPackages: [...requiredPackages].sort() };
}

/** The npm packages a built file loads: bare specifiers, minus Node's built-ins and Electron. */
export function packagesRequiredBy(code: string): string[] {
  const names = new Set<string>();
  // Bundled libraries quote `require('x')` in their doc comments: scan the code only.
  const withoutComments = code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  // A package name is lower case letters, digits and -._~ (with an @scope/): a string that merely follows "from" is not one.
  for (const [, specifier] of withoutComments.matchAll(/(?:\brequire\(|\bfrom\s*|\bimport\()\s*["']((?:@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*(?:\/[\w.~@-]+)*)["']/g)) {
    const name = specifier!.split("/").slice(0, specifier!.startsWith("@") ? 2 : 1).join("/");
    if (!specifier!.startsWith("node:") && !builtinModules.includes(name) && name !== "electron") names.add(name);
  }
  return [...names];
}

/** Reads package.json and package-lock.json of the project. */
export function readProjectManifests(projectRoot: string): { manifest: Manifest; lockfile: Lockfile } {
  const read = (file: string): unknown => JSON.parse(readFileSync(join(projectRoot, file), "utf8"));
  return { manifest: read("package.json") as Manifest, lockfile: read("package-lock.json") as Lockfile };
}

const sourceFile = /\.(?:ts|tsx|mts|cts)$/;
const sourceMap = /\.map$/;
const testFile = /(?:^|\/)(?:test|tests|__tests__|fixtures|e2e)(?:\/|$)|\.(?:test|spec|bench)\.[cm]?[jt]sx?$/;

/** Lists everything wrong with an asar's contents; an empty list means it is fit to ship. */
export function findPackagingProblems(contents: AsarContents, manifest: Manifest, lockfile: Lockfile): string[] {
  const problems: string[] = [];
  const paths = new Set(contents.paths);

  for (const entry of builtEntries) if (!paths.has(entry)) problems.push(`missing built entry: ${entry}`);
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    if (!paths.has(`node_modules/${name}/package.json`)) problems.push(`missing production dependency: ${name}`);
  }

  const packaged = new Set(contents.modules.map((module) => module.path));
  for (const name of contents.requiredPackages) {
    if (!packaged.has(`node_modules/${name}`)) problems.push(`required by the built app but not packaged: ${name}`);
  }

  for (const path of contents.paths) {
    const inDependency = path === "node_modules" || path.startsWith("node_modules/");
    if (!inDependency && path !== "package.json" && path !== "out" && !path.startsWith("out/")) problems.push(`not part of the built app: ${path}`);
    if (sourceFile.test(path)) problems.push(`source file: ${path}`);
    if (sourceMap.test(path)) problems.push(`source map: ${path}`);
    if (!inDependency && testFile.test(path)) problems.push(`test file: ${path}`);
  }

  // A package is a dev dependency when no lockfile entry of that name and version is needed in production.
  const production = new Set<string>();
  for (const [key, entry] of Object.entries(lockfile.packages)) {
    const name = key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length);
    if (key !== "" && entry.dev !== true) production.add(`${name}@${entry.version ?? ""}`);
  }
  for (const module of contents.modules) {
    if (!production.has(`${module.name}@${module.version}`)) problems.push(`dev dependency: ${module.name}@${module.version} at ${module.path}`);
  }
  return problems;
}
