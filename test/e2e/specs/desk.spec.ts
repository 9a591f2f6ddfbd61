import AxeBuilder from "@axe-core/playwright";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createArticle, type Article, type ArticleStatus } from "../../../shared/article";
import { serializeArticle } from "../../../shared/article-file";
import { personFrom } from "../../../shared/review/people";
import { emptyReview } from "../../../shared/review/review";
import { schema } from "../../../shared/schema";
import { rounds } from "../../support/long-tests";
import { expect, test } from "../support/fixtures";

// The desk, in the newsroom's words: an editor opens the newsroom's folder of stories as the desk,
// looks at what was filed, searches for a story, sees one a reporter saves into the folder meanwhile
// appear, and opens stories by double-click and by keyboard.

const n = schema.nodes;
const statuses: ArticleStatus[] = ["draft", "filed", "in-edit", "ready", "published", "held"];
const reporters = ["Amira Haddad", "Tom Li", "Jo Bloggs"];
const events = [
  "Floods close roads",
  "Council votes on budget",
  "Hospital strike enters second week",
  "Ferry services resume",
  "Police appeal for witnesses",
  "New tram line opens",
  "School places shortfall grows",
  "Storm damage bill rises",
  "Mayor faces confidence vote",
  "Factory to cut 300 jobs",
  "Heatwave warning issued",
  "Bridge repairs delayed",
  "Festival crowds break record",
  "Court clears former minister",
  "Rents rise fastest in a decade",
];
const places = ["Leeds", "Lyon", "Porto", "Gdańsk", "Bilbao", "Turin", "Graz", "Malmö", "Cork", "Ghent", "Brno", "Split", "Aarhus", "Tartu", "Bergen", "Nantes"];

/// The headline of the i-th story of the folder: each one different.
const headlineOf = (i: number) => `${events[i % events.length]} in ${places[Math.floor(i / events.length) % places.length]}`;

/// A story with a headline, a paragraph and the desk's metadata.
function deskStory(i: number, headline: string, text: string, status: ArticleStatus): Article {
  const base = createArticle({ id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, now: new Date(Date.UTC(2026, 10, 29, 8, i % 60)) });
  const paragraph = (words: string) => n.paragraph.create(null, schema.text(words));
  return {
    ...base,
    meta: {
      ...base.meta,
      status,
      urgency: (i % 9) + 1,
      embargo: i % 17 === 3 ? new Date(Date.UTC(2030, 0, 1, 9) + i * 3_600_000).toISOString() : null,
      authors: [{ name: reporters[i % 3], role: "writer", jobTitle: "", email: "" }, ...(i % 7 === 0 ? [{ name: "Sam Okafor", role: "photographer" as const, jobTitle: "", email: "" }] : [])],
    },
    review:
      i % 11 === 2
        ? { ...emptyReview(), people: { ed: personFrom("Desk Editor", "DE") }, notes: { desk: { anchor: "article", quote: "", author: "ed", time: base.meta.created, body: "Check the figures.", replies: [], resolved: null } } }
        : undefined,
    doc: n.doc.create(null, [
      n.kicker.create(),
      n.headline.create(null, schema.text(headline)),
      n.standfirst.create(),
      n.byline.create(),
      n.dateline.create(),
      n.body.create(null, [paragraph(text)]),
      n.tagline.create(),
      n.related.create(),
    ]),
  };
}

/// A folder of `count` stories, a fifth of them in subfolders by section, and one file that is not a story.
function deskFolder(dir: string, count: number): { filed: number; mostUrgentFiled: number } {
  let filed = 0;
  let mostUrgentFiled = 9;
  for (let i = 0; i < count; i++) {
    const status = statuses[i % statuses.length];
    if (status === "filed") {
      filed += 1;
      mostUrgentFiled = Math.min(mostUrgentFiled, (i % 9) + 1);
    }
    const section = i % 5 === 0 ? join(dir, ["sport", "business", "world"][i % 3]) : dir;
    mkdirSync(section, { recursive: true });
    const text = i === 77 ? "The ferry to Zanzibar sailed at dawn." : `Council story number ${i} on the budget and the vote.`;
    writeFileSync(join(section, `story-${i}.article`), serializeArticle(deskStory(i, headlineOf(i), text, status)));
  }
  writeFileSync(join(dir, "half-saved.article"), "{ not an article");
  return { filed, mostUrgentFiled };
}

