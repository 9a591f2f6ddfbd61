import { invoke } from "./documents-ipc";
import { expect, test } from "../support/fixtures";
import { recoveryTexts } from "../support/recovery-copies";

// A journalist types, the app dies without saving, and the next start offers what was typed:
// every word up to two seconds before the crash. Specs wait for the copy on disk, not for time.
// The two seconds (a report at most 200 ms after a key, the copy at most 1.5 s after the first
// unwritten edit) are checked with fake timers in test/unit/services/recovery.test.ts; the crash
// spec here allows two more for what a loaded machine adds on top (the round trip that reads the
// window's article, and two fsyncs).
const promisedMs = 2_000;
const busyMachineMs = 2_000;

/// Waits until a recovery copy on disk holds this text.
async function recovered(userDataDir: string, text: string): Promise<void> {
  await expect.poll(() => recoveryTexts(userDataDir).some((copy) => copy.includes(text)), { timeout: 30_000 }).toBe(true);
}

test("what was typed up to two seconds before a crash is offered back after restart", async ({ copydesk, launch, userDataDir }) => {
  await copydesk.setHeadline("Storm closes the harbour");
  await copydesk.typeInBody("Ferries stayed in port.");
  await recovered(userDataDir, "Ferries stayed in port.");
  await copydesk.target.kill();

  const again = await launch();
  const offered = await invoke(again.page, "recovery:list", {});
  expect(offered).toHaveLength(1);
  expect(offered[0]).toMatchObject({ title: "Untitled", path: null });
  expect(offered[0].words).toBe(8);

  const restored = await invoke(again.page, "recovery:restore", { id: offered[0].id });
  expect(restored.edited).toBe(true);
  const text = JSON.stringify(restored.article.doc);
  expect(text).toContain("Storm closes the harbour");
  expect(text).toContain("Ferries stayed in port.");
});

test("typing steadily for ten seconds or more, then a crash: all but the last few seconds are recovered", async ({ copydesk, launch, userDataDir }) => {
  await copydesk.setHeadline("Steady typing");
  await copydesk.typeInBody("");
  const typed: { word: string; at: number }[] = [];
  const start = Date.now();
  // Ten seconds at least, and on until more than ten words are old enough to be owed: a busy
  // machine can type fewer than two words a second.
  const owed = (now: number) => typed.filter((t) => t.at <= now - promisedMs - busyMachineMs);
  for (let i = 0; Date.now() - start < 10_000 || owed(Date.now()).length <= 10; i++) {
    const word = `w${i}x`;
    await copydesk.page.keyboard.type(`${word} `);
    typed.push({ word, at: Date.now() });
  }
  const crashedAt = Date.now();
  await copydesk.target.kill();

  const [copy] = recoveryTexts(userDataDir);
  const kept = new Set(copy.split(/\s+/));
  const mustHave = owed(crashedAt);
  const lost = mustHave.filter((t) => !kept.has(t.word));
  expect(mustHave.length).toBeGreaterThan(10);
  expect(lost.map((t) => `${t.word} (typed ${crashedAt - t.at} ms before the crash)`)).toEqual([]);

  const again = await launch();
  const [offered] = await invoke(again.page, "recovery:list", {});
  expect(offered.words).toBeGreaterThanOrEqual(mustHave.length);
});

test("a saved article leaves nothing to recover", async ({ copydesk, launch, workDir, userDataDir }) => {
  await copydesk.setHeadline("Council approves budget");
  await recovered(userDataDir, "Council approves budget");
  await copydesk.saveAs(`${workDir}/budget.article`);
  await expect.poll(() => recoveryTexts(userDataDir)).toEqual([]);
  await copydesk.target.kill();

  const again = await launch();
  expect(await invoke(again.page, "recovery:list", {})).toEqual([]);
});

test("after a crash the window offers the recovery copy, and Restore brings the text back unsaved", async ({ copydesk, launch, userDataDir }) => {
  await copydesk.setHeadline("Night shift at the port");
  await copydesk.typeInBody("Dockers worked through the storm.");
  await recovered(userDataDir, "Dockers worked through the storm.");
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

test("Discard removes the recovery copy for good", async ({ copydesk, launch, userDataDir }) => {
  await copydesk.setHeadline("Draft to throw away");
  await recovered(userDataDir, "Draft to throw away");
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
