import { readFileSync } from "node:fs";
import { writeFileDurably } from "../../../electron/services/durable-write";
import { versionText } from "./crash-save-version";

// The save loop the crash test kills: bundled and run as its own process by crash-save.test.ts.
//   node child.js FILE TEMPLATE VERSION
// Saves version VERSION + 1 once and prints "saved N", waits for a line on stdin, then saves
// VERSION + 2, + 3, … in a loop, printing "saved N" after each, until it is killed.

const [file, templatePath, start] = process.argv.slice(2);
const template = readFileSync(templatePath, "utf8");

async function main(): Promise<void> {
  let version = Number(start) + 1;
  await writeFileDurably(file, versionText(template, version));
  process.stdout.write(`saved ${version}\n`);
  await new Promise((go) => process.stdin.once("data", go));
  for (;;) {
    version += 1;
    await writeFileDurably(file, versionText(template, version));
    process.stdout.write(`saved ${version}\n`);
  }
}

void main();
