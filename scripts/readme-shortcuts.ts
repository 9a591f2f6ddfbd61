import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { withShortcutTable } from "../shared/shortcut-table";

// Rewrites the README's "Keyboard shortcuts" table from the command table (shared/commands.ts):
// `npm run readme:shortcuts`. test/unit/foundation/shortcut-table.test.ts fails when they differ.

const readmePath = join(import.meta.dirname, "..", "README.md");
const before = readFileSync(readmePath, "utf8");
const after = withShortcutTable(before);
if (after === before) console.log("README.md: the shortcut table is up to date.");
else {
  writeFileSync(readmePath, after);
  console.log("README.md: shortcut table rewritten from shared/commands.ts.");
}
