import { readFileSync } from "node:fs";
import type { Plugin } from "vite";
import { conceptIndex } from "../shared/vocabularies/concepts";

// `import topics from "…/iptc-mediatopic.json?concept-index"` gives the vocabulary's concepts as
// the metadata panel's pickers need them (shared/vocabularies/concepts.ts): qcode, labels and
// broader concept, retired ones left out. The IKOS file itself (2 MB of definitions, mappings and
// history for Media Topics) never reaches the window; the index is built with the renderer.

const suffix = "?concept-index";

export function vocabularies(): Plugin {
  return {
    name: "copydesk-vocabularies",
    enforce: "pre",
    load(id) {
      if (!id.endsWith(suffix)) return null;
      const file = id.slice(0, -suffix.length);
      this.addWatchFile(file);
      const index = conceptIndex(JSON.parse(readFileSync(file, "utf8")) as Parameters<typeof conceptIndex>[0]);
      if (index.length === 0) this.error(`${file} has no concepts in use.`);
      // As a string for JSON.parse, which a browser reads much faster than the same object as script.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(index))});`;
    },
  };
}
