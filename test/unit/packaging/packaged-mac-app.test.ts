import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getRawHeader } from "@electron/asar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPackagingProblems, readAsar, readProjectManifests } from "./asar-contents";
import { packOffline, packTimeoutMs, type PackResult, projectRoot, readFuseWire } from "./pack-offline";

const { manifest, lockfile } = readProjectManifests(projectRoot);
let pack: PackResult;
let infoPlist: string;

beforeAll(async () => {
  pack = await packOffline({}, "mac");
  infoPlist = readFileSync(join(pack.appDir, "Contents", "Info.plist"), "utf8");
}, packTimeoutMs);

afterAll(() => pack?.dispose());

/** The string value of a top-level or nested `<key>` in the plist XML. */
const plistString = (key: string) => new RegExp(`<key>${key}</key>\\s*<string>([^<]*)</string>`).exec(infoPlist)?.[1];

describe("the packaged macOS app (electron-builder --dir --mac, offline)", () => {
  it("is identified as Copydesk at the version of package.json", () => {
    expect(plistString("CFBundleIdentifier")).toBe("com.copydesk.editor");
    expect(plistString("CFBundleExecutable")).toBe("Copydesk");
    expect(plistString("CFBundleShortVersionString")).toBe((JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { version: string }).version);
  });

  it("opens .article files and shows them with the document icon", () => {
    expect(infoPlist).toMatch(/<key>CFBundleTypeExtensions<\/key>\s*<array>\s*<string>article<\/string>/);
    expect(plistString("CFBundleTypeIconFile")).toBe("article.icns");
    expect(plistString("LSHandlerRank")).toBe("Owner");
    const packagedIcon = readFileSync(join(pack.appDir, "Contents", "Resources", "article.icns"));
    expect(packagedIcon.equals(readFileSync(join(projectRoot, "build", "article.icns")))).toBe(true);
  });

  it("declares the .article type with its MIME type", () => {
    expect(plistString("UTTypeIdentifier")).toBe("com.copydesk.article");
    expect(infoPlist).toMatch(/<key>public.mime-type<\/key>\s*<array>\s*<string>application\/vnd.copydesk.article\+json<\/string>/);
  });

  it("records the asar header hash that the integrity fuse checks", () => {
    const hash = createHash("sha256").update(getRawHeader(pack.asarPath).headerString).digest("hex");
    expect(infoPlist).toMatch(new RegExp(`<key>Resources/app.asar</key>\\s*<dict>\\s*<key>algorithm</key>\\s*<string>SHA256</string>\\s*<key>hash</key>\\s*<string>${hash}</string>`));
  });

  it("flips the fuses in the Electron framework", () => {
    expect(readFuseWire(join(pack.appDir, "Contents", "Frameworks", "Electron Framework.framework", "Electron Framework"))).toBe("01001100");
  });

  it("ships the same clean app.asar as Linux", () => {
    expect(findPackagingProblems(readAsar(pack.asarPath), manifest, lockfile)).toEqual([]);
  });
});
