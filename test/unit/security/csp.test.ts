import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appResponseHeaders, contentSecurityPolicy, contentSecurityPolicyHeader } from "../../../shared/csp";

// The page's Content-Security-Policy (shared/csp.ts): strict, carried by renderer/index.html and
// the built page, and sent as a header with what a meta tag cannot carry.

const root = join(__dirname, "..", "..", "..");
const directives = (policy: string) => new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
const metaPolicy = (html: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];

describe("the Content-Security-Policy", () => {
  const policy = directives(contentSecurityPolicy);

  it("allows no inline code or styles, no eval, and no script from anywhere but the app", () => {
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|strict-dynamic|'nonce-|'sha\d+-/);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("script-src")).toEqual(["'self'"]);
    expect(policy.get("style-src")).toEqual(["'self'"]);
  });

  it("allows no plugins, frames, base URL changes or form submissions", () => {
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("frame-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'none'"]);
  });

  it("loads images only from the app, embedded data and https, never plain http", () => {
    expect(policy.get("img-src")).toEqual(["'self'", "data:", "blob:", "https:"]);
    for (const [, values] of policy) expect(values).not.toContain("http:");
    for (const [, values] of policy) expect(values).not.toContain("*");
  });

  it("connects only to the app itself and to WebSockets (a newsroom server), never plain http", () => {
    // The servers are the newsroom's own, added in Settings, where plain ws:// to another computer is refused.
    expect(policy.get("connect-src")).toEqual(["'self'", "ws:", "wss:"]);
  });

  it("is what renderer/index.html carries", () => {
    expect(metaPolicy(readFileSync(join(root, "renderer", "index.html"), "utf8"))).toBe(contentSecurityPolicy);
  });

  it.skipIf(!existsSync(join(root, "out", "renderer", "index.html")))("is what the built page carries, with no inline script or style in it", () => {
    const html = readFileSync(join(root, "out", "renderer", "index.html"), "utf8");
    expect(metaPolicy(html)).toBe(contentSecurityPolicy);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=/i);
  });
});

describe("the page's response headers", () => {
  const header = directives(contentSecurityPolicyHeader);

  it("carry the policy, no framing of the page, and a sandbox without popups or top navigation", () => {
    expect(contentSecurityPolicyHeader.startsWith(contentSecurityPolicy)).toBe(true);
    expect(header.get("frame-ancestors")).toEqual(["'none'"]);
    expect(header.get("sandbox")).toEqual(["allow-scripts", "allow-same-origin", "allow-forms"]);
    expect(appResponseHeaders["Content-Security-Policy"]).toBe(contentSecurityPolicyHeader);
  });

  it("isolate the page's browsing context and forbid sniffing, referrers and powerful features", () => {
    expect(appResponseHeaders).toMatchObject({
      "Cross-Origin-Opener-Policy": "same-origin",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    });
    for (const feature of ["camera", "microphone", "geolocation"]) expect(appResponseHeaders["Permissions-Policy"]).toContain(`${feature}=()`);
  });
});
