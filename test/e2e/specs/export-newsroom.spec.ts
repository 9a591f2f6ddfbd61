import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validateNinjs, validateNitf } from "../../unit/export/standards";
import { ExportDialog } from "../support/export-dialog";
import { expect, test } from "../support/fixtures";

// The newsroom's metadata, set in the panel, in the exports (issue 14, item 3): NITF and ninjs
// carry each field where their standard has a place for it and validate; the editor's note
// travels only because the newsroom's defaults say so; the HTML page's JSON-LD names the
// authors (never their e-mails).

test("urgency, genre, subjects, located, authors, rights and the ednote set in the panel reach NITF, ninjs and JSON-LD", async ({ copydesk, workDir }) => {
  await copydesk.setHeadline("Turnout falls in the regional elections");
  await copydesk.typeInBody("Fewer voters went to the polls on Sunday.");
  await copydesk.setDateline("LYON", "2026-11-29");
  await copydesk.setMeta({ slug: "turnout", tags: ["turnout", "regions"] });
  await copydesk.setUrgency(3);
  await copydesk.setGenre("Analysis");
  await copydesk.addSubject("elections", "regional elections");
  await copydesk.setLocated({ city: "dateline", region: "Auvergne-Rhône-Alpes", country: "France" });
  await copydesk.setWireNotes({ ednote: "Turnout figures from the prefecture at 20:00." });
  await copydesk.setRights({ holder: "Agence Example", notice: "© 2026 Agence Example", usageTerms: "No archiving." });
  await copydesk.addAuthor({ name: "Ann Reporter", role: "Writer", jobTitle: "Political correspondent", email: "ann@example.com" });
  await copydesk.addAuthor({ name: "AFP", role: "Contributor" });
  await copydesk.writeBylineFromAuthors();
  await copydesk.setNewsroomDefaults({ sendEdnote: true });

  const exportDialog = new ExportDialog(copydesk);
  await exportDialog.open();
  await exportDialog.choose(["nitf", "ninjs", "html"]);
  await exportDialog.exportTo(workDir);

  const nitf = readFileSync(join(workDir, "turnout.nitf.xml"), "utf8");
  expect(validateNitf([nitf])).toEqual([]);
  expect(nitf).toContain('<tobject tobject.type="news"><tobject.property tobject.property.type="Analysis"/>');
  expect(nitf).toContain('<tobject.subject tobject.subject.ipr="IPTC" tobject.subject.refnum="20000585" tobject.subject.matter="regional elections"/>');
  expect(nitf).toContain('<urgency ed-urg="3"/>');
  expect(nitf).toContain('<ed-msg msg-type="editorial" info="Turnout figures from the prefecture at 20:00."/>');
  expect(nitf).toContain('<du-key key="turnout" version="1"/>');
  expect(nitf).toMatch(/<doc\.copyright year="\d{4}" holder="Agence Example"\/>/);
  expect(nitf).toContain('<doc.rights owner="Agence Example" limitations="No archiving."/>');
  expect(nitf).toContain("<byline>By Ann Reporter and AFP</byline><byline><person>Ann Reporter</person><byttl>Political correspondent</byttl></byline><byline><person>AFP</person></byline>");
  expect(nitf).toContain("<location><city>Lyon</city>, <state>Auvergne-Rhône-Alpes</state>, <country>France</country></location>");
  expect(nitf).not.toContain("ann@example.com");

  const ninjs = JSON.parse(readFileSync(join(workDir, "turnout.ninjs.json"), "utf8"));
  expect(validateNinjs(ninjs)).toEqual([]);
  expect(ninjs).toMatchObject({
    version: "1",
    urgency: 3,
    genres: [{ name: "Analysis", literal: "genre:Analysis", uri: "http://cv.iptc.org/newscodes/genre/Analysis" }],
    subjects: [
      { name: "regional elections", rel: "about", literal: "medtop:20000585", uri: "http://cv.iptc.org/newscodes/mediatopic/20000585" },
      { name: "turnout", rel: "keyword" },
      { name: "regions", rel: "keyword" },
    ],
    located: "Lyon, Auvergne-Rhône-Alpes, France",
    places: [{ name: "Lyon, Auvergne-Rhône-Alpes, France", rel: "located" }],
    by: "By Ann Reporter and AFP",
    people: [
      { name: "Ann Reporter", rel: "writer" },
      { name: "AFP", rel: "contributor" },
    ],
    copyrightholder: "Agence Example",
    copyrightnotice: "© 2026 Agence Example",
    usageterms: "No archiving.",
    ednote: "Turnout figures from the prefecture at 20:00.",
  });

  const html = readFileSync(join(workDir, "turnout.html"), "utf8");
  const jsonLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]);
  expect(jsonLd.author).toEqual([
    { "@type": "Person", name: "Ann Reporter" },
    { "@type": "Organization", name: "AFP" },
  ]);
  expect(jsonLd).toMatchObject({ isAccessibleForFree: true, copyrightHolder: { name: "Agence Example" }, about: [{ name: "regional elections" }] });
  expect(html).not.toContain("ann@example.com");
  expect(html).not.toContain("Turnout figures from the prefecture");
});
