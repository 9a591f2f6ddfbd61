// Which languages are written right to left: the one rule that the editor, the exporters and the
// PDF follow. A BCP 47 tag counts by its primary language, so "ar-EG" and "fa-IR" are right to
// left, unless it names its script.

/// Primary language subtags of the languages Copydesk writes right to left: Arabic, Hebrew,
/// Persian, Urdu and Yiddish.
export const rightToLeftLanguages: readonly string[] = ["ar", "he", "fa", "ur", "yi"];

/// The primary language subtag of a BCP 47 tag, lowercase ("ar-EG" → "ar").
export function primaryLanguage(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0];
}

/// Script subtags (ISO 15924) of the right-to-left scripts: Arabic, Hebrew, Syriac, Thaana, N'Ko.
const rightToLeftScripts: readonly string[] = ["arab", "hebr", "syrc", "thaa", "nkoo"];

/// True when the language of a BCP 47 tag is written right to left. A script subtag decides when
/// there is one ("az-Arab" is, "ar-Latn" is not).
export function isRightToLeft(tag: string): boolean {
  const script = tag.trim().toLowerCase().split(/[-_]/)[1];
  if (script && /^[a-z]{4}$/.test(script)) return rightToLeftScripts.includes(script);
  return rightToLeftLanguages.includes(primaryLanguage(tag));
}

/// The base direction of text in that language, as HTML's `dir` attribute spells it.
export function textDirection(tag: string): "rtl" | "ltr" {
  return isRightToLeft(tag) ? "rtl" : "ltr";
}

const rightToLeftLetter = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/// True when the text has a letter of a right-to-left script (Arabic, Hebrew…).
export function hasRightToLeftLetters(text: string): boolean {
  return rightToLeftLetter.test(text);
}
