import { linkHrefProblem } from "../../shared/urls";

// Links handed to the system's browser or mail program. Plain Node: security.ts passes what this
// returns, and nothing else, to shell.openExternal.

/// The address to open for a link the page asked for, or null when main refuses it: it must pass
/// the article's link policy (`linkHrefProblem`: http, https or plain mailto; no credentials,
/// attachments, control or bidi characters), and is opened in its canonical form (an
/// internationalised host as punycode), which must pass the policy again.
export function externalLinkToOpen(href: unknown): string | null {
  if (typeof href !== "string" || linkHrefProblem(href) !== null) return null;
  let canonical: string;
  try {
    canonical = new URL(href.trim()).href;
  } catch {
    return null;
  }
  return linkHrefProblem(canonical) === null ? canonical : null;
}
