import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../../cli/copydesk";
import { seedArticlePath } from "../../support/seed-article";

// `copydesk export` over files already in the folder: replaced by default (a script re-running
// an export after an edit expects its files updated), or --existing keep-both or refuse.

const dir = mkdtempSync(join(tmpdir(), "copydesk-cli-existing-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const slug = "us-speeds-up-arms-sales-to-iraq-amid-jihadist-resurgence";

async function run(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

/// A fresh folder holding an old `.txt` export of the reference article.
function folderWithOldText(name: string): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  writeFileSync(join(folder, `${slug}.txt`), "old");
  return folder;
}

describe("copydesk export with files already there", () => {
  it("replaces them by default, as before", async () => {
    const folder = folderWithOldText("replace");
    const result = await run("export", seedArticlePath, "--to", "txt,md", "--out", folder);
    expect(result).toMatchObject({ code: 0, err: [], out: [`wrote ${join(folder, `${slug}.txt`)}`, `wrote ${join(folder, `${slug}.md`)}`] });
    expect(readFileSync(join(folder, `${slug}.txt`), "utf8")).toContain("Middle East");
  });

  it("--existing keep-both writes the set beside them under one number", async () => {
    const folder = folderWithOldText("keep-both");
    const result = await run("export", seedArticlePath, "--to", "txt,md", "--out", folder, "--existing", "keep-both");
    expect(result).toMatchObject({ code: 0, err: [], out: [`wrote ${join(folder, `${slug} (2).txt`)}`, `wrote ${join(folder, `${slug} (2).md`)}`] });
    expect(readFileSync(join(folder, `${slug}.txt`), "utf8")).toBe("old");
  });

  it("--existing refuse writes nothing, names each file in the way on one line and exits 1", async () => {
    const folder = folderWithOldText("refuse");
    const result = await run("export", seedArticlePath, "--to", "txt,md", "--out", folder, "--existing", "refuse");
    expect(result).toEqual({
      code: 1,
      out: [],
      err: [`${join(folder, `${slug}.txt`)}: already exists, not exported (--existing replace or keep-both writes anyway)`],
    });
    expect(readdirSync(folder)).toEqual([`${slug}.txt`]);
  });

  it("an unknown --existing is misuse: exit 2, one line", async () => {
    const result = await run("export", seedArticlePath, "--existing", "overwrite");
    expect(result).toEqual({ code: 2, out: [], err: ['copydesk export: --existing must be replace, keep-both, refuse, not "overwrite"'] });
  });
});
