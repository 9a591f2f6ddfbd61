import type { Locator } from "@playwright/test";
import { expect, test } from "../support/fixtures";

// Moving through the fields with the keyboard, keeping them whole, and undo across fields.

test("Enter and Tab walk the fields in order; Shift-Tab walks back", async ({ copydesk }) => {
  const { page } = copydesk;
  await copydesk.setKicker("World");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Storm closes the harbour");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Ferries stay in port");
  await page.keyboard.press("Tab");
  await page.keyboard.type("By Ana Ruiz");
  await page.keyboard.press("Tab");
  await page.keyboard.type("LISBON");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Winds reached 120 km/h.");
  await page.keyboard.press("Tab");
  await page.keyboard.type("(Reuters)");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.type(" Boats waited.");
  await expect(copydesk.field("kicker")).toHaveText("World");
  await expect(copydesk.field("headline")).toHaveText("Storm closes the harbour");
  await expect(copydesk.field("standfirst")).toHaveText("Ferries stay in port");
  await expect(copydesk.field("byline")).toHaveText("By Ana Ruiz");
  await expect(copydesk.field("dateline")).toContainText("LISBON");
  await expect(copydesk.field("tagline")).toHaveText("(Reuters)");
  await expect(copydesk.bodyBlocks()).toHaveText(["Winds reached 120 km/h. Boats waited."]);
});

test("every field has an accessible name and a placeholder", async ({ copydesk }) => {
  for (const name of ["Kicker", "Headline", "Standfirst", "Byline", "Dateline", "Story", "Tagline"]) {
    await expect(copydesk.page.getByRole("textbox", { name, exact: true })).toBeVisible();
  }
  await expect(copydesk.page.locator(".article-editor [data-field=headline]")).toHaveAttribute("data-placeholder", "Headline");
  await expect(copydesk.page.getByRole("list", { name: "Related links" })).toBeAttached();
});

test("Backspace at the start of a field never merges it into the one before", async ({ copydesk }) => {
  const { page } = copydesk;
  await copydesk.setHeadline("Storm");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Dek");
  await page.keyboard.press("Home");
  for (let i = 0; i < 3; i++) await page.keyboard.press("Backspace");
  await copydesk.typeInBody("Body");
  await page.keyboard.press("Home");
  await page.keyboard.press("Backspace");
  await expect(copydesk.field("headline")).toHaveText("Storm");
  await expect(copydesk.field("standfirst")).toHaveText("Dek");
  await expect(copydesk.bodyBlocks()).toHaveText(["Body"]);
  const fields = (await copydesk.documentJson()).doc.content as { type: string }[];
  expect(fields.map((f) => f.type)).toEqual(["kicker", "headline", "standfirst", "byline", "dateline", "body", "tagline", "related"]);
});

/// Enters words at the end of a field in one go, as a paste would: one undo step, however slowly a
/// busy machine types (typing with pauses over half a second is undone pause by pause).
async function enterAtOnce(field: Locator, text: string): Promise<void> {
  await field.click({ position: { x: 2, y: 4 } });
  await field.page().keyboard.press("End");
  await field.page().keyboard.insertText(text);
}

test("undo and redo step back and forth across fields", async ({ copydesk }) => {
  await enterAtOnce(copydesk.field("headline"), "Storm");
  await enterAtOnce(copydesk.field("byline"), "By Ana");
  await enterAtOnce(copydesk.bodyBlocks().last(), "Ferries stayed.");
  await copydesk.undo();
  await expect(copydesk.bodyBlocks()).toHaveText([""]);
  await copydesk.undo();
  await expect(copydesk.field("byline")).toHaveText("");
  await expect(copydesk.field("headline")).toHaveText("Storm");
  await copydesk.redo();
  await copydesk.redo();
  await expect(copydesk.field("byline")).toHaveText("By Ana");
  await expect(copydesk.bodyBlocks()).toHaveText(["Ferries stayed."]);
  await expect(copydesk.page).toHaveTitle(/^• /);
});

test("cutting a selection from the headline into the body empties what was selected in each field, moving no text between them", async ({ copydesk }) => {
  const { page } = copydesk;
  await copydesk.setHeadline("Storm closes harbour");
  await copydesk.typeInBody("Ferries stayed in port.");
  await copydesk.field("headline").click({ position: { x: 5, y: 10 } });
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.down("Shift");
  await copydesk.bodyBlocks().last().click({ modifiers: ["Shift"] });
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.up("Shift");

  await page.keyboard.press("ControlOrMeta+X");

  await expect(copydesk.field("headline")).toHaveText("S");
  await expect(copydesk.bodyBlocks()).toHaveText(["."]);
  const fields = (await copydesk.documentJson()).doc.content as { type: string }[];
  expect(fields.map((f) => f.type)).toEqual(["kicker", "headline", "standfirst", "byline", "dateline", "body", "tagline", "related"]);
});
