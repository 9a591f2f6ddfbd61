import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../../cli/copydesk";
import type { DeskStory } from "../../../shared/desk/story";
import { tempFolder } from "../services/helpers";
import { story, writeStory } from "./stories";

// `copydesk ls FOLDER`: the desk's list for scripts, as text columns or JSON, filtered by status;
// exit 0 with the list, 1 when the folder cannot be read, 2 when the command is misused.

let cleanup = () => undefined as void;
afterEach(() => cleanup());

function desk(): string {
  const temp = tempFolder("copydesk-ls-");
  cleanup = temp.cleanup;
  const author = (name: string) => [{ name, role: "writer" as const, jobTitle: "", email: "" }];
  writeStory(temp.dir, "budget.article", story("Budget passes", ["The vote was close."], { status: "filed", urgency: 2, authors: author("Tom Reyes"), updated: "2026-11-29T10:00:00.000Z" }));
  writeStory(temp.dir, "world/floods.article", story("Floods in the north", ["Rain fell."], { status: "ready", updated: "2026-11-29T11:00:00.000Z", embargo: "2030-01-01T09:00:00.000Z" }, "By Amira Haddad"));
  writeFileSync(join(temp.dir, "broken.article"), "");
  return temp.dir;
}

async function ls(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(["ls", ...args], (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

describe("copydesk ls", () => {
  it("prints every story as text columns under a header, newest first, with the files that could not be read", async () => {
    const { code, out, err } = await ls(desk());
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out[0].split(/\s+/)).toEqual(["STATUS", "URG", "WORDS", "NOTES", "SUGG", "UPDATED", "EMBARGO", "AUTHOR", "FILE", "HEADLINE"]);
    expect(out).toHaveLength(4);
    // The file that could not be read has the file's time: just now.
    expect(out[1]).toMatch(/^— .* broken\.article +could not be read: the file is empty$/);
    expect(out[2]).toMatch(/^Ready .* 2026-11-29 11:00Z +2030-01-01 09:00Z +By Amira Haddad +world\/floods\.article +Floods in the north$/);
    expect(out[3]).toMatch(/^Filed +2 .* Tom Reyes +budget\.article +Budget passes$/);
  });

  it("filters by status and prints JSON for scripts", async () => {
    const { code, out } = await ls(desk(), "--status", "filed", "--json");
    expect(code).toBe(0);
    const stories = JSON.parse(out.join("\n")) as DeskStory[];
    expect(stories).toEqual([
      {
        id: "budget.article",
        headline: "Budget passes",
        status: "filed",
        authors: ["Tom Reyes"],
        words: 6,
        embargo: null,
        urgency: 2,
        updated: "2026-11-29T10:00:00.000Z",
        notes: 0,
        suggestions: 0,
      },
    ]);
  });

  it("sorts by a column", async () => {
    const { out } = await ls(desk(), "--sort", "headline", "--json");
    expect((JSON.parse(out.join("\n")) as DeskStory[]).map((s) => s.id)).toEqual(["budget.article", "world/floods.article", "broken.article"]);
  });

  it("exits 1 when the folder cannot be read, 2 when misused", async () => {
    const dir = desk();
    const missing = await ls(join(dir, "no-such-folder"));
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toMatch(/^copydesk ls: .*no-such-folder could not be read: there is no such folder$/);
    expect((await ls()).code).toBe(2);
    expect((await ls(dir, "--status", "approved")).err).toEqual(["copydesk ls: --status is one of draft, filed, in-edit, ready, published, held, killed"]);
    expect((await ls(dir, "--sort", "size")).code).toBe(2);
    expect((await ls(dir, "--colour")).code).toBe(2);
  });
});
