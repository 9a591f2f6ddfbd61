import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

// The recovery copies in a user-data folder, read straight from disk as a crash leaves them.

/// The text of every recovery copy (headline and body included), newest writes as they are now.
export function recoveryTexts(userDataDir: string): string[] {
  const folder = join(userDataDir, "recovery");
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith(".json"));
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    try {
      const copy = JSON.parse(readFileSync(join(folder, name), "utf8")) as { article: { doc: unknown } };
      return [textOf(copy.article.doc)];
    } catch {
      return [];
    }
  });
}

function textOf(node: unknown): string {
  const n = node as { text?: string; content?: unknown[] };
  return (n.text ?? "") + (n.content ?? []).map(textOf).join(" ");
}
