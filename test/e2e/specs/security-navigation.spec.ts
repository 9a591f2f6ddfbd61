import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";

// A link in an article never takes the editor window anywhere, and the page cannot open windows.
// In Electron main refuses navigation and new windows (will-navigate, setWindowOpenHandler); the
// page itself runs under the same sandboxing headers in both targets (shared/csp.ts), so
// window.open gives nothing even where main is not there to refuse.

/// Records, on the window and after everyone else, each click-like event and whether it was stopped.
async function watchClicks(page: Page): Promise<() => Promise<{ type: string; button: number; prevented: boolean }[]>> {
  await page.evaluate(() => {
    const seen: { type: string; button: number; prevented: boolean }[] = [];
    (window as unknown as { clicksSeen: typeof seen }).clicksSeen = seen;
    for (const type of ["click", "auxclick"]) {
      window.addEventListener(type, (event) => seen.push({ type, button: (event as MouseEvent).button, prevented: event.defaultPrevented }));
    }
  });
  return () => page.evaluate(() => (window as unknown as { clicksSeen: { type: string; button: number; prevented: boolean }[] }).clicksSeen);
}

test("clicking a link in the article never navigates the window, with any button or key", async ({ copydesk }) => {
  const { page } = copydesk;
  const link = await copydesk.addLinkInBody("Read the report", "https://www.example.com/report");
  const url = page.url();
  const navigations: string[] = [];
  page.on("framenavigated", (frame) => navigations.push(frame.url()));
  const clicks = await watchClicks(page);

  await link.click();
  await expect.poll(clicks).toEqual([{ type: "click", button: 0, prevented: true }]);
  await link.click({ modifiers: ["Shift"] });
  await link.click({ modifiers: ["Alt"] });
  await link.dblclick();
  await expect.poll(async () => (await clicks()).filter((c) => c.type === "click").every((c) => c.prevented)).toBe(true);
  await expect.poll(async () => (await clicks()).length).toBeGreaterThanOrEqual(5);
  await link.click({ button: "middle" });
  await expect.poll(async () => (await clicks()).some((c) => c.type === "auxclick" && c.button === 1)).toBe(true);

  // Mod-click goes through main, which checks the address and hands it to the system: the
  // message comes back over IPC after every click above has been handled.
  await link.click({ modifiers: ["ControlOrMeta"] });
  await copydesk.expectMessage("Opened https://www.example.com/report in your browser.");
  expect(await copydesk.target.openedLinks()).toEqual(["https://www.example.com/report"]);
  expect(page.url()).toBe(url);
  expect(navigations).toEqual([]);
  expect(page.context().pages()).toEqual([page]);
});

test("a related link, clicked, stays in the editor too", async ({ copydesk }) => {
  const { page } = copydesk;
  await copydesk.addRelatedLink("https://www.example.com/background", "Background");
  const url = page.url();
  const clicks = await watchClicks(page);
  await page.locator(".article-editor a.related-title").first().click();
  await expect.poll(clicks).toEqual([{ type: "click", button: 0, prevented: true }]);
  expect(page.url()).toBe(url);
  expect(page.context().pages()).toEqual([page]);
});

test("window.open from the page is refused: it gives null and no window appears", async ({ copydesk }) => {
  const { page } = copydesk;
  const popups: string[] = [];
  page.context().on("page", (popup) => popups.push(popup.url()));
  const results = await page.evaluate(() =>
    [
      window.open("https://www.example.com/"),
      window.open("about:blank"),
      window.open("", "_blank"),
      window.open(location.href, "_blank", "noopener"),
      window.open("javascript:alert(1)"),
    ].map((opened) => opened === null),
  );
  expect(results).toEqual([true, true, true, true, true]);

  // An anchor the page makes itself, aimed at a new window, opens nothing either.
  const anchorClicked = await page.evaluate(() => {
    const anchor = Object.assign(document.createElement("a"), { href: "https://www.example.com/", target: "_blank", rel: "opener" });
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    return true;
  });
  expect(anchorClicked).toBe(true);
  await copydesk.typeInBody("Still here.");
  await expect(copydesk.bodyBlocks().last()).toContainText("Still here.");
  expect(popups).toEqual([]);
  expect(page.context().pages()).toEqual([page]);
});

test("the page is served with the app's security headers and runs under them without a violation", async ({ copydesk }) => {
  const { page } = copydesk;
  const headers = await page.evaluate(async () => Object.fromEntries((await fetch(location.href)).headers));
  expect(headers["content-security-policy"]).toMatch(/(^|; )sandbox allow-scripts allow-same-origin allow-forms(;|$)/);
  expect(headers["content-security-policy"]).not.toMatch(/unsafe-inline|unsafe-eval|allow-popups|allow-top-navigation/);
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");

  await page.evaluate(() => {
    const violations: string[] = [];
    (window as unknown as { violations: string[] }).violations = violations;
    document.addEventListener("securitypolicyviolation", (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await copydesk.setHeadline("Storm closes the harbour");
  await copydesk.addLinkInBody("Ferries stayed in port", "https://www.example.com/ferries");
  await page.keyboard.press("ControlOrMeta+Alt+M");
  await page.keyboard.press("ControlOrMeta+F");
  await page.keyboard.type("harbour");
  await page.keyboard.press("Escape");
  await copydesk.addRelatedLink("https://www.example.com/background", "Background");
  // The stylesheet is the app's own file, which style-src 'self' allows: the page looks as designed.
  expect(await page.evaluate(() => getComputedStyle(document.querySelector(".article-editor .headline")!).fontWeight)).toBe("700");
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
});
