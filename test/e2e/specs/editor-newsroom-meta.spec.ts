import AxeBuilder from "@axe-core/playwright";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, testIdentity } from "../support/fixtures";
import { readArticle } from "../support/copydesk";

// The newsroom's metadata in the panel (issue 14, item 2): urgency, genre, subjects from IPTC
// Media Topics, where it happened, the authors and the byline written from them, the rights with
// the newsroom's defaults. Each change is one undo step; the file keeps them all.

test("an editor sets urgency, genre, subjects and authors, writes the byline, and the file holds them", async ({ copydesk, workDir }) => {
  const { page } = copydesk;
  await copydesk.setHeadline("Turnout falls in the regional elections");
  await copydesk.setDateline("LYON", "2026-11-29");
  await copydesk.setUrgency(3);
  await copydesk.setPriority(2);
  await copydesk.setGenre("Analysis");
  await copydesk.setSubjects(["elections"]);
  await copydesk.addSubject("elections", "regional elections");
  await expect(copydesk.subjects()).toHaveText(["election×", "regional elections×"]);
  // How long the topic index took to load when the picker was first used (reported, never asserted).
  const loaded = await page.evaluate(() => performance.getEntriesByName("copydesk:media-topics")[0]?.duration ?? null);
  console.log(`Media Topics index loaded in ${loaded === null ? "?" : loaded.toFixed(0)} ms`);
  await copydesk.setLocated({ city: "dateline", country: "France" });
  await copydesk.setWireNotes({ signOff: "ar/td", ednote: "Turnout figures from the prefecture at 20:00." });

  await copydesk.addAuthor({ name: "Ann Reporter", role: "Writer", jobTitle: "Political correspondent", email: "ann@example.com" });
  await copydesk.addAuthor({ name: "Tom Desk", role: "Editor" });
  const check = copydesk.metaPanel().getByRole("status").filter({ hasText: "The byline does not name" });
  await expect(check).toHaveText("The byline does not name Ann Reporter, Tom Desk.");
  await copydesk.writeBylineFromAuthors();
  await expect(copydesk.field("byline")).toHaveText("By Ann Reporter and Tom Desk");
  await expect(check).toBeHidden();
  // Writing the byline is one undo step.
  await copydesk.undo();
  await expect(copydesk.field("byline")).toHaveText("");
  await copydesk.redo();
  await expect(copydesk.field("byline")).toHaveText("By Ann Reporter and Tom Desk");

  // Reordered with the buttons: the focus follows the author moved.
  await copydesk.author("Tom Desk").getByRole("button", { name: "Move up Tom Desk" }).click();
  await expect(copydesk.metaPanel().getByRole("group", { name: /^Author 1: Tom Desk$/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Move down Tom Desk" })).toBeFocused();
  // A name cannot be emptied: the panel says why and keeps the field as typed.
  const name = copydesk.author("Ann Reporter").getByLabel("Name");
  await name.fill("");
  await name.press("Tab");
  await expect(copydesk.metaPanel().getByRole("alert").filter({ hasText: "An author needs a name" })).toBeVisible();

  // A keyword longer than the file format takes is refused, and stays to be shortened.
  const keywords = copydesk.metaPanel().getByLabel("Keywords");
  await keywords.fill(`ELECTIONS, ${"x".repeat(201)}`);
  await keywords.press("Tab");
  await expect(copydesk.metaPanel().getByRole("alert").filter({ hasText: "A keyword holds at most 200 characters" })).toBeVisible();
  await expect(keywords).toHaveValue(`ELECTIONS, ${"x".repeat(201)}`);
  await keywords.fill("ELECTIONS, LYON");
  await keywords.press("Tab");

  const path = join(workDir, "turnout.article");
  await copydesk.saveAs(path);
  const { meta } = readArticle(path);
  expect(meta).toMatchObject({
    tags: ["ELECTIONS", "LYON"],
    urgency: 3,
    priority: 2,
    genre: { code: "genre:Analysis", name: "Analysis" },
    subjects: [
      { code: "medtop:20000574", name: "election" },
      { code: "medtop:20000585", name: "regional elections" },
    ],
    located: { city: "Lyon", region: "", country: "France" },
    signOff: "ar/td",
    ednote: "Turnout figures from the prefecture at 20:00.",
    authors: [
      { name: "Tom Desk", role: "editor", jobTitle: "", email: "" },
      { name: "Ann Reporter", role: "writer", jobTitle: "Political correspondent", email: "ann@example.com" },
    ],
    version: 1,
    firstPublished: null,
  });
  await expect(copydesk.metaPanel().getByRole("definition").first()).toHaveText("1");
});

test("the newsroom's defaults are set in Edit > Newsroom Defaults…, fill a story's rights in one step, and start every new story", async ({ copydesk, launch, userDataDir }) => {
  await copydesk.setNewsroomDefaults({ holder: "Agence Example", notice: "© 2026 Agence Example", usageTerms: "No archiving.", timeZone: "Europe/Paris", sendEdnote: true });
  await copydesk.setRights("newsroom");
  const rights = { copyrightHolder: "Agence Example", copyrightNotice: "© 2026 Agence Example", usageTerms: "No archiving." };
  expect((await copydesk.documentJson()).meta).toMatchObject(rights);
  await copydesk.undo();
  expect((await copydesk.documentJson()).meta).toMatchObject({ copyrightHolder: "", copyrightNotice: "", usageTerms: "" });

  // The dialog shows what was saved.
  await copydesk.chooseFromMenu("newsroom-defaults");
  const dialog = copydesk.dialog("Newsroom defaults");
  await expect(dialog.getByLabel("Time zone of embargo lines")).toHaveValue("Europe/Paris");
  await expect(dialog.getByLabel("Send the editor's note in NITF and ninjs")).toHaveValue("yes");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // A new window's story starts with them (main creates it with the settings of the newsroom).
  await copydesk.target.close();
  mkdirSync(userDataDir, { recursive: true });
  writeFileSync(join(userDataDir, "settings.json"), JSON.stringify({ identity: testIdentity, newsroom: { ...rights, timeZone: null, exportEdnote: false, templatesFolder: null } }));
  const next = await launch();
  expect((await next.documentJson()).meta).toMatchObject(rights);
  await expect(next.page).not.toHaveTitle(/^• /);
});

for (const colorScheme of ["light", "dark"] as const) {
  test(`the metadata panel, every section open, has no axe violations (${colorScheme})`, async ({ copydesk }) => {
    await copydesk.page.emulateMedia({ colorScheme });
    await copydesk.setHeadline("Storm closes the port");
    await copydesk.setUrgency(2);
    await copydesk.setSubjects(["storm"]);
    await copydesk.addAuthor({ name: "Ann Reporter", jobTitle: "Weather correspondent" });
    await copydesk.setRights({ holder: "Agence Example" });
    for (const section of ["Story", "Wire", "Rights", "People"] as const) await copydesk.openMetaSection(section);
    const results = await new AxeBuilder({ page: copydesk.page }).include("#meta-panel").analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

test("the metadata panel is photographed for the docs", async ({ copydesk }) => {
  const { page } = copydesk;
  await page.setViewportSize({ width: 1280, height: 1800 });
  await page.emulateMedia({ colorScheme: "light" });
  await copydesk.setHeadline("Turnout falls in the regional elections");
  await copydesk.setDateline("LYON", "2026-11-29");
  await copydesk.typeInBody("Fewer than half of the voters went to the polls on Sunday.");
  await copydesk.setUrgency(3);
  await copydesk.setGenre("Analysis");
  await copydesk.setSubjects(["elections"]);
  await copydesk.addSubject("elections", "regional elections");
  await copydesk.setLocated({ city: "dateline", country: "France" });
  await copydesk.setWireNotes({ signOff: "ar/td", ednote: "Turnout figures from the prefecture at 20:00." });
  await copydesk.setRights({ holder: "Agence Example", notice: "© 2026 Agence Example" });
  await copydesk.addAuthor({ name: "Ann Reporter", role: "Writer", jobTitle: "Political correspondent" });
  await copydesk.addAuthor({ name: "Tom Desk", role: "Editor" });
  await copydesk.writeBylineFromAuthors();
  // Story and Rights folded, so that the wire's fields and the authors fit beside the story.
  await copydesk.metaPanel().locator("summary", { hasText: "Story" }).click();
  await copydesk.metaPanel().locator("summary", { hasText: "Rights" }).click();
  await copydesk.metaPanel().evaluate((panel) => panel.scrollTo(0, 0));
  await page.screenshot({ path: join(__dirname, "..", "..", "..", "docs", "images", "newsroom-metadata.png") });
});
