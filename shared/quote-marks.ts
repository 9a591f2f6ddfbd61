import { primaryLanguage } from "./text-direction";

// The quotation marks of each language, for smart quotes in the editor and the quotes an
// exporter adds itself (a pull quote in plain text). Opening and closing are in typing order, so in
// right-to-left text the opening mark is the rightmost one; « and » are mirrored there by Unicode's
// bidi rules (Bidi_Mirrored), so «خبر» shows with its marks pointing outwards as written.
//
// Sources: CLDR's quotation delimiters (common/main/<lang>.xml, <delimiters>) for he (” ”, ’ ’),
// fa (« », ‹ ›) and ur (” “, ’ ‘). Arabic is the exception: CLDR gives ” “, but the Arabic press
// (and the newsroom this is for) sets quotations in guillemets « », with CLDR's ’ ‘ inside them.

/// Opening and closing double and single quotes of a language.
export interface QuoteStyle {
  openDouble: string;
  closeDouble: string;
  openSingle: string;
  closeSingle: string;
}

const narrowNoBreakSpace = "\u202f";

const styles: Record<string, QuoteStyle> = {
  en: { openDouble: "“", closeDouble: "”", openSingle: "‘", closeSingle: "’" },
  fr: { openDouble: `«${narrowNoBreakSpace}`, closeDouble: `${narrowNoBreakSpace}»`, openSingle: "‘", closeSingle: "’" },
  de: { openDouble: "„", closeDouble: "“", openSingle: "‚", closeSingle: "‘" },
  es: { openDouble: "«", closeDouble: "»", openSingle: "‘", closeSingle: "’" },
  it: { openDouble: "«", closeDouble: "»", openSingle: "‘", closeSingle: "’" },
  ar: { openDouble: "«", closeDouble: "»", openSingle: "’", closeSingle: "‘" },
  he: { openDouble: "”", closeDouble: "”", openSingle: "’", closeSingle: "’" },
  fa: { openDouble: "«", closeDouble: "»", openSingle: "‹", closeSingle: "›" },
  ur: { openDouble: "”", closeDouble: "“", openSingle: "’", closeSingle: "‘" },
};

/// The quotes of a BCP 47 language (English ones for languages without their own here).
export function quoteStyle(language: string): QuoteStyle {
  return styles[primaryLanguage(language)] ?? styles.en;
}
