// The IPTC vocabularies as the build indexes them (scripts/vite-vocabularies.ts).
declare module "*?concept-index" {
  const concepts: import("../../shared/vocabularies/concepts").IndexedConcept[];
  export default concepts;
}
