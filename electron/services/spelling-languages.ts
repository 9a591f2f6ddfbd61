/// The spell-checking dictionaries for a BCP 47 tag: the exact one, else one of the same language ("fr" → "fr-FR").
export function spellingLanguagesFor(language: string, available: string[]): string[] {
  const wanted = language.toLowerCase();
  const exact = available.find((l) => l.toLowerCase() === wanted);
  if (exact) return [exact];
  const base = wanted.split("-")[0];
  return available.filter((l) => l.toLowerCase().split("-")[0] === base).slice(0, 1);
}
