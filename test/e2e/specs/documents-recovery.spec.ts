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
