import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { parseArticleFile, serializeArticle } from "../../../shared/article-file";
import { createArticle, type Article, type ArticleStatus } from "../../../shared/article";
import { schema } from "../../../shared/schema";
import { validateNinjs, validateNitf } from "../../unit/export/standards";
import { ExportDialog } from "../support/export-dialog";
import { expect, test, testIdentity, type Identity } from "../support/fixtures";

// Issue 14's hand-off from end to end: a reporter files a story to the desk with a note; on the
// desk an editor opens the newsroom's folder, filters the filed stories, opens this one, gives it
// subjects found by searching "elections", urgency 3 and a genre, and marks it ready. The file
// holds all of it, and the NITF and ninjs exports carry each field and validate against the
// official schemas.

const editor: Identity = { id: "p-e2e-editor", name: "Sam Desk", initials: "SD" };

const reread = (path: string): Article => {
  const parsed = parseArticleFile(readFileSync(path));
  if (!parsed.ok) throw new Error(parsed.errors.join("; "));
  return parsed.article;
};

/// Another story of the desk folder, with its headline and status, written as the app writes files.
function otherStory(folder: string, name: string, headline: string, status: ArticleStatus): void {
  const article = createArticle({ now: new Date("2026-11-28T08:00:00Z") });
  const n = schema.nodes;
  const doc = article.doc.copy(article.doc.content.replaceChild(1, n.headline.create(null, schema.text(headline))));
  writeFileSync(join(folder, name), serializeArticle({ ...article, doc, meta: { ...article.meta, status } }));
}

test("a reporter files, the desk finds the story, gives it subjects, urgency and genre, marks it ready, and the wire formats carry it all", async ({ copydesk, launch, workDir }) => {
  const desk = join(workDir, "desk");
  mkdirSync(join(desk, "politics"), { recursive: true });
  otherStory(desk, "ferries.article", "Ferries stay in port", "draft");
  otherStory(join(desk, "politics"), "budget.article", "Budget vote delayed", "ready");
  const path = join(desk, "politics", "elections.article");

  // The reporter writes and files the story to the desk, with a note.
  await copydesk.setHeadline("Parliament calls early elections");
  await copydesk.setDateline("Paris", "2026-11-29", "AFP");
  await copydesk.typeInBody("The president dissolved parliament on Sunday and called elections for January.");
  await copydesk.addAuthor({ name: "Ana Reporter", role: "Writer", jobTitle: "Political correspondent", email: "ana.reporter@example.com" });
  await copydesk.writeBylineFromAuthors();
  await copydesk.fileToDesk("Turnout figures from the interior ministry.");
  await copydesk.save(path);
  await copydesk.target.close();

  // The editor opens the desk, filters the filed stories and opens this one.
  const app = await launch({ as: editor });
  await app.openDesk(desk);
  await expect(app.deskStories()).toHaveCount(3);
  await app.filterDesk("Status", "Filed");
  await expect(app.deskStories()).toHaveCount(1);
  await expect(app.deskStory("Parliament calls early elections")).toContainText("Ana Reporter");
  await app.deskStory("Parliament calls early elections").dblclick();
  await expect(app.desk()).toBeHidden();
  await expect(app.field("headline")).toHaveText("Parliament calls early elections");
  await expect(app.statusChip()).toHaveText("Filed");

  // Subjects by searching, urgency, genre; then ready.
  await app.addSubject("elections");
  await expect(app.subjects()).toHaveCount(1);
  await app.setUrgency(3);
  await app.setGenre("Current Events");
  await app.setMeta({ status: "ready" });
  await expect(app.statusChip()).toHaveText("Ready");
  await app.save();

  const saved = reread(path);
  expect(saved.meta).toMatchObject({ status: "ready", urgency: 3, genre: { code: "genre:Current" } });
  expect(saved.meta.subjects).toHaveLength(1);
  const [subject] = saved.meta.subjects;
  expect(subject.code).toMatch(/^medtop:\d{8}$/);
  expect(subject.name.toLowerCase()).toContain("election");
  expect(saved.meta.authors).toEqual([{ name: "Ana Reporter", role: "writer", jobTitle: "Political correspondent", email: "ana.reporter@example.com" }]);
  expect(saved.review!.workflow.map((w) => [w.status, saved.review!.people[w.by].name])).toEqual([
    ["filed", testIdentity.name],
    ["ready", editor.name],
  ]);
  expect(saved.review!.notes[saved.review!.workflow[0].note!].body).toBe("Turnout figures from the interior ministry.");

  // Its NITF and ninjs carry each field, and validate.
  const out = join(workDir, "wire");
  const exporter = new ExportDialog(app);
  await exporter.open();
  await exporter.choose(["nitf", "ninjs"]);
  await exporter.exportTo(out);
  const written = readdirSync(out);
  const named = (extension: string) => join(out, written.find((name) => name.endsWith(extension)) ?? `(no ${extension} in ${written.join(", ")})`);
  const nitfText = readFileSync(named(".nitf.xml"), "utf8");
  const ninjs = JSON.parse(readFileSync(named(".ninjs.json"), "utf8")) as Record<string, unknown>;
  expect(validateNitf([nitfText])).toEqual([]);
  expect(validateNinjs(ninjs)).toEqual([]);

  const nitf = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(nitfText) as { nitf: Record<string, Record<string, unknown>> };
  const head = nitf.nitf.head as Record<string, Record<string, unknown>>;
  expect(head.tobject["@tobject.type"]).toBe("news");
  expect((head.tobject["tobject.property"] as Record<string, string>)["@tobject.property.type"]).toBe("Current");
  expect((head.tobject["tobject.subject"] as Record<string, string>)["@tobject.subject.refnum"]).toBe(subject.code.slice("medtop:".length));
  expect((head.docdata.urgency as Record<string, string>)["@ed-urg"]).toBe("3");
  expect(head.docdata["@management-status"]).toBe("usable");
  expect(nitfText).toContain("<person>Ana Reporter</person>");
  expect(nitfText).toContain("<byttl>Political correspondent</byttl>");

  expect(ninjs).toMatchObject({
    version: "1",
    urgency: 3,
    pubstatus: "usable",
    genres: [{ name: "Current Events", literal: "genre:Current" }],
    people: [{ name: "Ana Reporter", rel: "writer" }],
  });
  expect(ninjs.subjects).toContainEqual(expect.objectContaining({ name: subject.name, literal: subject.code, rel: "about", uri: `http://cv.iptc.org/newscodes/mediatopic/${subject.code.slice("medtop:".length)}` }));
});
