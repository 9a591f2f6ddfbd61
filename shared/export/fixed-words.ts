import { primaryLanguage } from "../text-direction";

// The few words an exporter writes itself, not the journalist ("Related", "Picture", "Words"),
// in the article's language: one table, so a language is added in one place. A regional tag
// ("fr-CA") takes its language's words; a language not here takes English.

/// The words an export adds around the article's own text.
export interface FixedWords {
  /// Heading of the related stories ("Related").
  related: string;
  /// Stands for an image in text-only formats ("[Picture: …]").
  picture: string;
  /// Labels the word count at the end of the plain-text export ("Words: 523").
  words: string;
  /// The page title of an article without a headline.
  untitled: string;
  /// Opens the embargo line of the text, Word, PDF and HTML exports ("EMBARGOED UNTIL 09:00 GMT 1 Jan 2030").
  embargoedUntil: string;
}

const table: Record<string, FixedWords> = {
  en: { related: "Related", picture: "Picture", words: "Words", untitled: "Untitled", embargoedUntil: "EMBARGOED UNTIL" },
  fr: { related: "À lire aussi", picture: "Photo", words: "Mots", untitled: "Sans titre", embargoedUntil: "SOUS EMBARGO JUSQU'AU" },
  de: { related: "Mehr zum Thema", picture: "Bild", words: "Wörter", untitled: "Ohne Titel", embargoedUntil: "SPERRFRIST BIS" },
  es: { related: "Noticias relacionadas", picture: "Foto", words: "Palabras", untitled: "Sin título", embargoedUntil: "EMBARGADO HASTA" },
  ar: { related: "أخبار ذات صلة", picture: "صورة", words: "عدد الكلمات", untitled: "بلا عنوان", embargoedUntil: "محظور النشر حتى" },
  he: { related: "כתבות קשורות", picture: "תמונה", words: "מילים", untitled: "ללא כותרת", embargoedUntil: "אמברגו עד" },
  fa: { related: "مطالب مرتبط", picture: "عکس", words: "تعداد واژه‌ها", untitled: "بدون عنوان", embargoedUntil: "ممنوع‌الانتشار تا" },
  ur: { related: "متعلقہ خبریں", picture: "تصویر", words: "الفاظ", untitled: "بلا عنوان", embargoedUntil: "اشاعت پر پابندی تا" },
};

/// The fixed words of a BCP 47 language (English for a language not in the table).
export function fixedWords(language: string): FixedWords {
  return table[primaryLanguage(language)] ?? table.en;
}

/// Every language's word for the related stories, for importers that read an export back.
export const relatedHeadings: readonly string[] = [...new Set(Object.values(table).map((words) => words.related))];
