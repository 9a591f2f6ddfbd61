// URL policies of the article model: which links may exist in an article.

function protocolOf(href: string): string | null {
  const match = /^\s*([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(href);
  return match ? match[1].toLowerCase() : null;
}

/// http or https with a host: related links and external images.
export function isWebHref(href: string): boolean {
  const protocol = protocolOf(href);
  return (protocol === "http" || protocol === "https") && /^\s*https?:\/\/[^/\s]+/i.test(href) && !/[\s<>"]/.test(href.trim());
}

/// http, https or mailto: links inside text.
export function isSafeLinkHref(href: string): boolean {
  if (isWebHref(href)) return true;
  return protocolOf(href) === "mailto" && /^mailto:[^\s<>"]+@[^\s<>"]+$/i.test(href.trim());
}

/// Why a link target is refused, in plain words, or null when it is fine.
export function linkHrefProblem(href: string, allowMailto = true): string | null {
  const trimmed = href.trim();
  if (trimmed === "") return "The link address is empty.";
  const ok = allowMailto ? isSafeLinkHref(trimmed) : isWebHref(trimmed);
  if (ok) return null;
  const protocol = protocolOf(trimmed);
  const allowed = allowMailto ? "http, https or mailto" : "http or https";
  if (protocol === null) return `"${trimmed}" is not a full address: start it with https://.`;
  return `Only ${allowed} links are allowed, not ${protocol}:.`;
}
