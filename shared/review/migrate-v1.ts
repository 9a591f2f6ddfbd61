import { emptyReview, reviewParts } from "./review";

// Version 1 of the `.article` file to version 2: version 2 adds the review (people, notes,
// suggestions, versions) beside the document; a version 1 file has none, so its parts are empty.
// Run in memory on open (shared/article-file.ts, `migrations`); the file is written as version 2
// only when the journalist saves.

/// The file's parsed JSON at version 2: the same article, with an empty review.
export function migrateVersion1(file: Record<string, unknown>): Record<string, unknown> {
  const review = emptyReview();
  const parts = Object.fromEntries(reviewParts.map((part) => [part, review[part]]));
  return { ...file, version: 2, ...parts };
}