/// Stories in the folder: a few hundred every day, the 5,000 of the issue under `npm run test:long`.
const count = rounds(240, 5000);
/// Rows the desk shows before "Show more".
const page = 300;
const stories = (n: number) => `${n.toLocaleString("en")} stories`;

test("an editor works from the desk: filter, search, a story saved meanwhile, open", async ({ copydesk, workDir }, testInfo) => {
  // The default two minutes for the scenario (axe twice, screenshots, three openings), and 0.4 s
  // a story for reading the folder: 240 stories took 49 and 56 s in CI runs.
  test.setTimeout(120_000 + count * 400);
  const folder = join(workDir, "newsroom-share");
  const { filed, mostUrgentFiled } = deskFolder(folder, count);
  await copydesk.openDesk(folder);
  const desk = copydesk.desk();
  await expect(desk.getByRole("status")).toHaveText(stories(count + 1));
  // The README's picture of the desk (docs/images/desk.png).
  await copydesk.page.screenshot({ path: testInfo.outputPath("desk.png") });
  // The file that is not a story is a line saying why, not a failure.
  await expect(copydesk.deskStories().filter({ hasText: "half-saved.article" })).toContainText("could not be read: the file is not valid JSON");

  await copydesk.filterDesk("Status", "Filed");
  await expect(desk.locator(".desk-count")).toHaveText(`${filed.toLocaleString("en")} of ${stories(count + 1)} shown`);
  await expect(copydesk.deskStories()).toHaveCount(Math.min(filed, page));
  await expect(copydesk.deskStories().locator(".desk-status")).toHaveText(Array(Math.min(filed, page)).fill("Filed"));
  await copydesk.sortDeskBy("Urgency", "ascending");
  await expect(copydesk.deskStories().first().locator(".desk-col-urgency")).toHaveText(String(mostUrgentFiled));
  await copydesk.filterDesk("Status", "");

  // Full text: a word only one story's body holds.
  await copydesk.searchDesk("zanzibar ferry");
  await expect(copydesk.deskStories()).toHaveCount(1);
  await expect(copydesk.deskStories().first()).toContainText(headlineOf(77));
  await copydesk.searchDesk("");
  await expect(copydesk.deskStories()).toHaveCount(Math.min(count + 1, page));

  for (const scheme of ["light", "dark"] as const) {
    await copydesk.page.emulateMedia({ colorScheme: scheme });
    await copydesk.page.screenshot({ path: testInfo.outputPath(`desk-${scheme}.png`) });
    const axe = await new AxeBuilder({ page: copydesk.page }).include("#desk-view").analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
  }
  await copydesk.page.emulateMedia({ colorScheme: "light" });

  // Newest first: a reporter saves a story into the share (written beside, then renamed into place, as editors save).
  await copydesk.sortDeskBy("Updated", "descending");
  const late = join(folder, "world", "late-file.article");
  const lateStory = deskStory(999, "Late story from the border", "Filed at the last minute.", "filed");
  lateStory.meta.updated = new Date().toISOString();
  writeFileSync(`${late}.tmp`, serializeArticle(lateStory));
  renameSync(`${late}.tmp`, late);
  await expect(copydesk.deskStories().first()).toContainText("Late story from the border", { timeout: 30_000 });
  await expect(desk.getByRole("status")).toHaveText(stories(count + 2));

  await copydesk.deskStory("Late story from the border").dblclick();
  await expect(desk).toBeHidden();
  await expect(copydesk.field("headline")).toHaveText("Late story from the border");
  await copydesk.expectTitle(/late-file\.article/);

  // Back to the desk by its key; the story already open is the window's article; Enter on another opens it.
  await copydesk.pressKeyOf("show-desk");
  await expect(desk).toBeVisible();
  await copydesk.deskStory("Late story from the border").dblclick();
  await expect(desk).toBeHidden();
  await copydesk.expectMessage("late-file.article is the article in this window.");
  await copydesk.pressKeyOf("show-desk");
  await expect(desk).toBeVisible();
  await copydesk.searchDesk("zanzibar");
  await expect(copydesk.deskStories()).toHaveCount(1);
  await copydesk.page.keyboard.press("ArrowDown");
  await expect(copydesk.deskStories().first()).toBeFocused();
  await copydesk.page.keyboard.press("Enter");
  await expect(desk).toBeHidden();
  await expect(copydesk.field("headline")).toHaveText(headlineOf(77));
});
