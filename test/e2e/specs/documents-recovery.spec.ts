import { invoke } from "./documents-ipc";
import { expect, test } from "../support/fixtures";

// A journalist types, the app dies without saving, and the next start offers what was typed.
// The renderer has no recovery panel yet, so the offer is read through the page's own API.

test("what was typed up to two seconds before a crash is offered back after restart", async ({ copydesk, launch }) => {
  await copydesk.setHeadline("Storm closes the harbour");
  await copydesk.typeInBody("Ferries stayed in port.");
  await copydesk.page.waitForTimeout(2_400);
  await copydesk.typeInBody(" Typed in the last instant.");
  await copydesk.target.kill();

  const again = await launch();
  const offered = await invoke(again.page, "recovery:list", {});
  expect(offered).toHaveLength(1);
  expect(offered[0]).toMatchObject({ title: "Untitled", path: null });
  expect(offered[0].words).toBeGreaterThanOrEqual(8);

  const restored = await invoke(again.page, "recovery:restore", { id: offered[0].id });
  expect(restored.edited).toBe(true);
  const text = JSON.stringify(restored.article.doc);
  expect(text).toContain("Storm closes the harbour");
  expect(text).toContain("Ferries stayed in port.");
});

test("a saved article leaves nothing to recover", async ({ copydesk, launch, workDir }) => {
  await copydesk.setHeadline("Council approves budget");
  await copydesk.page.waitForTimeout(2_400);
  await copydesk.saveAs(`${workDir}/budget.article`);
  await copydesk.target.kill();

  const again = await launch();
  expect(await invoke(again.page, "recovery:list", {})).toEqual([]);
});

test("after a crash the window offers the recovery copy, and Restore brings the text back unsaved", async ({ copydesk, launch }) => {
  await copydesk.setHeadline("Night shift at the port");
  await copydesk.typeInBody("Dockers worked through the storm.");
  await copydesk.page.waitForTimeout(2_400);
  await copydesk.target.kill();

  const again = await launch();
  const offer = again.page.getByRole("region", { name: /can be recovered/ });
  await expect(offer).toContainText("Untitled");
  await expect(offer).toContainText("never saved");
  await offer.getByRole("button", { name: "Restore Untitled" }).click();

  await expect(offer).toBeHidden();
  await expect(again.field("headline")).toHaveText("Night shift at the port");
  await expect(again.bodyBlocks().last()).toHaveText("Dockers worked through the storm.");
  expect(await again.page.evaluate(() => window.copydeskApp!.edited())).toBe(true);
  await again.expectMessage(/^Restored/);
});

test("Discard removes the recovery copy for good", async ({ copydesk, launch }) => {
  await copydesk.setHeadline("Draft to throw away");
  await copydesk.page.waitForTimeout(2_400);
  await copydesk.target.kill();

  const again = await launch();
  const offer = again.page.getByRole("region", { name: /can be recovered/ });
  await offer.getByRole("button", { name: "Discard Untitled" }).click();
  await expect(offer).toBeHidden();
  await again.target.kill();

  const third = await launch();
  await expect(third.page.getByRole("region", { name: /can be recovered/ })).toHaveCount(0);
  expect(await invoke(third.page, "recovery:list", {})).toEqual([]);
});
