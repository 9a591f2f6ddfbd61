/// A slug as an editor would make it from a headline: lowercase ASCII words joined by hyphens
/// ("Élection à Paris" → "election-a-paris"), within the 200 characters the file format allows.
export function suggestSlug(headline: string): string {
  return headline
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 200)
    .replace(/-$/, "");
}
