import { readFile } from "node:fs/promises";
import { extname, isAbsolute, join, relative, sep } from "node:path";
import type { CustomScheme } from "electron";
import { appResponseHeaders } from "../../shared/csp";
import { appHost, appScheme } from "./renderer-origin";

// The `app://copydesk/` protocol: the editor's own files (out/renderer) served to its windows
// instead of file://, with the page's security headers. Registered as standard (so the page has
// an origin and relative URLs resolve) and secure (like https), with no CSP bypass and no service
// workers. Plain Node: index.ts hands `answerAppRequest` to protocol.handle.

/// How `app:` is registered with protocol.registerSchemesAsPrivileged, before the app is ready.
export const appSchemePrivileges: NonNullable<CustomScheme["privileges"]> = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  bypassCSP: false,
  allowServiceWorkers: false,
  stream: false,
};

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
};

/// The file an `app://` URL names under `root`, or the HTTP status refusing it: 403 for another
/// host, an encoded separator, a dot segment or anything that would leave `root`; 404 for a
/// type the app does not serve.
export function appFileFor(url: string, root: string): { file: string; contentType: string } | { status: 403 | 404 } {
  const prefix = `${appScheme}://${appHost}/`;
  if (!url.startsWith(prefix)) return { status: 403 };
  const path = url.slice(prefix.length).split(/[?#]/)[0] || "index.html";
  if (/%2f|%5c|%00|\\/i.test(path)) return { status: 403 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { status: 403 };
  }
  const segments = decoded.split("/");
  if (segments.some((segment) => segment === "" || segment === "." || segment === "..")) return { status: 403 };
  const file = join(root, ...segments);
  const inside = relative(root, file);
  if (inside === "" || inside.startsWith(`..${sep}`) || inside === ".." || isAbsolute(inside)) return { status: 403 };
  const contentType = contentTypes[extname(file).toLowerCase()];
  if (!contentType) return { status: 404 };
  return { file, contentType };
}

/// Answers one request of the `app:` protocol from the files under `root`: GET and HEAD only.
export async function answerAppRequest(request: { url: string; method: string }, root: string, read: (file: string) => Promise<Uint8Array> = readFile): Promise<Response> {
  if (request.method !== "GET" && request.method !== "HEAD") return refusal(405);
  const found = appFileFor(request.url, root);
  if ("status" in found) return refusal(found.status);
  const body = await read(found.file).catch(() => null);
  if (body === null) return refusal(404);
  return new Response(request.method === "HEAD" ? null : body, { status: 200, headers: { ...appResponseHeaders, "Content-Type": found.contentType } });
}

function refusal(status: number): Response {
  return new Response(null, { status, headers: { "X-Content-Type-Options": "nosniff" } });
}
