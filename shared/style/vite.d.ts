// The part of Vite's `import.meta` the default guides use (shared/ is type-checked without Vite's
// client types, which bring the DOM).
interface ImportMeta {
  glob<T>(pattern: string, options: { query: "?raw" | "?rule-specs"; import: "default"; eager: true }): Record<string, T>;
}
