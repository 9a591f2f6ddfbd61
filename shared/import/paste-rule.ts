// When a paste is a whole page or most of one (docs/import.md, "Pasting a page"): the numbers of
// the rule, and the cheap first look that every paste into the body gets. This module imports
// nothing, so the editor's first frame carries it without the page extraction (html-paste.ts),
// which is loaded only for a paste that passes this look.

/// At least this many words, in at least `minimumParagraphs` paragraphs, make a paste "most of a page".
export const minimumPageWords = 150;
export const minimumParagraphs = 3;

/// The largest paste read as a page, in characters of HTML: a larger one pastes as it comes, so
/// that reading it never holds the window for seconds (a whole news page is 0.1 to 1.2 MB).
export const maxPastedPageChars = 4 * 1024 * 1024;

/// Page structure a selection of a few paragraphs does not carry, as a CSS selector.
export const pageStructure =
  'script[type="application/ld+json"], meta[property="og:title"], meta[property="og:type"], nav, header, footer, aside, [role="navigation"], [role="banner"], [role="contentinfo"], article';

/// The same page structure looked for in the HTML text, without parsing it.
const pageStructureInText = /<(?:nav|header|footer|aside|article)[\s>]|application\/ld\+json|property\s*=\s*["']?og:(?:title|type)|role\s*=\s*["']?(?:navigation|banner|contentinfo)/i;

/// Fewer characters than this cannot hold `minimumPageWords` words.
const minimumPageChars = minimumPageWords * 3;

/// What a first look at pasted HTML says, before any parsing: "selection" (paste it as it comes),
/// "maybe-page" (parse it to decide: isWholePage in html-paste.ts) or "too-large" (a page over
/// `maxPastedPageChars`, pasted as it comes with a word to say why).
export type PasteLook = "selection" | "maybe-page" | "too-large";

/// The first look: long enough for a page, with page structure and at least `minimumParagraphs`
/// paragraph tags. It reads the text once and parses nothing, so a small paste costs next to nothing.
export function pasteLook(html: string): PasteLook {
  if (html.length < minimumPageChars || !pageStructureInText.test(html)) return "selection";
  if (html.length > maxPastedPageChars) return "too-large";
  const paragraphTag = /<p[\s>]/gi;
  for (let count = 0; paragraphTag.exec(html) !== null; ) if (++count >= minimumParagraphs) return "maybe-page";
  return "selection";
}
