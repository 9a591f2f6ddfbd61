import AxeBuilder from "@axe-core/playwright";
import { join } from "node:path";
import { seedArticlePath } from "../../support/seed-article";
import { expect, test } from "../support/fixtures";

// The reference article in the editor: how it looks, and what axe-core finds in both themes.

for (const colorScheme of ["light", "dark"] as const) {
  test(`axe finds no violations with the reference article loaded (${colorScheme})`, async ({ copydesk }) => {
    await copydesk.page.emulateMedia({ colorScheme });
    await copydesk.open(seedArticlePath);
    await expect(copydesk.field("headline")).toHaveText("US speeds up arms sales to Iraq amid jihadist resurgence");
    const page = await copydesk.page.evaluate(() => getComputedStyle(document.querySelector(".article-editor")!).backgroundColor);
    const [r, g, b] = page.match(/\d+/g)!.map(Number);
    expect((r + g + b) / 3, `page colour ${page}`)[colorScheme === "dark" ? "toBeLessThan" : "toBeGreaterThan"](128);
    const results = await new AxeBuilder({ page: copydesk.page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

test("the reference article is photographed for the README", async ({ copydesk }) => {
  await copydesk.page.setViewportSize({ width: 1440, height: 1000 });
  await copydesk.page.emulateMedia({ colorScheme: "light" });
  await copydesk.open(seedArticlePath);
  await expect(copydesk.field("headline")).toHaveText(/US speeds up/);
  await copydesk.page.mouse.move(700, 600);
  await copydesk.field("headline").click();
  await copydesk.page.locator(".document").evaluate((el) => el.scrollTo(0, 0));
  await copydesk.page.screenshot({ path: join(__dirname, "..", "..", "..", "docs", "screenshot.png") });
});
