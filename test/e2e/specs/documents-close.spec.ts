import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect, readArticle, test } from "../support/fixtures";
import { recoveryTexts } from "../support/recovery-copies";

// Closing a window or quitting with unsaved changes asks Save / Don't Save / Cancel first. The
// window owns the article: main asks it for its text at the moment of closing, so nothing typed
// just before is lost, and no spec waits for the window to "report" anything.

const prompt = /^Do you want to save the changes you made to “.+”\?$/;
const textOf = (path: string) => JSON.stringify(readArticle(path).doc);

test("closing an unchanged article asks nothing", async ({ copydesk }) => {
  expect(await copydesk.target.closeWindow()).toBe(true);
  expect(await copydesk.target.dialogLog()).toEqual([]);
});

test("closing a changed article and choosing Cancel keeps it open and writes nothing", async ({ copydesk, workDir }) => {
  await copydesk.setHeadline("Bridge reopens after repairs");
  await copydesk.target.answerDialogs({ kind: "ask", button: "Cancel" });

  expect(await copydesk.target.closeWindow()).toBe(false);

  const [asked] = await copydesk.target.dialogLog();
  expect(asked).toMatchObject({ kind: "ask", buttons: ["Save", "Don't Save", "Cancel"], answered: true });
  expect(asked.message).toMatch(prompt);
  await expect(copydesk.field("headline")).toHaveText("Bridge reopens after repairs");
  expect(existsSync(join(workDir, "Bridge reopens after repairs.article"))).toBe(false);
});

test("typing and closing at once, then Save, keeps every word", async ({ copydesk, workDir }) => {
  const path = join(workDir, "bridge.article");
  await copydesk.target.answerDialogs({ kind: "ask", button: "Save" }, { kind: "save", path });
  await copydesk.setHeadline("Bridge reopens after repairs");
  await copydesk.typeInBody("Traffic resumed at dawn, the last word typed just now");

  expect(await copydesk.target.closeWindow()).toBe(true);

  expect(textOf(path)).toContain("Bridge reopens after repairs");
  expect(textOf(path)).toContain("Traffic resumed at dawn, the last word typed just now");
});

test("typing into a saved article and closing at once asks first", async ({ copydesk, workDir }) => {
  const path = join(workDir, "saved.article");
  await copydesk.setHeadline("Council approves budget");
  await copydesk.saveAs(path);
  await copydesk.typeInBody("One more sentence.");
  await copydesk.target.answerDialogs({ kind: "ask", button: "Save" });

  expect(await copydesk.target.closeWindow()).toBe(true);

  const asked = (await copydesk.target.dialogLog()).filter((d) => d.kind === "ask");
  expect(asked).toHaveLength(1);
  expect(asked[0].message).toBe("Do you want to save the changes you made to “saved.article”?");
  expect(textOf(path)).toContain("One more sentence.");
});

test("closing a changed article and choosing Don't Save closes it without writing", async ({ copydesk, workDir }) => {
  const path = join(workDir, "bridge.article");
  await copydesk.setHeadline("Bridge reopens");
  await copydesk.saveAs(path);
  await copydesk.setHeadline(" after repairs");
  await copydesk.target.answerDialogs({ kind: "ask", button: "Don't Save" });

  expect(await copydesk.target.closeWindow()).toBe(true);

  expect(textOf(path)).not.toContain("after repairs");
});

test("typing and quitting at once asks; Cancel stops the quit, Save keeps every word", async ({ copydesk, workDir }) => {
  const path = join(workDir, "flood.article");
  await copydesk.setHeadline("Flood warning lifted");
  await copydesk.saveAs(path);
  await copydesk.typeInBody("Rivers fell overnight.");

  await copydesk.target.answerDialogs({ kind: "ask", button: "Cancel" });
  expect(await copydesk.target.quit()).toBe(false);
  expect(textOf(path)).not.toContain("Rivers fell overnight.");

  await copydesk.typeInBody(" Schools reopen on Monday.");
  await copydesk.target.answerDialogs({ kind: "ask", button: "Save" });
  expect(await copydesk.target.quit()).toBe(true);
  expect(textOf(path)).toContain("Rivers fell overnight. Schools reopen on Monday.");
  expect((await copydesk.target.dialogLog()).filter((d) => d.kind === "ask")).toHaveLength(2);
});

test("Save, then typing on: the later words are unsaved, kept in recovery, and closing asks", async ({ copydesk, workDir, userDataDir }) => {
  const path = join(workDir, "late.article");
  await copydesk.setHeadline("Late words");
  await copydesk.target.answerDialogs({ kind: "save", path });
  await copydesk.page.keyboard.press("ControlOrMeta+S");
  await copydesk.typeInBody("Typed while it saved.");
  await copydesk.expectMessage(/Saved/);

  await copydesk.expectTitle("• late.article — Copydesk");
  expect(await copydesk.page.evaluate(() => window.copydeskApp!.edited())).toBe(true);
  expect(textOf(path)).not.toContain("Typed while it saved.");
  await expect.poll(() => recoveryTexts(userDataDir).some((text) => text.includes("Typed while it saved."))).toBe(true);

  await copydesk.target.answerDialogs({ kind: "ask", button: "Cancel" });
  expect(await copydesk.target.closeWindow()).toBe(false);
  expect((await copydesk.target.dialogLog()).filter((d) => d.kind === "ask")).toHaveLength(1);
});
