// URL policies of the article model: which links may exist in an article, and so which may be
// opened outside Copydesk. One policy, `linkHrefProblem`, says why a link is refused; the
// editor, paste, import, the file format and the main process's `openExternal` all use it.

/// Mail link fields a message may be prefilled with (RFC 6068); anything else, such as Outlook's
/// `attach`, is refused.
const mailFields = new Set(["to", "cc", "bcc", "subject", "body"]);

/// C0 and C1 control characters and DEL.
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;
/// Characters that reorder or hide text: bidi embeddings, overrides and isolates, direction marks,
/// and invisible separators that make one address look like another.
const invisibleCharacter = /[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
/// The same characters percent-encoded in UTF-8 (U+200B–U+200F, U+202A–U+202E, U+2060–U+2069, U+FEFF, U+061C).
const encodedInvisible = /%e2%80%8[b-f]|%e2%80%a[a-e]|%e2%81%a[0-9]|%ef%bb%bf|%d8%9c/i;

function protocolOf(href: string): string | null {
  const match = /^\s*([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(href);
  return match ? match[1].toLowerCase() : null;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/// Why an http(s) address (already trimmed) is refused, or null.
function webAddressProblem(href: string): string | null {
  const match = /^https?:\/\/([^/?#]*)/i.exec(href);
  if (!match) return `"${href}" is not a full address: start it with https://.`;
  const authority = match[1];
  if (authority.includes("@")) return "The link carries a user name or password (user:pass@): leave them out.";
  if (!/^(?:\[[0-9a-f:.]+\]|[^\s:[\]]+)(?::\d{1,5})?$/i.test(authority)) return `"${href}" has no valid host name.`;
  return null;
}

/// Why a mailto address (already trimmed) is refused, or null: plain recipients, optionally a
/// subject, body, cc or bcc; never attachments.
function mailAddressProblem(href: string): string | null {
  const [recipients, ...rest] = href.slice("mailto:".length).split("?");
  if (!/^[^\s<>"@,]+@[^\s<>"@,]+(?:,[^\s<>"@,]+@[^\s<>"@,]+)*$/.test(decoded(recipients))) return `"${href}" is not a mail address: write it as mailto:name@example.com.`;
  if (rest.length > 1) return `"${href}" is not a mail address: it has more than one "?".`;
  const query = rest[0] ?? "";
  if (/(?:^|[&;?])\s*attach/i.test(decoded(query))) return "Mail links may not attach files.";
  for (const field of query === "" ? [] : query.split("&")) {
    const name = decoded(field.split("=")[0] ?? "").trim().toLowerCase();
    if (!mailFields.has(name)) return `Mail links may carry only a subject, body, cc or bcc, not "${name}".`;
  }
  return null;
}

/// Why a link target is refused, in plain words, or null when it is fine: http and https with a
/// host and no credentials, or (unless `allowMailto` is false) plain mailto without attachments;
/// never control characters, backslashes or characters that reorder or hide text.
export function linkHrefProblem(href: string, allowMailto = true): string | null {
  const trimmed = href.trim();
  if (trimmed === "") return "The link address is empty.";
  if (controlCharacter.test(trimmed)) return "The link address contains control characters.";
  if (invisibleCharacter.test(trimmed) || encodedInvisible.test(trimmed)) return "The link address contains invisible characters that change how it reads.";
  const protocol = protocolOf(trimmed);
  const web = protocol === "http" || protocol === "https";
  if (protocol === null) return `"${trimmed}" is not a full address: start it with https://.`;
  if (!web && !(protocol === "mailto" && allowMailto)) return `Only ${allowMailto ? "http, https or mailto" : "http or https"} links are allowed, not ${protocol}:.`;
  if (/[\s<>"\\]/.test(trimmed)) return "The link address contains spaces, quotes, angle brackets or backslashes.";
  return web ? webAddressProblem(trimmed) : mailAddressProblem(trimmed);
}

/// http or https with a host: related links and external images.
export function isWebHref(href: string): boolean {
  return linkHrefProblem(href, false) === null;
}

/// http, https or mailto: links inside text.
export function isSafeLinkHref(href: string): boolean {
  return linkHrefProblem(href) === null;
}
