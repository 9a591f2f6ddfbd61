import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect, readArticle, test } from "../support/fixtures";

// Closing a window or quitting with unsaved changes asks Save / Don't Save / Cancel first.

const prompt = /^Do you want to save the changes you made to “.+”\?$/;

/// Lets the window report its latest text to the main process (it does so 300 ms after typing stops).
const settle = (page: import("@playwright/test").Page) => page.waitForTimeout(700);

test("closing an unchanged article asks nothing", async ({ copydesk }) => {
  expect(await copydesk.target.closeWindow()).toBe(true);
  expect(await copydesk.target.dialogLog()).toEqual([]);
});

test("closing a changed article and choosing Cancel keeps it open and writes nothing", async ({ copydesk, workDir }) => {
  await copydesk.setHeadline("Bridge reopens after repairs");
  await settle(copydesk.page);
  await copydesk.target.answerDialogs({ kind: "ask", button: "Cancel" });

  expect(await copydesk.target.closeWindow()).toBe(false);

  const [asked] = await copydesk.target.dialogLog();
  expect(asked).toMatchObject({ kind: "ask", buttons: ["Save", "Don't Save", "Cancel"], answered: true });
  expect(asked.message).toMatch(prompt);
  await expect(copydesk.field("headline")).toHaveText("Bridge reopens after repairs");
  expect(existsSync(join(workDir, "Bridge reopens after repairs.article"))).toBe(false);
});

test("closing a changed untitled article and choosing Save asks where, then saves it", async ({ copydesk, workDir }) => {
  await copydesk.setHeadline("Bridge reopens after repairs");
  await copydesk.typeInBody("Traffic resumed at dawn.");
  await settle(copydesk.page);
  const path = join(workDir, "bridge.article");
  await copydesk.target.answerDialogs({ kind: "ask", button: "Save" }, { kind: "save", path });

  expect(await copydesk.target.closeWindow()).toBe(true);

  const saved = JSON.stringify(readArticle(path).doc);
  expect(saved).toContain("Bridge reopens after repairs");
  expect(saved).toContain("Traffic resumed at dawn.");
});

test("closing a changed article and choosing Don't Save closes it without writing", async ({ copydesk, workDir }) => {
  const path = join(workDir, "bridge.article");
  await copydesk.setHeadline("Bridge reopens");
  await copydesk.saveAs(path);
  await copydesk.setHeadline(" after repairs");
  await settle(copydesk.page);
  await copydesk.target.answerDialogs({ kind: "ask", button: "Don't Save" });

  expect(await copydesk.target.closeWindow()).toBe(true);

  expect(JSON.stringify(readArticle(path).doc)).not.toContain("after repairs");
});

test("quitting asks about the changed article; Cancel stops the quit, Save lets it go", async ({ copydesk, workDir }) => {
  const path = join(workDir, "flood.article");
  await copydesk.setHeadline("Flood warning lifted");
  await copydesk.saveAs(path);
  await copydesk.typeInBody("Rivers fell overnight.");
  await settle(copydesk.page);

  await copydesk.target.answerDialogs({ kind: "ask", button: "Cancel" });
  expect(await copydesk.target.quit()).toBe(false);
  expect(JSON.stringify(readArticle(path).doc)).not.toContain("Rivers fell overnight.");

  await copydesk.target.answerDialogs({ kind: "ask", button: "Save" });
  expect(await copydesk.target.quit()).toBe(true);
  expect(JSON.stringify(readArticle(path).doc)).toContain("Rivers fell overnight.");
  expect((await copydesk.target.dialogLog()).filter((d) => d.kind === "ask")).toHaveLength(2);
});
