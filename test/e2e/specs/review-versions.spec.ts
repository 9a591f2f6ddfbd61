import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArticleFile } from "../../../shared/article-file";
import { expect, test } from "../support/fixtures";

// Versions, in the newsroom's words: a reporter files and saves, the desk edits and saves a named
// version; History lists both, shows what changed since the first as a redline, and brings it
// back as one change that Undo takes away again.

test("a saved version and a named one are listed in History, compared as a redline, restored and the restore undone", async ({ copydesk, workDir }) => {
  const path = join(workDir, "arms-sales.article");
  await copydesk.setHeadline("US speeds up arms sales to Iraq");
  await copydesk.typeInBody("The United States will speed up arms sales to Iraq, officials said.");
  await copydesk.save(path);

  await copydesk.typeInBody(" Deliveries start in March.");
  await copydesk.saveVersion("Desk edit");
  // The message line already says "Saved" from the first save: wait for the file itself.
  const versionsInFile = () => {
    const saved = parseArticleFile(readFileSync(path));
    return saved.ok ? saved.article.review?.versions.map((v) => [v.reason, v.name]) : saved.errors;
  };
  await expect.poll(versionsInFile).toEqual([
    ["save", null],
    ["named", "Desk edit"],
  ]);

  const history = await copydesk.openHistory();
  await expect(copydesk.historyVersions()).toHaveCount(2);
  await expect(copydesk.historyVersions().first()).toContainText("Desk edit");
  await expect(copydesk.historyVersions().last()).toContainText("Saved");
  await expect(history).toContainText("words");

  const redline = await copydesk.chooseVersion("Saved");
  await expect(redline.locator("ins")).toContainText(["Deliveries start in March."]);
  await expect(redline.locator("del")).toHaveCount(0);

  await copydesk.restoreVersion();
  await expect(copydesk.bodyBlocks().first()).toHaveText("The United States will speed up arms sales to Iraq, officials said.");
  await copydesk.undo();
  await expect(copydesk.bodyBlocks().first()).toHaveText("The United States will speed up arms sales to Iraq, officials said. Deliveries start in March.");
});

test("History's setting for old versions: the choice is kept in Settings and offered again", async ({ copydesk, userDataDir }) => {
  await copydesk.openHistory();
  await copydesk.keepVersions("Every version, always");
  const settings = () => JSON.parse(readFileSync(join(userDataDir, "settings.json"), "utf8")) as { versionPruning?: unknown };
  await expect.poll(() => settings().versionPruning).toEqual({ keepAllDays: null });
  await copydesk.keepVersions("Every version for 7 days, then one a day");
  await expect.poll(() => settings().versionPruning).toEqual({ keepAllDays: 7 });
  // Closed and opened again, the panel offers the rule the settings hold.
  await copydesk.pressKeyOf("history");
  await copydesk.openHistory();
  await expect(await copydesk.versionKeeping()).toHaveValue("7");
});
