import type { Article } from "../article";
import { assetScheme, fieldText, reviewOf } from "../article";
import { authorsMissingFromByline } from "../byline";
import { isEmbargoed, localEmbargoTime } from "../embargo";
import { fieldLength, fields, lengthLevel, type FieldName } from "../fields";
import { reviewBeforeExport } from "../review/open-review";
import { withLiveSuggestions } from "../review/suggestions";
import type { ExportFormat } from "../ipc";
import { publishRefusal } from "../workflow";
import { exportFormatDescriptions } from "./formats";
import { articleParts, figureParts } from "./parts";

// What to fix before an export, and what only deserves a warning: the field rules of
// shared/fields.ts (required fields, length limits), then figures, embargo, links and the desk's
// review (open suggestions must be accepted or rejected; open notes are only a warning).

/// The outcome of the pre-export check: errors block the export, warnings do not.
export interface ExportCheck {
  errors: string[];
  warnings: string[];
}

/// The field rules: a required field left empty is an error, a length over a limit an error or a warning.
function checkFields(article: Article, errors: string[], warnings: string[]): void {
  article.doc.forEach((field) => {
    const name = field.type.name as FieldName;
    const { label, limits, required } = fields[name];
    if (!field.isTextblock) return;
    const length = fieldLength(field.textContent);
    const what = label.toLowerCase();
    if (required && length === 0) errors.push(`The article has no ${what}.`);
    else if (limits && lengthLevel(name, length) === "error") errors.push(`The ${what} is ${length} characters long; the limit is ${limits.error}.`);
    else if (limits && lengthLevel(name, length) === "warn") warnings.push(`The ${what} is ${length} characters long; aim for ${limits.warn} or fewer.`);
  });
}

/// Checks an article before export; `now` is when the export happens; `styleErrors` are the house
/// style's error-level matches (shared/style), which block the export like a missing headline;
/// `formats` are the formats chosen (the review goes only into those that carry it: Word);
/// `published` is true for an export marked published, refused while the embargo is to come (the
/// export dialog and main both check it here).
export function checkBeforeExport(
  article: Article,
  now: Date = new Date(),
  styleErrors: readonly string[] = [],
  formats: readonly ExportFormat[] = [],
  published = false,
): ExportCheck {
  const parts = articleParts(article);
  const errors: string[] = [...styleErrors];
  const warnings: string[] = [];
  checkFields(article, errors, warnings);
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
  const refusal = published ? publishRefusal(article.meta, now) : null;
  if (refusal) errors.push(refusal);
  else if (isEmbargoed(embargo, now)) {
    warnings.push(`The article is embargoed until ${localEmbargoTime(embargo!)}; the exported files carry the embargo.`);
  }
  const bodyEmpty = parts.body.textContent.trim() === "" && figureNumber === 0;
  if (bodyEmpty) warnings.push("The body is empty.");
  if (parts.related.some((link) => link.title.trim() === "")) warnings.push("A related link has no title.");
  const unnamed = authorsMissingFromByline(fieldText(article.doc, "byline"), article.meta.authors);
  if (unnamed.length) warnings.push(`The byline does not name ${unnamed.join(", ")}, listed among the authors (Metadata > People: Write byline from authors).`);
  const carrying = formats.filter((id) => exportFormatDescriptions.find((f) => f.id === id)?.carriesReview).length;
  // The suggestions the text still holds: one accepted or rejected since its entry was written is not open.
  const review = reviewBeforeExport(withLiveSuggestions(reviewOf(article), article.doc), carrying === 0 ? "none" : carrying === formats.length ? "all" : "some");
  return { errors: [...errors, ...review.errors], warnings: [...warnings, ...review.warnings] };
}
