/// The Content-Security-Policy of every Copydesk page: only the app's own scripts and styles (no
/// inline code, no eval), no remote scripts, no frames, plugins or forms that leave the page.
/// Connections: the app's own, and WebSockets to a newsroom server (issue 16: the window talks to
/// it directly; which servers, and that plain ws:// stays on this computer, is checked in Settings,
/// shared/settings.ts `newsroomServerProblem`, since a CSP cannot name servers the newsroom adds).
/// renderer/index.html carries it in a meta tag (a test checks they agree).
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/// Sandbox flags of the page: scripts run and keep the page's own origin, forms may be used in
/// place (form-action keeps them from leaving), and nothing else: no popups (so `window.open`
/// gives null), no top-level navigation by other frames, no downloads, no modal dialogs.
export const pageSandbox = "sandbox allow-scripts allow-same-origin allow-forms";

/// The policy as a response header: what the meta tag cannot carry (frame-ancestors, sandbox) added.
export const contentSecurityPolicyHeader = [contentSecurityPolicy, "frame-ancestors 'none'", pageSandbox].join("; ");

/// Headers of every response that serves the app's own files (the `app://` protocol in Electron,
/// the e2e host in Chromium): the policy, a separate browsing context group for the page, no
/// MIME sniffing, no referrer sent with remote images, and no powerful features.
export const appResponseHeaders: Readonly<Record<string, string>> = {
  "Content-Security-Policy": contentSecurityPolicyHeader,
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), display-capture=(), payment=(), usb=()",
};
