import { describe, expect, it } from "vitest";
import { metaSchema } from "../../../shared/meta-schema";
import { loadTransliterator, needsTransliteration, slugFromText, slugInAnyScript, suggestSlug, suggestSlugFor } from "../../../shared/slug";
import { isRightToLeft, primaryLanguage, textDirection } from "../../../shared/text-direction";

// The rule for which languages are written right to left, and slugs for headlines in any script.

describe("the direction of a language", () => {
  it("is right to left for Arabic, Hebrew, Persian and Urdu, with or without a region", () => {
    expect(["ar", "he", "fa", "ur", "ar-EG", "fa-IR", "he-IL", "ur-PK", "AR", "ar_SA"].map(textDirection)).toEqual(Array(10).fill("rtl"));
  });

  it("is left to right for the others, and for a tag it does not know", () => {
    expect(["en", "fr-CA", "de", "es", "ru", "zh-Hant", "", "arn", "heb-x"].map(textDirection)).toEqual(Array(9).fill("ltr"));
    expect(isRightToLeft("ar-Latn")).toBe(false);
    expect(isRightToLeft("az-Arab")).toBe(true);
    expect(isRightToLeft("ku-Arab-IQ")).toBe(true);
    expect(primaryLanguage(" Fa-IR ")).toBe("fa");
  });
});

describe("slug suggestions", () => {
  const id = "6b1f7c2e-4d0a-4c55-9b7e-2f3a8d9e1c40";
  const valid = (slug: string) => metaSchema.shape.slug.safeParse(slug).success;

  it("makes Latin headlines into slugs as before, without loading anything", () => {
    expect(suggestSlug("US speeds up arms sales to Iraq", id)).toBe("us-speeds-up-arms-sales-to-iraq");
    expect(needsTransliteration("Élection à Paris : « le jour J » — 2014")).toBe(false);
  });

  it("transliterates Arabic, Hebrew, Cyrillic, Greek and Chinese headlines", async () => {
    const transliterate = await loadTransliterator();
    expect(transliterate).toBeDefined();
    const slugs = ["مجلس الأمن يمدد مهمة البعثة في العراق", "הכנסת אישרה את התקציב", "Путин встретился с Макроном", "Εκλογές στην Αθήνα", "北京举行新闻发布会"].map((headline) => {
      expect(needsTransliteration(headline)).toBe(true);
      return suggestSlug(headline, id, transliterate);
    });
    expect(slugs[2]).toBe("putin-vstretilsya-s-makronom");
    expect(slugs[3]).toBe("ekloges-stin-athina");
    expect(slugs[4]).toBe("bei-jing-ju-xing-xin-wen-fa-bu-hui");
    for (const slug of slugs) {
      expect(slug).not.toBe(slugFromText(id));
      expect(slug.length).toBeGreaterThan(5);
      expect(valid(slug)).toBe(true);
    }
  });

  it("falls back to the article's id when nothing Latin comes out, and is never empty", async () => {
    const transliterate = await loadTransliterator();
    expect(suggestSlug("", id, transliterate)).toBe(id);
    expect(suggestSlug("🔥 ⚽", id, transliterate)).toBe(id);
    expect(suggestSlug("مجلس الأمن", id)).toBe(id);
    expect(suggestSlug("", "")).toBe("article");
    expect(valid(suggestSlug("", "6B1F7C2E-4D0A-4C55-9B7E-2F3A8D9E1C40"))).toBe(true);
  });

  it("keeps a long transliterated headline within the 200 characters the file format allows", async () => {
    const slug = suggestSlug("مجلس الأمن ".repeat(60), id, await loadTransliterator());
    expect(slug.length).toBeLessThanOrEqual(200);
    expect(valid(slug)).toBe(true);
  });
});

describe("slugs as the metadata panel makes them", () => {
  it("suggests from a headline in any script, and takes a slug typed in Arabic instead of dropping it", async () => {
    expect(await suggestSlugFor("Путин", "x1")).toBe("putin");
    expect(await suggestSlugFor("", "x1")).toBe("x1");
    expect(await slugInAnyScript("بغداد")).toMatch(/^[a-z]+$/);
    expect(await slugInAnyScript("My Slug")).toBe("my-slug");
    expect(await slugInAnyScript("")).toBe("");
  });
});
