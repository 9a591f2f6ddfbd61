/// The Content-Security-Policy of every Copydesk page: only the app's own code, no remote scripts,
/// no frames or plugins. renderer/index.html carries the same policy in a meta tag (a test checks they agree).
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
