import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Node as PMNode } from "prosemirror-model";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../../cli/copydesk";
import type { Article } from "../../../shared/article";
import { serializeArticle } from "../../../shared/article-file";
import { withoutReview } from "../../../shared/review/published";
import { emptyReview } from "../../../shared/review/review";
import { schema } from "../../../shared/schema";
import { seedArticlePath } from "../../support/seed-article";
import { article, meta, p } from "../editor/builders";
import { reviewedArticle } from "./reviewed-article";

// `copydesk review FILE` and `copydesk diff A B`: what the desk's review prints, and exit codes a
// pipeline can stop on (0 nothing open / the same, 1 something open / different, 2 an error),
// in process and as the package's command under plain Node (the built CLI).

const dir = mkdtempSync(join(tmpdir(), "copydesk-review-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

function file(name: string, a: Article): string {
  const path = join(dir, name);
  writeFileSync(path, serializeArticle(a));
  return path;
}

const at = "2026-11-29T10:00:00.000Z";
const people = { ah: { name: "Amira Haddad", initials: "AH", colour: "#2b6cb0" }, tr: { name: "Tom Reyes", initials: "TR", colour: "#c0392b" } };
const noted = (text: string, id: string) => schema.text(text, [schema.marks.note.create({ id })]);

/// A short story with a note on the headline, one on the second paragraph (with a reply), a resolved one and a desk note.
const reviewed: Article = {
  meta: meta(),
  doc: article({ headline: "Arms sales to Iraq", body: [p("The United States will act."), p("He said so on ", noted("Tuesday", "n2"), ".")] }),
  assets: {},
  review: {
    ...emptyReview(),
    people,
    notes: {
      n2: { anchor: "text", quote: "Tuesday", author: "ah", time: at, body: "Monday?", replies: [{ id: "r1", author: "tr", time: "2026-11-29T10:05:00.000Z", body: "Monday, yes.\nFixed in the wire copy." }], resolved: null },
      n3: { anchor: "text", quote: "gone words", author: "tr", time: at, body: "Old note.", replies: [], resolved: { by: "ah", time: at } },
      d1: { anchor: "article", quote: "", author: "tr", time: at, body: "Hold for legal.", replies: [], resolved: null },
    },
  },
};

describe("copydesk review", () => {
  it("prints each open note with its place, noted words, author, time, body and replies, then the counts; exit 1", async () => {
    const result = await cli("review", file("reviewed.article", reviewed));
    expect(result.out).toEqual([
      "note n2 on body 2 “Tuesday” — Amira Haddad (AH), 2026-11-29T10:00:00.000Z",
      "  Monday?",
      "  reply — Tom Reyes (TR), 2026-11-29T10:05:00.000Z",
      "    Monday, yes.",
      "    Fixed in the wire copy.",
      "note d1 desk note — Tom Reyes (TR), 2026-11-29T10:00:00.000Z",
      "  Hold for legal.",
      "1 open note, 1 open desk note, 0 open suggestions (1 resolved note not shown)",
    ]);
    expect(result).toMatchObject({ code: 1, err: [] });
  });

  it("names the field of a note outside the body, and a note whose words were deleted", async () => {
    const review = { ...reviewed.review!, notes: { n2: { ...reviewed.review!.notes.n2, replies: [] } } };
    const gone: Article = { ...reviewed, doc: article({ headline: "Arms sales to Iraq", body: [p("Text.")] }), review };
    expect((await cli("review", file("gone.article", gone))).out[0]).toBe("note n2 no longer anchored (was on “Tuesday”) — Amira Haddad (AH), 2026-11-29T10:00:00.000Z");
    const headline = schema.nodes.headline.create(null, [noted("Arms", "n2"), schema.text(" sales")]);
    const onHeadline: Article = { ...gone, doc: withField(gone.doc, headline) };
    expect((await cli("review", file("field.article", onHeadline))).out[0]).toBe("note n2 on headline “Arms” — Amira Haddad (AH), 2026-11-29T10:00:00.000Z");
  });

  it("exits 0 and says so when nothing is open; --json gives the same report as data", async () => {
    const clean = await cli("review", seedArticlePath);
    expect(clean).toEqual({ code: 0, out: ["0 open notes, 0 open desk notes, 0 open suggestions"], err: [] });
    const json = await cli("review", file("reviewed.article", reviewed), "--json");
    const report = JSON.parse(json.out.join("\n")) as { open: number; notes: { id: string; places: unknown[] }[]; deskNotes: { id: string }[]; resolved: number };
    expect(json.code).toBe(1);
    expect(report.open).toBe(2);
    expect(report.notes.map((n) => [n.id, n.places])).toEqual([["n2", [{ field: "body", block: 2, text: "Tuesday" }]]]);
    expect(report.deskNotes.map((n) => n.id)).toEqual(["d1"]);
    expect(report.resolved).toBe(1);
  });

  it("lists open suggestions (their marks, with the file's suggestions part saying who) with their words, and counts them as open", async () => {
    const { article: full } = reviewedArticle();
    const result = await cli("review", file("full.article", full));
    expect(result.code).toBe(1);
    expect(result.out).toContain("suggestion zqxsuggestion (insert) — Zqx Reporter (ZR), 2026-11-29T10:46:00.000Z [-zqxdeleted soon-]{+next week+}");
    expect(result.out.at(-1)).toBe("15 open notes, 1 open desk note, 1 open suggestion (2 resolved notes not shown)");
  });

  it("exits 2 with a clear message for a missing file, a file that is not an article, and misuse", async () => {
    const notArticle = join(dir, "notes.txt");
    writeFileSync(notArticle, "just some notes");
    const missing = await cli("review", join(dir, "nope.article"));
    expect(missing).toEqual({ code: 2, out: [], err: [`copydesk review: ${join(dir, "nope.article")}: Could not open nope.article: no such file.`] });
    const refused = await cli("review", notArticle);
    expect(refused.code).toBe(2);
    expect(refused.err[0]).toBe(`copydesk review: ${notArticle}: notes.txt is not a valid Copydesk article.`);
    expect(refused.err.length).toBeGreaterThan(1);
    expect(await cli("review")).toEqual({ code: 2, out: [], err: ["copydesk review: name one article file"] });
    expect((await cli("review", seedArticlePath, "--bogus")).code).toBe(2);
  });
});

/// The document with one of its fields replaced.
function withField(doc: PMNode, field: PMNode): PMNode {
  const children: PMNode[] = [];
  doc.forEach((child) => children.push(child.type === field.type ? field : child));
  return doc.type.create(null, children);
}

describe("copydesk diff", () => {
  const older = file("older.article", { meta: meta({ status: "draft" }), doc: article({ headline: "Arms sales to Iraq", body: [p("The United States will act."), p("He said so on Tuesday.")] }), assets: {} });
  const newer = file("newer.article", { meta: meta({ status: "ready" }), doc: article({ headline: "Arms sales to Iraq speed up", body: [p("The United States will act."), p("He said so on Monday.")] }), assets: {} });

  it("prints a redline of fields, metadata and body, and exits 1 when the articles differ", async () => {
    expect(await cli("diff", older, newer)).toEqual({
      code: 1,
      out: ["Headline:", "  Arms sales to Iraq{+ speed up+}", "Metadata:", "  Status: [-draft-] {+ready+}", "Body 2, paragraph:", "  He said so on [-Tuesday-]{+Monday+}."],
      err: [],
    });
  });

  it("prints nothing and exits 0 for the same article, notes aside", async () => {
    expect(await cli("diff", seedArticlePath, seedArticlePath)).toEqual({ code: 0, out: [], err: [] });
    expect(await cli("diff", file("noted.article", reviewed), file("plain.article", withoutReview(reviewed)))).toEqual({ code: 0, out: [], err: [] });
  });

  it("--json gives the redline as data", async () => {
    const result = await cli("diff", older, newer, "--json");
    const redline = JSON.parse(result.out.join("\n")) as { from: string; to: string; equal: boolean; fields: { field: string }[]; meta: { field: string }[]; body: { change: string; after: number }[] };
    expect(result.code).toBe(1);
    expect(redline).toMatchObject({ from: older, to: newer, equal: false });
    expect(redline.fields.map((f) => f.field)).toEqual(["headline"]);
    expect(redline.meta.map((m) => m.field)).toEqual(["status"]);
    expect(redline.body.map((b) => [b.change, b.after])).toEqual([["changed", 2]]);
  });

  it("exits 2 with a clear message for a file it cannot read or misuse", async () => {
    const missing = join(dir, "missing.article");
    expect(await cli("diff", older, missing)).toEqual({ code: 2, out: [], err: [`copydesk diff: ${missing}: Could not open missing.article: no such file.`] });
    expect(await cli("diff", older)).toEqual({ code: 2, out: [], err: ["copydesk diff: name two article files"] });
    expect((await cli("diff", dir, older)).err[0]).toBe(`copydesk diff: ${dir}: Could not open ${dir.split("/").at(-1)}: it is a folder, not a file.`);
  });
});

describe("as the package's command under plain Node", () => {
  const bin = join(__dirname, "..", "..", "..", "bin", "copydesk.cjs");
  const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "" } });

  it("review and diff exit 0, 1 and 2, with no stack trace", () => {
    const open = run("review", file("reviewed.article", reviewed));
    expect(open.status).toBe(1);
    expect(open.stdout).toContain("note n2 on body 2 “Tuesday”");
    expect(run("review", seedArticlePath).status).toBe(0);
    const older = file("a.article", { meta: meta(), doc: article({ headline: "Arms sales" }), assets: {} });
    const newer = file("b.article", { meta: meta(), doc: article({ headline: "Arms deals" }), assets: {} });
    const different = run("diff", older, newer);
    expect(different.status).toBe(1);
    expect(different.stdout).toBe("Headline:\n  Arms [-sales-]{+deals+}\n");
    expect(run("diff", older, older).status).toBe(0);
    const broken = run("diff", older, join(dir, "none.article"));
    expect(broken.status).toBe(2);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
  });

  it("writes no colour when its output is not a terminal", () => {
    const older = file("c.article", { meta: meta(), doc: article({ headline: "Arms sales" }), assets: {} });
    const newer = file("d.article", { meta: meta(), doc: article({ headline: "Arms deals" }), assets: {} });
    expect(run("diff", older, newer).stdout).not.toContain("\x1b[");
  });
});

/// The packages a command of the built CLI loads, read from Node's module cache once it has run.
function packagesLoadedBy(...args: string[]): string[] {
  const entry = join(__dirname, "..", "..", "..", "out", "main", "cli", "copydesk.cjs");
  const script = `require(${JSON.stringify(entry)}).runCli(${JSON.stringify(args)}, () => {}, () => {}).then(() => console.log(JSON.stringify(Object.keys(require.cache))))`;
  const loaded = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as string[];
  return [...new Set(loaded.map((path) => /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(path)?.[1]).filter((name) => name !== undefined))].sort();
}

describe("the built command line loads the review's code only when it runs", () => {
  it("--version loads no word-diff library; review loads none either; diff loads it, and no exporter's", () => {
    expect(packagesLoadedBy("--version")).toEqual([]);
    expect(packagesLoadedBy("review", seedArticlePath)).not.toContain("diff");
    const loaded = packagesLoadedBy("diff", seedArticlePath, seedArticlePath);
    expect(loaded).toContain("diff");
    for (const heavy of ["docx", "mammoth", "linkedom", "markdown-it", "prosemirror-markdown", "yaml", "fast-xml-parser", "nspell"]) expect(loaded).not.toContain(heavy);
  });
});
