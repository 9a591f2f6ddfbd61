import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";

// Validators of the official schemas (test/fixtures/standards), offline: xmllint for NITF, ajv for ninjs.

const standards = join(__dirname, "..", "..", "fixtures", "standards");
export const nitfXsd = join(standards, "nitf", "nitf-3-6.xsd");

/// Validates many NITF documents with one xmllint run; returns xmllint's complaints (empty when all validate).
export function validateNitf(documents: string[]): string[] {
  const folder = mkdtempSync(join(tmpdir(), "copydesk-nitf-"));
  try {
    const files = documents.map((xml, i) => {
      const file = join(folder, `${i}.xml`);
      writeFileSync(file, xml);
      return file;
    });
    const result = spawnSync("xmllint", ["--noout", "--nonet", "--schema", nitfXsd, ...files], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    if (result.error) throw result.error;
    const problems = result.stderr.split("\n").filter((line) => line.trim() !== "" && !/ validates$/.test(line));
    if (result.status !== 0 && problems.length === 0) problems.push(`xmllint exited with ${result.status}`);
    return problems;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(JSON.parse(readFileSync(join(standards, "ninjs", "GeoJSON-schema.json"), "utf8")) as object);
const ninjsValidator = ajv.compile(JSON.parse(readFileSync(join(standards, "ninjs", "ninjs-schema_2.2.json"), "utf8")) as object);

/// The ninjs 2.2 schema's complaints about a document (empty when it is valid).
export function validateNinjs(json: unknown): string[] {
  if (ninjsValidator(json)) return [];
  return (ninjsValidator.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
}
