import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "../support/fixtures";

// An editor brings in a story from elsewhere with File > Import and saves it as an article.

const page = `<!doctype html><html lang="en"><head><title>Harbour</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Storm closes the harbour","articleSection":"Weather","author":{"@type":"Person","name":"Ana Ruiz"}}</script>
</head><body><article>
<h1>Storm closes the harbour</h1>
<p class="standfirst">Ferries cancelled as gusts reach 120 km/h.</p>
<p>Ferries stayed in port on Tuesday <a href="https://example.com/port">as winds rose</a>.</p>
<h2>Clean-up</h2>
<p>Crews began <a href="javascript:alert(1)">clearing</a> debris.<img src="x" onerror="window.__pwned = true"></p>
<script>window.__pwned = true</script>
</article></body></html>`;

test("an HTML page imports as a new, unsaved article with its parts in place and nothing hostile", async ({ copydesk, workDir }) => {
  const source = join(workDir, "harbour.html");
  writeFileSync(source, page);
  await copydesk.target.answerDialogs({ kind: "open", path: source });

  await copydesk.target.menuCommand("import");

  await copydesk.expectMessage(/^Imported: \d+ parts found/);
  await copydesk.page.getByRole("button", { name: "Report…" }).click();
  const report = copydesk.page.getByRole("dialog", { name: "Import report" });
  await expect(report.getByRole("region", { name: "Found" })).toContainText("headline from JSON-LD");
  await expect(report.getByRole("region", { name: "Found" })).toContainText("standfirst from the page");
  await report.getByRole("button", { name: "Close" }).click();
  await expect(report).toBeHidden();
  await expect(copydesk.field("headline")).toHaveText("Storm closes the harbour");
  await expect(copydesk.field("standfirst")).toHaveText("Ferries cancelled as gusts reach 120 km/h.");
  await expect(copydesk.bodyBlocks().filter({ hasText: "Clean-up" })).toHaveCount(1);
  const article = await copydesk.documentJson();
  const json = JSON.stringify(article.doc);
  expect(json).toContain("https://example.com/port");
  expect(json).not.toContain("javascript:");
  expect(json).not.toContain("onerror");
  expect(await copydesk.page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  expect(await copydesk.page.evaluate(() => window.copydeskApp!.edited())).toBe(true);
  expect(await copydesk.page.evaluate(() => window.copydeskApp!.path())).toBeNull();
});

test("a file that cannot be imported says why and leaves the article as it was", async ({ copydesk, workDir }) => {
  const source = join(workDir, "wire.xml");
  writeFileSync(source, '<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY x SYSTEM "file:///etc/passwd">]><nitf><body>&x;</body></nitf>');
  await copydesk.setHeadline("Kept");
  await copydesk.saveAs(join(workDir, "kept.article"));
  await copydesk.target.answerDialogs({ kind: "open", path: source });

  await copydesk.target.menuCommand("import");

  await copydesk.expectMessage(/Could not import wire\.xml\..*DOCTYPE/);
  await expect(copydesk.field("headline")).toHaveText("Kept");
});
