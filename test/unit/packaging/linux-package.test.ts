import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type DebPlan, planDebOffline, projectRoot } from "./pack-offline";

const articleMime = "application/vnd.copydesk.article+json";
let plan: DebPlan;

beforeAll(async () => {
  plan = await planDebOffline();
}, 120_000);

/** The deb's file mappings, destination to source. */
const installed = () => new Map(plan.fpmArgs.filter((arg) => arg.includes("=/")).map((arg) => [arg.slice(arg.indexOf("=") + 1), arg.slice(0, arg.indexOf("="))]));

describe("the Linux deb, as electron-builder would hand it to fpm", () => {
  it("has a desktop entry under Office that opens .article files", () => {
    // %F hands double-clicked files over as paths, which main reads from argv.
    expect(plan.desktopEntry).toContain("\nExec=/opt/Copydesk/copydesk %F\n");
    expect(plan.desktopEntry).toContain("\nCategories=Office;WordProcessor;\n");
    expect(plan.desktopEntry).toContain(`\nMimeType=${articleMime};\n`);
    expect(plan.desktopEntry).toContain("\nIcon=copydesk\n");
    expect(plan.desktopEntry).toContain("\nStartupWMClass=copydesk\n");
    expect([...installed().keys()]).toContain("/usr/share/applications/copydesk.desktop");
  });

  it("registers the MIME type and its document icon", () => {
    const files = installed();
    const icon = `${articleMime.replace("/", "-")}.png`;
    expect(files.get("/usr/share/mime/packages/copydesk-article.xml")).toBe("build/linux/copydesk-article.xml");
    expect(files.get(`/usr/share/icons/hicolor/256x256/mimetypes/${icon}`)).toBe(`build/linux/${icon}`);
    // fpm resolves relative sources from the project root, where `npm run dist` runs.
    const ourSources = [...files.values()].filter((source) => !source.startsWith("/"));
    for (const source of ourSources) expect(existsSync(join(projectRoot, source)), source).toBe(true);
  });

  it("installs the app icon at the hicolor sizes", () => {
    const destinations = [...installed().keys()];
    for (const size of [16, 32, 48, 128, 256, 512]) expect(destinations).toContain(`/usr/share/icons/hicolor/${size}x${size}/apps/copydesk.png`);
  });

  it("names a maintainer and the project's homepage, which deb requires", () => {
    expect(plan.fpmArgs).toContain("--maintainer");
    expect(plan.fpmArgs).toContain("--url");
  });
});
