// Slugs: lowercase ASCII words joined by single hyphens, within the 200 characters the file format
// allows. A headline in another script (Arabic, Hebrew, Cyrillic, Greek, Chinese…) is first
// transliterated into Latin letters with the `transliteration` package; its tables are about 53 KB
// gzipped, so it is loaded on demand (its own chunk in the renderer), never with the first frame.
// When nothing Latin comes out (an empty headline, emoji only), the suggestion is the article's id.

/// Turns text in any script into Latin letters ("Путин" → "Putin").
export type Transliterate = (text: string) => string;

/// A slug from text that is already in Latin letters ("Élection à Paris" → "election-a-paris");
/// "" when it has no Latin letter or digit. Used as typed in the slug field, too.
export function slugFromText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 200)
    .replace(/-$/, "");
}

/// The slug suggested for a headline: its words, transliterated when a transliterator is given,
/// else the article's id; never empty.
export function suggestSlug(headline: string, id: string, transliterate?: Transliterate): string {
  return slugFromText(transliterate ? transliterate(headline) : headline) || slugFromText(id) || "article";
}

/// True when the text has letters a slug cannot take as they are (any script but Latin).
export function needsTransliteration(text: string): boolean {
  return /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u.test(text);
}

/// Loads the transliterator; undefined when it cannot be loaded (the suggestion is then the id).
export async function loadTransliterator(): Promise<Transliterate | undefined> {
  try {
    const { transliterate } = await import("transliteration");
    return (text) => transliterate(text);
  } catch {
    return undefined;
  }
}

/// The slug of text in any script, loading the transliterator only when the text needs it; ""
/// when nothing Latin comes out. For a slug as typed.
export async function slugInAnyScript(text: string): Promise<string> {
  const transliterate = needsTransliteration(text) ? await loadTransliterator() : undefined;
  return slugFromText(transliterate ? transliterate(text) : text);
}

/// `suggestSlug` for a headline in any script, loading the transliterator only when it needs it.
export async function suggestSlugFor(headline: string, id: string): Promise<string> {
  return suggestSlug(headline, id, needsTransliteration(headline) ? await loadTransliterator() : undefined);
}
