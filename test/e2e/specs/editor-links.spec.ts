import { expect, test } from "../support/fixtures";

// The link editor accepts http, https and mailto only, and a plain click never navigates.

test("Mod-K refuses javascript: with a clear message and accepts https", async ({ copydesk }) => {
  const { page } = copydesk;
  await copydesk.typeInBody("Read the report");
  await page.keyboard.press("Shift+Home");
  await page.keyboard.press("ControlOrMeta+K");
  const dialog = copydesk.dialog("Add link");
  await dialog.getByLabel("Address").fill("javascript:alert(1)");
  await dialog.getByRole("button", { name: "Add link" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Only http, https or mailto links are allowed, not javascript:.");
  await dialog.getByLabel("Address").fill("www.example.com");
  await dialog.getByRole("button", { name: "Add link" }).click();
  await expect(dialog.getByRole("alert")).toContainText("start it with https://");
  await dialog.getByLabel("Address").fill("https://www.example.com/report");
  await dialog.getByRole("button", { name: "Add link" }).click();
  await expect(dialog).toBeHidden();
  const link = page.locator(".article-editor .body a");
  await expect(link).toHaveAttribute("href", "https://www.example.com/report");
  await expect(link).toHaveText("Read the report");

  const url = page.url();
  await page.evaluate(() => {
    // Listens last, on the window: by then the editor has had its say about the click.
    const seen = window as unknown as { clickNavigates?: boolean };
    window.addEventListener("click", (event) => (seen.clickNavigates = !event.defaultPrevented), { once: true });
  });
  await link.click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { clickNavigates?: boolean }).clickNavigates)).toBe(false);
  expect(page.url()).toBe(url);
  expect(page.context().pages()).toHaveLength(1);

  await page.keyboard.press("ControlOrMeta+K");
  await copydesk.dialog("Edit link").getByRole("button", { name: "Remove link" }).click();
  await expect(link).toHaveCount(0);
});

test("Mod-click hands a link to the system browser through the main process, which checks it first", async ({ copydesk }) => {
  const { page } = copydesk;
  await copydesk.typeInBody("Read the report");
  await page.keyboard.press("Shift+Home");
  await page.keyboard.press("ControlOrMeta+K");
  const dialog = copydesk.dialog("Add link");
  await dialog.getByLabel("Address").fill("https://www.example.com/report");
  await dialog.getByRole("button", { name: "Add link" }).click();
  const url = page.url();

  await page.locator(".article-editor .body a").click({ modifiers: ["ControlOrMeta"] });

  await copydesk.expectMessage("Opened https://www.example.com/report in your browser.");
  expect(await copydesk.target.openedLinks()).toEqual(["https://www.example.com/report"]);
  expect(page.url()).toBe(url);
  expect(page.context().pages()).toHaveLength(1);
  const refused = await page.evaluate(() => window.copydesk.invoke("link:open", { href: "javascript:alert(1)" }));
  expect(refused).toMatchObject({ ok: false, error: { code: "invalid-request" } });
  expect(await copydesk.target.openedLinks()).toHaveLength(1);
});
