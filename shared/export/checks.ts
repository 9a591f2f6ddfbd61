import type { Article } from "../article";
import { assetScheme } from "../article";
import { articleParts, figureParts } from "./parts";

// What to fix before an export, and what only deserves a warning (ARTICLE-MODEL.md limits).

/// Headline length above which a warning is given.
export const headlineSoftLimit = 70;
/// Headline length above which export is refused.
export const headlineHardLimit = 120;
/// Standfirst length above which a warning is given.
export const standfirstSoftLimit = 160;
/// Kicker length above which a warning is given.
export const kickerSoftLimit = 40;

/// The outcome of the pre-export check: errors block the export, warnings do not.
export interface ExportCheck {
  errors: string[];
  warnings: string[];
}

/// Checks an article before export; `now` is when the export happens.
export function checkBeforeExport(article: Article, now: Date = new Date()): ExportCheck {
  const parts = articleParts(article);
  const errors: string[] = [];
  const warnings: string[] = [];
  const headline = parts.headline.trim();
  if (headline === "") errors.push("The article has no headline.");
  else if (headline.length > headlineHardLimit) {
    errors.push(`The headline is ${headline.length} characters long; the limit is ${headlineHardLimit}.`);
  } else if (headline.length > headlineSoftLimit) {
    warnings.push(`The headline is ${headline.length} characters long; aim for ${headlineSoftLimit} or fewer.`);
  }
  const standfirst = parts.standfirst.textContent.trim();
  if (standfirst.length > standfirstSoftLimit) {
    warnings.push(`The standfirst is ${standfirst.length} characters long; aim for ${standfirstSoftLimit} or fewer.`);
  }
  if (parts.kicker.length > kickerSoftLimit) {
    warnings.push(`The kicker is ${parts.kicker.length} characters long; aim for ${kickerSoftLimit} or fewer.`);
  }
  let figureNumber = 0;
  parts.body.descendants((node) => {
    if (node.type.name !== "figure") return true;
    figureNumber += 1;
    const figure = figureParts(node);
    if (figure.src.trim() === "") errors.push(`Figure ${figureNumber} has no image.`);
    else if (figure.src.startsWith(assetScheme) && !article.assets[figure.src.slice(assetScheme.length)]) {
      errors.push(`Figure ${figureNumber}'s image is missing from the article.`);
    }
    if (figure.alt.trim() === "") errors.push(`Figure ${figureNumber} has no alt text (describe the picture for readers who cannot see it).`);
    if (!figure.credit.trim()) warnings.push(`Figure ${figureNumber} has no credit.`);
    return false;
  });
  const { embargo } = article.meta;
  if (embargo && Date.parse(embargo) > now.getTime()) {
    warnings.push(`The article is embargoed until ${embargo}; the exported files carry the embargo.`);
  }
  const bodyEmpty = parts.body.textContent.trim() === "" && figureNumber === 0;
  if (bodyEmpty) warnings.push("The body is empty.");
  if (parts.related.some((link) => link.title.trim() === "")) warnings.push("A related link has no title.");
  return { errors, warnings };
}
