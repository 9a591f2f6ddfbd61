import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { answerAppRequest, appFileFor, appSchemePrivileges } from "../../../electron/main/app-protocol";
import { appResponseHeaders, contentSecurityPolicyHeader } from "../../../shared/csp";

// The `app://copydesk/` protocol serves the built renderer and nothing else: no file outside its
// folder, whatever the URL says, and every answer carries the page's security headers.

const work = mkdtempSync(join(tmpdir(), "copydesk-app-protocol-"));
const root = join(work, "renderer");
mkdirSync(join(root, "assets"), { recursive: true });
writeFileSync(join(root, "index.html"), "<!doctype html><title>Copydesk</title>");
writeFileSync(join(root, "assets", "index-abc.js"), "console.log('editor')");
writeFileSync(join(root, "assets", "index-abc.css"), "body{}");
writeFileSync(join(work, "secret.txt"), "not for the page");
writeFileSync(join(work, "renderer-secret.html"), "not for the page either");
afterAll(() => rmSync(work, { recursive: true, force: true }));

const get = (url: string, method = "GET") => answerAppRequest({ url, method }, root);

describe("the app:// scheme", () => {
  it("is registered as standard and secure, without bypassing the CSP or allowing service workers", () => {
    expect(appSchemePrivileges).toMatchObject({ standard: true, secure: true, bypassCSP: false, allowServiceWorkers: false });
  });
});

describe("files served on app://copydesk/", () => {
  it("serves the page and its assets with their types and the page's security headers", async () => {
    const page = await get("app://copydesk/index.html");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("content-security-policy")).toBe(contentSecurityPolicyHeader);
    for (const [name, value] of Object.entries(appResponseHeaders)) expect(page.headers.get(name)).toBe(value);
    expect(await page.text()).toContain("<title>Copydesk</title>");
    expect((await get("app://copydesk/assets/index-abc.js")).headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect((await get("app://copydesk/assets/index-abc.css?v=1#x")).status).toBe(200);
    expect(appFileFor("app://copydesk/", root)).toEqual({ file: join(root, "index.html"), contentType: "text/html; charset=utf-8" });
  });

  it.each([
    ["a parent folder", "app://copydesk/../secret.txt"],
    ["a parent folder, percent-encoded", "app://copydesk/%2e%2e/secret.txt"],
    ["a parent folder behind an encoded slash", "app://copydesk/assets%2f..%2f..%2fsecret.txt"],
    ["an encoded backslash", "app://copydesk/..%5csecret.txt"],
    ["a backslash", "app://copydesk/..\\secret.txt"],
    ["an absolute path", "app://copydesk//etc/passwd"],
    ["an encoded absolute path", "app://copydesk/%2fetc%2fpasswd"],
    ["a NUL byte", "app://copydesk/index.html%00.png"],
    ["a sibling folder with our folder's name as prefix", "app://copydesk/../renderer-secret.html"],
    ["a dot segment", "app://copydesk/./index.html"],
    ["a malformed escape", "app://copydesk/%E0%A4%A.html"],
    ["another host", "app://attacker/index.html"],
    ["a look-alike host", "app://copydesk.attacker/index.html"],
    ["credentials", "app://x@copydesk/index.html"],
    ["another scheme", "file:///etc/passwd"],
  ])("refuses %s", async (_name, url) => {
    expect(appFileFor(url, root)).toEqual({ status: 403 });
    const answer = await get(url);
    expect(answer.status).toBe(403);
    expect(await answer.text()).toBe("");
  });

  it("answers 404 for a missing file and for types the app does not serve", async () => {
    expect((await get("app://copydesk/missing.js")).status).toBe(404);
    writeFileSync(join(root, "notes.txt"), "plain");
    expect((await get("app://copydesk/notes.txt")).status).toBe(404);
  });

  it("answers GET and HEAD only", async () => {
    expect((await get("app://copydesk/index.html", "POST")).status).toBe(405);
    const head = await get("app://copydesk/index.html", "HEAD");
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });
});
