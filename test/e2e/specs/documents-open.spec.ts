import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serializeArticle } from "../../../shared/article-file";
import { article } from "../../unit/services/helpers";
import { invoke } from "./documents-ipc";
import { expect, readArticle, test } from "../support/fixtures";

// Opening files: a malformed one is refused with its problem named and left untouched, one
// already open is not opened twice, and opened or saved files make the recent-files list.

test("a malformed file is refused with the problem named; the file is untouched and work goes on", async ({ copydesk, workDir }) => {
  const path = join(workDir, "broken.article");
  writeFileSync(path, '{ "format": "copydesk.article", "version": 1, "meta": ');
  const before = readFileSync(path);
  await copydesk.tryOpen(path);

  await copydesk.expectMessage(/broken\.article is not a valid Copydesk article/);
  await copydesk.expectMessage(/not valid JSON/);
  expect(readFileSync(path)).toEqual(before);

  await copydesk.setHeadline("Still working");
  await copydesk.saveAs(join(workDir, "working.article"));
  expect(JSON.stringify(readArticle(join(workDir, "working.article")).doc)).toContain("Still working");
});

test("opening a file that is already open does not open it twice", async ({ copydesk, workDir }) => {
  const path = join(workDir, "open.article");
  writeFileSync(path, serializeArticle(article("Already open")));
  await copydesk.open(path);
  await copydesk.expectMessage(/Opened open\.article/);
  await copydesk.typeInBody("Unsaved.");

  const [recent] = await invoke(copydesk.page, "recent:list", {});
  expect(recent.path).toBe(path);
  expect(await invoke(copydesk.page, "document:open", { recent: recent.id })).toBeNull();
  expect(JSON.stringify((await copydesk.documentJson()).doc)).toContain("Unsaved.");
});

test("opened and saved files are listed as recent, newest first, and missing ones drop out", async ({ copydesk, workDir }) => {
  const first = join(workDir, "first.article");
  writeFileSync(first, serializeArticle(article("First")));
  await copydesk.open(first);
  await copydesk.expectMessage(/Opened first\.article/);
  await copydesk.typeInBody("Follow-up.");
  const second = join(workDir, "second.article");
  await copydesk.saveAs(second);

  const recent = await invoke(copydesk.page, "recent:list", {});
  expect(recent.map((f) => f.title)).toEqual(["second.article", "first.article"]);

  rmSync(first);
  expect((await invoke(copydesk.page, "recent:list", {})).map((f) => f.path)).toEqual([second]);
});
