import AxeBuilder from "@axe-core/playwright";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Locator } from "@playwright/test";
import { parseArticleFile, serializeArticle } from "../../../shared/article-file";
import { fieldText } from "../../../shared/article";
import { buildSeedArticle } from "../../support/seed-article";
import type { Copydesk } from "../support/copydesk";
import { expect, test } from "../support/fixtures";

// A reporter starts a story from a template (File > New from Template…): the built-in story
// types, and the newsroom's own .article files in a templates folder chosen from the dialog.

/// The id of the built-in obituary template (scripts/make-templates.ts): a story from it never has it.
const obituaryTemplateId = "a02fb366-7c68-4c18-bb0a-c7d78ef613e3";

/// Opens File > New from Template… and answers its dialog.
async function openTemplates(copydesk: Copydesk): Promise<Locator> {
  await copydesk.chooseFromMenu("new-from-template");
  const dialog = copydesk.dialog("New from template");
  await expect(dialog).toBeVisible();
  return dialog;
}

/// A template's choice in the dialog, by its name.
const templateChoice = (dialog: Locator, name: string) => dialog.getByRole("radio", { name: new RegExp(`^${name}\\b`) });

test("an obituary from its template: genre, structure and a new untitled story that asks for a name", async ({ copydesk, workDir }) => {
  const dialog = await openTemplates(copydesk);
  for (const name of ["News", "Brief", "Live update", "Obituary", "Results"]) await expect(templateChoice(dialog, name)).toBeEnabled();
  await templateChoice(dialog, "Obituary").check();
  await dialog.getByRole("button", { name: "Create" }).click();
  await expect(dialog).toBeHidden();

  await copydesk.expectMessage("New story from the Obituary template");
  await expect(copydesk.field("standfirst")).toHaveText(/^Born .*; died .*/);
  await expect(copydesk.bodyBlocks().filter({ hasText: /^Life$/ })).toHaveCount(1);
  const article = await copydesk.documentJson();
  expect(article.meta.genre).toEqual({ code: "genre:Obituary", name: "Obituary" });
  expect(article.meta).toMatchObject({ status: "draft", version: 1, wordTarget: 800, ednote: "" });
  expect(article.meta.id).not.toBe(obituaryTemplateId);
  expect(await copydesk.page.evaluate(() => window.copydeskApp!.path())).toBeNull();

  // Saving asks for a name, like any new article.
  await copydesk.setHeadline("Ada Example, pioneer of the newsroom, dies at 98");
  const saved = join(workDir, "obituary.article");
  await copydesk.save(saved);
  const file = parseArticleFile(readFileSync(saved, "utf8"));
  if (!file.ok) throw new Error(file.errors.join("; "));
  expect(file.article.meta.genre?.code).toBe("genre:Obituary");
  expect(fieldText(file.article.doc, "standfirst")).toMatch(/^Born /);
});

test("the newsroom's templates from a folder chosen in the dialog; a broken one is listed and cannot be chosen", async ({ copydesk, workDir }, testInfo) => {
  const folder = join(workDir, "newsroom-templates");
  mkdirSync(folder);
  const seed = buildSeedArticle();
  writeFileSync(
    join(folder, "Court report.article"),
    serializeArticle({ ...seed, meta: { ...seed.meta, genre: { code: "genre:Current", name: "Current" }, ednote: "A court report: the charge, the plea, what comes next." } }),
  );
  writeFileSync(join(folder, "Half saved.article"), '{ "format": "copydesk.article", "version": 3, "meta": ');

  const dialog = await openTemplates(copydesk);
  await copydesk.target.answerDialogs({ kind: "folder", path: folder });
  await dialog.getByRole("button", { name: "Choose Templates Folder…" }).click();
  await expect(dialog).toContainText(`The newsroom's templates: ${folder}`);
  await expect(templateChoice(dialog, "Court report")).toBeEnabled();
  await expect(templateChoice(dialog, "Half saved")).toBeDisabled();
  await expect(dialog.locator(".template-choice.broken")).toContainText("Cannot be used: the file is not valid JSON");

  // The README's picture of the dialog (docs/images/templates.png), and axe in both themes.
  await dialog.screenshot({ path: testInfo.outputPath("templates.png") });
  for (const scheme of ["light", "dark"] as const) {
    await copydesk.page.emulateMedia({ colorScheme: scheme });
    const axe = await new AxeBuilder({ page: copydesk.page }).include(".template-dialog").analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
  }
  await copydesk.page.emulateMedia({ colorScheme: "light" });

  // From the keyboard: the arrow keys move between the templates, Enter creates.
  await templateChoice(dialog, "Results").focus();
  await copydesk.page.keyboard.press("ArrowDown");
  await expect(templateChoice(dialog, "Court report")).toBeChecked();
  await copydesk.page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();

  await copydesk.expectMessage("New story from the Court report template");
  await expect(copydesk.field("headline")).toHaveText(fieldText(seed.doc, "headline"));
  const article = await copydesk.documentJson();
  expect(article.meta.id).not.toBe(seed.meta.id);
  expect(article.meta).toMatchObject({ status: "draft", ednote: "", genre: { code: "genre:Current", name: "Current" } });

  // The folder is kept in Settings for the next time.
  const again = await openTemplates(copydesk);
  await expect(templateChoice(again, "Court report")).toBeEnabled();
  await again.getByRole("button", { name: "Cancel" }).click();
  await expect(again).toBeHidden();
});
