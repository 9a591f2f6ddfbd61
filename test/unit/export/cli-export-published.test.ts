import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../../cli/copydesk";
import { parseArticleFile, serializeArticle } from "../../../shared/article-file";
import { seedArticlePath } from "../../support/seed-article";

// `copydesk export --published` (refused before the embargo, even with --force), `--time-zone`
// for the embargo line and `--ednote` for the editor's note in the wire formats.

const dir = mkdtempSync(join(tmpdir(), "copydesk-cli-published-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const slug = "us-speeds-up-arms-sales-to-iraq-amid-jihadist-resurgence";

async function run(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

/// The reference article with an embargo and an editor's note, as a file of its own.
function articleFile(name: string, embargo: string): string {
  const parsed = parseArticleFile(readFileSync(seedArticlePath));
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  const path = join(dir, `${name}.article`);
  writeFileSync(path, serializeArticle({ ...parsed.article, meta: { ...parsed.article.meta, embargo, ednote: "Check the figures" } }));
  return path;
}

describe("copydesk export --published", () => {
  it("refuses before the embargo, even with --force, and writes nothing", async () => {
    const file = articleFile("future", "2099-01-01T09:00:00Z");
    const out = join(dir, "refused");
    const result = await run("export", file, "--to", "txt,ninjs", "--out", out, "--published", "--force");
    expect(result.code).toBe(1);
    expect(result.err).toEqual([expect.stringMatching(/future\.article: The article is embargoed until .*cannot be exported as published/)]);
    expect(existsSync(out)).toBe(false);
  });

  it("writes the files as published after the embargo and leaves the article file as it is", async () => {
    const file = articleFile("past", "2020-01-01T09:00:00Z");
    const before = readFileSync(file, "utf8");
    const out = join(dir, "published");
    const result = await run("export", file, "--to", "ninjs", "--out", out, "--published");
    expect(result).toMatchObject({ code: 0, out: [`wrote ${join(out, `${slug}.ninjs.json`)}`] });
    expect(JSON.parse(readFileSync(join(out, `${slug}.ninjs.json`), "utf8"))).toMatchObject({ pubstatus: "usable", version: "1" });
    expect(readFileSync(file, "utf8")).toBe(before);
  });
});

describe("copydesk export --time-zone and --ednote", () => {
  it("writes the embargo line in the zone given and the editor's note only when asked", async () => {
    const file = articleFile("zoned", "2030-01-01T09:00:00Z");
    const out = join(dir, "zoned");
    expect((await run("export", file, "--to", "txt,ninjs", "--out", out, "--time-zone", "America/New_York")).code).toBe(0);
    expect(readFileSync(join(out, `${slug}.txt`), "utf8").split("\n")[0]).toBe("EMBARGOED UNTIL 04:00 EST 1 Jan 2030");
    expect(JSON.parse(readFileSync(join(out, `${slug}.ninjs.json`), "utf8"))).not.toHaveProperty("ednote");
    expect((await run("export", file, "--to", "ninjs", "--out", out, "--ednote")).code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, `${slug}.ninjs.json`), "utf8")).ednote).toBe("Check the figures");
  });

  it("refuses a time zone that is not one", async () => {
    const result = await run("export", seedArticlePath, "--time-zone", "Mars/Olympus");
    expect(result).toMatchObject({ code: 2, err: ['copydesk export: --time-zone must be an IANA time zone such as Europe/London, not "Mars/Olympus"'] });
  });
});
