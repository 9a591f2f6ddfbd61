import { describe, expect, it } from "vitest";
import { externalLinkToOpen } from "../../../electron/main/external-links";
import { isSafeLinkHref, isWebHref, linkHrefProblem } from "../../../shared/urls";

// Links that leave Copydesk: the article's link policy (shared/urls.ts) and what main hands to
// shell.openExternal (electron/main/external-links.ts). A hostile article, paste or page may
// offer any of these; none may reach the system's browser or mail program.

const hostile: [string, string, RegExp][] = [
  ["javascript", "javascript:alert(1)", /not javascript:/],
  ["javascript, mixed case and spaces before", "  JaVaScRiPt:alert(1)", /not javascript:/],
  ["data", "data:text/html,<script>alert(1)</script>", /not data:/],
  ["file", "file:///etc/passwd", /not file:/],
  ["a UNC path through file", "file://attacker.example/share/x.exe", /not file:/],
  ["ms-msdt, as in Follina", "ms-msdt:/id PCWDiagnostic", /not ms-msdt:/],
  ["search-ms", "search-ms:query=invoice&crumb=location:\\\\attacker.example\\share", /not search-ms:/],
  ["vbscript", "vbscript:msgbox(1)", /not vbscript:/],
  ["smb", "smb://attacker.example/share", /not smb:/],
  ["a custom app scheme", "app://copydesk/index.html", /not app:/],
  ["protocol-relative", "//attacker.example/", /not a full address/],
  ["no scheme", "www.example.com", /not a full address/],
  ["credentials", "https://user:pass@example.com/", /user name or password/],
  ["a user name only", "https://user@example.com/", /user name or password/],
  ["a host disguised as credentials", "https://www.bank.example@attacker.example/login", /user name or password/],
  ["an empty user name", "https://@attacker.example/", /user name or password/],
  ["a backslash that browsers read as a slash", "https://attacker.example\\@www.bank.example/", /backslash/],
  ["no host", "https:///path", /no valid host/],
  ["only a port", "https://:443/", /no valid host/],
  ["a newline", "https://example.com/\nX-Injected: 1", /control characters/],
  ["a NUL", "https://example.com/\u0000.html", /control characters/],
  ["a tab inside", "https://exa\tmple.com/", /control characters/],
  ["DEL", "https://example.com/\u007f", /control characters/],
  ["a C1 control", "https://example.com/\u0085", /control characters/],
  ["a right-to-left override", "https://example.com/\u202Efdp.exe", /invisible characters/],
  ["a left-to-right embedding", "https://\u202Aexample.com/", /invisible characters/],
  ["a bidi isolate", "https://example.com/\u2067x\u2069", /invisible characters/],
  ["a right-to-left mark", "https://example.com/\u200F", /invisible characters/],
  ["a zero-width space in the host", "https://pay\u200Bpal.example/", /invisible characters/],
  ["a percent-encoded right-to-left override", "https://example.com/%E2%80%AEfdp.exe", /invisible characters/],
  ["a space inside", "https://example.com/a b", /spaces/],
  ["a quote", 'https://example.com/"onmouseover="x', /quotes/],
  ["mailto with an attachment", "mailto:desk@example.com?attach=/etc/passwd", /may not attach files/],
  ["mailto with an attachment after a subject", "mailto:desk@example.com?subject=Hi&attach=C:\\secrets.txt", /not attach files|backslash/],
  ["mailto with an attachment, Outlook's spelling", "mailto:desk@example.com?Attachment=~/.ssh/id_rsa", /may not attach files/],
  ["mailto with an attachment, percent-encoded name", "mailto:desk@example.com?%61ttach=/etc/passwd", /may not attach files/],
  ["mailto with an attachment after a semicolon", "mailto:desk@example.com?subject=x;attach=/etc/passwd", /may not attach files/],
  ["mailto with an unknown field", "mailto:desk@example.com?x-mailer=1", /not "x-mailer"/],
  ["mailto with two question marks", "mailto:desk@example.com?subject=a?attach=b", /more than one|attach/],
  ["mailto without an address", "mailto:?subject=hello", /not a mail address/],
  ["mailto with an address that is not one", "mailto:desk", /not a mail address/],
  ["mailto with a newline", "mailto:desk@example.com?body=x\r\nBcc: all@example.com", /control characters/],
  ["empty", "   ", /empty/],
];

const fine = [
  "https://www.example.com/report",
  "http://example.com",
  "HTTPS://EXAMPLE.COM/Path?q=1#frag",
  "https://example.com:8443/a/b?c=d&e=f",
  "https://[2001:db8::1]/",
  "https://en.wikipedia.org/wiki/Caf%C3%A9",
  "https://bücher.example/",
  "  https://example.com/trimmed  ",
  "mailto:desk@example.com",
  "mailto:desk@example.com,editor@example.com",
  "mailto:desk@example.com?subject=Flood%20warning&body=See%20attached%20%28no%29",
  "mailto:desk@example.com?cc=a@example.com&bcc=b@example.com",
];

describe("links opened outside Copydesk", () => {
  it.each(hostile)("refuses %s", (_name, href, reason) => {
    const problem = linkHrefProblem(href);
    expect(problem).toMatch(reason);
    expect(isSafeLinkHref(href)).toBe(false);
    expect(externalLinkToOpen(href)).toBeNull();
  });

  it.each(fine)("opens %s", (href) => {
    expect(linkHrefProblem(href)).toBeNull();
    expect(externalLinkToOpen(href)).not.toBeNull();
  });

  it("opens the canonical form: a trimmed address, an internationalised host as punycode", () => {
    expect(externalLinkToOpen("  https://example.com/trimmed  ")).toBe("https://example.com/trimmed");
    expect(externalLinkToOpen("https://bücher.example/")).toBe("https://xn--bcher-kva.example/");
    expect(externalLinkToOpen("HTTPS://EXAMPLE.COM/Path")).toBe("https://example.com/Path");
  });

  it("refuses what is not a string", () => {
    for (const value of [undefined, null, 42, { href: "https://example.com" }, ["https://example.com"]]) expect(externalLinkToOpen(value)).toBeNull();
  });

  it("keeps mailto out of related links and images, which are web addresses only", () => {
    expect(isWebHref("mailto:desk@example.com")).toBe(false);
    expect(linkHrefProblem("mailto:desk@example.com", false)).toBe("Only http or https links are allowed, not mailto:.");
    expect(isWebHref("https://example.com/picture.png")).toBe(true);
    expect(isWebHref("https://user:pass@example.com/picture.png")).toBe(false);
  });
});
