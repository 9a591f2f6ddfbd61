import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArticleFile, serializeArticle } from "../../../shared/article-file";
import { writeFileDurably } from "../../../electron/services/durable-write";
import { rounds as roundsFor, timeoutFor } from "../../support/long-tests";
import { versionText } from "./crash-save-version";
import { article, temporaryFiles, tempFolder } from "./helpers";

// Kills a process that is saving in a loop with SIGKILL at random moments: the file on disk
// must always be a valid article equal to the version before or the version being written,
// and the next successful save must leave no temporary file behind. `npm test` kills 60 times,
// `npm run test:long` 200 times; each kill starts a Node process, which can take seconds when
// the machine is busy.

const rounds = roundsFor(60, 200);
const lanes = 2;
let dir: string;
let cleanup: () => void;
let child: string;
let template: string;

beforeAll(() => {
  ({ dir, cleanup } = tempFolder("copydesk-crash-"));
  child = join(dir, "child.js");
  buildSync({ entryPoints: [join(__dirname, "crash-save-child.ts")], bundle: true, platform: "node", format: "cjs", outfile: child, logLevel: "error" });
  const paragraphs = Array.from({ length: 120 }, (_, i) => `Paragraph ${i}: the United States will speed up arms sales to Iraq.`);
  template = serializeArticle(article("Version 000000", ...paragraphs));
  writeFileSync(join(dir, "template.txt"), template);
});
afterAll(() => cleanup());

interface RoundResult {
  before: number;
  onDisk: number;
  temporariesAfterKill: number;
}

/// One round: start the saver, check the first save left no temporary file, let it loop, kill it, check the file.
function round(file: string, before: number): Promise<RoundResult> {
  return new Promise((resolve, reject) => {
    const saver = spawn(process.execPath, [child, file, join(dir, "template.txt"), String(before)], { stdio: ["pipe", "pipe", "inherit"] });
    let reported = before;
    let buffer = "";
    saver.stdout.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        const saved = Number(line.replace("saved ", ""));
        if (reported === before) {
          expect(temporaryFiles(dir).filter((n) => n.includes(file.split("/").pop() ?? ""))).toEqual([]);
          saver.stdin.write("go\n");
          setTimeout(() => saver.kill("SIGKILL"), Math.random() * 25);
        }
        reported = saved;
      }
    });
    saver.on("error", reject);
    saver.on("exit", () => {
      try {
        const text = readFileSync(file, "utf8");
        const parsed = parseArticleFile(text);
        if (!parsed.ok) throw new Error(`round from ${before}: the file does not parse: ${parsed.errors.join("; ")}`);
        const onDisk = Number(/Version (\d+)/.exec(text)?.[1]);
        expect([reported, reported + 1]).toContain(onDisk);
        expect(text).toBe(versionText(template, onDisk));
        const name = file.split("/").pop() ?? "";
        resolve({ before, onDisk, temporariesAfterKill: temporaryFiles(dir).filter((n) => n.includes(name)).length });
      } catch (e) {
        reject(e);
      }
    });
  });
}

describe("saving survives SIGKILL at any moment", () => {
  it(`${rounds} rounds: the file is always the previous or the new version`, { timeout: timeoutFor(rounds / lanes, 10_000) }, async () => {
    const results = await Promise.all(
      Array.from({ length: lanes }, async (_, lane) => {
        const file = join(dir, `lane-${lane}.article`);
        writeFileSync(file, versionText(template, 0));
        const outcomes: RoundResult[] = [];
        let version = 0;
        for (let i = 0; i < rounds / lanes; i++) {
          const result = await round(file, version);
          outcomes.push(result);
          version = result.onDisk;
        }
        await writeFileDurably(file, versionText(template, version + 1));
        expect(temporaryFiles(dir).filter((n) => n.includes(`lane-${lane}.article`))).toEqual([]);
        return outcomes;
      }),
    );
    const all = results.flat();
    expect(all).toHaveLength(rounds);
    const killedMidSave = all.filter((r) => r.temporariesAfterKill > 0).length;
    console.log(`${all.length} kills, ${killedMidSave} left a temporary file that the next save removed`);
  });
});
